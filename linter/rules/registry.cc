#include "rules/rules.h"

#include <cstdlib>

#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::rules {

// Rule families, defined in their own files.
void format_rules(const Context&, std::vector<model::Diagnostic>&);
void numbering_rules(const Context&, std::vector<model::Diagnostic>&);
void punct_rules(const Context&, std::vector<model::Diagnostic>&);
void number_rules(const Context&, std::vector<model::Diagnostic>&);
void text_rules(const Context&, std::vector<model::Diagnostic>&);

const std::vector<NativeRule>& native_rules() {
  static const std::vector<NativeRule> table = {
      {"format", format_rules}, {"format", numbering_rules}, {"punct", punct_rules},
      {"number", number_rules}, {"text", text_rules},
  };
  return table;
}

void run_native_rules(const Context& ctx, std::vector<model::Diagnostic>& out) {
  for (const auto& r : native_rules()) r.run(ctx, out);
}

Context make_context(const model::Document& doc, const std::string& kind) {
  Context c{doc, kind, -1, {}, {}};
  for (std::uint32_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive) continue;
    c.paragraphs.push_back(i);
  }
  c.title = model::title_block(doc);
  c.numbers = model::paragraph_numbers(doc);
  return c;
}

model::Diagnostic finding(const char* rule, model::Severity sev, std::uint32_t block, std::size_t begin,
                          std::size_t end, std::string message, model::RuleSource source) {
  return model::make_diagnostic(rule, sev, block, begin, end, std::move(message), std::move(source));
}

model::RuleSource gbt9704(const char* clause) { return {"国家标准", "GB/T 9704-2012《党政机关公文格式》", clause}; }
model::RuleSource gbt15834(const char* clause) { return {"国家标准", "GB/T 15834-2011《标点符号用法》", clause}; }
model::RuleSource gbt15835(const char* clause) { return {"国家标准", "GB/T 15835-2011《出版物上数字用法》", clause}; }
model::RuleSource tiaoli(const char* clause) {
  return {"中共中央办公厅、国务院办公厅", "《党政机关公文处理工作条例》（中办发〔2012〕14号）", clause};
}

}  // namespace wenfeng::rules

namespace wenfeng::rules {

text::Regex fixed_regex(const char* pattern) {
  auto r = text::Regex::compile(pattern);
  if (!r.ok()) std::abort();
  return std::move(r).value();
}

}  // namespace wenfeng::rules
