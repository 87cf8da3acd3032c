#!/usr/bin/env python3
"""Build the history page-count set (Round 10) outside the repository.

The 61 repositories of the fresh set (bench/pages_fresh_sources.tsv) hold many more DOCX
files in their git history: earlier and later versions of the same documents and files the
fresh set left out (at most three a repository). This writes every distinct one saved by
Word or WPS (distinct word/document.xml), except the fresh and calibration files themselves
and any file at the path (or with the name, in the same repository) of a held-out fresh file,
and a manifest.json in the calibration schema. Versions of one document are alike, so the
set is a regression check for a rule (does it lose files it did not aim at?), not an
independent measure: the held-out part of the fresh set stays that.

    bench/pages_history_build.py MIRRORS OUT [CALIBRATION_DIR] [FRESH_DIR]
    e.g. bench/pages_history_build.py /work/.mirror /work/extra-history \\
             ../shared/calibration/word-pages /work/extra-pages
    bench/pages_history_build.py --mark OUT     re-mark the stale counts of a built set

A saved count is marked stale (`pages_stale`, with `stale_reason`) when it cannot describe
the file's text:
- one page saved for more than 1,800 characters (the calibration manifest's rule);
- WPS kept another version's statistics: a WPS-saved file whose docProps/app.xml Pages,
  Words, Characters, Lines, Paragraphs and CharactersWithSpaces are all those of a version
  of the same repository saved earlier (docProps/core.xml modified) with a materially other
  text (the main text's length differs by more than a tenth, or its number of pictures; a
  count kept over a smaller edit most likely still holds). WPS 10 and 11 (and 12 at times) save
  the statistics they opened the file with, whatever was edited since (Round 11: 需求规格说明书 saved four times by WPS 11 in one
  afternoon while its text grew from 3,384 to 8,838 characters, every time with Word's
  "11 pages, 3,196 characters" of the morning; the next day's WPS save has 23 pages and
  matches its text). The statistics were counted for the earlier text, so its page count
  is not this file's;
- the file is listed in bench/pages_history_stale.tsv with other evidence.
"""
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from pages_fresh_rebuild import app_xml, git_dir  # noqa: E402


def document_hashes(directory):
    out = set()
    if not directory or not os.path.isdir(directory):
        return out
    for f in os.listdir(directory):
        if f.endswith(".docx"):
            try:
                with zipfile.ZipFile(os.path.join(directory, f)) as z:
                    out.add(hashlib.sha1(z.read("word/document.xml")).hexdigest())
            except (zipfile.BadZipFile, KeyError, OSError):
                pass
    return out


