#!/usr/bin/env python3
"""Where a document's own table of contents says its headings are, against wenfeng's pages
(not run by CI).

Usage: bench/pages_toc.py [--build BUILD] [--all] FILE.docx...

WPS writes no w:lastRenderedPageBreak marks, but a table of contents field keeps the page
number of every entry as the application last updated it (the PAGEREF results next to
each _Toc bookmark; in WPS's own tables of contents, the number typed after each entry's
HYPERLINK to its _Toc..._WPSOffice bookmark). This reads those numbers, finds the paragraph each bookmark marks in
the main text (in the order wenfeng reads it), takes the page wenfeng starts it on
(`WENFENG_LAYOUT_TRACE=1`) and prints, per file, the entries wenfeng puts on another page than the TOC: a TOC number counts from
its section's own page numbering, so within a run of entries whose numbers do not go down
the most common difference between wenfeng's page and the TOC's is taken as the
numbering's offset, and an entry off it by N pages is shown as (+N) or (-N); "pages off" sums the N
(an entry two pages off becoming one off shows there). `--all` prints every entry. A table of contents not updated since the text changed
says nothing; where the saved page count agrees with the last entry, it was current.

  toc   5  wenfeng  13 (+1)  P171  第三章…   wenfeng starts the entry one page later
                                              than the TOC does
"""
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages_breaks import MC, W, branch, parse_args, wenfeng_pages  # noqa: E402


def toc_entries(path):
    """(anchors by main-text paragraph index, [(anchor, shown page, entry text)], restarts)."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml")
    root = ET.fromstring(xml)
    body = root.find(W + "body")
    paras = []  # per main-text paragraph: the bookmark names starting in it
    restarts = set()  # paragraph indexes that start a section restarting its page numbers
    entries = []

    def visit_para(p):
        names, text = [], []
        field = []  # instrText of the current field

        def visit(n):
            tag = n.tag
            if tag in (W + "del", W + "moveFrom", W + "txbxContent", W + "pPr", W + "rPr"):
                return
            if tag == MC + "AlternateContent":
                for c in branch(n):
                    visit(c)
                return
            if tag == W + "bookmarkStart":
                names.append(n.get(W + "name", ""))
            elif tag == W + "instrText":
                field.append(n.text or "")
            elif tag == W + "t":
                text.append(n.text or "")
            for c in n:
                visit(c)

        visit(p)
        instr = "".join(field)
        # Word's entries hold a PAGEREF field; WPS's own tables of contents (bookmarks
        # _Toc..._WPSOffice_LevelN) only a HYPERLINK to the bookmark, the page number typed
        # after a tab as plain text.
        m = re.search(r"PAGEREF\s+(_Toc\w+)", instr) or re.search(r"HYPERLINK\s+\\l\s+\"?(_Toc\w+)", instr)
        if m:
            t = "".join(text).strip()
            num = re.search(r"(\d+)\s*$", t)
            if num:
                entries.append((m.group(1), int(num.group(1)), t[: -len(num.group(1))].strip()))
        return names

    def walk(n):
        for c in n:
            tag = c.tag
            if tag == W + "p":
                paras.append(visit_para(c))
                ppr = c.find(W + "pPr")
                sect = ppr.find(W + "sectPr") if ppr is not None else None
                if sect is not None:
                    pg = sect.find(W + "pgNumType")
                    if pg is not None and pg.get(W + "start") is not None:
                        # the section this paragraph ends restarts its numbers: it began
                        # after the previous section-break paragraph
                        restarts.add(len(paras))  # marks the boundary after this paragraph
            elif tag in (W + "sectPr", W + "del", W + "moveFrom", W + "tblPr", W + "tblGrid", W + "trPr", W + "tcPr",
                         W + "sdtPr", W + "sdtEndPr"):
                continue
            elif tag == MC + "AlternateContent":
                walk(branch(c))
            else:
                walk(c)

    walk(body)
    where = {}
    for i, names in enumerate(paras):
        for nm in names:
            where.setdefault(nm, i)
    return where, entries, sorted(restarts)


def main():
    build, show_all, files = parse_args("--all")
    total = moved = pages_off = 0
    for f in files:
        where, entries, restarts = toc_entries(f)
        rows = [(a, p, t, where[a]) for a, p, t in entries if a in where]
        if not rows:
            continue
        pages, _, _ = wenfeng_pages(f, build)
        rows = [(a, p, t, i, pages[i][0]) for a, p, t, i in rows if i in pages]
        if not rows:
            continue
        # Within a run of entries whose TOC numbers do not go down (one page numbering),
        # the usual difference between wenfeng's page and the TOC's is the numbering's
        # offset; an entry off it is on another page than the TOC says.
        runs, cur = [], []
        for r in rows:
            if cur and r[1] < cur[-1][1]:
                runs.append(cur)
                cur = []
            cur.append(r)
        runs.append(cur)
        out, n_moved, n_off = [], 0, 0
        for run in runs:
            offs = [w - p for _, p, _, _, w in run]
            base = max(set(offs), key=offs.count)
            for (a, p, t, i, w), off in zip(run, offs):
                bad = off != base
                n_moved += bad
                n_off += abs(off - base)
                if show_all or bad:
                    out.append(f"    toc {p:>3}  wenfeng {w + 1:>3} ({off - base:+d})  P{i:<5} {t[:30]}")
        total += len(rows)
        moved += n_moved
        pages_off += n_off
        print(f"{os.path.basename(f):<26} entries {len(rows)}  moved {n_moved}  pages off {n_off}")
        for line in out:
            print(line)
    print(f"TOC entries {total}  on another page than the TOC's {moved}  pages off in all {pages_off}")


if __name__ == "__main__":
    main()
