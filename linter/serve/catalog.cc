#include "serve/catalog.h"

#include <cmath>

#include "model/rule.h"
#include "report/json_writer.h"

namespace wenfeng::serve {
namespace {

void write_source(report::JsonWriter& j, const model::RuleSource& s) {
  j.begin_object();
  j.key("issuer").value(s.issuer);
  j.key("document").value(s.document);
  j.key("part").value(s.part);
  j.end_object();
}

void write_strings(report::JsonWriter& j, const std::vector<std::string>& v) {
  j.begin_array();
  for (const auto& s : v) j.value(s);
  j.end_array();
}

// The unit a limit key is counted in (as `wenfeng profiles` prints it).
std::string limit_unit(const profiles::Limit& l, const std::string& profile_unit) {
  if (l.rule.rfind("duration.", 0) == 0) return "minutes";
  if (l.rule == "length.pages") return "pages";
  if (l.rule == "length.items") return "items";
  return profile_unit;
}

void write_kind(report::JsonWriter& j, const profiles::Kind& k, const std::string& unit) {
  j.begin_object();
  j.key("id").value(k.id);
  j.key("name").value(k.name);
  j.key("limits").begin_array();
  for (const auto& [rule, l] : k.limits) {
    j.begin_object();
    j.key("rule").value(rule);
    j.key("max").value(l.max, l.max == std::floor(l.max) ? 0 : 2);
    j.key("unit").value(limit_unit(l, unit));
    j.key("soft").value(l.soft);
    j.key("note").value(l.note);
    j.key("severity").value(model::severity_name(l.severity));
    j.key("source");
    write_source(j, l.source);
    j.end_object();
  }
  j.end_array();
  j.key("prohibitions").begin_array();
  for (const auto& p : k.prohibitions) {
    j.begin_object();
    j.key("rule").value(p.rule);
    j.key("severity").value(model::severity_name(p.severity));
    j.key("message").value(p.message);
    j.key("source");
    write_source(j, p.source);
    j.end_object();
  }
  j.end_array();
  j.key("notes");
  write_strings(j, k.notes);
  j.end_object();
}

}  // namespace

std::string profiles_json(const std::vector<profiles::Profile>& ps) {
  report::JsonWriter j;
  j.begin_object();
  j.key("version").value(1);
  j.key("profiles").begin_array();
  for (const auto& p : ps) {
    j.begin_object();
    j.key("id").value(p.id);
    j.key("name").value(p.name);
    j.key("chain");
    write_strings(j, p.chain);
    j.key("source");
    write_source(j, p.source);
    j.key("unit").value(p.unit);
    j.key("rates").begin_object();
    j.key("tv").value(p.tv_rate, 0);
    j.key("speech").value(p.speech_rate, 0);
    j.end_object();
    j.key("notes");
    write_strings(j, p.notes);
    j.key("kinds").begin_array();
    for (const auto& [id, k] : p.kinds) write_kind(j, k, p.unit);
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return j.take() + "\n";
}

std::string rules_json() {
  report::JsonWriter j;
  j.begin_object();
  j.key("version").value(1);
  j.key("rules").begin_array();
  for (const auto* r : model::rules()) {
    j.begin_object();
    j.key("id").value(r->id);
    j.key("family").value(model::family_name(r->family));
    j.key("severity").value(model::severity_name(r->severity));
    j.key("title").value(r->title);
    j.key("summary").value(r->summary);
    j.key("description").value(r->description);
    j.key("measures").value(r->measures);
    j.key("source");
    write_source(j, r->source);
    j.key("fixable").value(r->fixable);
    j.key("limit_keys").begin_array();
    for (auto k : r->limit_keys) j.value(k);
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return j.take() + "\n";
}

}  // namespace wenfeng::serve
