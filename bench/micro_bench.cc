// Google Benchmark micro benchmarks (built as wenfeng_bench; not run by CI).
//   BM_CountText        counting throughput (target >= 200 MB/s, one thread)
//   BM_PhraseScan/N     the phrase rules' scan of 10 MB of text against N dictionary entries
//                       (target >= 100 MB/s with >= 5000 entries, flat in N)
//   BM_PhraseBuild/N    building the automaton for N entries
//   BM_DocxRead         reading a ~30 MB generated DOCX (GB/T 9704 styles, varied runs, tables)
//   BM_DocxPages        the page layout of that document (target: less than reading it)
//                       WENFENG_BENCH_DOCX=path uses that file instead
//   BM_Check/W          the check pipeline (measurements, every rule, final pass) on 10 MiB of
//                       official text (bench/corpus.h): W=0 full-width, W=1 half-width web
//                       copy (target >= 50 MB/s full-width, one thread)
//   BM_CheckParagraph   the same text as one 5 MiB paragraph (must stay linear)
//   BM_Locate           positions and excerpts of the half-width text's findings (report/position.h)
//   BM_Rule/ID/C        one rule alone (lint::Options::only) on 1 MiB of C: text (full-width, a
//                       paragraph a line), half (half-width) or para (one paragraph); BM_Rule/none/C
//                       is the measurements with no rule, to subtract. Filter with
//                       --benchmark_filter='BM_Rule/.*/para'
#include <benchmark/benchmark.h>

#include <map>
#include <random>
#include <string>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "count/counter.h"
#include "layout/pages.h"
#include "readers/docx_reader.h"
#include "support/docx_package.h"
#include "phrases/dictionary.h"
#include "phrases/scan.h"
#include "readers/text_reader.h"
#include "corpus.h"
#include "lint/linter.h"
#include "model/rule.h"
#include "profiles/profile.h"
#include "report/position.h"

