#include "support/json_value.h"

#include <cstdlib>

#include "text/utf8.h"

namespace wenfeng::testing {
namespace {
const JsonValue kNull;
constexpr int kMaxDepth = 256;
}  // namespace

const JsonValue& JsonValue::operator[](std::string_view key) const {
  auto it = o_.find(std::string(key));
  return it == o_.end() ? kNull : it->second;
}

const JsonValue& JsonValue::operator[](std::size_t i) const { return i < a_.size() ? a_[i] : kNull; }

class JsonParser {
 public:
  explicit JsonParser(std::string_view t) : t_(t) {}

  Result<JsonValue> run() {
    JsonValue v;
    if (!value(v, 0)) return fail();
    ws();
    if (i_ != t_.size()) { why_ = "多余的内容"; return fail(); }
    return v;
  }

 private:
  Error fail() const {
    return make_error(ErrorCode::kMalformedXml, "JSON 解析失败：" + why_ + "（第 " + std::to_string(i_) + " 字节）");
  }
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
  }
  bool lit(std::string_view w) {
    if (t_.substr(i_, w.size()) != w) { why_ = "无效的字面量"; return false; }
    i_ += w.size();
    return true;
  }
  bool hex4(unsigned& out) {
    if (i_ + 4 > t_.size()) return false;
    out = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = t_[i_++];
      out <<= 4;
      if (c >= '0' && c <= '9') out |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') out |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') out |= static_cast<unsigned>(c - 'A' + 10);
      else return false;
    }
    return true;
  }
  bool str(std::string& out) {
    ++i_;  // opening quote
    while (i_ < t_.size()) {
      const char c = t_[i_++];
      if (c == '"') return true;
      if (c != '\\') { out.push_back(c); continue; }
      if (i_ >= t_.size()) break;
      const char e = t_[i_++];
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) { why_ = "无效的 \\u 转义"; return false; }
          if (cp >= 0xD800 && cp <= 0xDBFF && t_.substr(i_, 2) == "\\u") {
            i_ += 2;
            unsigned lo = 0;
            if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) { why_ = "无效的代理对"; return false; }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
          }
          text::append_utf8(out, cp);
          break;
        }
        default: why_ = "无效的转义"; return false;
      }
    }
    why_ = "字符串未结束";
    return false;
  }
  bool value(JsonValue& v, int depth) {
    if (depth > kMaxDepth) { why_ = "嵌套过深"; return false; }
    ws();
    if (i_ >= t_.size()) { why_ = "意外结束"; return false; }
    const char c = t_[i_];
    if (c == '{') {
      v.type_ = JsonValue::Type::kObject;
      ++i_;
      ws();
      if (i_ < t_.size() && t_[i_] == '}') { ++i_; return true; }
      while (true) {
        ws();
        if (i_ >= t_.size() || t_[i_] != '"') { why_ = "缺少键名"; return false; }
        std::string k;
        if (!str(k)) return false;
        ws();
        if (i_ >= t_.size() || t_[i_] != ':') { why_ = "缺少冒号"; return false; }
        ++i_;
        if (!value(v.o_[k], depth + 1)) return false;
        ws();
        if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
        if (i_ < t_.size() && t_[i_] == '}') { ++i_; return true; }
        why_ = "对象未结束";
        return false;
      }
    }
    if (c == '[') {
      v.type_ = JsonValue::Type::kArray;
      ++i_;
      ws();
      if (i_ < t_.size() && t_[i_] == ']') { ++i_; return true; }
      while (true) {
        v.a_.emplace_back();
        if (!value(v.a_.back(), depth + 1)) return false;
        ws();
        if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
        if (i_ < t_.size() && t_[i_] == ']') { ++i_; return true; }
        why_ = "数组未结束";
        return false;
      }
    }
    if (c == '"') { v.type_ = JsonValue::Type::kString; return str(v.s_); }
    if (c == 't') { v.type_ = JsonValue::Type::kBool; v.b_ = true; return lit("true"); }
    if (c == 'f') { v.type_ = JsonValue::Type::kBool; return lit("false"); }
    if (c == 'n') { return lit("null"); }
    const std::string num(t_.substr(i_, std::min<std::size_t>(64, t_.size() - i_)));
    char* end = nullptr;
    v.n_ = std::strtod(num.c_str(), &end);
    if (end == num.c_str()) { why_ = "无效的值"; return false; }
    v.type_ = JsonValue::Type::kNumber;
    i_ += static_cast<std::size_t>(end - num.c_str());
    return true;
  }

  std::string_view t_;
  std::size_t i_ = 0;
  std::string why_;
};

Result<JsonValue> JsonValue::parse(std::string_view text) { return JsonParser(text).run(); }

}  // namespace wenfeng::testing
