// wenfeng_gen: writes the project's own sample and benchmark inputs.
//
//   wenfeng_gen docx IN.txt OUT.docx [--kind K] [--plain]
//       One paragraph per line of IN.txt (UTF-8). The first line gets the Title style;
//       a line starting with "#N " becomes a heading of level N. Unless --plain, every
//       paragraph is written the awkward way Word writes it: runs split every few
//       characters, proofErr and bookmarks between them, a tracked deletion and a hidden
//       run that must not be counted, and an empty field code. --kind stores the kind in
//       the custom property wenfeng.kind.
//   wenfeng_gen text-corpus OUT.txt MIB        generated Chinese text of MIB MiB
//   wenfeng_gen docx-corpus DIR N PARAS        N generated .docx files of PARAS paragraphs each
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "report/docx_package.h"
#include "text/utf8.h"

using wenfeng::report::xml_escape;

namespace {

std::string run(const std::string& t) {
  return "<w:r><w:t xml:space=\"preserve\">" + xml_escape(t) + "</w:t></w:r>";
}

// Splits a UTF-8 string into pieces of 1–3 code points, deterministically.
std::vector<std::string> pieces(const std::string& s, unsigned seed) {
  std::vector<std::string> out;
  const char* p = s.data();
  const char* end = p + s.size();
  unsigned k = seed;
  while (p < end) {
    const int n = 1 + static_cast<int>((k = k * 1103515245u + 12345u) >> 16) % 3;
    const char* start = p;
    for (int i = 0; i < n && p < end; ++i) wenfeng::text::decode(p, end);
    out.emplace_back(start, p);
  }
  return out;
}

std::string paragraph(const std::string& text, const std::string& style, bool awkward, unsigned seed) {
  std::string x = "<w:p>";
  if (!style.empty()) x += "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
  if (!awkward) return x + run(text) + "</w:p>";
  const auto ps = pieces(text, seed);
  for (std::size_t i = 0; i < ps.size(); ++i) {
    x += run(ps[i]);
    if (i % 4 == 1) x += "<w:proofErr w:type=\"gramStart\"/>";
    if (i % 5 == 2) x += "<w:bookmarkStart w:id=\"" + std::to_string(seed + i) + "\" w:name=\"_b" +
                         std::to_string(seed + i) + "\"/><w:bookmarkEnd w:id=\"" + std::to_string(seed + i) + "\"/>";
    if (i == 1) x += "<w:del w:id=\"" + std::to_string(90000 + seed) +
                     "\" w:author=\"审稿人\"><w:r><w:delText>已删除的文字</w:delText></w:r></w:del>";
    if (i == 2) x += "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>";
  }
  return x + "</w:p>";
}

int make_docx(int argc, char** argv) {
  if (argc < 4) return 2;
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) { std::cerr << "cannot read " << argv[2] << "\n"; return 2; }
  bool plain = false;
  std::string kind;
  for (int i = 4; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--plain") plain = true;
    else if (a == "--kind" && i + 1 < argc) kind = argv[++i];
  }
  wenfeng::report::DocxParts parts;
  parts.styles =
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>";
  std::string line;
  unsigned n = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "\f") {  // a page break, as a text file's form feed
      parts.body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
      ++n;
      continue;
    }
    std::string style;
    if (n == 0) style = "Title";
    if (line.size() > 3 && line[0] == '#' && line[2] == ' ' && line[1] >= '1' && line[1] <= '2') {
      style = std::string("Heading") + line[1];
      line = line.substr(3);
    }
    parts.body += paragraph(line, style, !plain, ++n * 7);
  }
  parts.body += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" "
                "w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
                "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"-849\"/></w:sectPr>";
  if (!kind.empty()) parts.custom_properties["wenfeng.kind"] = kind;
  auto bytes = wenfeng::report::build_docx(parts);
  if (!bytes.ok()) { std::cerr << bytes.error().message << "\n"; return 1; }
  std::ofstream out(argv[3], std::ios::binary);
  out << *bytes;
  return out ? 0 : 1;
}

const char* kSentences[] = {
    "县委常委会召开会议，研究部署当前经济社会发展重点工作。",
    "会议指出，今年以来全县上下认真落实各项决策部署，主要经济指标保持平稳增长。",
    "1至10月，全县完成固定资产投资128.6亿元，同比增长7.5%。",
    "会议要求，要坚持问题导向，聚焦“急难愁盼”问题，切实解决群众反映强烈的突出问题……",
    "县长李明在调研时强调，要加快推进G318国道改建工程，确保年底前全线通车。",
    "各乡镇、各部门要压实责任，细化措施，做到任务到人、责任到岗。",
};

int text_corpus(int argc, char** argv) {
  if (argc < 4) return 2;
  const std::size_t target = static_cast<std::size_t>(std::atof(argv[3]) * 1024 * 1024);
  std::string s;
  s.reserve(target + 256);
  std::size_t i = 0;
  while (s.size() < target) {
    s += kSentences[i % 6];
    if (++i % 4 == 0) s += "\n";
  }
  std::ofstream out(argv[2], std::ios::binary);
  out << s;
  return out ? 0 : 1;
}

int docx_corpus(int argc, char** argv) {
  if (argc < 5) return 2;
  const std::filesystem::path dir = argv[2];
  std::filesystem::create_directories(dir);
  const int files = std::atoi(argv[3]);
  const int paras = std::atoi(argv[4]);
  for (int f = 0; f < files; ++f) {
    wenfeng::report::DocxParts parts;
    for (int p = 0; p < paras; ++p) {
      std::string text;
      for (int k = 0; k < 4; ++k) text += kSentences[(f + p + k) % 6];
      parts.body += paragraph(text, p == 0 ? "Title" : "", true, static_cast<unsigned>(f * 1000 + p));
    }
    auto bytes = wenfeng::report::build_docx(parts);
    if (!bytes.ok()) return 1;
    std::ofstream out(dir / ("draft" + std::to_string(f) + ".docx"), std::ios::binary);
    out << *bytes;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "docx") return make_docx(argc, argv);
  if (cmd == "text-corpus") return text_corpus(argc, argv);
  if (cmd == "docx-corpus") return docx_corpus(argc, argv);
  std::cerr << "usage: wenfeng_gen docx IN.txt OUT.docx [--kind K] [--plain] | text-corpus OUT MIB | "
               "docx-corpus DIR N PARAS\n";
  return 2;
}