namespace {

std::string chinese_text(std::size_t bytes) {
  const std::string unit =
      "县委书记张三在调研时强调，要坚持以人民为中心，推进2024年重点工程建设，“确保质量”……Hello World。\n"
      "会议要求各乡镇高度重视安全生产，狠抓落实，截止11月底完成排查任务。\n";
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

void BM_CountText(benchmark::State& state) {
  const std::string text = chinese_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(wenfeng::count::count_text(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_CountText)->Arg(1 << 20)->Arg(16 << 20);

// The shipped dictionaries plus synthetic entries of 2–6 common Han characters.
std::vector<wenfeng::phrases::Entry> entries(std::size_t n) {
  auto shipped = wenfeng::phrases::load_phrase_set(wenfeng::phrases::dictionaries_dir());
  std::vector<wenfeng::phrases::Entry> out = shipped.ok() ? (*shipped)->entries : std::vector<wenfeng::phrases::Entry>{};
  std::mt19937 rng(42);
  while (out.size() < n) {
    wenfeng::phrases::Entry e;
    e.list = "boilerplate";
    e.category = "synthetic";
    e.source = "bench";
    std::string p;
    const int len = 2 + static_cast<int>(rng() % 5);
    for (int i = 0; i < len; ++i) {
      const char32_t c = 0x4E00 + rng() % 3000;  // common ideographs
      p += static_cast<char>(0xE0 | (c >> 12));
      p += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      p += static_cast<char>(0x80 | (c & 0x3F));
    }
    e.phrase = p;
    e.parts = {p};
    out.push_back(std::move(e));
  }
  return out;
}

void BM_PhraseScan(benchmark::State& state) {
  const auto set = wenfeng::phrases::build_phrase_set(entries(static_cast<std::size_t>(state.range(0))));
  const auto doc = wenfeng::readers::build_text_document(chinese_text(10u << 20), "bench.txt");
  for (auto _ : state) benchmark::DoNotOptimize(wenfeng::phrases::find_hits(doc, *set));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(doc.text.size()));
  state.counters["entries"] = static_cast<double>(set->entries.size());
  state.counters["states"] = static_cast<double>(set->matcher.state_count());
}
BENCHMARK(BM_PhraseScan)->Arg(300)->Arg(5000)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_PhraseBuild(benchmark::State& state) {
  const auto e = entries(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(wenfeng::phrases::build_phrase_set(e));
}
BENCHMARK(BM_PhraseBuild)->Arg(5000)->Arg(20000)->Unit(benchmark::kMillisecond);

// A DOCX of about 30 MB: pseudo-random common ideographs with punctuation and digits in
// paragraphs of 40–400 characters, a run change every few sentences, a table every 50
// paragraphs, on the GB/T 9704 grid.
const std::string& big_docx() {
  static const std::string bytes = [] {
    if (const char* path = std::getenv("WENFENG_BENCH_DOCX")) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
    std::mt19937 rng(7);
    auto han = [&](int n) {
      std::string p;
      for (int i = 0; i < n; ++i) {
        const char32_t c = rng() % 23 == 0 ? U'，' : 0x4E00 + rng() % 3000;
        p += static_cast<char>(0xE0 | (c >> 12));
        p += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        p += static_cast<char>(0x80 | (c & 0x3F));
      }
      return p + "。";
    };
    wenfeng::testing::DocxParts parts;
    parts.styles =
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\"/>"
        "<w:sz w:val=\"32\"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" "
        "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:pPr><w:ind w:firstLineChars=\"200\"/></w:pPr></w:style>";
    std::string body;
    for (int i = 0; body.size() < (56u << 20); ++i) {
      if (i % 50 == 49) {
        body += "<w:tbl>";
        for (int r = 0; r < 4; ++r)
          body += "<w:tr><w:tc><w:p><w:r><w:t>" + han(6) + "</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>" + han(20) +
                  "</w:t></w:r></w:p></w:tc></w:tr>";
        body += "</w:tbl>";
      }
      body += "<w:p>";
      const int runs = 1 + static_cast<int>(rng() % 4);
      for (int r = 0; r < runs; ++r)
        body += std::string("<w:r>") + (r % 2 ? "<w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr>" : "") + "<w:t>" +
                han(10 + static_cast<int>(rng() % 100)) + std::to_string(rng() % 2025) + "</w:t></w:r>";
      body += "</w:p>";
    }
    parts.body = body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" "
                        "w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
                        "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"-849\"/></w:sectPr>";
    auto b = wenfeng::testing::build_docx(parts);
    return b.ok() ? std::move(b).value() : std::string();
  }();
  return bytes;
}

wenfeng::readers::ZipLimits bench_limits() {
  wenfeng::readers::ZipLimits l;
  return l;
}

void BM_DocxRead(benchmark::State& state) {
  const std::string& bytes = big_docx();
  for (auto _ : state) benchmark::DoNotOptimize(wenfeng::readers::read_docx(bytes, bench_limits()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes.size()));
  state.counters["docx_mb"] = static_cast<double>(bytes.size()) / 1e6;
}
BENCHMARK(BM_DocxRead)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_DocxPages(benchmark::State& state) {
  const auto doc = wenfeng::readers::read_docx(big_docx(), bench_limits());
  if (!doc.ok()) {
    state.SkipWithError("the DOCX could not be read");
    return;
  }
  wenfeng::layout::PageEstimate pe;
  for (auto _ : state) {
    pe = wenfeng::layout::estimate_pages(*doc);
    benchmark::DoNotOptimize(pe);
  }
  state.SetLabel(std::to_string(static_cast<long>(pe.estimate)) + " pages");
}
BENCHMARK(BM_DocxPages)->Unit(benchmark::kMillisecond)->Iterations(3);

const wenfeng::profiles::Profile& national() {
  static const wenfeng::profiles::Profile p = std::move(wenfeng::profiles::load_profile("national").value());
  return p;
}
const wenfeng::phrases::PhraseSet& shipped_phrases() {
  static const auto set = std::move(wenfeng::phrases::load_phrase_set(wenfeng::phrases::dictionaries_dir()).value());
  return *set;
}

wenfeng::lint::Report check(const wenfeng::model::Document& doc) {
  wenfeng::lint::Options o;
  o.phrases = &shipped_phrases();
  return wenfeng::lint::lint_document(doc, national(), {"document", wenfeng::model::KindSource::kOption, ""}, o);
}

void run_check(benchmark::State& state, const std::string& text) {
  const auto doc = wenfeng::readers::build_text_document(text, "bench.txt");
  std::size_t findings = 0;
  for (auto _ : state) {
    auto r = check(doc);
    findings = r.findings.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_Check(benchmark::State& state) {
  wenfeng::bench::CorpusOptions o;
  o.halfwidth = state.range(0) != 0;
  run_check(state, wenfeng::bench::official_text(10u << 20, o));
}
BENCHMARK(BM_Check)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_CheckParagraph(benchmark::State& state) {
  run_check(state, wenfeng::bench::official_text(5u << 20, {}, true));
}
BENCHMARK(BM_CheckParagraph)->Unit(benchmark::kMillisecond);

void BM_Locate(benchmark::State& state) {
  wenfeng::bench::CorpusOptions o;
  o.halfwidth = true;
  const auto doc = wenfeng::readers::build_text_document(wenfeng::bench::official_text(10u << 20, o), "bench.txt");
  const auto r = check(doc);
  for (auto _ : state) {
    wenfeng::report::Locator at(doc, r.m.numbers);
    std::size_t sum = 0;
    for (const auto& d : r.findings) sum += at.next(d).excerpt.size();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(r.findings.size()));
}
BENCHMARK(BM_Locate)->Unit(benchmark::kMillisecond);

const std::string& rule_corpus(const std::string& which) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(which);
  if (it != cache.end()) return it->second;
  wenfeng::bench::CorpusOptions o;
  o.halfwidth = which == "half";
  return cache.emplace(which, wenfeng::bench::official_text(1u << 20, o, which == "para")).first->second;
}

void BM_Rule(benchmark::State& state, const std::string& rule, const std::string& which) {
  const std::string& text = rule_corpus(which);
  const auto doc = wenfeng::readers::build_text_document(text, "bench.txt");
  wenfeng::lint::Options o;
  o.only = {rule == "none" ? std::string("none.") : rule};
  std::size_t findings = 0;
  for (auto _ : state) {
    auto r = wenfeng::lint::lint_document(doc, national(), {"document", wenfeng::model::KindSource::kOption, ""}, o);
    findings = r.findings.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}

void register_rule_benchmarks() {
  std::vector<std::string> ids = {"none"};
  for (const auto* r : wenfeng::model::rules()) ids.emplace_back(r->id);
  for (const auto& id : ids)
    for (const char* which : {"text", "half", "para"})
      benchmark::RegisterBenchmark(("BM_Rule/" + id + "/" + which).c_str(), BM_Rule, id, std::string(which))
          ->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
  register_rule_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
