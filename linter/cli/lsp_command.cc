// `wenfeng lsp`: the language server on standard input and output (lsp/server.h).
#include <iostream>

#include "cli/batch.h"
#include "lsp/server.h"

namespace wenfeng::cli {

int lsp_command(const Args& args) {
  if (!args.files.empty()) return usage_error(*find_command("lsp"), "lsp 不接受文件参数");
  auto o = input_options(args);
  if (!o.ok()) return usage_error(*find_command("lsp"), o.error().message);
  o->dictionaries = args.get_or("--dictionaries", "");
  return lsp::serve_stdio(std::move(o).value());
}

}  // namespace wenfeng::cli
