#include "model/kind.h"

namespace wenfeng::model {

const char* kind_source_name(KindSource s) {
  switch (s) {
    case KindSource::kOption: return "option";
    case KindSource::kConfig: return "config";
    case KindSource::kDocument: return "document";
    case KindSource::kClassifier: return "classifier";
    case KindSource::kNone: return "none";
  }
  return "none";
}

std::string kind_note(const KindChoice& k) {
  std::string how;
  switch (k.source) {
    case KindSource::kOption: how = "由 --kind 指定"; break;
    case KindSource::kConfig: how = "由 .wenfeng.yaml 指定"; break;
    case KindSource::kDocument: how = "读自" + k.reason; break;
    case KindSource::kClassifier: how = "推测：" + k.reason + "；如不对请用 --kind 指定"; break;
    case KindSource::kNone: break;
  }
  return k.id + "（" + how + "）";
}

std::string kind_summary(const KindChoice& k) {
  switch (k.source) {
    case KindSource::kOption: return k.id + "（由 --kind 指定）";
    case KindSource::kConfig: return k.id + "（由 .wenfeng.yaml 指定）";
    case KindSource::kDocument: return k.id + "（读自" + k.reason + "）";
    case KindSource::kClassifier: return k.id + "（推测：" + k.reason + "）";
    case KindSource::kNone: return k.id + "（" + k.reason + "）";
  }
  return k.id;
}

}  // namespace wenfeng::model
