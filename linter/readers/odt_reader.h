// OpenDocument text (ODT, as WPS and LibreOffice save it) and flat FODT: text:p, text:h
// (headings by outline level), lists, tables, text boxes, notes and annotations as their
// own stories; tracked changes in the final view (the deleted text kept in
// text:tracked-changes is never read); text:s, text:tab, text:line-break expanded.
// Positions: content.xml (or the .fodt file) line and column of each text run.
#pragma once

#include <string_view>

#include "base/result.h"
#include "model/document.h"
#include "readers/zip_archive.h"

namespace wenfeng::readers {

Result<model::Document> read_odt(std::string_view bytes, ZipLimits limits = {});
Result<model::Document> read_fodt(std::string_view bytes, std::string_view name);

}  // namespace wenfeng::readers
