// wenfeng_gen: writes the project's own sample and benchmark inputs.
//
//   wenfeng_gen docx IN.txt OUT.docx [--kind K] [--plain] [--title N[-M]]
//       One paragraph per line of IN.txt (UTF-8). The first line (or lines N to M, 1-based:
//       a title under a 版头, a title over two lines) gets the Title style;
//       a line starting with "#N " becomes a heading of level N. Unless --plain, every
//       paragraph is written the awkward way Word writes it: runs split every few
//       characters, proofErr and bookmarks between them, a tracked deletion and a hidden
//       run that must not be counted, and an empty field code. --kind stores the kind in
//       the custom property wenfeng.kind.
//   wenfeng_gen formats IN.txt OUTBASE [--gb]
//       The same draft as OUTBASE.xml (simple <doc>), OUTBASE.newsml.xml (NewsML-G2 with an
//       XHTML body), OUTBASE.html (a page with navigation, header, footer and a script
//       around the article), OUTBASE.odt and OUTBASE.fodt (with a tracked deletion, split
//       spans and a bookmark). With --gb the XML is written in GB2312-declared GB18030 and
//       the HTML with a gbk meta charset.
//   wenfeng_gen layout-corpus DIR N
//       N DOCX files without a document grid in varied shapes (0.3–12 pages; margins,
//       font sizes, line spacing, paragraph spacing, headings, lists, tables, page breaks)
//       for bench/pages_vs_libreoffice.sh; fonts are ones Debian ships (Noto Serif CJK SC,
//       Liberation Serif) so that LibreOffice lays out what the file asks for.
//   wenfeng_gen hostile DIR [--small]
//       The hostile inputs of tests/support/hostile_files (documents, and profiles under
//       DIR/profiles) for bench/hostile.sh, which holds each to a second and 100 MB; with
//       --small only the files under 1 MB (seeds for scripts/fuzz).
//   wenfeng_gen text-corpus OUT.txt MIB        generated Chinese text of MIB MiB
//   wenfeng_gen docx-corpus DIR N PARAS        N generated .docx files of PARAS paragraphs each
//   wenfeng_gen official-text OUT MIB [--halfwidth] [--one-paragraph] [--seed N]
//       realistic official drafts (bench/corpus.h) back to back, one paragraph a line, or
//       all in one paragraph; --halfwidth types them as web copies do (, . : ; ( ))
//   wenfeng_gen official-xml OUT MIB [--halfwidth]   the same as one simple XML document
//   wenfeng_gen official-files DIR N KB [--halfwidth] [--docx]
//       N drafts of about KB kilobytes each, as .txt or as .docx written the awkward way
#include <algorithm>
#include <cstdio>

#include <unicode/ucnv.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus.h"
#include "readers/encoding.h"
#include "support/docx_package.h"
#include "support/hostile_files.h"
#include "text/utf8.h"

using wenfeng::testing::xml_escape;

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

