#!/usr/bin/env python3
"""Choose a new held-out page-count set from git mirrors, before anyone opens a file of it.

Round 11 (bench/README.md) gathered a second fresh set the way Round 9 gathered the first: real
Word- or WPS-saved DOCX with a saved page count from public repositories that are in no earlier
set. This script is how the files were chosen, so that the choice can be checked and repeated.
It reads only each candidate's docProps/app.xml and the bytes of its word/document.xml (to
compare), never runs wenfeng, and writes rows in the format of bench/pages_fresh_sources.tsv.

Rules, in order:
- the file is at HEAD of a repository that is in no earlier set: no bench/pages_fresh*_sources.tsv
  row and no manifest.json of a KNOWN directory names it;
- docProps/app.xml names "Microsoft Office Word" or "WPS Office" and gives Pages >= 1;
- word/document.xml holds at least 50 CJK ideographs;
- neither the file nor its word/document.xml is byte-identical to a file of the calibration
  set, of the sets given as KNOWN directories, or to a file chosen before it;
- at most three files a repository: WPS-saved ones first (WPS files are fewer), then by blob id.

    bench/pages_fresh_select.py MIRRORS REPOS.txt PREFIX KNOWN_DIR... > rows.tsv
"""
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def git_dir(mirrors, repo):
    base = os.path.join(mirrors, repo.replace("/", "+"), "repo")
    return os.path.join(base, ".git") if os.path.isdir(os.path.join(base, ".git")) else base


def digests(data):
    """(whole-file sha1, document.xml sha1 or None, app.xml text, document.xml text)."""
    whole = hashlib.sha1(data).hexdigest()
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        doc = z.read("word/document.xml")
        app = z.read("docProps/app.xml").decode("utf-8", "replace")
    except Exception:  # not a readable OOXML container: not a candidate
        return whole, None, "", ""
    return whole, hashlib.sha1(doc).hexdigest(), app, doc.decode("utf-8", "replace")


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    mirrors, repos_file, prefix, known_dirs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    here = os.path.dirname(os.path.abspath(__file__))
    old_repos = set()  # every earlier fresh set's repositories, and those a KNOWN manifest names
    for name in sorted(os.listdir(here)):
        if name.startswith("pages_fresh") and name.endswith("_sources.tsv"):
            old_repos.update(line.split("\t")[4] for line in open(os.path.join(here, name), encoding="utf-8")
                             if line.strip() and not line.startswith("#"))
    seen = set()
    for d in known_dirs:
        manifest = os.path.join(d, "manifest.json")
        if os.path.exists(manifest):
            old_repos.update(f["repo"] for f in json.load(open(manifest, encoding="utf-8"))["files"] if f.get("repo"))
        for root, _, names in os.walk(d):
            for n in names:
                if n.endswith(".docx"):
                    whole, doc, _, _ = digests(open(os.path.join(root, n), "rb").read())
                    seen.update(x for x in (whole, doc) if x)
    number = 0
    for repo in [r.strip() for r in open(repos_file, encoding="utf-8") if r.strip()]:
        if repo in old_repos:
            continue
        gd = git_dir(mirrors, repo)
        try:
            head = subprocess.check_output(["git", "--git-dir", gd, "rev-parse", "HEAD"], text=True).strip()
            tree = subprocess.check_output(["git", "--git-dir", gd, "ls-tree", "-r", "-z", "HEAD"])
        except (subprocess.CalledProcessError, OSError):
            continue
        cands = []
        for ent in tree.decode("utf-8", "replace").split("\0"):
            if "\t" not in ent:
                continue
            meta, path = ent.split("\t", 1)
            if not path.lower().endswith(".docx"):
                continue
            blob = meta.split()[2]
            got = subprocess.run(["git", "--git-dir", gd, "cat-file", "blob", blob], capture_output=True)
            if got.returncode != 0:
                continue
            whole, doc, app, text = digests(got.stdout)
            m_app = re.search(r"<Application>([^<]*)</Application>", app)
            m_pages = re.search(r"<Pages>(\d+)</Pages>", app)
            if not doc or not m_app or not m_pages or int(m_pages.group(1)) < 1:
                continue
            name = m_app.group(1)
            kind = "WPS Office" if name.startswith("WPS Office") else \
                "Microsoft Office Word" if name == "Microsoft Office Word" else None
            if kind is None or len(CJK.findall(text)) < 50:
                continue
            cands.append((kind != "WPS Office", blob, kind, int(m_pages.group(1)), path, whole, doc))
        taken = 0
        for _, blob, kind, pages, path, whole, doc in sorted(cands):
            if taken == 3 or whole in seen or doc in seen:
                continue
            seen.update((whole, doc))
            number += 1
            taken += 1
            print(f"{prefix}{number:03d}_{whole[:12]}.docx\tholdout\t{kind}\t{pages}\t{repo}\t{head}\t{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
