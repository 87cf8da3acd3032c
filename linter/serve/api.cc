#include "serve/api.h"

#include <nlohmann/json.hpp>

#include "annotate/annotate.h"
#include "model/document.h"
#include "report/json_writer.h"
#include "report/renderer.h"
#include "serve/catalog.h"
#include "text/utf8.h"

namespace wenfeng::serve {
namespace {

class StringSink final : public report::Sink {
 public:
  void write(std::string_view s) override { out.append(s); }
  std::string out;
};

// The command line's JSON v1 for one input: the same renderer, framed the same way.
std::string render_json(report::Command command, const lint::FileResult& f, bool english) {
  report::RenderOptions ro;
  ro.english = english;
  auto renderer = report::find_format("json", command)->make(ro);
  StringSink sink;
  renderer->begin(sink);
  renderer->file(f, sink);
  renderer->end(sink);
  return std::move(sink.out);
}

bool valid_utf8(std::string_view s) { return text::find_invalid_utf8(s) == std::string_view::npos; }

// Deepest nesting of a JSON text, strings skipped (a guard before the parser).
int json_depth(std::string_view s) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

// The reply for a file the pipeline could not use: the command line's JSON v1 with the
// error, under the status its code calls for.
Reply file_error_reply(const lint::FileResult& f, report::Command command, bool english) {
  Reply r;
  r.status = status_for(f.error->code);
  r.error_code = error_code_name(f.error->code);
  if (f.error->code == ErrorCode::kUsage) return error_reply(400, r.error_code, f.error->message);
  r.body = render_json(command, f, english);
  return r;
}

}  // namespace

Reply error_reply(int status, std::string_view code, std::string_view message) {
  report::JsonWriter j;
  j.begin_object();
  j.key("version").value(1);
  j.key("error").begin_object();
  j.key("code").value(code);
  j.key("message").value(message);
  j.end_object();
  j.end_object();
  Reply r;
  r.status = status;
  r.body = j.take() + "\n";
  r.error_code = std::string(code);
  return r;
}

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage: return 400;
    case ErrorCode::kTooLarge:
    case ErrorCode::kZipBomb: return 413;
    case ErrorCode::kLegacyFormat:
    case ErrorCode::kEncrypted:
    case ErrorCode::kUnsupported: return 415;
    case ErrorCode::kConfig:
    case ErrorCode::kInternal: return 500;
    default: return 422;  // encoding, binary, not-zip, corrupt-zip, missing-part, malformed-xml, empty…
  }
}

std::string safe_name(std::string_view name, std::string_view fallback) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  while (!out.empty() && (out[0] == '.' || out[0] == ' ')) out.erase(0, 1);  // no "..", no hidden names
  if (out.size() > 200 || !valid_utf8(out)) out.clear();
  return out.empty() ? std::string(fallback) : out;
}

std::optional<Reply> set_option(Upload& u, std::string_view name, std::string value) {
  if (!valid_utf8(value)) return error_reply(400, "usage", "选项 " + std::string(name) + " 的值不是 UTF-8");
  if (name == "profile") u.profile = std::move(value);
  else if (name == "kind") u.kind = std::move(value);
  else if (name == "medium") u.medium = std::move(value);
  else if (name == "english") u.english = value == "1" || value == "true";
  else
    return error_reply(400, "usage",
                       "不认识的选项 “" + safe_name(name, "?") + "”；可用 file、text、filename、profile、kind、medium、english");
  // An empty value means "not given" (a form's empty select).
  if (name != "english") {
    auto& slot = name == "profile" ? u.profile : name == "kind" ? u.kind : u.medium;
    if (slot && (slot->empty() || *slot == "auto")) slot.reset();
  }
  return std::nullopt;
}

std::optional<Reply> parse_json_body(std::string_view body, Upload& u) {
  if (json_depth(body) > 8) return error_reply(400, "usage", "JSON 嵌套过深（超过 8 层）");
  const nlohmann::json doc = nlohmann::json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object())
    return error_reply(400, "usage", "请求体不是有效的 JSON 对象（需要 {\"text\": \"…\"}，文本须为 UTF-8）");
  for (const auto& [key, v] : doc.items()) {
    if (key == "english") {
      if (!v.is_boolean()) return error_reply(400, "usage", "english 应为 true 或 false");
      u.english = v.get<bool>();
      continue;
    }
    if (!v.is_string()) return error_reply(400, "usage", "字段 " + safe_name(key, "?") + " 应为字符串");
    std::string s = v.get<std::string>();
    if (key == "text") {
      u.bytes = std::move(s);
      u.has_input = true;
    } else if (key == "filename") {
      u.name = safe_name(s, "text.txt");
    } else if (auto e = set_option(u, key, std::move(s))) {
      return e;
    }
  }
  if (u.name.empty()) u.name = "text.txt";
  return std::nullopt;
}

