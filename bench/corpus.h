// Generated official text for the benchmarks: drafts written the way county offices
// write them (title, 发文字号, 主送机关, numbered sections and sub-sections, figures with
// units, dates, quotations, 《》 titles, a web address and a telephone number, names with
// rare characters (堃 喆 彧, and 𠮷 on request), 附件, signature and date), with the
// occasional fault a real draft has (a half-width comma, a space between characters, a dashed date, 3、4天, an
// old-style document number). Deterministic for a seed. Sentences are written from
// templates filled in at random, so paragraphs do not repeat the way a looped sample does.
//
// Used by wenfeng_gen (bench/gen.cc) and the check pipeline's Google Benchmark cases.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wenfeng::bench {

struct CorpusOptions {
  std::uint32_t seed = 1;
  bool halfwidth = false;      // web copy: ，。：；（）！？ typed as , . : ; ( ) ! ?
  double fault_rate = 0.03;    // share of sentences carrying one typical fault
  // Names with characters outside the BMP (𠮷). Off by default: the UTF-8 validator's
  // fast path in linter/text/utf8.cc rejects 4-byte sequences until that fix lands.
  bool supplementary = false;
};

// One draft of about `bytes` bytes (at least a title, a few paragraphs and the signature),
// as paragraphs (no line breaks inside).
std::vector<std::string> official_draft(std::size_t bytes, const CorpusOptions& o);

// Drafts back to back until `bytes` bytes, one paragraph a line ("\n" after each).
// `one_paragraph` joins everything into a single line instead.
std::string official_text(std::size_t bytes, const CorpusOptions& o, bool one_paragraph = false);

// The same paragraphs as a simple XML document (<doc><title/><body><p/>…</body></doc>),
// which the XML reader's default map reads.
std::string official_xml(std::size_t bytes, const CorpusOptions& o);

}  // namespace wenfeng::bench
