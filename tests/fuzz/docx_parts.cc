// Structure-aware DOCX: the input is a zip, and the mutator changes the parts inside it
// (one part's bytes mutated by libFuzzer, or a part dropped, duplicated under another name
// or swapped with another), then zips them again; so the mutations reach the XML readers
// behind the container instead of breaking the zip's checksums. Each input goes through the
// whole `wenfeng check` as a .docx. Seeds: the samples' DOCX files (scripts/fuzz).
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_support.h"
#include "readers/zip_archive.h"
#include "support/docx_package.h"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

bool unzip(std::string_view bytes, Parts& parts) {
  auto zip = wenfeng::readers::ZipArchive::open(bytes);
  if (!zip.ok()) return false;
  for (const auto& name : (*zip)->names()) {
    auto content = (*zip)->read(name);
    if (!content.ok()) return false;
    parts.emplace_back(name, std::move(content).value());
  }
  return !parts.empty();
}

// The parts a hostile file would point at, for renames.
const char* const kPartNames[] = {"word/document.xml", "word/styles.xml",   "word/numbering.xml",
                                  "word/footnotes.xml", "word/header1.xml", "word/comments.xml",
                                  "word/_rels/document.xml.rels", "word/settings.xml", "word/theme/theme1.xml",
                                  "docProps/app.xml",   "docProps/core.xml", "docProps/custom.xml"};

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  Parts parts;
  if (!unzip({reinterpret_cast<const char*>(data), size}, parts)) return LLVMFuzzerMutate(data, size, max_size);
  std::minstd_rand rng(seed);
  const std::size_t i = rng() % parts.size();
  switch (rng() % 16) {
    case 0:  // drop a part
      if (parts.size() > 1) parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    case 1:  // the same content under another part's name (a second relationship's target)
      parts.emplace_back(kPartNames[rng() % std::size(kPartNames)], parts[i].second);
      break;
    case 2:  // swap two parts' contents
      std::swap(parts[i].second, parts[rng() % parts.size()].second);
      break;
    default: {  // mutate one part's bytes, preferring the XML
      std::size_t k = i;
      for (std::size_t tries = 0; tries < 4 && parts[k].first.find(".xml") == std::string::npos &&
                                  parts[k].first.find(".rels") == std::string::npos;
           ++tries)
        k = rng() % parts.size();
      std::string& content = parts[k].second;
      const std::size_t old = content.size();
      const std::size_t room = std::max(old, std::min<std::size_t>(max_size, old * 2 + 256));
      content.resize(room);
      content.resize(LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(content.data()), old, room));
    }
  }
  // Stored, not deflated: mutation speed matters more than size here.
  auto zipped = wenfeng::testing::zip_files(parts, false);
  const std::string out = zipped.ok() ? std::move(zipped).value() : std::string();
  if (out.empty() || out.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::copy(out.begin(), out.end(), data);
  return out.size();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  wenfeng::fuzz::check_bytes({reinterpret_cast<const char*>(data), size}, "x.docx");
  return 0;
}
