#!/usr/bin/env python3
"""Rebuild the fresh page-count test set of Round 9 outside the repository.

bench/pages_fresh_sources.tsv lists where each file came from (repository, commit, path), not
the files. Given a directory of git mirrors named OWNER+NAME (each holding a bare repository
or a .git directory, as the library's fetch leaves them), this writes every file with
`git show COMMIT:PATH`, checks its saved page count against the table, and writes
manifest.json (the calibration schema), tuning.txt and holdout.txt. Files listed in
bench/pages_fresh_stale.tsv (a saved count found stale by evidence outside the file's layout,
such as the repository's history) are marked pages_stale with the reason.

    bench/pages_fresh_rebuild.py MIRRORS OUT [SOURCES]   e.g. /work/.mirror /work/extra-pages

SOURCES defaults to bench/pages_fresh_sources.tsv; bench/pages_fresh2_sources.tsv is the Round 11
second set (odd numbers tuning, even held out). The stale table is SOURCES with _sources replaced by _stale,
when that file exists.
"""
import io
import json
import os
import re
import subprocess
import sys
import zipfile


def git_dir(mirrors, repo):
    base = os.path.join(mirrors, repo.replace("/", "+"), "repo")
    return os.path.join(base, ".git") if os.path.isdir(os.path.join(base, ".git")) else base


def app_xml(data_path):
    with zipfile.ZipFile(data_path) as z:
        try:
            xml = z.read("docProps/app.xml").decode("utf-8", "replace")
        except KeyError:
            xml = ""
        try:
            doc = z.read("word/document.xml").decode("utf-8", "replace")
        except KeyError:
            doc = ""

    def tag(name):
        m = re.search(r"<%s>([^<]*)</%s>" % (name, name), xml)
        return m.group(1) if m else None

    grid = re.search(r"<w:docGrid\b([^>]*)/?>", doc)
    attrs = dict(re.findall(r'w:(\w+)="([^"]*)"', grid.group(1))) if grid else {}
    return tag, {"grid_type": attrs.get("type"), "grid_linePitch": attrs.get("linePitch"),
                 "grid_charSpace": attrs.get("charSpace")}


def created_of(path):
    """core.xml's dcterms:created of a file, or ''."""
    with zipfile.ZipFile(path) as z:
        try:
            core = z.read("docProps/core.xml").decode("utf-8", "replace")
        except KeyError:
            return ""
    return (re.search(r"<dcterms:created[^>]*>([^<]*)<", core) or [None, ""])[1]


def first_committed(gd, sha):
    """When a blob first entered the repository (committer time), or None."""
    out = subprocess.run(["git", "--git-dir", gd, "log", "--all", "--format=%ct", f"--find-object={sha}"],
                         capture_output=True, text=True).stdout.split()
    return min(int(t) for t in out) if out else None


