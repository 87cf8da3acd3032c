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
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"description": "History page-count set (bench/pages_history_build.py): versions in the fresh "
                   "set's repositories; not ours to ship, never copied into the repository.", "files": files},
                  f, ensure_ascii=False, indent=1)
    print(f"{len(files)} files written to {out}; {missing} repositories without a mirror")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
