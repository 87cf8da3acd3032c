// Rewriting a zip package: entries given new content are replaced (deflated), new entries
// are added at the end, and every other entry is copied as stored — compressed bytes,
// order and names unchanged (libzip copies unchanged entries without recompressing).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/result.h"

namespace wenfeng::annotate {

// `changed`: entry name → new content; names not in the package are added.
Result<std::string> rewrite_package(std::string_view original, const std::map<std::string, std::string>& changed);

}  // namespace wenfeng::annotate
