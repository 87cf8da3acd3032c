#include "annotate/part_editor.h"

#include <algorithm>

#include "annotate/xml_scan.h"

namespace wenfeng::annotate {

std::string RevisionStamp::attributes(const std::string& w) {
  return " " + w + "id=\"" + std::to_string((*next_id)++) + "\" " + w + "author=\"" + xml::escape(author) + "\" " + w +
         "date=\"" + date + "\"";
}

PartEditor::PartEditor(std::string xml, RevisionStamp* stamp) : xml_(std::move(xml)), stamp_(stamp), splice_(xml_) {
  // The root element's prefix is the part's WordprocessingML prefix.
  std::size_t lt = 0;
  while ((lt = xml_.find('<', lt)) != std::string::npos && lt + 1 < xml_.size() &&
         (xml_[lt + 1] == '?' || xml_[lt + 1] == '!'))
    ++lt;
  if (lt != std::string::npos) w_ = std::string(xml::prefix_of(xml::tag_name(xml_, lt)));
}

const PartEditor::Run& PartEditor::run(std::size_t lt) {
  auto [it, fresh] = runs_.try_emplace(lt);
  if (!fresh) return it->second;
  Run& r = it->second;
  const std::string_view x(xml_);
  r.begin = lt;
  r.end = xml::element_end(x, lt);
  if (r.end == std::string_view::npos) r.end = x.size();
  const std::size_t te = xml::start_tag_end(x, lt);
  r.open_tag = x.substr(lt, te - lt);
  if (xml::self_closing(x, lt)) {
    r.open_tag = {};  // "<w:r/>" holds nothing to split
    return r;
  }
  xml::Children ch(x, lt);
  if (ch.next() && xml::local_name(xml::tag_name(x, ch.begin)) == "rPr") r.rpr = x.substr(ch.begin, ch.end - ch.begin);
  return r;
}

void PartEditor::place(const Loc& at, Priority priority, std::string markup) {
  if (!at.inside) {
    splice_.insert(at.pos, priority, std::move(markup));
    return;
  }
  work_[at.run].cuts.push_back({at.pos, priority, seq_++, std::move(markup)});
}

void PartEditor::remove_in_run(std::size_t run, std::size_t begin, std::size_t end) {
  if (end > begin) work_[run].deleted.push_back({begin, end});
}

namespace {

// `rpr` without its w:rPrChange (a formatting revision belongs to the original run only).
std::string without_rpr_change(std::string_view rpr) {
  std::string out(rpr);
  const auto at = out.find("rPrChange");
  if (at == std::string::npos) return out;
  const auto lt = out.rfind('<', at);
  const auto end = xml::element_end(out, lt);
  if (lt == std::string::npos || end == std::string::npos) return out;
  out.erase(lt, end - lt);
  return out;
}

}  // namespace

std::string PartEditor::plain_rpr(std::size_t run_lt) { return without_rpr_change(run(run_lt).rpr); }

// The first piece of a split run keeps its w:rPr as written; the others repeat it with a
// fresh id on a formatting revision (ids must stay unique).
std::string PartEditor::rpr_copy(const Run& r, bool first) {
  std::string out(r.rpr);
  if (first) return out;
  const auto at = out.find("rPrChange");
  if (at == std::string::npos) return out;
  const auto lt = out.rfind('<', at);
  const auto id = xml::attribute(out, lt, w_ + "id");
  if (id.empty()) return out;
  const auto pos = static_cast<std::size_t>(id.data() - out.data());
  out.replace(pos, id.size(), std::to_string((*stamp_->next_id)++));
  return out;
}

std::string PartEditor::rewrite(std::size_t run_lt, Work& w) {
  const Run& r = run(run_lt);
  const std::string_view x(xml_);
  std::sort(w.cuts.begin(), w.cuts.end(), [](const Cut& a, const Cut& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.priority != b.priority ? a.priority < b.priority : a.seq < b.seq;
  });
  std::sort(w.deleted.begin(), w.deleted.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::string out;
  bool open = false, open_deleted = false, first_piece = true;
  std::size_t ci = 0;
  auto close = [&] {
    if (!open) return;
    out += "</" + w_ + "r>";
    if (open_deleted) out += "</" + w_ + "del>";
    open = false;
  };
  auto ensure_open = [&](bool deleted) {
    if (open && open_deleted == deleted) return;
    close();
    if (deleted) out += "<" + w_ + "del" + stamp_->attributes(w_) + ">";
    out += r.open_tag;
    out += rpr_copy(r, first_piece);
    first_piece = false;
    open = true;
    open_deleted = deleted;
  };
  auto cuts_upto = [&](std::size_t pos) {
    if (ci >= w.cuts.size() || w.cuts[ci].pos > pos) return;
    close();
    while (ci < w.cuts.size() && w.cuts[ci].pos <= pos) out += w.cuts[ci++].markup;
  };
  auto is_deleted = [&](std::size_t pos) {
    for (const auto& d : w.deleted)
      if (d.begin <= pos && pos < d.end) return true;
    return false;
  };
  // The next place after `p` (and before `limit`) where a cut or a deletion starts or ends.
  auto next_boundary = [&](std::size_t p, std::size_t limit) {
    std::size_t q = limit;
    if (ci < w.cuts.size()) q = std::min(q, std::max(w.cuts[ci].pos, p + 1));
    for (const auto& d : w.deleted) {
      if (d.begin > p) q = std::min(q, d.begin);
      if (d.end > p) q = std::min(q, d.end);
    }
    return q;
  };
  xml::Children ch(x, run_lt);
  while (ch.next()) {
    const std::string_view name = xml::local_name(xml::tag_name(x, ch.begin));
    if (name == "rPr") continue;
    if (name == "t" && !xml::self_closing(x, ch.begin)) {
      const std::size_t cs = xml::start_tag_end(x, ch.begin);
      const std::size_t ce = x.rfind('<', ch.end - 1);
      std::size_t p = cs;
      while (p < ce) {
        cuts_upto(p);
        const std::size_t q = next_boundary(p, ce);
        const bool deleted = is_deleted(p);
        ensure_open(deleted);
        const char* tag = deleted ? "delText" : "t";
        out += "<" + w_ + tag + " xml:space=\"preserve\">";
        splice_.copy(p, q, out);
        out += "</" + w_ + tag + ">";
        p = q;
      }
      cuts_upto(ce);
      continue;
    }
    cuts_upto(ch.begin);
    ensure_open(is_deleted(ch.begin));
    splice_.copy(ch.begin, ch.end, out);
    cuts_upto(ch.end);
  }
  cuts_upto(x.size());
  close();
  return out;
}

std::string PartEditor::finish() {
  // Innermost runs first: a run holding a text box holds the runs of the box, whose new
  // text its own rewrite copies.
  for (auto it = work_.rbegin(); it != work_.rend(); ++it) {
    if (run(it->first).open_tag.empty()) continue;
    std::string text = rewrite(it->first, it->second);
    const Run& r = run(it->first);
    splice_.replace(r.begin, r.end, std::move(text));
  }
  work_.clear();
  return splice_.apply();
}

}  // namespace wenfeng::annotate
