// Where wenfeng's data (profiles/, dictionaries/) is, so that a binary works wherever it is
// installed or moved. In order:
//   1. $WENFENG_DATA_DIR, when set;
//   2. ../share/wenfeng next to the binary (an installed tree: bin/wenfeng with
//      share/wenfeng/profiles, wherever the tree was unpacked or moved);
//   3. the parent of the binary's directory (a build directory inside a checkout:
//      build/wenfeng with profiles/ beside build/, wherever the checkout was moved);
//   4. the source directory and then the install prefix this binary was built for.
// The first that holds a profiles/ directory wins; $WENFENG_PROFILES_DIR and
// $WENFENG_DICTIONARIES_DIR still override the two parts separately.
#pragma once

#include <string>

namespace wenfeng {

// The data directory (computed once; thread-safe). When no candidate holds profiles/, the
// first candidate, so that messages can name where wenfeng looked.
const std::string& data_dir();

// "数据目录 /usr/share/wenfeng（可用环境变量 WENFENG_DATA_DIR 另行指定）", for messages.
std::string data_dir_hint();

}  // namespace wenfeng
