#!/usr/bin/env python3
"""Whether wenfeng's line heights fit Word's own pages, page by page (not run by CI).

Usage: bench/pages_fit.py [--build BUILD] [--list] FILE.docx...

For every page Word broke automatically (its w:lastRenderedPageBreak marks, read by
pages_breaks.py), this takes exactly the lines Word put on that page (the mark's character
offset picks the line of a paragraph that breaks across the page, from the line starts
`WENFENG_LAYOUT_TRACE=2` prints) and adds up wenfeng's heights for them: the lines, and
between two paragraphs the larger of space after and space before. A model that is right
gives, for each page, `used <= body height < used + need`, where `need` is what Word had
to move to the next page: the next line (two under widow control), or the next
paragraph's space before and first line (two lines under orphan control). Pages where a
keep-with-next chain, a split table row or a forced break decides are left out.

Prints per file the pages that are over (wenfeng's heights do not fit on Word's page) or
under (the next line would have fitted by wenfeng's heights), and a summary:

  pages checked N  ok K  over O  under U

--list prints every checked page with the line classes on it
(size pt × line spacing, East Asian font: count; an empty paragraph's line is
"(mark LATIN/EAST-ASIAN)", the paragraph mark's fonts), the FIT_CLASSES most
frequent (default 4).

FIT_FORCED=1 also checks the pages Word ended at a forced break (a page break, a
section, a cover page): they can only be over (wenfeng's heights for what Word put on
the page exceed the body height, "fover") or fit ("fok"). A page that starts at an
empty paragraph carries no mark, so a "fover" of one and a half pages or more is
usually two Word pages, not a layout error.
"""
import collections
import math
import os
import re
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages_breaks import parse_args, word_pages  # noqa: E402

TOL = 1.0  # points


MODEL = os.environ.get("FIT_MODEL", "")
FORCED = os.environ.get("FIT_FORCED", "") == "1"
CLASSES = int(os.environ.get("FIT_CLASSES", "4") or 4)


def remodel(it, h, s, o):
    """A line's height under the model FIT_MODEL names (auto spacing on a line grid, text only);
    wenfeng's own height otherwise."""
    p, rule, line = it.get("pitch", 0), it.get("rule", -1), it.get("line", 240)
    if not MODEL or p <= 0 or rule != 0 or o > 0:
        return h
    m = line / 240
    n = max(1, math.ceil(s / p - 1e-3))
    return eval(MODEL, {"math": math, "max": max, "min": min}, dict(s=s, p=p, m=m, n=n, h=h))


def trace(path, build):
    env = dict(os.environ, WENFENG_LAYOUT_TRACE="2")
    r = subprocess.run([os.path.join(build, "wenfeng"), "count", "--format", "json", path], env=env,
                       capture_output=True, text=True, errors="replace")
    items, cur, height = [], None, 0.0
    for line in r.stderr.splitlines():
        m = re.match(r"([PR]) (\d+) page \S+ h ([\d.]+) n (\d+) H ([\d.]+)", line)
        if m:
            cur = dict(kind=m.group(1), idx=int(m.group(2)), h=[], at=[], before=0.0, after=0.0, keep="0000",
                       cls="?", total=float(m.group(3)))
            height = float(m.group(5))
            if cur["kind"] == "R":
                cur["h"] = [float(m.group(3))]
                cur["at"] = [0]
            items.append(cur)
            continue
        if cur is None:
            continue
        m = re.match(r"\s+before ([\d.-]+) after ([\d.-]+) line (\d+)/(\d) mark ([\d.]+).* keep (\d{4}) grid ([\d.]+)", line)
        if m:
            cur["before"], cur["after"] = float(m.group(1)), float(m.group(2))
            rule = int(m.group(4))
            cur["spacing"] = f"{int(m.group(3)) / 240:.2f}x" if rule == 0 else f"{int(m.group(3)) / 20:.1f}pt" + ("=" if rule == 1 else "+")
            cur["mark"] = float(m.group(5))
            cur["keep"] = m.group(6)
            cur["line"], cur["rule"], cur["pitch"] = int(m.group(3)), rule, float(m.group(7))
            continue
        m = re.match(r"\s+markfont latin (.*) ea (.*)", line)
        if m:
            cur["markfont"] = m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)}/{m.group(2)}"
            continue
        m = re.match(r"\s+run @0 ([\d.]+) pt latin (.*) ea (.*)", line)
        if m and cur["cls"] == "?":
            cur["cls"] = f"{float(m.group(1)):g}pt×{cur.get('spacing', '?')} {m.group(3)}"
            continue
        m = re.match(r"\s+line ([\d.]+) at (\d+) s ([\d.]+) o ([\d.]+)", line)
        if m:
            cur["h"].append(remodel(cur, float(m.group(1)), float(m.group(3)), float(m.group(4))))
            cur["at"].append(int(m.group(2)))
    for it in items:
        if it["kind"] == "P" and it["cls"] == "?":
            it["cls"] = f"{it.get('mark', 0):g}pt×{it.get('spacing', '?')} (mark {it.get('markfont', '?')})"
    return items, height


