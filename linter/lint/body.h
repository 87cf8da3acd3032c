// What counts as the body of a draft, and how a bulletin issue splits into items.
//
// The body is the main text minus, by the profile's scope: the title; the 电头/byline at
// the start of the lead paragraph ("本报讯（记者 …）", "新华社北京5月1日电（记者 …）");
// 编者按 paragraphs; photo captions ("图为…", "（…摄）"). Every exclusion is reported.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/body.h"
#include "model/document.h"
#include "profiles/profile.h"

namespace wenfeng::lint {

// `title` is the title block (model::title_block), or -1.
model::Body body_of(const model::Document& doc, const profiles::BodyScope& scope, int title);

// Where unit number `limit` (0-based) of the body starts: the first character over a limit.
// Returns false when the body holds no more than `limit` units.
bool locate_unit(const model::Document& doc, const std::vector<model::Span>& spans, std::string_view unit,
                 std::uint64_t limit, std::uint32_t& block, std::uint32_t& offset);

// Splits the body into items at headings and at paragraphs matching the item-title
// patterns. Headings that match no item pattern are section headings; a research marker
// in a section heading marks the items under it as research items.
std::vector<model::Item> split_items(const model::Document& doc, const profiles::ItemSpec& spec, int title);

}  // namespace wenfeng::lint
