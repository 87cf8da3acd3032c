#include "annotate/annotate.h"

#include <pugixml.hpp>

#include <algorithm>
#include <ctime>
#include <memory>
#include <optional>
#include <set>

#include "annotate/comment_text.h"
#include "annotate/package.h"
#include "annotate/part_editor.h"
#include "annotate/xml_scan.h"
#include "fix/plan.h"
#include "readers/docx_reader.h"
#include "readers/zip_archive.h"

namespace wenfeng::annotate {
namespace {

using model::TextOrigin;

constexpr const char* kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kCommentsContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Where a finding Word cannot carry a comment on is, for the summary comment.
const char* story_label(model::Story s) {
  switch (s) {
    case model::Story::kMain: return "正文";
    case model::Story::kFootnote: return "脚注中";
    case model::Story::kEndnote: return "尾注中";
    case model::Story::kHeader: return "页眉中";
    case model::Story::kFooter: return "页脚中";
    case model::Story::kComment: return "批注中";
    case model::Story::kTextBox: return "文本框中";
  }
  return "正文";
}

// Largest numeric w:id-like attribute value (`…:id="123"`) in a part.
std::uint32_t max_id(std::string_view x) {
  std::uint32_t best = 0;
  std::size_t pos = 0;
  while ((pos = x.find(":id=\"", pos)) != std::string_view::npos) {
    pos += 5;
    std::uint64_t v = 0;
    std::size_t i = pos;
    while (i < x.size() && x[i] >= '0' && x[i] <= '9' && v < (1u << 30)) v = v * 10 + static_cast<unsigned>(x[i++] - '0');
    if (i < x.size() && x[i] == '"' && i > pos) best = std::max(best, static_cast<std::uint32_t>(v));
  }
  return best;
}

// The run map of a document, by block.
class RunMap {
 public:
  explicit RunMap(const model::Document& doc) : o_(doc.origins), first_(doc.blocks.size() + 1, 0) {
    for (const auto& o : o_)
      if (o.block < doc.blocks.size()) ++first_[o.block + 1];
    for (std::size_t i = 1; i < first_.size(); ++i) first_[i] += first_[i - 1];
  }
  const TextOrigin& operator[](std::size_t i) const { return o_[i]; }
  // The piece holding byte `t` of block `b`, or the first after it; npos if none.
  std::size_t at_or_after(std::uint32_t b, std::uint32_t t) const {
    const auto lo = o_.begin() + first_[b], hi = o_.begin() + first_[b + 1];
    const auto it = std::upper_bound(lo, hi, t, [](std::uint32_t v, const TextOrigin& o) { return v < o.text_offset + o.length; });
    return it == hi ? npos : static_cast<std::size_t>(it - o_.begin());
  }
  // The piece holding byte `t - 1` of block `b`, or the last before it; npos if none.
  std::size_t before(std::uint32_t b, std::uint32_t t) const {
    const auto lo = o_.begin() + first_[b], hi = o_.begin() + first_[b + 1];
    const auto it = std::lower_bound(lo, hi, t, [](const TextOrigin& o, std::uint32_t v) { return o.text_offset < v; });
    return it == lo ? npos : static_cast<std::size_t>(it - o_.begin()) - 1;
  }
  bool first_in_run(std::size_t i) const { return i == 0 || !same_run(o_[i - 1], o_[i]); }
  bool last_in_run(std::size_t i) const { return i + 1 == o_.size() || !same_run(o_[i + 1], o_[i]); }
  bool empty(std::uint32_t b) const { return first_[b] == first_[b + 1]; }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  static bool same_run(const TextOrigin& a, const TextOrigin& b) { return a.run == b.run && a.source == b.source; }
  const std::vector<TextOrigin>& o_;
  std::vector<std::size_t> first_;
};

class Annotator {
 public:
  Annotator(std::string_view docx, const lint::FileResult& f, const Options& o)
      : docx_(docx), f_(f), doc_(*f.doc), o_(o), map_(doc_) {}

  Result<Output> run();

