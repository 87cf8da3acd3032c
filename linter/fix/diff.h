// A unified diff (diff -u format, 3 lines of context) between two texts whose lines
// correspond one to one — what fixes produce, since no fix adds or removes a line break.
// Texts whose line counts differ are shown as one hunk.
#pragma once

#include <string>
#include <string_view>

namespace wenfeng::fix {

// "" when the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& name_before,
                         const std::string& name_after);

}  // namespace wenfeng::fix
