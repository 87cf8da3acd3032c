// `GET /v1/profiles` and `GET /v1/rules`: what `wenfeng profiles` and `wenfeng rules` print,
// as JSON for publishing systems and the page (which takes each kind's limits from here to
// draw how far over or under the limit a draft is).
//
//   {"version":1,"profiles":[{"id","name","chain":[…],"source":{issuer,document,part},
//     "unit","rates":{"tv","speech"},"notes":[…],
//     "kinds":[{"id","name","limits":[{"rule","max","unit","soft","note","severity","source"}],
//               "prohibitions":[{"rule","severity","message","source"}],"notes":[…]}]}]}
//   {"version":1,"rules":[{"id","family","severity","title","summary","description",
//     "measures","source","fixable","limit_keys":[…]}]}
#pragma once

#include <string>
#include <vector>

#include "profiles/profile.h"

namespace wenfeng::serve {

std::string profiles_json(const std::vector<profiles::Profile>& profiles);
std::string rules_json();

}  // namespace wenfeng::serve