def inherited_statistics(mirrors, repo, path, versions, commit=None):
    """Why a WPS-saved file's statistics are another version's, or None.

    WPS 10 and 11 (12 at times) save the docProps/app.xml statistics the file had when they
    opened it (bench/README.md, Round 11). When a version of any .docx in the repository's
    history saved earlier (core.xml modified) has the same Pages, Words, Characters, Lines,
    Paragraphs and CharactersWithSpaces for a materially other text (pages_history_build's
    material_change), the count was made for that text. A file whose modified date precedes
    its own creation date has a wrong clock (fresh-3 t245: WPS wrote 2018-05-14 for a file
    created 2018-12-12): then "earlier" is by when the twin entered the repository, before
    the file's commit.
    """
    from pages_history_build import blobs, material_change, text_digest  # it imports this module
    if repo not in versions:
        gd, found = git_dir(mirrors, repo), []
        for sha, vpath in blobs(gd):
            data = subprocess.run(["git", "--git-dir", gd, "cat-file", "blob", sha], capture_output=True).stdout
            try:
                found.append(text_digest(io.BytesIO(data)) + (vpath, sha))
            except (zipfile.BadZipFile, KeyError, OSError, ValueError):
                pass
        versions[repo] = found
    stats, modified, text = text_digest(path)
    if not modified or stats[1] in (None, "0") or stats[2] in (None, "0"):
        return None
    created = created_of(path)
    if created and modified < created and commit:  # a wrong clock: order by the repository's history
        gd = git_dir(mirrors, repo)
        own = subprocess.run(["git", "--git-dir", gd, "show", "-s", "--format=%ct", commit],
                             capture_output=True, text=True).stdout.strip()
        own_t = int(own) if own.isdigit() else None

        def earlier(v):
            t = first_committed(gd, v[4])
            return own_t is not None and t is not None and t < own_t
    else:
        def earlier(v):
            return bool(v[1]) and v[1] < modified
    twins = [v for v in versions[repo] if v[0] == stats and earlier(v) and material_change(v[2], text)]
    if not twins:
        return None
    _, m2, t2, vpath, _ = min(twins, key=lambda v: v[1])
    return (f"WPS kept the statistics of {vpath} saved {m2} ({len(t2[0])} characters, {t2[1]} pictures; "
            f"this file: {len(text[0])}, {text[1]})")


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    mirrors, out = sys.argv[1:3]
    here = os.path.dirname(os.path.abspath(__file__))
    sources = sys.argv[3] if len(sys.argv) == 4 else os.path.join(here, "pages_fresh_sources.tsv")
    stale_table = sources.replace("_sources", "_stale")
    os.makedirs(out, exist_ok=True)
    files, sets, bad = [], {"tuning": [], "holdout": []}, 0
    versions = {}  # repository -> [(statistics, modified, text digest, path)] of its .docx history
    stale = {}
    for line in (open(stale_table, encoding="utf-8") if os.path.exists(stale_table) else []):
        if not line.startswith("#") and line.strip():
            name, reason = line.rstrip("\n").split("\t", 1)
            stale[name] = reason
    for line in open(sources, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, which, app, pages, repo, commit, path = line.rstrip("\n").split("\t")
        dest = os.path.join(out, name)
        blob = subprocess.run(["git", "--git-dir", git_dir(mirrors, repo), "show", f"{commit}:{path}"],
                              capture_output=True)
        if blob.returncode != 0:
            print(f"{name}: {repo} {commit}:{path}: {blob.stderr.decode().strip()}", file=sys.stderr)
            bad += 1
            continue
        with open(dest, "wb") as f:
            f.write(blob.stdout)
        tag, grid = app_xml(dest)
        saved = tag("Pages")
        if saved is None or int(saved) != int(pages):
            print(f"{name}: saved pages {saved}, table says {pages}", file=sys.stderr)
            bad += 1
        chars = int(tag("Characters") or 0)
        files.append({"file": name, "repo": repo, "path": path, "commit": commit,
                      "application": tag("Application") or app, "app_version": tag("AppVersion"),
                      "pages": int(pages), "pages_stale": int(pages) == 1 and chars > 1800,
                      "words": int(tag("Words") or 0), "characters": chars, "grid": grid})
        if "WPS" in (files[-1]["application"] or "") and not files[-1]["pages_stale"]:
            twin = inherited_statistics(mirrors, repo, dest, versions, commit)
            if twin:
                files[-1]["pages_stale"] = True
                files[-1]["stale_reason"] = twin
        if name in stale:
            files[-1]["pages_stale"] = True
            files[-1]["stale_reason"] = stale.pop(name)
        sets[which].append(name)
    for name in stale:
        print(f"{name}: in pages_fresh_stale.tsv but not in pages_fresh_sources.tsv", file=sys.stderr)
        bad += 1
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"description": f"Fresh page-count test set ({os.path.basename(sources)}); "
                   "not ours to ship, never copied into the repository.", "files": files},
                  f, ensure_ascii=False, indent=1)
    for which, names in sets.items():
        with open(os.path.join(out, f"{which}.txt"), "w") as f:
            f.write("".join(n + "\n" for n in names))
    print(f"{len(files)} files written to {out} ({len(sets['tuning'])} tuning, "
          f"{len(sets['holdout'])} held out); {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
