#!/usr/bin/env python3
"""Where Word broke pages against where wenfeng does, paragraph by paragraph (not run by CI).

Usage: bench/pages_breaks.py [--build BUILD] [--all] FILE.docx...

Word leaves a w:lastRenderedPageBreak where each page started when it last laid the
document out (automatic breaks only: explicit page breaks, pageBreakBefore and section
breaks add pages without one). This script counts them paragraph by paragraph through the
main text (the paragraphs wenfeng reads, in the same order, text boxes left out) and
compares each paragraph's first and last page with the pages `WENFENG_LAYOUT_TRACE=1
wenfeng count` reports. For each file it prints the paragraphs where the two disagree
(first and last page, Word's and wenfeng's, 1-based) and a summary line:

  FILE  pages W/N  paragraphs agreeing A of M  first miss at paragraph P (±d)

Table rows: a row split across pages carries a mark in each cell that goes on past the
break (one page start); a row Word moves whole to the next page carries one only in its
first cell, and its other cells are read on that cell's page; a mark at the very start of
what follows a split row (the next row, or the paragraph right after the table) repeats
the split's break when the row's part on the new page is a few short paragraphs (Word 16
and Word 2010 both write it) and is not counted again.

--all prints every paragraph that starts a page in Word or in wenfeng. Files without any
w:lastRenderedPageBreak (WPS, LibreOffice, generators) are skipped: they carry no breaks.
"""
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def branch(alt):
    """The content of an mc:AlternateContent Word shows: its Choice, else its Fallback."""
    ch = alt.find(MC + "Choice")
    if ch is None:
        ch = alt.find(MC + "Fallback")
    return ch if ch is not None else []


# What a split row may have on its last page for a mark right after it to be the same break.
REST_PARAGRAPHS = 10  # in each cell
REST_CHARS = 300  # in all


