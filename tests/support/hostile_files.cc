#include "support/hostile_files.h"

#include "support/docx_package.h"

namespace wenfeng::testing {
namespace {

const std::string kDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const std::string kOdfNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" office:version=\"1.3\"";

std::string wrap_odf(const std::string& root, const std::string& office_text) {
  return kDecl + "<office:" + root + " " + kOdfNs + "><office:body><office:text>" + office_text +
         "</office:text></office:body></office:" + root + ">";
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string run(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }

std::string value_or_empty(Result<std::string> r) { return r.ok() ? std::move(r).value() : std::string(); }

}  // namespace

Result<std::string> build_odt(const std::string& content_xml) {
  return zip_files({{"mimetype", "application/vnd.oasis.opendocument.text"},
                    {"content.xml", content_xml},
                    {"META-INF/manifest.xml",
                     kDecl + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                             "<manifest:file-entry manifest:full-path=\"/\" "
                             "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                             "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                             "</manifest:manifest>"}});
}

Result<std::string> build_docx_with_rels(const std::string& body,
                                         const std::vector<std::pair<std::string, std::string>>& rels,
                                         const std::vector<std::pair<std::string, std::string>>& parts) {
  const std::string base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string r = kDecl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::size_t id = 0;
  for (const auto& [type, target] : rels)
    r += std::string("<Relationship Id=\"rId") + std::to_string(++id) + "\" Type=\"" + base + type + "\" Target=\"" + target + "\"/>";
  r += "</Relationships>";
  std::vector<std::pair<std::string, std::string>> files = {
      {"[Content_Types].xml",
       kDecl + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"},
      {"_rels/.rels", kDecl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                              "<Relationship Id=\"rId1\" Type=\"" + base + "officeDocument\" Target=\"word/document.xml\"/>"
                              "</Relationships>"},
      {"word/document.xml", kDecl + "<w:document " + kWordNamespaces + "><w:body>" + body + "</w:body></w:document>"},
      {"word/_rels/document.xml.rels", r},
  };
  for (const auto& p : parts) files.push_back(p);
  return zip_files(files);
}

std::vector<HostileFile> hostile_documents(bool large) {
  std::vector<HostileFile> out;
  const std::string ns = kWordNamespaces;
  auto docx_body = [&](const std::string& body) {
    DocxParts p;
    p.body = body;
    return value_or_empty(build_docx(p));
  };

  // Text that ends inside a UTF-8 sequence: 视 is E8 A7 86; the part stops after E8 A7.
  out.push_back({"truncated-utf8-wt.docx",
                 docx_body("<w:p>" + run("高度重" + std::string("\xE8\xA7")) + "</w:p>"), "encoding",
                 "a w:t ending in a truncated UTF-8 sequence"});
  out.push_back({"f8-lead-wt.docx", docx_body("<w:p>" + run("文字\xF8\x88\x80\x80\x80") + "</w:p>"), "encoding",
                 "a w:t holding an F8 lead byte (no UTF-8 sequence starts with F8)"});
  out.push_back({"surrogate-reference.docx", docx_body("<w:p>" + run("文字&#xD800;文字") + "</w:p>"), "encoding",
                 "a character reference to a lone surrogate"});
  out.push_back({"truncated-utf8-text.odt",
                 value_or_empty(build_odt(wrap_odf("document-content", "<text:p>抓紧落" + std::string("\xE5\xAE") +
                                                                         "</text:p>"))),
                 "encoding", "an ODT paragraph ending in a truncated UTF-8 sequence"});

  // Second relationships to an already-parsed part: styles.xml named as footnotes,
  // numbering, header, footer and comments too.
  const std::string styles = kDecl + "<w:styles " + ns +
                             "><w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
                             "<w:rPr><w:sz w:val=\"44\"/></w:rPr></w:style></w:styles>";
  const std::string title_para = "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>" + run("关于做好防汛工作的通知") + "</w:p>";
  out.push_back({"styles-named-six-times.docx",
                 value_or_empty(build_docx_with_rels(
                     title_para + "<w:p>" + run("各乡镇：请做好防汛工作。") + "</w:p>",
                     {{"styles", "styles.xml"}, {"footnotes", "styles.xml"}, {"numbering", "styles.xml"},
                      {"header", "styles.xml"}, {"footer", "styles.xml"}, {"comments", "styles.xml"},
                      {"endnotes", "styles.xml"}, {"header", "document.xml"}},
                     {{"word/styles.xml", styles}})),
                 "", "styles.xml named again as footnotes, numbering, header, footer, comments; document.xml as a header"});

  // A numbering bomb: a letter list starting at 2147483000 and a decimal list at INT_MAX.
  const std::string numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"2147483000\"/>"
      "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"2147483647\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/>"
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"-2147483648\"/></w:lvlOverride></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>";
  std::string items;
  for (int n = 1; n <= 3; ++n)
    for (int i = 0; i < 4; ++i)
      items += std::string("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"") + std::to_string(n) +
               "\"/></w:numPr></w:pPr>" + run("一项工作") + "</w:p>";
  {
    DocxParts p;
    p.body = items;
    p.numbering = numbering;
    out.push_back({"numbering-bomb.docx", value_or_empty(build_docx(p)), "",
                   "lists starting at 2147483000 (letters), INT_MAX and INT_MIN (decimal, 21 placeholders)"});
  }

  out.push_back({"bom-only.txt", "\xEF\xBB\xBF", "empty", "a UTF-8 BOM and nothing else"});
  out.push_back({"bom-only-utf16.txt", "\xFF\xFE", "empty", "a UTF-16 BOM and nothing else"});
  out.push_back({"f8-lead.txt", "abc\xF8\x88\x80\x80\x80", "encoding", "an F8 lead byte in text"});
  out.push_back({"short-gb.txt", "\xBA\xC3", "encoding", "two bytes that GB18030 and cut-off UTF-8 read alike"});
  out.push_back({"cut-utf8.txt", "\xE9\xAB\x98\xE5\xBA\xA6\xE9\x87\x8D\xE8", "encoding",
                 "UTF-8 cut inside its last character (GB18030 would decode it)"});

  // Nesting far beyond libxml2's depth limit; and an HTML page nested as deep (100,000
  // levels with `large`, else 5,000).
  const std::size_t depth = large ? 100000 : 5000;
  const std::string levels = large ? "100,000" : "5,000";
  out.push_back({"deep.xml", "<doc>" + repeat("<a>", depth) + "文字" + repeat("</a>", depth) + "</doc>",
                 "malformed-xml", levels + " nested elements"});
  out.push_back({"deep.html", "<html><body>" + repeat("<div>", depth) + "<p>文字</p>" + repeat("</div>", depth) +
                                  "</body></html>",
                 "", levels + " nested div elements"});
  std::string deep_docx;
  for (std::size_t i = 0; i < depth / 10; ++i) deep_docx += "<w:sdt><w:sdtContent>";
  deep_docx += "<w:p>" + run("文字") + "</w:p>";
  for (std::size_t i = 0; i < depth / 10; ++i) deep_docx += "</w:sdtContent></w:sdt>";
  out.push_back({"deep-sdt.docx", docx_body(deep_docx), "", "content controls nested " + std::to_string(depth / 10) + " deep"});

  // Broken and lying zip containers (issue 11): a package cut in half; one whose part's
  // deflate stream is garbled; a 1 KB part declaring 4 GB; a part declaring 1,000 bytes that
  // inflates to 2 MiB (32 MiB with `large`) of spaces, which must stop at its declared size.
  {
    std::string para;
    for (int i = 0; i < 400; ++i) para += "<w:p>" + run("第" + std::to_string(i * 7919 % 10007) + "项工作已经完成。") + "</w:p>";
    const std::string whole = docx_body(para);
    out.push_back({"truncated-zip.docx", whole.substr(0, whole.size() / 2), "not-zip", "a DOCX cut in half"});
    std::string garbled = whole;
    const auto entry = garbled.find("word/document.xml");  // its local header's name
    if (entry != std::string::npos && entry + 600 < garbled.size())
      for (std::size_t k = entry + 200; k < entry + 264; ++k) garbled[k] = static_cast<char>(garbled[k] ^ 0x5A);
    out.push_back({"garbled-deflate.docx", garbled, "corrupt-zip", "document.xml's deflate stream garbled"});
  }
  // Sets the uncompressed size of word/document.xml in the local header and the central
  // directory of a zip built by zip_files.
  auto declare_size = [](std::string z, std::uint32_t size) {
    auto put32 = [&](std::size_t at) {
      for (int i = 0; i < 4; ++i) z[at + static_cast<std::size_t>(i)] = static_cast<char>((size >> (8 * i)) & 0xFF);
    };
    for (const char* sig : {"PK\x03\x04", "PK\x01\x02"}) {
      const bool central = sig[2] == '\x01';
      for (std::size_t at = z.find(sig); at != std::string::npos; at = z.find(sig, at + 4)) {
        const std::size_t name_at = at + (central ? 46 : 30);
        if (z.compare(name_at, 17, "word/document.xml") == 0) put32(at + (central ? 24 : 22));
      }
    }
    return z;
  };
  out.push_back({"declares-4gb.docx", declare_size(docx_body("<w:p>" + run("正文") + "</w:p>"), 0xFFFFFFF0u), "zip-bomb",
                 "a 1 KB document.xml declaring 4 GB"});
  {
    const std::size_t inflated = large ? (32u << 20) : (2u << 20);
    std::string z = docx_body("<w:p>" + run("正文") + "</w:p>" + std::string(inflated, ' '));
    out.push_back({"lying-size-bomb.docx", declare_size(std::move(z), 1000), "zip-bomb",
                   "document.xml declaring 1,000 bytes, inflating to " + std::to_string(inflated >> 20) + " MiB"});
  }
  // 100,000 empty runs (and as many empty w:t) in one paragraph; tables nested 500 deep
  // (10,000 with `large`).
  out.push_back({"100000-empty-runs.docx",
                 docx_body("<w:p>" + repeat("<w:r></w:r><w:r><w:t></w:t></w:r>", 100000) + run("正文") + "</w:p>"), "",
                 "100,000 empty runs and 100,000 empty w:t in one paragraph"});
  {
    const std::size_t tables = large ? 10000 : 500;
    out.push_back({"nested-tables.docx",
                   docx_body(repeat("<w:tbl><w:tr><w:tc>", tables) + "<w:p>" + run("表内文字") + "</w:p>" +
                             repeat("</w:tc></w:tr></w:tbl><w:p/>", tables)),
                   "", "tables nested " + std::to_string(tables) + " deep"});
  }

  // Keep-with-next chains of near-zero height (1-twip exact lines): 50,000 kept paragraphs
  // and 30,000 kept table rows, each chain followed from every item was quadratic.
  out.push_back({"keep-chain-paragraphs.docx",
                 docx_body(repeat("<w:p><w:pPr><w:keepNext/><w:spacing w:line=\"1\" w:lineRule=\"exact\"/></w:pPr></w:p>",
                                  50000) + "<w:p>" + run("正文") + "</w:p>"),
                 "", "50,000 kept paragraphs of 1-twip lines"});
  out.push_back({"keep-chain-rows.docx",
                 docx_body("<w:tbl><w:tblGrid><w:gridCol w:w=\"5000\"/></w:tblGrid>" +
                           repeat("<w:tr><w:trPr><w:trHeight w:val=\"1\" w:hRule=\"exact\"/></w:trPr><w:tc><w:p><w:pPr>"
                                  "<w:keepNext/><w:spacing w:line=\"1\" w:lineRule=\"exact\"/></w:pPr></w:p></w:tc></w:tr>",
                                  30000) + "</w:tbl><w:p>" + run("正文") + "</w:p>"),
                 "", "30,000 kept table rows of 1-twip height"});

  if (large) {
    // One w:t of 10 MB: Chinese characters drawn from the common range (pseudo-random, so
    // that it does not compress past the ratio cap), with a full stop every 40.
    {
      std::string t;
      std::uint32_t x = 2463534242u;
      for (std::size_t i = 0; t.size() < (10u << 20); ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        if (i % 40 == 39) {
          t += "。";
          continue;
        }
        const char32_t c = 0x4E00 + x % 0x51A6;
        t += static_cast<char>(0xE0 | (c >> 12));
        t += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        t += static_cast<char>(0x80 | (c & 0x3F));
      }
      out.push_back({"ten-mb-wt.docx", docx_body("<w:p>" + run(t) + "</w:p>"), "", "one w:t of 10 MB"});
    }
    // 50,000 paragraphs each holding an equation, every fifth a half-width comma too: every
    // equation is a range no prose rule reports in, each comma a finding tested against them
    // (before the reader capped the ranges: 1.5 s of CPU).
    {
      const std::string eq = "<m:oMath><m:r><m:t>x</m:t></m:r></m:oMath>";
      const std::string plain = "<w:p>" + run("甲乙") + eq + "</w:p>";
      out.push_back({"50000-equations.docx",
                     docx_body(repeat("<w:p>" + run("甲,乙") + eq + "</w:p>" + repeat(plain, 4), 10000)), "",
                     "50,000 paragraphs with an equation each, 10,000 findings"});
    }
    // 19,000 relationships to one 30 KB header.
    std::string header = kDecl + "<w:hdr " + ns + "><w:p>" + run(repeat("页眉文字", 2500)) + "</w:p></w:hdr>";
    std::vector<std::pair<std::string, std::string>> rels;
    for (int i = 0; i < 19000; ++i) rels.emplace_back("header", "header1.xml");
    out.push_back({"19000-headers.docx",
                   value_or_empty(build_docx_with_rels("<w:p>" + run("正文") + "</w:p>", rels,
                                                       {{"word/header1.xml", header}})),
                   "", "19,000 header relationships to one 30 KB part"});
    out.push_back({"80000-p.xml", "<doc><title>标题</title><body>" + repeat("<p>段落文字。</p>\n", 80000) + "</body></doc>",
                   "", "80,000 <p> elements"});
    out.push_back({"nested-p.xml", "<doc><body>" + repeat("<p>外层<p>内层文字</p></p>\n", 40000) + "</body></doc>",
                   "", "40,000 <p> each holding a <p>"});
    out.push_back({"charrefs.html", "<html><body><div>" + repeat("<p>&#20013;&#25991;&#x4E2D;&ldquo;</p>", 40000) +
                                        "</div></body></html>",
                   "", "1.4 MB of paragraphs written as character references"});
    out.push_back({"charrefs-one-line.html", "<html><body><p>" + repeat("&#20013;", 150000) + "</p></body></html>",
                   "", "150,000 character references in one paragraph"});
    out.push_back({"text-s-1000.fodt",
                   wrap_odf("document", "<text:p>" + repeat("<text:s text:c=\"1000\"/>", 100000) + "</text:p>"),
                   "too-large", "100,000 <text:s text:c=\"1000\"/> (100 million spaces)"});
    // One paragraph of 1 MB (no line break), sentences varied by a counter, with the faults
    // drafts have (half-width commas, a space between characters, a dashed date).
    {
      const char* sentences[] = {"各乡镇要切实提高政治站位，把防汛工作摆在突出位置", "严格落实24小时值班和领导带班制度，",
                                 "确保信息畅通,及时上报险情", "第一，加强隐患排查 整治", "于2024-07-15前完成第",
                                 "要以“时时放心不下”的责任感抓好各项措施落实。", "（一）做好物资储备；", "请各单位认真贯彻执行。"};
      std::string para;
      for (std::size_t i = 0; para.size() < (1u << 20); ++i) para += sentences[i % 8] + std::to_string(i % 97);
      out.push_back({"one-mb-paragraph.txt", para + "\n", "", "one paragraph of 1 MB"});
    }
    // A web copy whose page is 100,000 info-bar lines: every block asks whether it is one.
    out.push_back({"info-bar-100000.txt",
                   "关于做好防汛工作的通知\n" + repeat("发布时间：2024-05-28　来源：县政府办公室　浏览次数：12\n", 100000) +
                       "各乡镇：请认真贯彻执行。\n",
                   "", "100,000 info-bar lines under a title"});
    out.push_back({"one-line.odt",
                   value_or_empty(build_odt(wrap_odf("document-content", repeat("<text:p>一段文字。</text:p>", 60000)))),
                   "", "60,000 paragraphs on one line of content.xml"});
  }
  return out;
}

std::vector<HostileFile> hostile_profiles() {
  std::vector<HostileFile> out;
  std::string bomb = "id: bomb\nextends: national\na0: &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n";
  for (int i = 1; i < 12; ++i) {
    bomb.append("a").append(std::to_string(i)).append(": &a").append(std::to_string(i)).append(" [");
    for (int k = 0; k < 10; ++k) bomb.append(k ? ",*a" : "*a").append(std::to_string(i - 1));
    bomb += "]\n";
  }
  bomb += "notes: *a11\n";
  out.push_back({"alias-bomb.yaml", bomb, "别名炸弹", "ten aliases to ten aliases, eleven deep (10^12 nodes)"});
  std::string aliases = "id: many\na: &a x\nnotes: [";
  for (int i = 0; i < 2000; ++i) aliases += i ? ",*a" : "*a";
  out.push_back({"many-aliases.yaml", aliases + "]\n", "别名", "2,000 aliases"});
  out.push_back({"cyclic-alias.yaml", "id: c\nnotes: &x [*x]\n", "循环", "an alias inside its own anchor"});
  out.push_back({"deep.yaml", "id: deep\nnotes: " + repeat("[", 5000) + repeat("]", 5000) + "\n", "嵌套超过 64 层的上限",
                 "5,000 nested sequences"});
  out.push_back({"deep-maps.yaml", "id: deep\nnotes:\n" + [] {
                   std::string s;
                   for (int i = 0; i < 200; ++i) s += std::string(2 * (i + 1), ' ') + "k" + std::to_string(i) + ":\n";
                   return s + std::string(402, ' ') + "x: 1\n";
                 }(),
                 "嵌套超过 64 层的上限", "200 block mappings, each indented into the last"});
  out.push_back({"duplicate-key.yaml",
                 "id: dup\nextends: national\nrules:\n  punct.mixed-width: {severity: error}\nname: 重复\n"
                 "rules:\n  punct.mixed-width: {severity: off}\n",
                 "键“rules”在同一个映射中出现了两次（第一次在第 3 行）", "rules: given twice at the top level"});
  out.push_back({"duplicate-nested-key.yaml",
                 "id: dup2\nextends: national\nkinds:\n  tongzhi: {name: 通知}\n  \"tongzhi\": {name: 通告}\n",
                 "键“tongzhi”在同一个映射中出现了两次", "a kind given twice, once quoted"});
  out.push_back({"xml-map-count.yaml", "id: m1\nextends: national\nxml_map:\n  body: count(//p)\n",
                 "xml_map 的 body 的 XPath “count(//p)” 得到的是数值或字符串", "xml_map body: count(//p)"});
  out.push_back({"xml-map-empty.yaml", "id: m2\nextends: national\nxml_map:\n  title: \"\"\n",
                 "xml_map 的 title 没有给出 XPath 表达式", "xml_map title: \"\""});
  out.push_back({"html-selector-bad.yaml", "id: m3\nextends: national\nhtml_selector: \"//div[\"\n",
                 "html_selector 的 XPath 表达式无效", "html_selector: //div["});
  std::string kinds = "id: kinds\nextends: national\nkinds:\n";
  for (int i = 0; i < 600; ++i) kinds.append("  k").append(std::to_string(i)).append(": {}\n");
  out.push_back({"600-kinds.yaml", kinds, "kinds", "600 kinds"});
  std::string entries = "id: entries\nnotes:\n";
  for (int i = 0; i < 25000; ++i) entries += "  - n\n";
  out.push_back({"25000-entries.yaml", entries, "项", "25,000 entries in one list"});
  out.push_back({"huge.yaml", "id: huge\nnotes: [\"" + repeat("很长的说明", 100000) + "\"]\n", "上限",
                 "a 1.5 MB profile"});
  return out;
}

}  // namespace wenfeng::testing
