// The web service's answers, independent of the HTTP library: each endpoint takes an
// Upload (the input and its options, parsed from multipart/form-data or JSON) and gives a
// Reply (status, type, body). `POST /v1/check` and `/v1/count` answer exactly the JSON v1
// of `wenfeng check|count --format json` on the same input (the same renderers write it);
// `/v1/page` is the page's own: the same report as a string plus the document's main-text
// paragraphs, so the page can show every finding in place.
//
// Statuses: 200 a report (findings or not); 400 a bad request (unknown profile, kind or
// medium, no input, malformed JSON); 413 an input over a cap; 415 a format wenfeng does not
// read (.doc, PDF, encrypted); 422 an input the readers refuse (encoding, corrupt zip,
// malformed XML…), with the command line's JSON v1 naming the error code. `/v1/annotate`
// answers the DOCX with every finding as a Word comment and the mechanical fixes as
// tracked changes (annotate/annotate.h); 415 for a draft that is not a DOCX. Request-level
// errors are
// {"version":1,"error":{"code","message"}}.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "base/result.h"
#include "lint/session.h"
#include "readers/zip_archive.h"

namespace wenfeng::serve {

struct Reply {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::string error_code;  // the error code of an error answer (for metrics), else empty
  std::string filename;    // a download's name (Content-Disposition), else empty
};

// {"version":1,"error":{"code":code,"message":message}}
Reply error_reply(int status, std::string_view code, std::string_view message);

// One request's input and options.
struct Upload {
  std::string name;  // the uploaded file's name (base name only): chooses the reader, shown as "path"
  std::string bytes;
  bool has_input = false;
  std::optional<std::string> profile;
  std::optional<std::string> kind;
  std::optional<std::string> medium;
  bool english = false;
};

// Sets the option `name` (profile, kind, medium, english) from a form field or query
// parameter; an error reply for an unknown option or a value that is not UTF-8.
std::optional<Reply> set_option(Upload& u, std::string_view name, std::string value);

// Takes a file name from a request: the base name (no directories, ever), control
// characters dropped, at most 200 bytes; `fallback` when nothing is left.
std::string safe_name(std::string_view name, std::string_view fallback);

// Parses a JSON body: {"text": "…", "filename": "draft.txt", "profile", "kind", "medium",
// "english"}. Nesting deeper than 8 is refused before parsing.
std::optional<Reply> parse_json_body(std::string_view body, Upload& u);

struct ApiOptions {
  readers::ZipLimits zip;    // caps for DOCX/ODT containers
  std::string dictionaries;  // empty: the shipped ones
};

class Api {
 public:
  // Loads the dictionaries and every profile once (a broken one stops the service here).
  static Result<std::unique_ptr<Api>> open(const ApiOptions& options);

  Reply check(const Upload& u) const;
  Reply count(const Upload& u) const;
  Reply page(const Upload& u) const;
  Reply annotate(const Upload& u) const;
  Reply profiles() const { return json(profiles_json_); }
  Reply rules() const { return json(rules_json_); }

 private:
  Api() = default;
  static Reply json(const std::string& body);
  // Request-level checks before any reading: input present, profile a listed id (never a
  // path), medium tv|print.
  std::optional<Reply> validate(const Upload& u) const;
  lint::MemoryInput input(const Upload& u) const;

  std::unique_ptr<lint::Session> session_;
  std::unique_ptr<lint::Session> annotate_session_;  // reads DOCX with the run map annotate needs
  std::set<std::string> profile_ids_;
  std::string profiles_json_;
  std::string rules_json_;
};

// The HTTP status for a reader's error.
int status_for(ErrorCode code);

}  // namespace wenfeng::serve
