#!/usr/bin/env python3
"""Saved statistics one file shares with another of the same repository (not run by CI).

Usage: bench/pages_kept_stats.py DIR [--wps]

DIR holds a page-count set (a manifest.json naming each file's repository, application and
stale mark: the history set). WPS 10-12 often save the docProps/app.xml statistics a file
had when they opened it, whatever was edited since (bench/README.md, Round 11). Where two
or more files of one repository carry the same six statistics (Pages, Words, Characters,
Lines, Paragraphs, CharactersWithSpaces; Characters not 0), at most one of them counted its
own text: the others' saved page count is another version's (a Word-saved one's, at
times), whatever their text. The set marks such a file stale only where its text's length
differs by more than a tenth or its pictures do; this lists every group, with the
manifest's stale mark ("stale") and the application ("Word"/"WPS"), so that a WPS file's
miss can be checked against the version whose count it carries. `--wps`: only groups with
a WPS file not marked stale.
"""
import collections
import json
import os
import re
import sys
import zipfile

KEYS = ("Pages", "Words", "Characters", "Lines", "Paragraphs", "CharactersWithSpaces")


def stats(path):
    try:
        with zipfile.ZipFile(path) as z:
            app = z.read("docProps/app.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    vals = []
    for k in KEYS:
        m = re.search(r"<%s>([^<]*)</%s>" % (k, k), app)
        vals.append(m.group(1) if m else "")
    return tuple(vals)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    wps_only = "--wps" in sys.argv[1:]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    d = args[0]
    files = json.load(open(os.path.join(d, "manifest.json")))["files"]
    groups = collections.defaultdict(list)
    for f in files:
        s = stats(os.path.join(d, f["file"]))
        if s and s[2] not in ("", "0"):
            groups[(f.get("repo", ""), s)].append(f)
    n = 0
    for (repo, s), fs in sorted(groups.items(), key=lambda kv: kv[1][0]["file"]):
        if len(fs) < 2:
            continue
        app = lambda f: "Word" if "Word" in (f.get("application") or "") else "WPS" if "WPS" in (f.get("application") or "") else "other"
        if wps_only and not any(app(f) == "WPS" and not f.get("pages_stale") for f in fs):
            continue
        n += 1
        print(f"{repo}  pages {s[0]}  characters {s[2]}")
        for f in fs:
            print(f"    {f['file']:<26} {app(f):<5} {'stale' if f.get('pages_stale') else '':<5} {f.get('path', '')}")
    print(f"{n} groups of files sharing their saved statistics")
    return 0


if __name__ == "__main__":
    sys.exit(main())
