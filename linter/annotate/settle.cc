#include <algorithm>

#include "annotate/annotate.h"
#include "fix/plan.h"
#include "lint/linter.h"
#include "model/rule.h"

namespace wenfeng::annotate {
namespace {

// One stretch of a fixed paragraph: [fixed, fixed + length) is original text from `orig`
// (replaced = false) or a fix's replacement.
struct Piece {
  std::uint32_t orig, fixed, length;
  bool replaced;
};

}  // namespace

std::size_t settle_fixes(lint::FileResult& f, int rounds) {
  if (!f.doc || !f.report || !f.profile) return 0;
  const model::Document& doc = *f.doc;
  auto& findings = f.report->findings;
  std::size_t added_total = 0;
  for (int round = 0; round < rounds; ++round) {
    const auto plan = fix::plan_fixes(findings);
    if (plan.empty()) break;
    // The changed paragraphs with their fixed text, after the title (kept as it is, so the
    // rules see the same title).
    model::Document sub;
    sub.format = model::Format::kText;  // measured as plain paragraphs: no DOCX layout to estimate
    sub.sources = doc.sources;
    std::vector<std::uint32_t> origin;          // sub block → doc block
    std::vector<std::vector<Piece>> pieces;     // per sub block
    auto add_block = [&](std::uint32_t b, const std::string& text, std::vector<Piece> p) {
      model::Block blk = doc.blocks[b];
      blk.begin = static_cast<std::uint32_t>(sub.text.size());
      sub.text += text;
      blk.end = static_cast<std::uint32_t>(sub.text.size());
      blk.layout = -1;
      blk.anchors = {model::SourceAnchor{0, blk.anchors.empty() ? 1 : blk.anchors[0].line, 1}};
      sub.blocks.push_back(std::move(blk));
      origin.push_back(b);
      pieces.push_back(std::move(p));
    };
    const int title = f.report->m.title;
    if (title >= 0) {
      const auto t = doc.block_text(static_cast<std::size_t>(title));
      add_block(static_cast<std::uint32_t>(title), std::string(t), {{0, 0, static_cast<std::uint32_t>(t.size()), false}});
    }
    for (std::size_t i = 0; i < plan.size();) {
      const std::uint32_t b = plan[i].block;
      const auto t = doc.block_text(b);
      std::string text;
      std::vector<Piece> p;
      std::uint32_t cursor = 0;
      for (; i < plan.size() && plan[i].block == b; ++i) {
        p.push_back({cursor, static_cast<std::uint32_t>(text.size()), plan[i].begin - cursor, false});
        text.append(t.substr(cursor, plan[i].begin - cursor));
        p.push_back({plan[i].begin, static_cast<std::uint32_t>(text.size()),
                     static_cast<std::uint32_t>(plan[i].replacement.size()), true});
        text.append(plan[i].replacement);
        cursor = plan[i].end;
      }
      p.push_back({cursor, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(t.size()) - cursor, false});
      text.append(t.substr(cursor));
      if (static_cast<int>(b) != title) add_block(b, text, std::move(p));
    }
    // Without the phrase dictionaries: their fixes (confusables) never follow from
    // punctuation or spacing fixes, and their scan is the costliest part of a lint.
    lint::Options o;
    for (const model::RuleInfo* r : model::rules())
      if (r->fixable) o.only.emplace_back(r->id);  // only rules that can fix anything
    const lint::Report again = lint::lint_document(sub, *f.profile, f.report->kind, o);
    // Fixes on original text only (never on a replacement), mapped back.
    std::vector<model::Diagnostic> added;
    for (const auto& d : again.findings) {
      if (!d.fix || d.document_level || d.block >= origin.size() || (title >= 0 && d.block == 0)) continue;
      const std::uint32_t a = d.offset + d.fix->offset, e = a + d.fix->length;
      for (const Piece& p : pieces[d.block]) {
        if (p.replaced || a < p.fixed || e > p.fixed + p.length) continue;
        model::Diagnostic n = d;
        n.block = origin[d.block];
        n.offset = p.orig + (a - p.fixed);
        n.length = d.fix->length;
        n.fix->offset = 0;
        added.push_back(std::move(n));
        break;
      }
    }
    // Keep only those that touch no fix already planned.
    std::size_t kept = 0;
    for (auto& n : added) {
      const bool clash = std::any_of(plan.begin(), plan.end(), [&](const fix::PlannedFix& p) {
        return p.block == n.block && n.offset < std::max(p.end, p.begin + 1) && p.begin < n.offset + std::max(n.length, 1u);
      });
      if (clash) continue;
      findings.push_back(std::move(n));
      ++kept;
    }
    if (kept == 0) break;
    added_total += kept;
    std::stable_sort(findings.begin(), findings.end(), [](const model::Diagnostic& x, const model::Diagnostic& y) {
      return x.block != y.block ? x.block < y.block : x.offset < y.offset;
    });
  }
  return added_total;
}

}  // namespace wenfeng::annotate
