#include "annotate/part_editor.h"

#include <algorithm>

#include "annotate/xml_scan.h"

namespace wenfeng::annotate {

std::string RevisionStamp::attributes(const std::string& w) {
  if (tail_.empty() || w != w_) {
    w_ = w;
    tail_ = "\" " + w + "author=\"" + xml::escape(author) + "\" " + w + "date=\"" + date + "\"";
  }
  std::string out;
  out.reserve(w.size() + 16 + tail_.size());
  out.append(" ").append(w).append("id=\"").append(std::to_string((*next_id)++)).append(tail_);
  return out;
}

PartEditor::PartEditor(std::string owned, RevisionStamp* stamp) : PartEditor(std::string_view(), stamp) {
  owned_ = std::move(owned);
  xml_ = owned_;
  splice_ = Splicer(xml_);
  w_ = prefix_of_root(xml_);
}

PartEditor::PartEditor(std::string_view borrowed, RevisionStamp* stamp)
    : xml_(borrowed), w_(prefix_of_root(borrowed)), stamp_(stamp), splice_(xml_) {}

std::string PartEditor::prefix_of_root(std::string_view x) {
  // The root element's prefix is the part's WordprocessingML prefix.
  std::size_t lt = 0;
  while ((lt = x.find('<', lt)) != std::string_view::npos && lt + 1 < x.size() && (x[lt + 1] == '?' || x[lt + 1] == '!'))
    ++lt;
  return lt == std::string_view::npos ? std::string("w:") : std::string(xml::prefix_of(xml::tag_name(x, lt)));
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
  work(at.run).cuts.push_back({at.pos, priority, seq_++, std::move(markup)});
}

void PartEditor::remove_in_run(std::size_t run, std::size_t begin, std::size_t end) {
  if (end > begin) work(run).deleted.push_back({begin, end});
}

PartEditor::Work& PartEditor::work(std::size_t run_lt) {
  Work& w = work_[run_lt];
  w.run = run_lt;
  return w;
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

void PartEditor::rewrite(const Work& w, std::string& out) {
  const std::size_t run_lt = w.run;
  const Run& r = run(run_lt);
  const std::string_view x(xml_);
  bool open = false, open_deleted = false, first_piece = true;
  std::size_t ci = 0;
  auto close = [&] {
    if (!open) return;
    out.append("</").append(w_).append("r>");
    if (open_deleted) out.append("</").append(w_).append("del>");
    open = false;
  };
  auto ensure_open = [&](bool deleted) {
    if (open && open_deleted == deleted) return;
    close();
    if (deleted) out.append("<").append(w_).append("del").append(stamp_->attributes(w_)).append(">");
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
        out.append("<").append(w_).append(tag).append(" xml:space=\"preserve\">");
        splice_.copy(p, q, out);
        out.append("</").append(w_).append(tag).append(">");
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
}

std::string PartEditor::finish() {
  // Each run is rewritten when the result reaches it; a run holding a text box holds the
  // runs of the box, which its rewrite reaches (and rewrites) as it copies its children.
  for (auto& [lt, w] : work_) {
    const Run& r = run(lt);
    if (r.open_tag.empty()) continue;
    std::sort(w.cuts.begin(), w.cuts.end(), [](const Cut& a, const Cut& b) {
      return a.pos != b.pos ? a.pos < b.pos : a.priority != b.priority ? a.priority < b.priority : a.seq < b.seq;
    });
    std::sort(w.deleted.begin(), w.deleted.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
    std::size_t estimate = (r.end - r.begin) * (1 + w.cuts.size() + w.deleted.size()) + 160 * w.deleted.size();
    for (const auto& c : w.cuts) estimate += c.markup.size();
    const Work* work = &w;
    splice_.replace_with(r.begin, r.end, estimate, [this, work](std::string& out) { rewrite(*work, out); });
  }
  std::string out = splice_.apply();
  work_.clear();
  splice_ = Splicer(xml_);
  return out;
}

}  // namespace wenfeng::annotate