Result<std::unique_ptr<Api>> Api::open(const ApiOptions& options) {
  std::unique_ptr<Api> api(new Api());
  lint::RunOptions ro;
  ro.read.zip = options.zip;
  ro.dictionaries = options.dictionaries;
  ro.jobs = 1;
  auto session = lint::Session::open(std::move(ro), /*check=*/true);
  if (!session.ok()) return session.error();
  api->session_ = std::move(session).value();
  lint::RunOptions ao;
  ao.read.zip = options.zip;
  ao.read.docx_run_map = true;
  ao.dictionaries = options.dictionaries;
  ao.jobs = 1;
  auto annotating = lint::Session::open(std::move(ao), /*check=*/true);
  if (!annotating.ok()) return annotating.error();
  api->annotate_session_ = std::move(annotating).value();
  std::vector<profiles::Profile> loaded;
  for (const auto& id : profiles::list_profiles()) {
    auto p = profiles::load_profile(id);
    if (!p.ok()) return p.error();
    api->profile_ids_.insert(id);
    loaded.push_back(std::move(p).value());
  }
  if (loaded.empty()) return make_error(ErrorCode::kConfig, "找不到任何规范文件（profiles/）");
  api->profiles_json_ = profiles_json(loaded);
  api->rules_json_ = rules_json();
  return api;
}

Reply Api::json(const std::string& body) {
  Reply r;
  r.body = body;
  return r;
}

std::optional<Reply> Api::validate(const Upload& u) const {
  if (!u.has_input)
    return error_reply(400, "usage", "请求中没有文稿：请用 multipart 字段 file 上传文件，或用 text 字段 / JSON {\"text\": …} 提交文本");
  if (u.profile && !profile_ids_.count(*u.profile)) {
    std::string all;
    for (const auto& id : profile_ids_) all += (all.empty() ? "" : "、") + id;
    return error_reply(400, "usage", "没有规范 “" + safe_name(*u.profile, "?") + "”；可用：" + all);
  }
  if (u.medium && *u.medium != "tv" && *u.medium != "print")
    return error_reply(400, "usage", "medium 只能是 tv 或 print");
  return std::nullopt;
}

lint::MemoryInput Api::input(const Upload& u) const {
  lint::MemoryInput in;
  in.name = u.name.empty() ? "upload" : u.name;
  in.bytes = u.bytes;
  in.profile = u.profile;
  in.kind = u.kind;
  in.medium = u.medium;
  return in;
}

Reply Api::check(const Upload& u) const {
  if (auto e = validate(u)) return *e;
  const lint::FileResult f = session_->check(input(u));
  if (f.error) return file_error_reply(f, report::Command::kCheck, u.english);
  return json(render_json(report::Command::kCheck, f, u.english));
}

Reply Api::count(const Upload& u) const {
  if (auto e = validate(u)) return *e;
  const lint::FileResult f = session_->count(input(u));
  if (f.error) return file_error_reply(f, report::Command::kCount, u.english);
  return json(render_json(report::Command::kCount, f, u.english));
}

Reply Api::page(const Upload& u) const {
  if (auto e = validate(u)) return *e;
  const lint::FileResult f = session_->check(input(u));
  if (f.error) return file_error_reply(f, report::Command::kCheck, u.english);
  const model::Document& doc = *f.doc;
  report::JsonWriter j;
  j.begin_object();
  j.key("version").value(1);
  // The report exactly as /v1/check gives it, as a string: the page parses it and offers
  // these very bytes as the JSON download.
  j.key("report").value(render_json(report::Command::kCheck, f, u.english));
  // Main-text paragraphs in the numbering findings use (paragraph n is item n-1).
  j.key("paragraphs").begin_array();
  for (const auto& b : doc.blocks) {
    if (b.story != model::Story::kMain) continue;
    j.begin_object();
    j.key("text").value(doc.block_text(b));
    j.key("role").value(model::role_name(b.role));
    if (b.level) j.key("level").value(static_cast<unsigned>(b.level));
    if (!b.label.empty()) j.key("label").value(b.label);
    if (b.in_table) j.key("table").value(true);
    j.end_object();
  }
  j.end_array();
  // Each finding's story, in the report's order: findings outside the main text (notes,
  // text boxes, headers) are listed but cannot be shown in place.
  j.key("stories").begin_array();
  for (const auto& d : f.report->findings)
    j.value(d.block < doc.blocks.size() ? model::story_name(doc.blocks[d.block].story) : "main");
  j.end_array();
  j.key("annotate").value(true);
  j.end_object();
  return json(j.take() + "\n");
}

Reply Api::annotate(const Upload& u) const {
  if (auto e = validate(u)) return *e;
  lint::FileResult f = annotate_session_->check(input(u));
  if (f.error) return file_error_reply(f, report::Command::kCheck, u.english);
  if (f.doc->format != model::Format::kDocx)
    return error_reply(415, "unsupported",
                       std::string("带批注的副本只能由 DOCX 生成，这是 ") + model::format_name(f.doc->format) +
                           " 文稿；请下载 JSON 报告，或在 Word 中另存为 .docx 后再试");
  annotate::settle_fixes(f);  // fixes that appear once others are made, as the command line does
  annotate::Options o;
  o.english = u.english;
  auto out = annotate::annotate_docx(u.bytes, f, o);
  if (!out.ok()) return error_reply(status_for(out.error().code), error_code_name(out.error().code), out.error().message);
  Reply r;
  r.content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  r.body = std::move(out->docx);
  // ASCII only in the header; the page names the download itself.
  r.filename = "wenfeng-annotated.docx";
  return r;
}

}  // namespace wenfeng::serve
