#include "profiles/yaml_caps.h"

#include <yaml-cpp/eventhandler.h>

#include <map>
#include <sstream>
#include <vector>

#include "base/io.h"
#include "text/utf8.h"

namespace wenfeng::profiles {

std::string quote_short(std::string_view value, std::size_t max_chars) {
  const std::size_t cut = text::step_forward(value, 0, max_chars);
  std::string out = "“";
  out.append(value.substr(0, cut));
  if (cut < value.size()) out += "…";
  out += "”";
  return out;
}

namespace {

struct CapHit {
  std::string message;
  YAML::Mark mark;
};

CapHit repeated_key(const std::string& value, const YAML::Mark& first, const YAML::Mark& m) {
  return CapHit{"键" + quote_short(value) + "在同一个映射中出现了两次（第一次在第 " + std::to_string(first.line + 1) +
                    " 行）；请删去或合并其中一个",
                m};
}
CapHit too_deep(const YamlCaps& caps, const YAML::Mark& m) {
  return CapHit{"映射和列表嵌套超过 " + std::to_string(caps.max_depth) + " 层的上限", m};
}

// Counts what the tree would hold, stopping at the first cap (by throwing CapHit, caught in
// this file: nothing escapes the module).
class Counter : public YAML::EventHandler {
 public:
  explicit Counter(const YamlCaps& caps) : caps_(caps) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { leaf(m, a); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string& value) override {
    key(m, value);
    leaf(m, a);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    if (++aliases_ > caps_.max_aliases)
      throw CapHit{"别名（*alias）超过 " + std::to_string(caps_.max_aliases) + " 个的上限", m};
    if (a >= size_.size() || size_[a] == 0)
      throw CapHit{"别名指向包含它自己的节点（循环引用），无法展开", m};
    entry(m);
    add(m, size_[a]);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a, false);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    open(m, a, true);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YAML::anchor_t anchor;
    std::size_t total_before;
    std::size_t entries;
    bool map;
    std::map<std::string, YAML::Mark> keys;  // a mapping's scalar keys so far
  };

  // yaml-cpp keeps both of two equal keys and a lookup finds only one of them, without a
  // word: a profile whose second `rules:` is silently ignored misleads, so a repeated key is
  // an error (reported as a cap is: a CapHit).
  void key(const YAML::Mark& m, const std::string& value) {
    if (stack_.empty() || !stack_.back().map || stack_.back().entries % 2 != 0) return;
    const auto [it, added] = stack_.back().keys.emplace(value, m);
    if (!added) throw repeated_key(value, it->second, m);
  }

  void entry(const YAML::Mark& m) {
    if (!stack_.empty() && ++stack_.back().entries > caps_.max_entries)
      throw CapHit{"一个映射或列表超过 " + std::to_string(caps_.max_entries) + " 项的上限", m};
  }
  void add(const YAML::Mark& m, std::size_t n) {
    total_ += n;
    if (total_ > caps_.max_nodes)
      throw CapHit{"节点（展开别名后）超过 " + std::to_string(caps_.max_nodes) +
                       " 个的上限；锚点和别名层层引用会让很小的文件展开成巨大的数据（“别名炸弹”）",
                   m};
  }
  void remember(YAML::anchor_t a, std::size_t size) {
    if (a == 0) return;
    if (size_.size() <= a) size_.resize(a + 1, 0);
    size_[a] = size;
  }
  void leaf(const YAML::Mark& m, YAML::anchor_t a) {
    entry(m);
    add(m, 1);
    remember(a, 1);
  }
  void open(const YAML::Mark& m, YAML::anchor_t a, bool map) {
    entry(m);
    if (stack_.size() >= caps_.max_depth) throw too_deep(caps_, m);
    stack_.push_back({a, total_, 0, map, {}});
    add(m, 1);
    if (a != 0 && size_.size() <= a) size_.resize(a + 1, 0);  // open: an alias to it is a cycle
  }
  void close() {
    if (stack_.empty()) return;
    const Frame f = stack_.back();
    stack_.pop_back();
    remember(f.anchor, total_ - f.total_before);
  }