def text_digest(path):
    """(docProps/app.xml statistics, core.xml modified, main text and picture count) of a file."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        app = z.read("docProps/app.xml").decode("utf-8", "replace") if "docProps/app.xml" in names else ""
        core = z.read("docProps/core.xml").decode("utf-8", "replace") if "docProps/core.xml" in names else ""
        doc = z.read("word/document.xml").decode("utf-8", "replace")
    stats = tuple((re.search(r"<%s>([^<]*)</%s>" % (k, k), app) or [None, None])[1]
                  for k in ("Pages", "Words", "Characters", "Lines", "Paragraphs", "CharactersWithSpaces"))
    modified = (re.search(r"<dcterms:modified[^>]*>([^<]*)<", core) or [None, ""])[1]
    text = re.sub(r"\s", "", "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", doc)))
    pictures = len(re.findall(r"<w:drawing>|<w:pict>", doc))
    return stats, modified, (text, pictures)


def material_change(a, b):
    """Whether two (text, pictures) digests differ enough for the page count to: the text's
    length by more than a tenth, or the number of pictures. A count kept over a small edit
    most likely still holds, and is left standing."""
    return a[1] != b[1] or abs(len(a[0]) - len(b[0])) > 0.1 * max(len(a[0]), len(b[0]), 1)


def mark_stale(out, files):
    """Sets pages_stale and stale_reason on the files whose saved count is not theirs."""
    listed = {}
    tsv = os.path.join(here, "pages_history_stale.tsv")
    if os.path.exists(tsv):
        for line in open(tsv, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                name, _, reason = line.rstrip("\n").partition("\t")
                listed[name] = reason
    info = {f["file"]: text_digest(os.path.join(out, f["file"])) for f in files}
    for f in files:
        f.pop("stale_reason", None)
        f["pages_stale"] = f["pages"] == 1 and f["characters"] > 1800
        if f["pages_stale"]:
            f["stale_reason"] = "one page saved for more than 1,800 characters"
        stats, modified, text = info[f["file"]]
        if "WPS" in (f["application"] or "") and modified and stats[1] not in (None, "0") and \
                stats[2] not in (None, "0"):
            twins = [g for g in files if g is not f and g["repo"] == f["repo"] and info[g["file"]][0] == stats and
                     info[g["file"]][1] and info[g["file"]][1] < modified and material_change(info[g["file"]][2], text)]
            if twins:  # the earliest is where the statistics were counted
                g = min(twins, key=lambda g: info[g["file"]][1])
                _, m2, t2 = info[g["file"]]
                f["pages_stale"] = True
                f["stale_reason"] = (f"WPS kept the statistics of {g['file']} (saved {m2} by {g['application']}, "
                                     f"{len(t2[0])} characters and {t2[1]} pictures; this file: "
                                     f"{len(text[0])} and {text[1]})")
        if f["file"] in listed:
            f["pages_stale"] = True
            f["stale_reason"] = listed.pop(f["file"])
    for name in listed:
        print(f"{name}: in pages_history_stale.tsv but not in the set", file=sys.stderr)


def write_manifest(out, files):
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"description": "History page-count set (bench/pages_history_build.py): versions in the fresh "
                   "set's repositories; not ours to ship, never copied into the repository.", "files": files},
                  f, ensure_ascii=False, indent=1)


def blobs(gd):
    """(blob, path) of every .docx version in the repository's history, each blob once."""
    log = subprocess.run(["git", "--git-dir", gd, "-c", "core.quotepath=off", "log", "--all", "--format=",
                          "--raw", "--no-abbrev", "--", "*.docx"], capture_output=True, text=True).stdout
    seen = {}
    for line in log.splitlines():
        meta, _, path = line.partition("\t")
        fields = meta.split()
        if len(fields) >= 4 and set(fields[3]) != {"0"}:
            seen.setdefault(fields[3], path.split("\t")[-1])
    return seen.items()


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "--mark":
        out = sys.argv[2]
        files = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))["files"]
        mark_stale(out, files)
        write_manifest(out, files)
        print(f"{sum(f['pages_stale'] for f in files)} of {len(files)} saved counts stale in {out}")
        return 0
    mirrors, out = sys.argv[1:3]
    calibration = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "..", "..", "shared", "calibration",
                                                                       "word-pages")
    fresh = sys.argv[4] if len(sys.argv) > 4 else ""
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(here, "pages_fresh_sources.tsv"), encoding="utf-8")
            if l.strip() and not l.startswith("#")]
    held = {(r[4], r[6]) for r in rows if r[1] == "holdout"}
    held_names = {(r[4], os.path.basename(r[6])) for r in rows if r[1] == "holdout"}
    repos = sorted({r[4] for r in rows})
    known = document_hashes(calibration) | document_hashes(fresh)
    os.makedirs(out, exist_ok=True)
    files, seen, missing = [], set(), 0
    for repo in repos:
        gd = git_dir(mirrors, repo)
        if not os.path.isdir(gd):
            print(f"{repo}: no mirror at {gd}", file=sys.stderr)
            missing += 1
            continue
        for sha, path in blobs(gd):
            if (repo, path) in held or (repo, os.path.basename(path)) in held_names:
                continue
            data = subprocess.run(["git", "--git-dir", gd, "cat-file", "blob", sha], capture_output=True).stdout
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    h = hashlib.sha1(z.read("word/document.xml")).hexdigest()
                    app = z.read("docProps/app.xml").decode("utf-8", "replace")
            except (zipfile.BadZipFile, KeyError, OSError):
                continue
            application = (re.search(r"<Application>([^<]*)", app) or [None, ""])[1]
            pages = (re.search(r"<Pages>(\d+)", app) or [None, ""])[1]
            if h in known or h in seen or not pages or int(pages) < 1:
                continue
            if "WPS" not in application and "Word" not in application:
                continue
            seen.add(h)
            name = f"h{len(files):03d}_{sha[:10]}.docx"
            dest = os.path.join(out, name)
            with open(dest, "wb") as f:
                f.write(data)
            tag, grid = app_xml(dest)
            chars = int(tag("Characters") or 0)
            files.append({"file": name, "repo": repo, "path": path, "blob": sha, "application": application,
                          "app_version": tag("AppVersion"), "pages": int(pages),
                          "pages_stale": int(pages) == 1 and chars > 1800, "characters": chars, "grid": grid})
    mark_stale(out, files)
    write_manifest(out, files)
    print(f"{len(files)} files written to {out}; {missing} repositories without a mirror")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
