#include <cstring>
#include <iostream>

#include "cli/commands.h"
#include "readers/markup.h"

namespace wenfeng::cli {
namespace {

struct Command {
  const char* name;
  int (*fn)(const std::vector<std::string>&);
  const char* summary;
};

const Command kCommands[] = {
    {"check", check_command, "按规范和稿件类型检查篇幅、时长、页数和类型规定"},
    {"count", count_command, "统计字数（Word 兼容）、汉字、字符数、段落数"},
    {"profiles", profiles_command, "列出规范（profile）、稿件类型及其限额和依据"},
    {"explain", explain_command, "说明某条规则检查什么、依据是什么"},
    {"rules", rules_command, "列出所有规则（--format markdown 生成规则参考）"},
    {"serve", serve_command, "网页和 HTTP API：在浏览器中检查文稿（默认 http://127.0.0.1:8080/）"},
};

void usage(std::ostream& out) {
  out << "wenfeng " << WENFENG_VERSION << " — 中文公文、新闻稿、简报检查工具\n\n用法：wenfeng <命令> [选项] FILE…\n\n命令：\n";
  for (const auto& c : kCommands) out << "  " << c.name << "\t" << c.summary << "\n";
  out << "  version\t显示版本\n  help\t显示本帮助\n\n退出码：0 无问题；1 有达到 --fail-on 级别的问题；2 用法或输入错误\n";
}

}  // namespace

int run(int argc, char** argv) {
  readers::init_markup_parsers();  // once, before any worker thread parses markup
  if (argc < 2) {
    usage(std::cerr);
    return 2;
  }
  const std::string cmd = argv[1];
  if (cmd == "help" || cmd == "--help" || cmd == "-h") {
    usage(std::cout);
    return 0;
  }
  if (cmd == "version" || cmd == "--version") {
    std::cout << "wenfeng " << WENFENG_VERSION << "\n";
    return 0;
  }
  std::vector<std::string> rest(argv + 2, argv + argc);
  for (const auto& c : kCommands)
    if (cmd == c.name) return c.fn(rest);
  std::cerr << "wenfeng: 未知命令 “" << cmd << "”\n";
  usage(std::cerr);
  return 2;
}

}  // namespace wenfeng::cli
