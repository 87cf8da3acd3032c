#!/usr/bin/env python3
"""Whether wenfeng breaks lines where Word did (not run by CI).

Usage: bench/pages_linebreaks.py [--build BUILD] FILE.docx...

Where Word broke a page inside a paragraph, its w:lastRenderedPageBreak mark (read by
pages_breaks.py) sits at the first character of a line. This takes every such mark of an
automatic page break and checks whether wenfeng starts a line of that paragraph at the same
character (`WENFENG_LAYOUT_TRACE=2` prints the line starts): a direct check of line
breaking (widths, indents, list labels and tabs, kinsoku, hanging punctuation, punctuation
compression), independent of line heights. Prints the misses with wenfeng's nearest line
start (negative: wenfeng's line ends earlier, it fits less on a line than Word) and

  mid-paragraph page breaks at a wenfeng line start: K of N
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages_breaks import parse_args, word_pages  # noqa: E402


def line_starts(path, build):
    env = dict(os.environ, WENFENG_LAYOUT_TRACE="2")
    r = subprocess.run([os.path.join(build, "wenfeng"), "count", path], env=env, capture_output=True, text=True,
                       errors="replace")
    starts, cur = {}, None
    for line in r.stderr.splitlines():
        m = re.match(r"P (\d+) page", line)
        if m:
            cur = int(m.group(1))
            starts[cur] = []
            continue
        if line.startswith("R "):
            cur = None
            continue
        m = re.match(r"\s+line [\d.]+ at (\d+)", line)
        if m and cur is not None:
            starts[cur].append(int(m.group(1)))
    return starts


def main():
    build, _, files = parse_args("--unused")
    hit = total = 0
    for path in files:
        got = word_pages(path)
        if got is None:
            continue
        _, events = got
        mids = [(j, c) for j, c, kind in events if c > 0 and kind == "auto"]
        if not mids:
            continue
        starts = line_starts(path, build)
        for j, c in mids:
            s = starts.get(j)
            if not s:
                continue
            total += 1
            if c in s:
                hit += 1
                continue
            near = min(s, key=lambda a: abs(a - c))
            print(f"  {os.path.basename(path)}  P{j}  Word's line starts at {c}, wenfeng's nearest at {near} ({near - c:+d})")
    print(f"mid-paragraph page breaks at a wenfeng line start: {hit} of {total}")


if __name__ == "__main__":
    main()