// A DOCX of `lines` (one paragraph each): the first (or lines title_from to title_to,
// 1-based) gets the Title style, "#N " starts a heading, "\f" is a page break; unless
// `plain`, every paragraph is written the awkward way.
wenfeng::Result<std::string> docx_of_lines(const std::vector<std::string>& lines, bool plain, const std::string& kind,
                                           unsigned title_from = 1, unsigned title_to = 1) {
  wenfeng::testing::DocxParts parts;
  // GB/T 9704: 3号仿宋 body indented two characters, 2号小标宋 centred title.
  parts.styles =
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\"/>"
      "<w:sz w:val=\"32\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
      "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
      "<w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
      "<w:pPr><w:jc w:val=\"center\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr>"
      "<w:rPr><w:rFonts w:eastAsia=\"方正小标宋简体\"/><w:sz w:val=\"44\"/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>";
  unsigned n = 0;
  for (std::string line : lines) {
    if (line == "\f") {  // a page break, as a text file's form feed
      parts.body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
      ++n;
      continue;
    }
    std::string style;
    if (n + 1 >= title_from && n + 1 <= title_to) style = "Title";
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
  return wenfeng::testing::build_docx(parts);
}

std::vector<std::string> read_lines(const char* path);

int make_docx(int argc, char** argv) {
  if (argc < 4) return 2;
  if (!std::ifstream(argv[2], std::ios::binary)) { std::cerr << "cannot read " << argv[2] << "\n"; return 2; }
  bool plain = false;
  std::string kind;
  unsigned title_from = 1, title_to = 1;
  for (int i = 4; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--plain") plain = true;
    else if (a == "--kind" && i + 1 < argc) kind = argv[++i];
    else if (a == "--title" && i + 1 < argc) {
      const std::string v = argv[++i];
      title_from = static_cast<unsigned>(std::atoi(v.c_str()));
      const auto dash = v.find('-');
      title_to = dash == std::string::npos ? title_from : static_cast<unsigned>(std::atoi(v.c_str() + dash + 1));
    }
  }
  auto bytes = docx_of_lines(read_lines(argv[2]), plain, kind, title_from, title_to);
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

std::vector<std::string> read_lines(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

bool write_file(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
  return static_cast<bool>(out);
}

std::string to_gb18030(const std::string& utf8);

const char* kOdfNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"";

// The body of an ODF text document: a title paragraph, then paragraphs written with
// split spans, a bookmark, and one tracked deletion whose deleted text must not count.
std::string odf_text(const std::vector<std::string>& lines) {
  std::string x = "<office:body><office:text><text:tracked-changes><text:changed-region text:id=\"ct1\">"
                  "<text:deletion><office:change-info><dc:creator>审稿人</dc:creator></office:change-info>"
                  "<text:p>已删除的文字</text:p></text:deletion></text:changed-region></text:tracked-changes>";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto ps = pieces(lines[i], static_cast<unsigned>(i * 7 + 3));
    x += i == 0 ? "<text:p text:style-name=\"Title\">" : "<text:p text:style-name=\"Standard\">";
    for (std::size_t k = 0; k < ps.size(); ++k) {
      x += "<text:span text:style-name=\"T1\">" + xml_escape(ps[k]) + "</text:span>";
      if (k == 1 && i == 1) x += "<text:change text:change-id=\"ct1\"/>";
      if (k == 2) x += "<text:bookmark text:name=\"b" + std::to_string(i) + "\"/>";
    }
    x += "</text:p>";
  }
  return x + "</office:text></office:body>";
}

int formats(int argc, char** argv) {
  if (argc < 4) return 2;
  const auto lines = read_lines(argv[2]);
  if (lines.empty()) return 2;
  const std::string base = argv[3];
  const bool gb = argc > 4 && std::string(argv[4]) == "--gb";
  const std::string& title = lines[0];

  std::string xml = std::string("<?xml version=\"1.0\" encoding=\"") + (gb ? "GB2312" : "UTF-8") +
                    "\"?>\n<doc>\n  <title>" + xml_escape(title) + "</title>\n  <body>\n";
  for (std::size_t i = 1; i < lines.size(); ++i) xml += "    <p>" + xml_escape(lines[i]) + "</p>\n";
  xml += "  </body>\n</doc>\n";
  if (!write_file(base + ".xml", gb ? to_gb18030(xml) : xml)) return 1;

  std::string nml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:newsml:wenfeng.sample:1\" version=\"1\" "
      "standard=\"NewsML-G2\" standardversion=\"2.29\" conformance=\"power\">\n"
      "  <itemMeta><itemClass qcode=\"ninat:text\"/><provider literal=\"wenfeng-samples\"/></itemMeta>\n"
      "  <contentMeta>\n    <headline>" + xml_escape(title) + "</headline>\n  </contentMeta>\n"
      "  <contentSet>\n    <inlineXML contenttype=\"application/xhtml+xml\">\n"
      "      <html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>" + xml_escape(title) +
      "</title></head><body>\n";
  for (std::size_t i = 1; i < lines.size(); ++i) nml += "        <p>" + xml_escape(lines[i]) + "</p>\n";
  nml += "      </body></html>\n    </inlineXML>\n  </contentSet>\n</newsItem>\n";
  if (!write_file(base + ".newsml.xml", nml)) return 1;

  std::string html = std::string("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"") +
                     (gb ? "gbk" : "utf-8") + "\">\n<title>" + xml_escape(title) +
                     " - 青山新闻网</title>\n<style>p{text-indent:2em}</style>\n</head>\n<body>\n"
                     "<header><nav><a href=\"/\">首页</a> <a href=\"/news\">要闻</a> <a href=\"/notice\">通知公告</a></nav></header>\n"
                     "<div class=\"main\"><article>\n<h1>" + xml_escape(title) + "</h1>\n";
  for (std::size_t i = 1; i < lines.size(); ++i) html += "<p>" + xml_escape(lines[i]) + "</p>\n";
  html += "</article>\n<aside><h3>相关新闻</h3><ul><li>全县召开安全生产工作会议</li></ul></aside></div>\n"
          "<footer>青山县融媒体中心 版权所有</footer>\n<script>var tip = \"高度重视\";</script>\n</body>\n</html>\n";
  if (!write_file(base + ".html", gb ? to_gb18030(html) : html)) return 1;

  const std::string content = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content ") +
                              kOdfNs + ">" + odf_text(lines) + "</office:document-content>";
  const std::string manifest =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
      "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
      "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
      "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
  auto odt = wenfeng::testing::zip_files({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                         {"content.xml", content},
                                         {"META-INF/manifest.xml", manifest}});
  if (!odt.ok() || !write_file(base + ".odt", *odt)) return 1;

  const std::string fodt = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document ") + kOdfNs +
                           " office:mimetype=\"application/vnd.oasis.opendocument.text\">\n" + odf_text(lines) +
                           "\n</office:document>\n";
  return write_file(base + ".fodt", fodt) ? 0 : 1;
}

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

// Options after the positional arguments: --halfwidth, --one-paragraph, --docx, --seed N,
// --supplementary (names with characters outside the BMP).
struct OfficialFlags {
  wenfeng::bench::CorpusOptions corpus;
  bool one_paragraph = false;
  bool docx = false;
};

OfficialFlags official_flags(int argc, char** argv, int first) {
  OfficialFlags f;
  for (int i = first; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--halfwidth") f.corpus.halfwidth = true;
    else if (a == "--one-paragraph") f.one_paragraph = true;
    else if (a == "--docx") f.docx = true;
    else if (a == "--supplementary") f.corpus.supplementary = true;
    else if (a == "--seed" && i + 1 < argc) f.corpus.seed = static_cast<std::uint32_t>(std::atoi(argv[++i]));
  }
  return f;
}

std::size_t mib(const char* arg) { return static_cast<std::size_t>(std::atof(arg) * 1024 * 1024); }

int official_text(int argc, char** argv) {
  if (argc < 4) return 2;
  const auto f = official_flags(argc, argv, 4);
  return write_file(argv[2], wenfeng::bench::official_text(mib(argv[3]), f.corpus, f.one_paragraph)) ? 0 : 1;
}

int official_xml(int argc, char** argv) {
  if (argc < 4) return 2;
  const auto f = official_flags(argc, argv, 4);
  return write_file(argv[2], wenfeng::bench::official_xml(mib(argv[3]), f.corpus)) ? 0 : 1;
}

// N drafts of about KB kilobytes each, as text (one paragraph a line) or DOCX.
int official_files(int argc, char** argv) {
  if (argc < 5) return 2;
  const std::filesystem::path dir = argv[2];
  std::filesystem::create_directories(dir);
  const int n = std::atoi(argv[3]);
  const auto bytes = static_cast<std::size_t>(std::atof(argv[4]) * 1000);
  auto f = official_flags(argc, argv, 5);
  for (int i = 0; i < n; ++i) {
    f.corpus.seed = static_cast<std::uint32_t>(i + 1);
    const auto lines = wenfeng::bench::official_draft(bytes, f.corpus);
    char name[32];
    std::snprintf(name, sizeof name, "draft%04d.%s", i, f.docx ? "docx" : "txt");
    std::string data;
    if (f.docx) {
      auto d = docx_of_lines(lines, false, "");
      if (!d.ok()) return 1;
      data = std::move(d).value();
    } else {
      for (const auto& l : lines) data += l + "\n";
    }
    if (!write_file((dir / name).string(), data)) return 1;
  }
  return 0;
}

int layout_corpus(int argc, char** argv) {
  if (argc < 4) return 2;
  const std::filesystem::path dir = argv[2];
  std::filesystem::create_directories(dir);
  const int n = std::atoi(argv[3]);
  unsigned rng = 12345;
  auto next = [&](unsigned mod) { return (rng = rng * 1103515245u + 12345u) / 65536u % mod; };
  // From a third of a page to about twelve pages, fewer paragraphs at larger sizes.
  const int paragraphs[] = {3, 6, 10, 15, 22, 30, 40, 50, 60, 70, 80, 90};
  const double sizes[] = {10.5, 12, 14, 16};
  const struct { int top, bottom, left, right; } margins[] = {{1440, 1440, 1800, 1800}, {1134, 1134, 1134, 1134},
                                                               {2098, 1984, 1587, 1474}, {1800, 1800, 1440, 1440}};
  for (int f = 0; f < n; ++f) {
    const double size = sizes[f % 4];
    const auto m = margins[(f / 4) % 4];
    const double scale = size >= 16 ? 0.45 : size >= 14 ? 0.6 : size >= 12 ? 0.8 : 1.0;
    const int paras = std::max(2, static_cast<int>(paragraphs[f % 12] * scale));
    const int spacing_kind = static_cast<int>(next(3));  // 0 single, 1 1.5 lines, 2 exact
    const bool after6 = next(2) == 0;
    const bool headings = f % 3 == 0, lists = f % 4 == 1, tables = f % 5 == 2, breaks = f % 7 == 3;
    std::string spacing = spacing_kind == 0   ? "w:line=\"240\" w:lineRule=\"auto\""
                          : spacing_kind == 1 ? "w:line=\"360\" w:lineRule=\"auto\""
                                              : "w:line=\"" + std::to_string(static_cast<int>(size * 1.6 * 20)) +
                                                    "\" w:lineRule=\"exact\"";
    wenfeng::testing::DocxParts parts;
    parts.styles =
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\" "
        "w:eastAsia=\"Noto Serif CJK SC\"/><w:sz w:val=\"" + std::to_string(static_cast<int>(size * 2)) +
        "\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"" +
        (after6 ? "120" : "0") + "\" " + spacing + "/></w:pPr></w:pPrDefault></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
        "<w:pPr><w:ind w:firstLine=\"" + std::to_string(static_cast<int>(size * 40)) + "\"/></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
        "<w:pPr><w:spacing w:before=\"240\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/>"
        "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"" + std::to_string(static_cast<int>(size * 2 + 8)) +
        "\"/></w:rPr></w:style>";
    for (int p = 0; p < paras; ++p) {
      if (headings && p % 6 == 0) {
        parts.body += "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" + run(std::string("第") +
                      std::to_string(p / 6 + 1) + "部分 工作进展情况") + "</w:p>";
      }
      if (tables && p % 9 == 4) {
        parts.body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>";
        for (int r = 0; r < 3; ++r) {
          parts.body += "<w:tr>";
          for (int c = 0; c < 3; ++c)
            parts.body += "<w:tc><w:p><w:pPr><w:ind w:firstLine=\"0\"/></w:pPr>" +
                          run(r == 0 ? "项目名称" : std::string(kSentences[(p + r + c) % 6]).substr(0, 3 * (4 + c * 3))) +
                          "</w:p></w:tc>";
          parts.body += "</w:tr>";
        }
        parts.body += "</w:tbl>";
      }
      std::string text;
      const int sentences = 1 + static_cast<int>(next(5));
      for (int k = 0; k < sentences; ++k) text += kSentences[(f + p + k) % 6];
      std::string ppr;
      if (lists && p % 3 == 1) ppr = "<w:pPr><w:ind w:left=\"420\" w:hanging=\"420\"/></w:pPr>";
      if (breaks && p > 0 && p % 11 == 0) parts.body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
      parts.body += "<w:p>" + ppr + run(text) + "</w:p>";
    }
    parts.body += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"" + std::to_string(m.top) +
                  "\" w:right=\"" + std::to_string(m.right) + "\" w:bottom=\"" + std::to_string(m.bottom) +
                  "\" w:left=\"" + std::to_string(m.left) + "\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
                  "</w:sectPr>";
    auto bytes = wenfeng::testing::build_docx(parts);
    if (!bytes.ok()) return 1;
    char name[32];
    std::snprintf(name, sizeof name, "layout%02d.docx", f);
    std::ofstream out(dir / name, std::ios::binary);
    out << *bytes;
  }
  return 0;
}

int docx_corpus(int argc, char** argv) {
  if (argc < 5) return 2;
  const std::filesystem::path dir = argv[2];
  std::filesystem::create_directories(dir);
  const int files = std::atoi(argv[3]);
  const int paras = std::atoi(argv[4]);
  for (int f = 0; f < files; ++f) {
    wenfeng::testing::DocxParts parts;
    for (int p = 0; p < paras; ++p) {
      std::string text;
      for (int k = 0; k < 4; ++k) text += kSentences[(f + p + k) % 6];
      parts.body += paragraph(text, p == 0 ? "Title" : "", true, static_cast<unsigned>(f * 1000 + p));
    }
    auto bytes = wenfeng::testing::build_docx(parts);
    if (!bytes.ok()) return 1;
    std::ofstream out(dir / ("draft" + std::to_string(f) + ".docx"), std::ios::binary);
    out << *bytes;
  }
  return 0;
}

// UTF-8 → GB18030 through ICU (the samples' GB-encoded variants).
std::string to_gb18030(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t cap = static_cast<int32_t>(utf8.size() * 2 + 16);
  std::string out(static_cast<std::size_t>(cap), '\0');
  const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), cap, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(n) : 0);
  return out;
}

}  // namespace

