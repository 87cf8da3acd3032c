// What counts as the body of a draft, and how a bulletin issue splits into items.
//
// The body is the main text minus, by the profile's scope: the title; the 电头/byline at
// the start of the lead paragraph ("本报讯（记者 …）", "新华社北京5月1日电（记者 …）");
// 编者按 paragraphs; photo captions ("图为…", "（…摄）"). Every exclusion is reported.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "count/counter.h"
#include "model/document.h"
#include "profiles/profile.h"
#include "text/regex.h"

namespace wenfeng::check {

struct Span {
  std::uint32_t block = 0;
  std::uint32_t begin = 0;  // bytes skipped at the start of the block (a dateline)
};

struct Body {
  std::vector<Span> spans;
  count::Counts counts;
  std::vector<std::string> excluded;  // what was left out, in Chinese
};

Body body_of(const model::Document& doc, const profiles::BodyScope& scope);

// Where unit number `limit` (0-based) of the body starts: the first character over a limit.
// Returns false when the body holds no more than `limit` units.
bool locate_unit(const model::Document& doc, const std::vector<Span>& spans, std::string_view unit,
                 std::uint64_t limit, std::uint32_t& block, std::uint32_t& offset);

struct Item {
  std::uint32_t title_block = 0;
  std::string title;
  bool research = false;
  std::string research_reason;
  std::vector<Span> spans;  // the item's counted text
  count::Counts counts;
};

// Splits the body into items at headings and at paragraphs matching the item-title
// patterns. Headings that match no item pattern are section headings; a research marker
// in a section heading marks the items under it as research items.
Result<std::vector<Item>> split_items(const model::Document& doc, const profiles::ItemSpec& spec);

}  // namespace wenfeng::check
