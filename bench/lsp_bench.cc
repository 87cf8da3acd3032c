// The language server's re-lint after an edit (target: < 20 ms for a 100 KB draft).
//   BM_LspRelintAfterEdit/KB  one incremental didChange in the middle of an open KB-kilobyte
//                             draft: apply the edit, re-read and re-lint the whole document,
//                             serialise publishDiagnostics. Run alone with
//                             build/wenfeng_bench --benchmark_filter=Lsp
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "lsp/server.h"

namespace {

// A long county news draft: title, lead, paragraphs with a few half-width commas and
// numbers (so there are findings to position), and 𠮷 in names.
std::string draft(std::size_t bytes) {
  std::string s = "县委召开防汛工作调度会议\n本报讯（记者 王𠮷）7月15日，县委书记张三主持召开防汛工作调度会议。\n";
  const std::string para[] = {
      "会议强调，各乡镇要把防汛工作摆在突出位置，压紧压实责任,确保人民群众生命财产安全。\n",
      "会议要求，对全县128座水库、46处地质灾害隐患点开展拉网式排查，发现问题立即整改。\n",
      "𠮷祥村党支部书记王𠮷汇报了本村巡堤查险情况，全村组织党员干部30余人分3班轮流值守。\n",
      "会议指出，要加强监测预警，及时发布预警信息,做到早发现、早报告、早处置。\n"};
  for (std::size_t i = 0; s.size() < bytes; ++i) s += para[i % 4];
  return s;
}

void BM_LspRelintAfterEdit(benchmark::State& state) {
  const std::string dir = (std::filesystem::temp_directory_path() / "wenfeng_lsp_bench").string();
  std::filesystem::create_directories(dir);
  std::size_t out_bytes = 0;
  wenfeng::lsp::Server server({}, [&](std::string m) { out_bytes += m.size(); });
  server.handle(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
  const std::string text = draft(static_cast<std::size_t>(state.range(0)) * 1024);
  const std::string uri = "file://" + dir + "/draft.txt";
  std::string open = R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":")" + uri +
                     R"(","languageId":"plaintext","version":1,"text":")";
  for (char c : text) open += c == '\n' ? std::string("\\n") : std::string(1, c);
  open += R"("}}})";
  server.handle(open);
  // Alternately insert and delete a comma at the start of a line in the middle.
  const std::size_t line = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n') / 2);
  int version = 1;
  for (auto _ : state) {
    const bool insert = version % 2 == 1;
    const std::string change =
        R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":")" + uri +
        R"(","version":)" + std::to_string(++version) + R"(},"contentChanges":[{"range":{"start":{"line":)" +
        std::to_string(line) + R"(,"character":0},"end":{"line":)" + std::to_string(line) + R"(,"character":)" +
        (insert ? "0" : "1") + R"(}},"text":")" + (insert ? "," : "") + R"("}]}})";
    server.handle(change);
  }
  state.counters["diagnostics_bytes"] = static_cast<double>(out_bytes) / static_cast<double>(version);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_LspRelintAfterEdit)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