  const YamlCaps& caps_;
  std::vector<Frame> stack_;
  std::vector<std::size_t> size_;  // expanded size by anchor id; 0 while open or unknown
  std::size_t total_ = 0, aliases_ = 0;
};

// The caps a small file without aliases or a second document can hit are the depth and a
// repeated key: checked on its tree, in the order the event pass meets them (a node, then
// each key and its value), so the first hit is the one the event pass reports.
void check_tree(const YAML::Node& n, std::size_t depth, const YamlCaps& caps) {
  if (n.IsSequence()) {
    if (depth >= caps.max_depth) throw too_deep(caps, n.Mark());
    for (const auto& c : n) check_tree(c, depth + 1, caps);
  } else if (n.IsMap()) {
    if (depth >= caps.max_depth) throw too_deep(caps, n.Mark());
    std::map<std::string, YAML::Mark> keys;
    for (const auto& kv : n) {
      if (kv.first.IsScalar()) {
        const auto [it, added] = keys.emplace(kv.first.Scalar(), kv.first.Mark());
        if (!added) throw repeated_key(kv.first.Scalar(), it->second, kv.first.Mark());
      } else {
        check_tree(kv.first, depth + 1, caps);
      }
      check_tree(kv.second, depth + 1, caps);
    }
  }
}

// Whether the tree check is the whole check: no alias (no '*' anywhere), one document (no
// "---" or "..."), and too few bytes for the node and entry caps (a node takes at least
// half a byte of YAML: "?" alone is a map with a null key and value).
bool tree_check_suffices(std::string_view yaml, const YamlCaps& caps) {
  const std::size_t bound = 2 * yaml.size() + 2;
  return bound <= caps.max_nodes && bound <= caps.max_entries && yaml.find('*') == std::string_view::npos &&
         yaml.find("---") == std::string_view::npos && yaml.find("...") == std::string_view::npos;
}

std::string where(const std::string& name, const YAML::Mark& m) {
  if (m.is_null()) return name;
  return name + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

Error config_error(const std::string& name, const YAML::Mark& m, const std::string& message) {
  const std::string w = where(name, m);
  return make_error(ErrorCode::kConfig, w + ": " + message, w);
}

}  // namespace

Result<YAML::Node> load_yaml_text(std::string_view yaml, const std::string& name, const YamlCaps& caps) {
  if (yaml.size() > caps.max_bytes)
    return make_error(ErrorCode::kConfig, name + ": 文件超过 " + size_text(caps.max_bytes) + " 的上限，拒绝读取", name);
  if (const auto bad = text::find_invalid_utf8(yaml); bad != std::string_view::npos)
    return make_error(ErrorCode::kConfig, name + ": 第 " + std::to_string(bad) + " 字节处不是有效的 UTF-8；请以 UTF-8 保存",
                      name);
  // A small profile is parsed once; anything else (or a syntax error, whose message the
  // event pass gives as before) takes the two passes.
  if (tree_check_suffices(yaml, caps)) {
    try {
      YAML::Node root = YAML::Load(std::string(yaml));
      check_tree(root, 0, caps);
      return root;
    } catch (const CapHit& hit) {
      return config_error(name, hit.mark, hit.message);
    } catch (const std::exception&) {
    }
  }
  try {
    {
      std::istringstream in{std::string(yaml)};
      YAML::Parser parser(in);
      Counter counter(caps);
      while (parser.HandleNextDocument(counter)) {
      }
    }
    return YAML::Load(std::string(yaml));
  } catch (const CapHit& hit) {
    return config_error(name, hit.mark, hit.message);
  } catch (const YAML::Exception& e) {
    return config_error(name, e.mark, "YAML 语法错误：" + e.msg);
  } catch (const std::exception& e) {  // yaml-cpp may throw std::bad_alloc and the like
    return config_error(name, YAML::Mark::null_mark(), std::string("无法读取 YAML：") + e.what());
  }
}

Result<YAML::Node> load_yaml_file(const std::string& path, const std::string& what, const YamlCaps& caps) {
  auto bytes = read_regular_file(path, caps.max_bytes, what);
  if (!bytes.ok()) {
    Error e = bytes.error();
    return make_error(ErrorCode::kConfig, path + ": " + e.message, path);
  }
  return load_yaml_text(*bytes, path, caps);
}

}  // namespace wenfeng::profiles