def grid_pitch(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf8", "replace")
    g = re.findall(r"<w:docGrid[^>]*>", xml)
    if not g or 'w:type="' not in g[-1]:
        return 0.0
    m = re.search(r'w:linePitch="(\d+)"', g[-1])
    return int(m.group(1)) / 20 if m else 0.0


def check(path, build, show):
    got = word_pages(path)
    if got is None:
        return None
    wp, events = got
    items, H = trace(path, build)
    if not items or H <= 0:
        return None
    pitch = grid_pitch(path)
    mode = os.environ.get("FIT_SNAP", "")

    def snap(gap, it):
        # FIT_SNAP=1: the space before a paragraph and its first line together take whole grid lines
        if mode == "1" and pitch > 0 and it["kind"] == "P" and it["h"] and gap > 0:
            h0 = it["h"][0]
            return math.ceil((gap + h0) / pitch - 1e-3) * pitch - h0
        return gap

    by_idx = {it["idx"]: k for k, it in enumerate(items)}
    idxs = sorted(by_idx)

    def locate(j, chars):
        """(item number, line) where a page starting at paragraph j, `chars` in, begins; None in a row."""
        import bisect
        p = bisect.bisect_right(idxs, j) - 1
        if p < 0:
            return (0, 0)
        k = by_idx[idxs[p]]
        it = items[k]
        if it["kind"] == "R":
            return (k, 0) if idxs[p] == j and chars == 0 else None
        if idxs[p] != j:
            return (k + 1, 0)
        line = 0
        for q, a in enumerate(it["at"]):
            if a <= chars:
                line = q
        return (k, line if chars > 0 else 0)

    bounds = [((0, 0), "start")]
    for j, chars, kind in events:
        bounds.append((locate(j, chars), kind))
    res = collections.Counter()
    out = []
    for page, ((start, start_kind), (end, end_kind)) in enumerate(zip(bounds, bounds[1:]), start=1):
        forced_end = end_kind != "auto"
        if (forced_end and not FORCED) or start is None or end is None:
            continue
        (ia, la), (ib, lb) = start, end
        if ib >= len(items) or ia > ib:
            continue
        used, prev, classes, skip = 0.0, None, collections.Counter(), False
        for k in range(ia, ib + 1):
            it = items[k]
            first = la if k == ia else 0
            last = lb if k == ib else len(it["h"])
            if k == ib and lb == 0:
                break
            if first == 0:
                if prev is None:
                    gap = it["before"] if start_kind == "forced" else 0.0
                elif prev["kind"] == "P" and it["kind"] == "P":
                    gap = max(prev["after"], it["before"])
                elif prev["kind"] == "P":
                    gap = prev["after"]  # a paragraph's space after still counts before a table
                else:
                    gap = it["before"]
                used += snap(gap, it)
            if it["kind"] == "R" and k == ib:
                skip = True  # a row split across the page
            for q in range(first, last):
                used += it["h"][q]
            classes[it["cls"] if it["kind"] == "P" else "table row"] += last - first
            prev = it
        nxt = items[ib]
        if forced_end:
            # FIT_FORCED=1: a page Word ended at a forced break only tells whether it fits
            status = "fover" if used > H + TOL else "fok"
            res[status] += 1
            desc = ", ".join(f"{c}: {v}" for c, v in classes.most_common(CLASSES))
            if show or status != "fok":
                out.append(f"    page {page:<3} {status:<5} used {used:6.1f} of {H:.1f}  (forced)  {desc}")
            continue
        if skip or nxt["kind"] == "R" and lb > 0:
            continue
        n = len(nxt["h"])
        widow = nxt["keep"][2] == "1"
        if lb == 0:
            if nxt["keep"][0] == "1" or (prev is not None and prev["kind"] == "P" and prev["keep"][0] == "1"):
                continue  # keep with next decides
            gap = snap(max(prev["after"], nxt["before"]) if prev is not None and prev["kind"] == "P" else nxt["before"], nxt)
            if nxt["keep"][1] == "1":
                need = gap + sum(nxt["h"])
            else:
                need = gap + sum(nxt["h"][: 2 if widow and n >= 2 else 1])
        else:
            need = sum(nxt["h"][lb: lb + (2 if widow and lb == n - 2 else 1)])
        status = "over" if used > H + TOL else "under" if used + need <= H - TOL else "ok"
        res[status] += 1
        res["miss"] += min(60.0, max(0.0, used - H, H - used - need))
        desc = ", ".join(f"{c}: {v}" for c, v in classes.most_common(CLASSES))
        if show or status != "ok":
            out.append(f"    page {page:<3} {status:<5} used {used:6.1f} of {H:.1f}  need {need:5.1f}  {desc}")
    return res, out


def main():
    build, show, files = parse_args("--list")
    total = collections.Counter()
    total["miss"] = 0.0
    for f in files:
        r = check(f, build, show)
        if r is None:
            continue
        res, out = r
        total += res
        print(f"{os.path.basename(f):<26} ok {res['ok']} over {res['over']} under {res['under']}"
              + (f"  forced: fit {res['fok']} over {res['fover']}" if FORCED else ""))
        for l in out:
            print(l)
    n = total["ok"] + total["over"] + total["under"]
    print(f"pages checked {n}  ok {total['ok']}  over {total['over']}  under {total['under']}"
          f"  points missed {total['miss']:.0f} (each page's excess or shortfall, at most 60)"
          + (f"; pages ending at a forced break: fit {total['fok']} over {total['fover']}" if FORCED else ""))


if __name__ == "__main__":
    main()
