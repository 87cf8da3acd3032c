#include "lint/body.h"

#include <algorithm>

#include "count/counter.h"
#include "text/charclass.h"
#include "text/regex.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::lint {
namespace {

const text::Regex& dateline_regex() {
  // 本报讯（记者 王晓）… / 新华社北京5月1日电（记者 …）/ 本台消息（…）/ （记者 … 通讯员 …）
  static const text::Regex r =
      std::move(text::Regex::compile(
                    "^\\s*(?:(?:本报讯|本台消息|本刊讯|[\\p{Han}A-Za-z0-9]{0,16}(?:讯|电|消息))\\s*"
                    "(?:[（(][^）)]{0,60}[）)])?|[（(][^）)]{0,60}(?:记者|通讯员|报道员|供稿)[^）)]{0,60}[）)])"
                    "\\s*[:：]?\\s*")
                    .value());
  return r;
}

const text::Regex& editor_note_regex() {
  static const text::Regex r = std::move(text::Regex::compile("^\\s*[【\\[]?\\s*编者按\\s*[】\\]]?\\s*[:：]?").value());
  return r;
}

const text::Regex& caption_regex() {
  static const text::Regex r = std::move(
      text::Regex::compile("^\\s*(?:图为|图片为|（图|\\(图|图：|图片：|\\[图\\]|【图】)|[（(][^）)]{0,30}摄[）)]\\s*$").value());
  return r;
}

std::string short_excerpt(std::string_view s, std::size_t max_cp = 24) {
  std::string out;
  const char* p = s.data();
  const char* e = p + s.size();
  std::size_t n = 0;
  while (p < e && n < max_cp) {
    const char* a = p;
    text::decode(p, e);
    out.append(a, p);
    ++n;
  }
  if (p < e) out += "…";
  return out;
}

}  // namespace

model::Body body_of(const model::Document& doc, const profiles::BodyScope& scope, int title) {
  model::Body body;
  std::size_t captions = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive) continue;
    const std::string_view t = doc.block_text(b);
    if (scope.exclude_title && static_cast<int>(i) == title) {
      body.excluded.push_back("标题“" + short_excerpt(t) + "”");
      continue;
    }
    if (scope.exclude_headings && b.role == model::Role::kHeading) continue;
    if (b.role == model::Role::kByline) {
      if (scope.exclude_dateline) {
        body.excluded.push_back("电头/署名“" + short_excerpt(t) + "”");
        continue;
      }
    }
    text::Match m;
    // Each pattern holds a word its paragraphs must contain: test that first (memchr).
    if (scope.exclude_editor_note && text::contains(t, "编者按") && editor_note_regex().search(t, m)) {
      body.excluded.push_back("编者按（第 " + std::to_string(i + 1) + " 段）");
      continue;
    }
    if (scope.exclude_captions && text::contains_any(t, {"图", "摄"}) && !text::is_blank(t) &&
        caption_regex().search(t, m)) {
      ++captions;
      continue;
    }
    if (text::is_blank(t) && body.spans.empty()) continue;
    model::Span s{static_cast<std::uint32_t>(i), 0};
    // The dateline opens the first counted paragraph (after any title and editor's note).
    const bool first = body.spans.empty() && !text::is_blank(t);
    if (scope.exclude_dateline && first && dateline_regex().search(t, m) && m.end > m.begin && m.end < t.size()) {
      s.begin = static_cast<std::uint32_t>(m.end);
      body.excluded.push_back("电头“" + std::string(t.substr(0, m.end)) + "”");
    }
    body.spans.push_back(s);
    body.counts += count::count_text(t.substr(s.begin));
  }
  if (captions) body.excluded.push_back("图片说明 " + std::to_string(captions) + " 段");
  return body;
}

bool locate_unit(const model::Document& doc, const std::vector<model::Span>& spans, std::string_view unit,
                 std::uint64_t limit, std::uint32_t& block, std::uint32_t& offset) {
  std::uint64_t before = 0;
  for (const auto& s : spans) {
    const std::string_view t = doc.block_text(s.block).substr(s.begin);
    const std::uint64_t here = count::in_unit(count::count_text(t), unit);
    if (before + here > limit) {
      block = s.block;
      offset = s.begin + static_cast<std::uint32_t>(count::offset_of_unit(t, unit, limit - before));
      return true;
    }
    before += here;
  }
  return false;
}

std::vector<model::Item> split_items(const model::Document& doc, const profiles::ItemSpec& spec, int title) {
  auto has_marker = [&](std::string_view t, std::string& which) {
    for (const auto& m : spec.research_markers)
      if (t.find(m) != std::string_view::npos) {
        which = m;
        return true;
      }
    return false;
  };

  std::vector<model::Item> items;
  // Heading paragraphs are item titles; when headings come in two or more levels, the
  // top level are section headings (栏目) and the deeper ones items.
  int min_level = 10, max_level = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story == model::Story::kMain && b.role == model::Role::kHeading && static_cast<int>(i) != title) {
      min_level = std::min<int>(min_level, b.level);
      max_level = std::max<int>(max_level, b.level);
    }
  }
  bool section_research = false;
  std::string section_reason;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive || static_cast<int>(i) == title) continue;
    const std::string_view t = doc.block_text(b);
    if (text::is_blank(t)) continue;
    text::Match m;
    bool is_item_title = false;
    for (const auto& r : spec.title_regexes)
      if (r->search(t, m)) is_item_title = true;
    if (!is_item_title && b.role == model::Role::kHeading) {
      if (max_level > min_level && b.level == min_level) {
        std::string w;
        section_research = has_marker(t, w);
        section_reason = section_research ? "所在栏目“" + short_excerpt(t) + "”含“" + w + "”" : "";
        continue;
      }
      is_item_title = true;
    }
    if (is_item_title) {
      model::Item it;
      it.title_block = static_cast<std::uint32_t>(i);
      it.title = std::string(t);
      std::string w;
      if (section_research) {
        it.research = true;
        it.research_reason = section_reason;
      } else if (has_marker(t, w)) {
        it.research = true;
        it.research_reason = "标题含“" + w + "”";
      }
      if (spec.count_title) {
        it.spans.push_back({static_cast<std::uint32_t>(i), 0});
        it.counts += count::count_text(t);
      }
      items.push_back(std::move(it));
      continue;
    }
    if (items.empty()) continue;  // text before the first item (an issue's front matter)
    items.back().spans.push_back({static_cast<std::uint32_t>(i), 0});
    items.back().counts += count::count_text(t);
  }
  return items;
}

}  // namespace wenfeng::lint