def word_pages(path):
    """[(start_page, end_page, text)] per main-text paragraph, 0-based pages, or None."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml")
    if b"lastRenderedPageBreak" not in xml:
        return None
    root = ET.fromstring(xml)
    body = root.find(W + "body")
    out = []
    events = []  # (paragraph, characters before, kind): where Word started each page after the first
    page = 0
    pending = 0  # pages added by the previous paragraph's section break
    fresh = True  # a page was just started by a break: a mark before any text is that page's
    pictured = set()  # paragraphs holding a picture
    repeat = False  # a split row just ended: a mark at the start of the next paragraph repeats its break

    def walk_para(p):
        nonlocal page, fresh
        start = None
        text = []

        def visit(n):
            nonlocal page, start, fresh
            tag = n.tag
            if tag in (W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "instrText", W + "txbxContent"):
                if tag == W + "pPr":
                    for s in n.iter(W + "pageBreakBefore"):
                        if s.get(W + "val", "1") not in ("0", "false", "off") and out and not fresh:
                            page += 1
                            fresh = True
                            events.append((len(out), 0, "forced"))
                return
            if tag == MC + "AlternateContent":
                for c in branch(n):
                    visit(c)
                return
            if tag == W + "lastRenderedPageBreak":
                if not fresh:
                    page += 1
                    events.append((len(out), sum(map(len, text)), "auto"))
                fresh = False
                return
            if tag == W + "br" and n.get(W + "type") == "page":
                page += 1
                fresh = True
                events.append((len(out), sum(map(len, text)), "forced"))
                return
            if tag in (W + "tab", W + "ptab", W + "cr", W + "noBreakHyphen", W + "softHyphen", W + "sym") or (
                    tag == W + "br" and n.get(W + "type") not in ("page", "column")):
                # One character each in the text wenfeng lays out (a tab, a line break, a
                # hyphen, a symbol), so that a mark's offset is counted as wenfeng counts.
                text.append("\t" if tag in (W + "tab", W + "ptab") else "\n" if tag in (W + "cr", W + "br") else "-")
                return
            if tag == W + "t" or tag == W + "drawing" or tag == W + "pict":
                if tag != W + "t":
                    pictured.add(len(out))
                if start is None:
                    start = page
                if n.text or tag != W + "t":
                    fresh = False
                text.append(n.text or "")
                if tag != W + "t":
                    return
            for c in n:
                visit(c)

        visit(p)
        return (page if start is None else start), page, "".join(text)

    def walk(n):
        nonlocal page, pending, fresh, repeat
        for c in n:
            tag = c.tag
            if tag == W + "p":
                if pending:
                    page += pending
                    fresh = True
                    events.append((len(out), 0, "forced"))
                pending = 0
                was_repeat, repeat = repeat, False
                s, e, t = walk_para(c)
                if was_repeat:
                    fresh = False
                out.append((s, e, t))
                ppr = c.find(W + "pPr")
                sect = ppr.find(W + "sectPr") if ppr is not None else None
                if sect is not None:
                    ty = sect.find(W + "type")
                    if ty is None or ty.get(W + "val") != "continuous":
                        pending = 1
            elif tag in (W + "sectPr", W + "del", W + "moveFrom", W + "tblPr", W + "tblGrid", W + "trPr", W + "tcPr",
                         W + "sdtPr", W + "sdtEndPr"):
                continue
            elif tag == MC + "AlternateContent":
                walk(branch(c))
            elif tag == W + "tr":
                # Each cell of a row that breaks across pages gets its own mark for the
                # same break: the row ends on the page its longest cell ends on.
                # Such a break is one page start: a cell's mark is an event only when it
                # starts a page no earlier cell of the row has started.
                row_start, row_end = page, page
                start_fresh = fresh
                end_fresh = True
                cells = []  # (first paragraph, paragraph after, start page, end page) of each cell
                for cell in c:
                    if cell.tag == W + "tc" or cell.tag == W + "sdt":
                        page = row_start
                        fresh = start_fresh
                        before, para = len(events), len(out)
                        walk(cell)
                        new = events[before:]
                        del events[before:]
                        events.extend(new[row_end - row_start:])
                        row_end = max(row_end, page)
                        end_fresh = end_fresh and fresh
                        cells.append((para, len(out), out[para][0] if len(out) > para else page, page))
                # A row Word moves whole to the next page carries the mark in its first
                # cell only: the first cell starts on a later page and no other cell has
                # anything on the row's first page before a mark of its own. The other
                # cells are on the first cell's page. (In a split row each cell that goes
                # on past the break carries a mark.)
                if cells and cells[0][2] > row_start and all(
                        s > row_start or e == row_start for _, _, s, e in cells[1:]):
                    d = cells[0][2] - row_start
                    for a, b, s, e in cells[1:]:
                        if e == row_start:
                            for k in range(a, b):
                                out[k] = (out[k][0] + d, out[k][1] + d, out[k][2])
                    row_start += d
                page = row_end
                fresh = end_fresh
                # A row split across pages is followed by a mark at the start of the next
                # row (or of the paragraph right after the table) for the same break: one
                # page start with two marks. When what the row has on its last page is a
                # few short paragraphs (at most 10 in each cell, 300 characters in all, no
                # picture), it cannot have filled that page, so such a mark is taken as
                # that break.
                rest = [[out[k] for k in range(a, b) if out[k][1] == row_end] for a, b, _, _ in cells]
                if (row_end > row_start and max(map(len, rest), default=0) <= REST_PARAGRAPHS
                        and sum(len(t) for r in rest for _, _, t in r) <= REST_CHARS
                        and not any(k in pictured for a, b, _, _ in cells for k in range(a, b) if out[k][1] == row_end)):
                    fresh = repeat = True
            else:
                walk(c)

    walk(body)
    return out, events


def wenfeng_pages(path, build):
    env = dict(os.environ, WENFENG_LAYOUT_TRACE="1")
    r = subprocess.run([os.path.join(build, "wenfeng"), "count", "--format", "json", path], env=env,
                       capture_output=True, text=True, errors="replace")
    pages, heights = {}, {}
    height = 0
    for line in r.stderr.splitlines():
        m = re.match(r"S [PR] (\d+) (-?\d+) (-?\d+) ([\d.]+) ([\d.]+)", line)
        if m:
            i = int(m.group(1))
            s, e = int(m.group(2)), int(m.group(3))
            height = float(m.group(5))
            if i in pages:  # a table row: the row's first paragraph is reported
                continue
            pages[i] = (s, e)
            heights[i] = float(m.group(4))
    return pages, heights, height


def fills(wp, events, heights, height):
    """For each of Word's pages, how full wenfeng's heights make it (1.0 = the body height),
    and whether the page ended by a forced break."""
    bounds = [(0, 0.0, "start")]
    for j, chars, kind in events:
        n = len(wp[j][2]) if j < len(wp) else 0
        bounds.append((j, chars / n if n else 0.0, kind))
    bounds.append((len(wp), 0.0, "end"))
    cum = [0.0]
    for j in range(len(wp)):
        cum.append(cum[-1] + heights.get(j, 0.0))
    def pos(j, f):
        return cum[j] + (heights.get(j, 0.0) * f if j < len(wp) else 0)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        out.append(((pos(b[0], b[1]) - pos(a[0], a[1])) / height if height else 0, b[2], a[0]))
    return out


def parse_args(flag):
    """(build directory, whether `flag` was given, files) from the command line."""
    args = sys.argv[1:]
    build = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build")
    given = False
    files = []
    while args:
        a = args.pop(0)
        if a == "--build":
            build = args.pop(0)
        elif a == flag:
            given = True
        elif os.path.isdir(a):
            # A build directory given without --build (as bench/pages_vs_word.sh takes it).
            print(f"{a} is a directory: pass the build directory as --build {a}", file=sys.stderr)
            sys.exit(2)
        else:
            files.append(a)
    return build, given, files


def main():
    build, show_all, files = parse_args("--all")
    total_ok = total = 0
    all_fills = []
    for f in files:
        got = word_pages(f)
        if got is None:
            continue
        wp, events = got
        np_, heights, height = wenfeng_pages(f, build)
        fl = fills(wp, events, heights, height)
        auto = [x for x, kind, _ in fl if kind == "auto"]
        # Table rows: wenfeng reports the row at its first paragraph; carry it to the others.
        last = (0, 0)
        ok = 0
        first_miss = None
        lines = []
        for i, (s, e, t) in enumerate(wp):
            n = np_.get(i)
            if n is None:
                n = (last[1], last[1])
            else:
                last = n
            agree = n[0] == s
            ok += agree
            if not agree and first_miss is None:
                first_miss = (i, n[0] - s)
            starts = i == 0 or s != wp[i - 1][1] or (i > 0 and n[0] != (np_.get(i - 1) or last)[1])
            if (show_all and starts) or (not agree and (i == 0 or wp[i - 1][0] == (np_.get(i - 1, (None,))[0]))):
                lines.append(f"    P{i:<5} word {s + 1}-{e + 1}  wenfeng {n[0] + 1}-{n[1] + 1}  {t[:24]}")
        total_ok += ok
        total += len(wp)
        wlast = wp[-1][1] + 1 if wp else 0
        nlast = max((v[1] for v in np_.values()), default=-1) + 1
        fm = f"first miss at P{first_miss[0]} ({first_miss[1]:+d})" if first_miss else "no miss"
        print(f"{os.path.basename(f):<26} pages {wlast}/{nlast}  agreeing {ok} of {len(wp)}  {fm}")
        if auto:
            over = sum(x > 1.0 for x in auto)
            print(f"    fill of Word's pages by wenfeng's heights: median {sorted(auto)[len(auto) // 2]:.3f}, "
                  f"over 1.0 on {over} of {len(auto)}: " + " ".join(f"{x:.2f}" for x in auto[:30]))
            all_fills.extend(auto)
        for l in lines[:40]:
            print(l)
    if all_fills:
        a = sorted(all_fills)
        q = lambda p: a[min(len(a) - 1, int(p * len(a)))]
        print(f"fill of Word's automatically broken pages: n {len(a)}  p10 {q(.1):.3f}  median {q(.5):.3f}  p90 {q(.9):.3f}"
              f"  over 1.0: {sum(x > 1.0 for x in a)}  under 0.9: {sum(x < 0.9 for x in a)}")
    if total:
        print(f"paragraph starts agreeing: {total_ok} of {total} ({100 * total_ok / total:.1f}%)")


if __name__ == "__main__":
    main()
