#include <cstring>
#include <iostream>

#include "cli/commands.h"
#include "readers/markup.h"
#include "report/renderer.h"

namespace wenfeng::cli {
namespace {

int help_command(const Args& args);

// Options every file-checking command shares.
#define WENFENG_INPUT_OPTIONS "--stdin-filename", "--jobs", "--xml-map", "--html-selector"
#define WENFENG_CONFIG_OPTIONS "--config", "--no-config"

const std::vector<CommandSpec>& table() {
  static const std::vector<CommandSpec> t = {
      {"check", check_command, "按规范和稿件类型检查篇幅、时长、页数、格式、标点、数字和用语",
       "[选项] FILE…|DIR…|-",
       {"--help", "--profile", "--kind", "--medium", "--fail-on", WENFENG_CONFIG_OPTIONS, "--format", "--output",
        "--column-unit", "--color", "--no-color", "--quiet", "--statistics", "--pretty", "--english",
        "--dictionaries", "--annotate", "--fix", "--diff", "--in-place", WENFENG_INPUT_OPTIONS},
       report::format_names(report::Command::kCheck),
       "文件夹会递归检查其中的 .txt .docx .xml .html .htm .xhtml .odt .fodt 文件，跳过隐藏文件夹、Word 锁文件 ~$*.docx\n"
       "和 .wenfengignore（gitignore 语法）列出的路径。- 表示标准输入。\n"
       "--annotate、--fix 把副本写在原文件旁（NAME.wenfeng.EXT），原稿不改动；-o 仍是报告的去处。"},
      {"annotate", annotate_command, "把检查结果写成 DOCX 副本里的批注，可自动修正的写成修订",
       "[选项] FILE.docx…|DIR…|-",
       {"--help", "--profile", "--kind", "--medium", "--fail-on", WENFENG_CONFIG_OPTIONS, "--output", "--fix-only",
        "--no-fix", "--in-place", "--english", "--dictionaries", WENFENG_INPUT_OPTIONS},
       "",
       "副本默认写在原文件旁（NAME.wenfeng.docx）；-o OUT.docx 指定副本（只用于一个输入，- 为标准输出），\n"
       "输出与输入相同时须加 --in-place。再次批注会替换文风此前的批注，保留他人的批注。"},
      {"count", count_command, "统计字数（Word 兼容）、汉字、字符数、段落数", "[选项] FILE…|DIR…|-",
       {"--help", "--format", "--output", "--include", "--quiet", "--pretty", WENFENG_INPUT_OPTIONS},
       report::format_names(report::Command::kCount)},
      {"profiles", profiles_command, "列出规范（profile）、稿件类型及其限额和依据", "[ID|PATH…]", {"--help"}, ""},
      {"explain", explain_command, "说明某条规则或某个词语：检查什么、依据是什么、如何不报告", "RULE|词语 [--profile P]",
       {"--help", "--profile"}, ""},
      {"rules", rules_command, "列出所有规则（--format markdown 生成规则参考）", "[--format text|markdown]",
       {"--help", "--format"}, "text|markdown"},
      {"config", config_command, "显示对某个文件或文件夹生效的设置及其来源", "[选项] [FILE|DIR|-]",
       {"--help", "--profile", "--kind", "--medium", "--fail-on", WENFENG_CONFIG_OPTIONS, "--stdin-filename",
        "--format", "--pretty"},
       "text|json"},
      {"lsp", lsp_command, "语言服务器（LSP 3.17，经标准输入输出），供编辑器插件调用", "[选项]",
       {"--help", "--stdio", "--dictionaries", WENFENG_CONFIG_OPTIONS}, "",
       "设置（initializationOptions 或 workspace/didChangeConfiguration 的 wenfeng 节）：profile、kind、medium。\n"
       "命令 wenfeng.counts（参数：文档 URI）返回全文统计。"},
      {"serve", serve_command, "网页和 HTTP API：在浏览器中检查文稿（默认 http://127.0.0.1:8080/）", "[选项]",
       {"--help", "--host", "--port", "--token-file", "--max-body", "--max-expanded", "--timeout", "--queue-timeout", "--workers",
        "--queue", "--threads", "--dictionaries"},
       "",
       "令牌也可由环境变量 WENFENG_SERVE_TOKEN 给出；设置后 /v1/ 和 /metrics 需要 Authorization: Bearer 令牌。\n"
       "API：POST /v1/check、/v1/count（multipart 的 file 字段或 JSON {\"text\": …}），GET /v1/profiles、/v1/rules、\n"
       "/healthz、/readyz、/metrics。"},
      {"version", version_command, "显示版本和构建所用的 git 提交", "", {"--help"}, ""},
      {"help", help_command, "显示帮助；wenfeng help CMD 显示某个命令的帮助", "[CMD]", {"--help"}, ""},
  };
  return t;
}

#undef WENFENG_INPUT_OPTIONS
#undef WENFENG_CONFIG_OPTIONS

void usage(std::ostream& out) {
  out << "wenfeng " << WENFENG_VERSION << " — 中文公文、新闻稿、简报检查工具\n\n用法：wenfeng <命令> [选项] FILE…\n\n命令：\n";
  for (const auto& c : table()) {
    std::string name(c.name);
    name.resize(10, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\n选项 -h/--help 显示某个命令的帮助，-V/--version 显示版本。\n"
         "退出码：0 无问题；1 有达到 --fail-on 级别的问题；2 用法或输入错误\n";
}

std::vector<std::string_view> command_names() {
  std::vector<std::string_view> names;
  for (const auto& c : table()) names.push_back(c.name);
  return names;
}

int help_command(const Args& args) {
  if (args.files.empty()) {
    usage(std::cout);
    return 0;
  }
  const CommandSpec* c = find_command(args.files[0]);
  if (!c) {
    const std::string near = closest(args.files[0], command_names());
    std::cerr << "wenfeng help: 没有命令 “" << args.files[0] << "”" << (near.empty() ? "" : "；是不是 “" + near + "”？")
              << "\n";
    return 2;
  }
  print_help(*c, std::cout);
  return 0;
}

}  // namespace

const std::vector<CommandSpec>& command_table() { return table(); }

const CommandSpec* find_command(std::string_view name) {
  for (const auto& c : table())
    if (c.name == name) return &c;
  return nullptr;
}

void print_help(const CommandSpec& c, std::ostream& out) {
  out << "wenfeng " << c.name << " — " << c.summary << "\n\n用法：wenfeng " << c.name
      << (c.usage.empty() ? "" : " ") << c.usage << "\n";
  if (!c.options.empty()) out << "\n选项：\n";
  for (auto name : c.options) {
    const OptionSpec* o = find_option(name);
    if (!o) continue;
    std::string left = "    ";
    if (o->short_name) left[0] = '-', left[1] = o->short_name, left[2] = ',';
    left.append(o->name);
    if (o->type != OptionType::kFlag) {
      left.push_back(' ');
      left.append(o->value_name);
    }
    if (left.size() < 26) left.resize(26, ' ');
    out << "  " << left << " " << o->help;
    const std::string_view choices = o->name == "--format" ? std::string_view(c.format_choices) : o->choices;
    if (!choices.empty()) out << "：" << choices;
    out << "\n";
    if (o->name == "--format" && (c.name == "check" || c.name == "count"))
      for (const auto& f : report::formats())
        if (f.command == (c.name == "check" ? report::Command::kCheck : report::Command::kCount)) {
          std::string fname(f.name);
          fname.resize(12, ' ');
          out << "        " << fname << f.description << "\n";
        }
  }
  if (!c.details.empty()) out << "\n" << c.details << "\n";
}

int usage_error(const CommandSpec& c, const std::string& message) {
  std::cerr << "wenfeng " << c.name << ": " << message << "\n（用 wenfeng " << c.name << " --help 查看用法）\n";
  return 2;
}

int version_command(const Args&) {
  std::cout << "wenfeng " << WENFENG_VERSION << "\ncommit " << build_commit() << "\n";
  return 0;
}

namespace {
std::vector<std::string>& arguments() {
  static std::vector<std::string> a;
  return a;
}
}  // namespace

const std::vector<std::string>& command_line() { return arguments(); }

int run(int argc, char** argv) {
  arguments().assign(argv, argv + argc);
  readers::init_markup_parsers();  // once, before any worker thread parses markup
  if (argc < 2) {
    usage(std::cerr);
    return 2;
  }
  const std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h") {
    usage(std::cout);
    return 0;
  }
  if (cmd == "--version" || cmd == "-V") {
    std::cout << "wenfeng " << WENFENG_VERSION << " (" << build_commit() << ")\n";
    return 0;
  }
  const CommandSpec* c = find_command(cmd);
  if (!c) {
    const std::string near = closest(cmd, command_names());
    std::cerr << "wenfeng: 未知命令 “" << cmd << "”" << (near.empty() ? "" : "；是不是 “" + near + "”？")
              << "\n（用 wenfeng help 查看所有命令）\n";
    return 2;
  }
  const std::vector<std::string> rest(argv + 2, argv + argc);
  auto args = parse_args(rest, c->options, c->format_choices);
  if (!args.ok()) return usage_error(*c, args.error().message);
  if (args->has("--help")) {
    print_help(*c, std::cout);
    return 0;
  }
  return c->run(*args);
}

}  // namespace wenfeng::cli
