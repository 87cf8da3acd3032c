#include "fix/text_fix.h"

#include "fix/plan.h"
#include "readers/encoding.h"
#include "readers/markup.h"
#include "text/utf8.h"

namespace wenfeng::fix {
namespace {

// Byte offsets where each line of `s` starts (after LF, CRLF or a lone CR), as the text
// reader splits them.
std::vector<std::size_t> line_starts(std::string_view s) {
  std::vector<std::size_t> out{0};
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    if (s[i] == '\n' || s[i] == '\r') out.push_back(i + 1);
  }
  return out;
}

// Where block byte `offset` is in the decoded source, or npos.
std::size_t source_offset(const model::Document& doc, std::string_view utf8, const std::vector<std::size_t>& lines,
                          std::uint32_t block, std::uint32_t offset) {
  const auto pos = doc.position(block, offset);
  if (pos.line == 0 || pos.line > lines.size()) return std::string_view::npos;
  const std::size_t start = lines[pos.line - 1];
  return start + text::step_forward(utf8.substr(start), 0, pos.column - 1);
}

// The decoded text in the source's own encoding again: the same BOM, the same charset.
Result<std::string> encode_like(const std::string& utf8, std::string_view source, const std::string& encoding) {
  auto starts = [&](std::string_view p) { return source.substr(0, p.size()) == p; };
  if (encoding.rfind("UTF-8", 0) == 0) return (starts("\xEF\xBB\xBF") ? std::string("\xEF\xBB\xBF") : std::string()) + utf8;
  if (encoding.rfind("GB18030", 0) == 0) {
    auto r = readers::encode_strict(utf8, "GB18030");
    if (!r.ok()) return r.error();
    return (starts("\x84\x31\x95\x33") ? std::string("\x84\x31\x95\x33") : std::string()) + *r;
  }
  if (encoding.rfind("UTF-16", 0) == 0) {
    const bool be = encoding == "UTF-16BE" || starts("\xFE\xFF") || starts(std::string_view("\0<", 2));
    auto r = readers::encode_strict(utf8, be ? "UTF-16BE" : "UTF-16LE");
    if (!r.ok()) return r.error();
    const bool bom = starts("\xFF\xFE") || starts("\xFE\xFF");
    return (bom ? std::string(be ? "\xFE\xFF" : "\xFF\xFE") : std::string()) + *r;
  }
  return make_error(ErrorCode::kEncoding, "不能按 " + encoding + " 写回修正后的文件");
}

}  // namespace

Result<FixedSource> fix_source(std::string_view source, const model::Document& doc,
                               const std::vector<model::Diagnostic>& findings) {
  FixedSource out;
  out.fixed.assign(findings.size(), false);
  const bool text = doc.format == model::Format::kText;
  const bool html = doc.format == model::Format::kHtml;
  if (!text && !html && doc.format != model::Format::kXml && doc.format != model::Format::kNewsml)
    return make_error(ErrorCode::kUnsupported, std::string("--fix 不能直接改写 ") + model::format_name(doc.format) +
                                                   " 文件；DOCX 请用 --fix 生成修订副本，其他格式请另存为 .docx 或文本");
  std::string utf8, encoding;
  if (text) {
    auto d = readers::decode_text(source);
    if (!d.ok()) return d.error();
    utf8 = std::move(d->utf8);
    encoding = d->encoding;
  } else {
    auto d = readers::decode_markup(source, html);
    if (!d.ok()) return d.error();
    utf8 = std::move(d->utf8);
    encoding = d->encoding;
  }
  const auto lines = line_starts(utf8);
  std::string fixed;
  fixed.reserve(utf8.size());
  std::size_t cursor = 0;
  for (const auto& p : plan_fixes(findings)) {
    const std::string_view block = doc.block_text(p.block);
    const std::size_t at = source_offset(doc, utf8, lines, p.block, p.begin);
    const std::size_t len = p.end - p.begin;
    if (at == std::string_view::npos || at < cursor || utf8.compare(at, len, block.substr(p.begin, len)) != 0) {
      ++out.skipped;
      continue;
    }
    fixed.append(utf8, cursor, at - cursor);
    fixed.append(p.replacement);
    cursor = at + len;
    out.fixed[p.finding] = true;
    ++out.applied;
  }
  fixed.append(utf8, cursor, std::string::npos);
  auto bytes = encode_like(fixed, source, encoding);
  if (!bytes.ok()) return bytes.error();
  out.bytes = std::move(bytes).value();
  out.before = std::move(utf8);
  out.after = std::move(fixed);
  return out;
}

void fixed_paragraphs(const model::Document& doc, const std::vector<model::Diagnostic>& findings, std::string& before,
                      std::string& after) {
  const auto plan = plan_fixes(findings);
  std::size_t pi = 0;
  for (std::uint32_t b = 0; b < doc.blocks.size(); ++b) {
    const std::string_view t = doc.block_text(b);
    before.append(t);
    std::uint32_t cursor = 0;
    for (; pi < plan.size() && plan[pi].block == b; ++pi) {
      after.append(t.substr(cursor, plan[pi].begin - cursor));
      after.append(plan[pi].replacement);
      cursor = plan[pi].end;
    }
    after.append(t.substr(cursor));
    before.push_back('\n');
    after.push_back('\n');
  }
}

}  // namespace wenfeng::fix
