// Google Benchmark micro benchmarks (built as wenfeng_bench; not run by CI).
//   BM_CountText        counting throughput (target >= 200 MB/s, one thread)
//   BM_PhraseScan/N     the phrase rules' scan of 10 MB of text against N dictionary entries
//                       (target >= 100 MB/s with >= 5000 entries, flat in N)
//   BM_PhraseBuild/N    building the automaton for N entries
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "count/counter.h"
#include "phrases/dictionary.h"
#include "phrases/scan.h"
#include "readers/text_reader.h"

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

}  // namespace

BENCHMARK_MAIN();
