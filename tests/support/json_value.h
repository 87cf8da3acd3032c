// A small JSON value and parser, for reading wenfeng's JSON output back in tests.
// Depth-limited; numbers kept as double.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace wenfeng::testing {

class JsonValue {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool as_bool() const { return b_; }
  double as_number() const { return n_; }
  const std::string& as_string() const { return s_; }
  const std::vector<JsonValue>& items() const { return a_; }
  const std::map<std::string, JsonValue>& members() const { return o_; }

  // Member or item access; returns a null value when absent.
  const JsonValue& operator[](std::string_view key) const;
  const JsonValue& operator[](std::size_t i) const;
  bool has(std::string_view key) const { return o_.find(std::string(key)) != o_.end(); }

  static Result<JsonValue> parse(std::string_view text);

 private:
  friend class JsonParser;
  Type type_ = Type::kNull;
  bool b_ = false;
  double n_ = 0;
  std::string s_;
  std::vector<JsonValue> a_;
  std::map<std::string, JsonValue> o_;
};

}  // namespace wenfeng::testing
