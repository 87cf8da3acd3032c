#!/usr/bin/env python3
"""Page breaks at the same paragraph as Word's, whatever the page number (not run by CI).

pages_breaks.py counts paragraphs that start on the same page in Word (by its
w:lastRenderedPageBreak marks) and in wenfeng; one early miss shifts every later page and
the count falls even where the breaks themselves are right. This counts, of the paragraphs
at which Word starts a new page, how many wenfeng also starts a new page at, so a rule that
puts breaks where Word does shows even behind an earlier miss (Round 10).

Usage: bench/pages_breakagree.py [--build BUILD] FILE.docx...
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages_breaks as pb  # noqa: E402


def main():
    args = sys.argv[1:]
    build = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build")
    if len(args) >= 2 and args[0] == "--build":
        build, args = args[1], args[2:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    total = agree = 0
    for f in args:
        got = pb.word_pages(f)
        if got is None:
            continue
        word, _ = got
        starts, _, _ = pb.wenfeng_pages(f, build)
        last, ours = (0, 0), []
        for i in range(len(word)):
            span = starts.get(i)
            if span is None:
                span = (last[1], last[1])  # a paragraph wenfeng did not trace: where the last one ended
            else:
                last = span
            ours.append(span)
        a = t = 0
        for i in range(1, len(word)):
            if word[i][0] != word[i - 1][1]:  # Word starts a page at paragraph i
                t += 1
                a += ours[i][0] != ours[i - 1][1]
        total += t
        agree += a
        print(f"{os.path.basename(f)}  {a} of {t}")
    print(f"Word page starts at a paragraph: {total}, wenfeng breaks there too: {agree}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