 private:
  struct Place {
    PartEditor* ed = nullptr;
    Loc loc;
    std::size_t piece = 0;
  };
  Status open_parts();
  std::optional<Place> start_of(std::uint32_t block, std::uint32_t t);
  std::optional<Place> end_of(std::uint32_t block, std::uint32_t t);
  bool anchor(std::uint32_t block, std::uint32_t begin, std::uint32_t end, std::uint32_t id);
  bool anchor_on_note_reference(std::uint32_t block, std::uint32_t id);
  void place_comment(PartEditor& ed, const Loc& start, const Loc& end, std::uint32_t id);
  bool write_fix(const fix::PlannedFix& p);
  void remove_old_comments(std::map<std::string, std::string>& changed);
  std::string comment(std::uint32_t id, const std::vector<std::string>& paragraphs) const;
  Status finish_package(const std::string& comments, std::map<std::string, std::string>& changed);

  std::string_view docx_;
  const lint::FileResult& f_;
  const model::Document& doc_;
  const Options& o_;
  RunMap map_;
  std::unique_ptr<readers::ZipArchive> zip_;
  std::string main_part_, rels_name_, comments_part_;
  bool comments_exist_ = false;
  std::string comments_xml_;
  std::vector<readers::Relationship> rels_;
  std::map<std::uint16_t, std::unique_ptr<PartEditor>> editors_;  // by Document::sources index
  std::uint32_t next_id_ = 1;
  RevisionStamp stamp_;
  Stats stats_;
};

Status Annotator::open_parts() {
  auto zip = readers::ZipArchive::open(docx_);
  if (!zip.ok()) return zip.error();
  zip_ = std::move(zip).value();
  main_part_ = readers::main_part_name(*zip_);
  const std::string dir = main_part_.substr(0, main_part_.rfind('/') + 1);
  rels_name_ = dir + "_rels/" + main_part_.substr(dir.size()) + ".rels";
  rels_ = readers::read_rels(*zip_, rels_name_, dir);
  comments_part_ = dir + "comments.xml";
  for (const auto& r : rels_)
    if (r.type == "comments") comments_part_ = r.target;
  comments_exist_ = zip_->contains(comments_part_);
  std::uint32_t top = 0;
  auto utf8_part = [](const std::string& name, const std::string& x) -> Status {
    if (x.rfind("\xFF\xFE", 0) == 0 || x.rfind("\xFE\xFF", 0) == 0)
      return make_error(ErrorCode::kUnsupported, "部件 " + name + " 是 UTF-16 编码，暂不能写入批注；请在 Word 中另存为 .docx");
    return ok_status();
  };
  if (comments_exist_) {
    auto x = zip_->read(comments_part_);
    if (!x.ok()) return x.error();
    comments_xml_ = std::move(x).value();
    if (auto s = utf8_part(comments_part_, comments_xml_); !s.ok()) return s;
    top = std::max(top, max_id(comments_xml_));
  }
  // The parts Word allows comments and revisions in: the main text (with its tables and
  // text boxes), footnotes and endnotes.
  std::vector<bool> wanted(doc_.sources.size(), false);
  for (const auto& b : doc_.blocks)
    if (b.source < wanted.size() && (b.story == model::Story::kMain || b.story == model::Story::kFootnote ||
                                     b.story == model::Story::kEndnote))
      wanted[b.source] = true;
  for (std::uint16_t s = 0; s < wanted.size(); ++s) {
    if (!wanted[s]) continue;
    // The reader kept the part's bytes with the run map; else read them again.
    auto kept = doc_.part_bytes.find(doc_.sources[s]);
    auto x = kept != doc_.part_bytes.end() ? Result<std::string>(kept->second) : zip_->read(doc_.sources[s]);
    if (!x.ok()) return x.error();
    if (auto st = utf8_part(doc_.sources[s], *x); !st.ok()) return st;
    top = std::max(top, max_id(*x));
    editors_[s] = std::make_unique<PartEditor>(std::move(x).value(), &stamp_);
  }
  next_id_ = top + 1;
  stamp_.author = o_.author;
  stamp_.date = o_.date.empty() ? now_utc() : o_.date;
  stamp_.next_id = &next_id_;
  return ok_status();
}

std::optional<Annotator::Place> Annotator::start_of(std::uint32_t block, std::uint32_t t) {
  const std::size_t i = map_.at_or_after(block, t);
  if (i == RunMap::npos) return std::nullopt;
  const TextOrigin& p = map_[i];
  auto it = editors_.find(p.source);
  if (it == editors_.end()) return std::nullopt;
  PartEditor& ed = *it->second;
  const std::uint32_t k = t > p.text_offset ? t - p.text_offset : 0;
  Place out{&ed, {}, i};
  if (k == 0 && map_.first_in_run(i)) out.loc = {false, p.run, p.run};
  else if (p.kind == TextOrigin::kText) out.loc = {true, p.run, xml::text_offset(ed.xml(), p.xml, k)};
  else out.loc = {true, p.run, p.xml};
  return out;
}

std::optional<Annotator::Place> Annotator::end_of(std::uint32_t block, std::uint32_t t) {
  const std::size_t i = map_.before(block, t);
  if (i == RunMap::npos) return std::nullopt;
  const TextOrigin& p = map_[i];
  auto it = editors_.find(p.source);
  if (it == editors_.end()) return std::nullopt;
  PartEditor& ed = *it->second;
  const std::uint32_t k = std::min(t - p.text_offset, p.length);
  Place out{&ed, {}, i};
  if (k == p.length && map_.last_in_run(i)) out.loc = {false, p.run, ed.run(p.run).end};
  else if (p.kind == TextOrigin::kText) out.loc = {true, p.run, xml::text_offset(ed.xml(), p.xml, k)};
  else out.loc = {true, p.run, xml::element_end(ed.xml(), p.xml)};
  return out;
}

bool Annotator::anchor(std::uint32_t block, std::uint32_t begin, std::uint32_t end, std::uint32_t id) {
  // Comments go in the main part only (tables and text boxes included): LibreOffice cannot
  // load one inside a footnote or endnote.
  if (block >= doc_.blocks.size() || doc_.blocks[block].source >= doc_.sources.size() ||
      doc_.sources[doc_.blocks[block].source] != main_part_)
    return false;
  if (begin >= end) {  // a finding about the paragraph as a whole (a generated list label…)
    begin = 0;
    end = doc_.blocks[block].end - doc_.blocks[block].begin;
    if (end == 0) return false;
  }
  auto s = start_of(block, begin);
  auto e = end_of(block, end);
  if (!s || !e || s->ed != e->ed) return false;
  place_comment(*s->ed, s->loc, e->loc, id);
  return true;
}

void Annotator::place_comment(PartEditor& ed, const Loc& start, const Loc& end, std::uint32_t id) {
  const std::string& w = ed.w();
  const std::string ids = w + "id=\"" + std::to_string(id) + "\"/>";
  ed.place(start, kRangeStart, "<" + w + "commentRangeStart " + ids);
  ed.place(end, kRangeEnd, "<" + w + "commentRangeEnd " + ids);
  ed.place(end, kReference, "<" + w + "r><" + w + "commentReference " + ids + "</" + w + "r>");
}

// A finding in a footnote is commented on the note's reference mark in the main text:
// LibreOffice cannot load a comment inside a footnote (Word can), and the mark is where an
// editor looks. The revisions of its fix stay in the footnote.
bool Annotator::anchor_on_note_reference(std::uint32_t block, std::uint32_t id) {
  const auto& b = doc_.blocks[block];
  if (b.story != model::Story::kFootnote || b.layout < 0) return false;
  const std::int32_t note = doc_.layouts[static_cast<std::size_t>(b.layout)].note_id;
  const auto main = std::find(doc_.sources.begin(), doc_.sources.end(), main_part_);
  const auto it = editors_.find(static_cast<std::uint16_t>(main - doc_.sources.begin()));
  if (note < 0 || it == editors_.end()) return false;
  PartEditor& ed = *it->second;
  const std::string_view x = ed.xml();
  const std::string needle = "<" + ed.w() + "footnoteReference";
  const std::string run_tag = "<" + ed.w() + "r";
  for (std::size_t at = x.find(needle); at != std::string_view::npos; at = x.find(needle, at + 1)) {
    if (xml::attribute(x, at, ed.w() + "id") != std::to_string(note)) continue;
    // The run holding the mark: the nearest run start tag before it.
    std::size_t r = at;
    while ((r = x.rfind(run_tag, r - 1)) != std::string_view::npos && r > 0) {
      const char c = x[r + run_tag.size()];
      if (c == '>' || c == ' ') break;
    }
    if (r == std::string_view::npos) return false;
    place_comment(ed, {false, r, r}, {false, r, ed.run(r).end}, id);
    return true;
  }
  return false;
}

bool Annotator::write_fix(const fix::PlannedFix& f) {
  if (f.block >= doc_.blocks.size()) return false;
  // The pieces the replaced bytes come from: all in one part, none in someone's revision.
  std::vector<std::size_t> pieces;
  for (std::size_t i = map_.at_or_after(f.block, f.begin);
       i != RunMap::npos && i < doc_.origins.size() && map_[i].block == f.block && map_[i].text_offset < f.end; ++i)
    pieces.push_back(i);
  std::optional<Place> at = f.end > 0 ? end_of(f.block, f.end) : start_of(f.block, 0);
  if (!at) return false;
  for (auto i : pieces)
    if (map_[i].in_revision || map_[i].source != map_[pieces.front()].source) return false;
  if (map_[at->piece].in_revision) return false;
  PartEditor& ed = *at->ed;
  for (auto i : pieces) {
    const TextOrigin& p = map_[i];
    if (p.kind == TextOrigin::kText) {
      const std::uint32_t s = std::max(f.begin, p.text_offset) - p.text_offset;
      const std::uint32_t e = std::min(f.end, p.text_offset + p.length) - p.text_offset;
      ed.remove_in_run(p.run, xml::text_offset(ed.xml(), p.xml, s), xml::text_offset(ed.xml(), p.xml, e));
    } else {
      ed.remove_in_run(p.run, p.xml, xml::element_end(ed.xml(), p.xml));
    }
  }
  if (!f.replacement.empty()) {
    const std::string& w = ed.w();
    ed.place(at->loc, kInsert,
             "<" + w + "ins" + stamp_.attributes(w) + "><" + w + "r>" + ed.plain_rpr(map_[at->piece].run) + "<" + w +
                 "t xml:space=\"preserve\">" + xml::escape(f.replacement) + "</" + w + "t></" + w + "r></" + w + "ins>");
  }
  return true;
}

std::string Annotator::comment(std::uint32_t id, const std::vector<std::string>& paragraphs) const {
  std::string s;
  s.reserve(160 + 80 * paragraphs.size());
  s.append("<w:comment w:id=\"").append(std::to_string(id)).append("\" w:author=\"").append(xml::escape(o_.author));
  s.append("\" w:date=\"").append(stamp_.date).append("\" w:initials=\"").append(xml::escape(o_.initials)).append("\">");
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    s.append("<w:p>");
    if (i == 0) s.append("<w:r><w:annotationRef/></w:r>");
    s.append("<w:r><w:t xml:space=\"preserve\">").append(xml::escape(paragraphs[i])).append("</w:t></w:r></w:p>");
  }
  return s.append("</w:comment>");
}

// Removes wenfeng's comments of an earlier run (author and initials both wenfeng's): the
// comment, its range markers and reference, and its entries in Word 2013+'s extra parts.
void Annotator::remove_old_comments(std::map<std::string, std::string>& changed) {
  if (!comments_exist_) return;
  pugi::xml_document d;
  std::string copy = comments_xml_;
  if (!d.load_buffer_inplace(copy.data(), copy.size())) return;
  const auto root = d.document_element();
  const std::string w(xml::prefix_of(root.name()));
  std::set<std::string, std::less<>> ids, para_ids;
  Splicer splice(comments_xml_);
  for (auto c : root.children()) {
    if (xml::local_name(c.name()) != "comment") continue;
    if (o_.author != c.attribute((w + "author").c_str()).value() ||
        o_.initials != c.attribute((w + "initials").c_str()).value())
      continue;
    ids.insert(c.attribute((w + "id").c_str()).value());
    for (auto p : c.children())
      for (auto a : p.attributes())
        if (xml::local_name(a.name()) == "paraId") para_ids.insert(a.value());
    const auto lt = static_cast<std::size_t>(c.offset_debug() - 1);
    splice.replace(lt, xml::element_end(comments_xml_, lt), std::string());
  }
  if (ids.empty()) return;
  stats_.removed_comments = ids.size();
  comments_xml_ = splice.apply();
  for (auto& [source, ed] : editors_) {
    const std::string_view x = ed->xml();
    const std::string& pw = ed->w();
    for (const char* name : {"commentRangeStart", "commentRangeEnd", "commentReference"}) {
      const std::string needle = "<" + pw + name;
      for (std::size_t pos = x.find(needle); pos != std::string_view::npos; pos = x.find(needle, pos + 1))
        if (ids.count(xml::attribute(x, pos, pw + "id"))) ed->erase(pos, xml::element_end(x, pos));
    }
  }
  // commentsExtended / commentsIds name a comment by its paragraph's paraId,
  // commentsExtensible by the durableId commentsIds gives it.
  std::set<std::string, std::less<>> durable;
  for (const char* type : {"commentsExtended", "commentsIds", "commentsExtensible"}) {
    for (const auto& r : rels_) {
      if (r.type != type || !zip_->contains(r.target)) continue;
      auto part = zip_->read(r.target);
      if (!part.ok()) continue;
      std::string buf = *part;
      pugi::xml_document pd;
      if (!pd.load_buffer_inplace(buf.data(), buf.size())) continue;
      Splicer ps(*part);
      for (auto e : pd.document_element().children()) {
        bool ours = false;
        for (auto a : e.attributes()) {
          const auto l = xml::local_name(a.name());
          if ((l == "paraId" && para_ids.count(a.value())) || (l == "durableId" && durable.count(a.value()))) ours = true;
        }
        if (!ours) continue;
        for (auto a : e.attributes())
          if (xml::local_name(a.name()) == "durableId") durable.insert(a.value());
        const auto lt = static_cast<std::size_t>(e.offset_debug() - 1);
        ps.replace(lt, xml::element_end(*part, lt), std::string());
      }
      if (!ps.empty()) changed[r.target] = ps.apply();
    }
  }
}

// Adds `comments` (w:comment elements) to the comments part, creating it, its relationship
// and its content type when the document has none.
Status Annotator::finish_package(const std::string& comments, std::map<std::string, std::string>& changed) {
  if (comments.empty() && !comments_exist_) return ok_status();
  if (comments_exist_) {
    if (!comments.empty()) {
      std::string& x = comments_xml_;
      std::size_t root = 0;
      while ((root = x.find('<', root)) != std::string::npos && root + 1 < x.size() && (x[root + 1] == '?' || x[root + 1] == '!'))
        ++root;
      if (root == std::string::npos) return make_error(ErrorCode::kMalformedXml, "部件 " + comments_part_ + " 无法解析");
      if (xml::self_closing(x, root)) {  // "<w:comments …/>": open it
        const std::size_t te = xml::start_tag_end(x, root);
        x.replace(te - 2, 2, ">" + comments + "</" + std::string(xml::tag_name(x, root)) + ">");
      } else {
        x.insert(x.rfind("</"), comments);
      }
    }
    changed[comments_part_] = comments_xml_;
    return ok_status();
  }
  {
    const std::string head = std::string(kXmlDecl) + "<w:comments xmlns:w=\"" + kWordNs + "\">";
    std::string part;
    part.reserve(head.size() + comments.size() + 16);
    part.append(head).append(comments).append("</w:comments>");
    changed[comments_part_] = std::move(part);
  }
  // The relationship from the main part.
  const std::string dir = main_part_.substr(0, main_part_.rfind('/') + 1);
  const std::string target = comments_part_.substr(dir.size());
  std::string rels;
  if (zip_->contains(rels_name_)) {
    auto r = zip_->read(rels_name_);
    if (!r.ok()) return r.error();
    rels = std::move(r).value();
  } else {
    rels = std::string(kXmlDecl) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>";
  }
  std::string id = "rIdWenfeng1";
  for (int n = 2; rels.find("\"" + id + "\"") != std::string::npos; ++n) id = "rIdWenfeng" + std::to_string(n);
  const auto close = rels.rfind("</");
  if (close == std::string::npos) return make_error(ErrorCode::kMalformedXml, "部件 " + rels_name_ + " 无法解析");
  rels.insert(close, "<Relationship Id=\"" + id + "\" Type=\"" + kRelBase + "comments\" Target=\"" + target + "\"/>");
  changed[rels_name_] = rels;
  // The content type.
  auto types = zip_->read("[Content_Types].xml");
  if (!types.ok()) return types.error();
  std::string t = std::move(types).value();
  if (t.find("PartName=\"/" + comments_part_ + "\"") == std::string::npos) {
    const auto tclose = t.rfind("</");
    if (tclose == std::string::npos) return make_error(ErrorCode::kMalformedXml, "部件 [Content_Types].xml 无法解析");
    t.insert(tclose, "<Override PartName=\"/" + comments_part_ + "\" ContentType=\"" + kCommentsContentType + "\"/>");
    changed["[Content_Types].xml"] = t;
  }
  return ok_status();
}

Result<Output> Annotator::run() {
  if (!f_.doc || !f_.report || doc_.format != model::Format::kDocx)
    return make_error(ErrorCode::kUnsupported, "只有 DOCX 文件能写入批注和修订");
  if (doc_.origins.empty() && !doc_.text.empty())
    return make_error(ErrorCode::kInternal, "读取 DOCX 时没有记录文字位置（ReadOptions::docx_run_map）");
  if (auto s = open_parts(); !s.ok()) return s.error();
  std::map<std::string, std::string> changed;
  remove_old_comments(changed);

  const auto& findings = f_.report->findings;
  std::vector<bool> fixed(findings.size(), false);
  if (o_.fixes) {
    for (const auto& p : fix::plan_fixes(findings)) {
      if (write_fix(p)) {
        fixed[p.finding] = true;
        ++stats_.fixes;
      } else {
        ++stats_.fixes_skipped;
      }
    }
  }
  std::string comments;
  if (o_.comments) {
    std::vector<std::string> summary = summary_paragraphs(f_);
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const auto& d = findings[i];
      const FixNote note = !d.fix ? FixNote::kNone : fixed[i] ? FixNote::kWritten : FixNote::kNotWritten;
      auto paragraphs = finding_paragraphs(d, o_.english, note, 1);
      const std::uint32_t id = next_id_++;
      const bool in_note = d.block < doc_.blocks.size() && doc_.blocks[d.block].story == model::Story::kFootnote;
      if (in_note) paragraphs.front() = "（脚注中）" + paragraphs.front();
      if (!d.document_level && (in_note ? anchor_on_note_reference(d.block, id)
                                        : anchor(d.block, d.offset, d.offset + d.length, id))) {
        comments += comment(id, paragraphs);
        ++stats_.comments;
        ++stats_.findings;
        continue;
      }
      // Document-level, or where Word allows no comment (headers, footers): on the title.
      if (!d.document_level && d.block < doc_.blocks.size() && !in_note)
        paragraphs.front() = "（" + std::string(story_label(doc_.blocks[d.block].story)) + "）" + paragraphs.front();
      summary.insert(summary.end(), paragraphs.begin(), paragraphs.end());
      ++stats_.findings;
    }
    // The summary comment on the title (else the first paragraph that can carry one).
    const std::uint32_t id = next_id_++;
    std::vector<std::uint32_t> candidates;
    if (f_.report->m.title >= 0) candidates.push_back(static_cast<std::uint32_t>(f_.report->m.title));
    for (std::uint32_t b = 0; b < doc_.blocks.size() && candidates.size() < 2; ++b)
      if (!map_.empty(b) && doc_.blocks[b].story == model::Story::kMain) candidates.push_back(b);
    for (auto b : candidates)
      if (anchor(b, 0, doc_.blocks[b].end - doc_.blocks[b].begin, id)) {
        comments += comment(id, summary);
        ++stats_.comments;
        break;
      }
  }
  for (auto& [source, ed] : editors_)
    if (ed->changed()) changed[doc_.sources[source]] = ed->finish();
  if (auto s = finish_package(comments, changed); !s.ok()) return s.error();
  auto bytes = rewrite_package(docx_, changed);
  if (!bytes.ok()) return bytes.error();
  return Output{std::move(bytes).value(), stats_, std::move(fixed)};
}

}  // namespace

Result<Output> annotate_docx(std::string_view docx, const lint::FileResult& checked, const Options& options) {
  return Annotator(docx, checked, options).run();
}

}  // namespace wenfeng::annotate
