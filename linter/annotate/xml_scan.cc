#include "annotate/xml_scan.h"

#include <cstring>


namespace wenfeng::annotate::xml {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Offset just past `terminator` searched from `from`, or npos.
std::size_t past(std::string_view x, std::size_t from, std::string_view terminator) {
  const auto at = x.find(terminator, from);
  return at == npos ? npos : at + terminator.size();
}

// The UTF-8 length of the character an entity reference (without '&' and ';') stands for.
std::size_t entity_length(std::string_view name) {
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits(name.substr(hex ? 2 : 1));
    const unsigned long cp = std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return 1;  // amp, lt, gt, quot, apos
}

}  // namespace

std::size_t start_tag_end(std::string_view x, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1; i < x.size(); ++i) {
    const char c = x[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return x.size();
}

bool self_closing(std::string_view x, std::size_t lt) {
  const std::size_t e = start_tag_end(x, lt);
  return e >= 2 && x[e - 2] == '/';
}

std::size_t element_end(std::string_view x, std::size_t lt) {
  std::size_t pos = start_tag_end(x, lt);
  if (x[pos - 2] == '/') return pos;
  int depth = 1;
  while (pos < x.size()) {
    const void* hit = std::memchr(x.data() + pos, '<', x.size() - pos);
    if (!hit) return npos;
    pos = static_cast<std::size_t>(static_cast<const char*>(hit) - x.data());
    const std::string_view rest = x.substr(pos);
    if (rest.rfind("<!--", 0) == 0) {
      pos = past(x, pos + 4, "-->");
    } else if (rest.rfind("<![CDATA[", 0) == 0) {
      pos = past(x, pos + 9, "]]>");
    } else if (rest.rfind("<?", 0) == 0) {
      pos = past(x, pos + 2, "?>");
    } else if (rest.rfind("</", 0) == 0) {
      pos = past(x, pos + 2, ">");
      if (--depth == 0) return pos;
    } else {
      const std::size_t e = start_tag_end(x, pos);
      if (x[e - 2] != '/') ++depth;
      pos = e;
    }
    if (pos == npos) return npos;
  }
  return npos;
}

std::string_view tag_name(std::string_view x, std::size_t lt) {
  std::size_t i = lt + 1;
  while (i < x.size() && !is_space(x[i]) && x[i] != '>' && x[i] != '/') ++i;
  return x.substr(lt + 1, i - lt - 1);
}

std::string_view local_name(std::string_view qname) {
  const auto c = qname.find(':');
  return c == npos ? qname : qname.substr(c + 1);
}

std::string_view prefix_of(std::string_view qname) {
  const auto c = qname.find(':');
  return c == npos ? std::string_view() : qname.substr(0, c + 1);
}

Children::Children(std::string_view x, std::size_t lt) : x_(x) {
  pos_ = start_tag_end(x, lt);
  if (x[pos_ - 2] == '/') {
    close_ = pos_;
    pos_ = npos;
    return;
  }
  const std::size_t e = element_end(x, lt);
  close_ = e == npos ? x.size() : x.rfind("</", e);
}

bool Children::next() {
  while (pos_ != npos && pos_ < close_) {
    const auto lt = x_.find('<', pos_);
    if (lt == npos || lt >= close_) break;
    const std::string_view rest = x_.substr(lt);
    if (rest.rfind("<!--", 0) == 0 || rest.rfind("<?", 0) == 0) {
      pos_ = past(x_, lt + 2, rest[1] == '!' ? "-->" : "?>");
      continue;
    }
    begin = lt;
    end = element_end(x_, lt);
    if (end == npos || end > close_) break;
    pos_ = end;
    return true;
  }
  pos_ = npos;
  return false;
}

std::size_t text_offset(std::string_view x, std::size_t from, std::size_t k) {
  std::size_t i = from, d = 0;
  while (d < k && i < x.size()) {
    const char c = x[i];
    if (c == '&') {
      const auto semi = x.find(';', i);
      if (semi == npos) return i;
      d += entity_length(x.substr(i + 1, semi - i - 1));
      i = semi + 1;
    } else if (c == '\r') {
      d += 1;
      i += i + 1 < x.size() && x[i + 1] == '\n' ? 2 : 1;
    } else {
      ++d;
      ++i;
    }
  }
  return i;
}

std::string_view attribute(std::string_view x, std::size_t lt, std::string_view name) {
  const std::size_t te = start_tag_end(x, lt);
  std::size_t i = lt + 1;
  while (true) {
    i = x.find(name, i);
    if (i == npos || i >= te) return {};
    const std::size_t eq = i + name.size();
    if (is_space(x[i - 1]) && eq + 1 < te && x[eq] == '=' && (x[eq + 1] == '"' || x[eq + 1] == '\'')) {
      const auto close = x.find(x[eq + 1], eq + 2);
      if (close == npos || close >= te) return {};
      return x.substr(eq + 2, close - eq - 2);
    }
    i = eq;
  }
}

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 has no place for the other C0 controls (a quoted form feed, say).
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.push_back(c);
    }
  }
  return out;
}

}  // namespace wenfeng::annotate::xml
