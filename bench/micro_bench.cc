// Google Benchmark micro benchmarks (built as wenfeng_bench; not run by CI).
#include <benchmark/benchmark.h>

#include <string>

#include "count/counter.h"

namespace {

std::string chinese_text(std::size_t bytes) {
  const std::string unit =
      "县委书记张三在调研时强调，要坚持以人民为中心，推进2024年重点工程建设，“确保质量”……Hello World。\n";
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

}  // namespace

BENCHMARK_MAIN();