int hostile(int argc, char** argv) {
  if (argc < 3) return 2;
  const std::filesystem::path dir = argv[2];
  std::filesystem::create_directories(dir / "profiles");
  const bool small = argc > 3 && std::string(argv[3]) == "--small";
  for (const auto& f : wenfeng::testing::hostile_documents(!small))
    std::ofstream(dir / f.name, std::ios::binary) << f.bytes;
  for (const auto& f : wenfeng::testing::hostile_profiles())
    std::ofstream(dir / "profiles" / f.name, std::ios::binary) << f.bytes;
  return 0;
}

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "docx") return make_docx(argc, argv);
  if (cmd == "text-corpus") return text_corpus(argc, argv);
  if (cmd == "hostile") return hostile(argc, argv);
  if (cmd == "formats") return formats(argc, argv);
  if (cmd == "layout-corpus") return layout_corpus(argc, argv);
  if (cmd == "docx-corpus") return docx_corpus(argc, argv);
  if (cmd == "official-text") return official_text(argc, argv);
  if (cmd == "official-xml") return official_xml(argc, argv);
  if (cmd == "official-files") return official_files(argc, argv);
  std::cerr << "usage: wenfeng_gen docx IN.txt OUT.docx [--kind K] [--plain] | text-corpus OUT MIB | "
               "docx-corpus DIR N PARAS | official-text OUT MIB [--halfwidth] [--one-paragraph] [--seed N] | "
               "official-xml OUT MIB [--halfwidth] | official-files DIR N KB [--halfwidth] [--docx]\n";
  return 2;
}
