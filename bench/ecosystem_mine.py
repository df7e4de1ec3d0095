"""Mine labelled stale defaults from a project's git history.

A commit that changes a translation's stated default to the value its English page states at
the parent commit, or to the value English states after the commit when one commit changes both
(while the translation disagreed with English at the parent), makes the parent a labelled stale
case at that line: a label nobody typed. At each such parent (and at the head),
translated values that agree with the English page are recorded for false alarms.
Only labels are written (paths, lines, short values), never page content.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Any

from ecosystem_git import Change, Mirror
from ecosystem_pages import Page, aligned, english_statements, norm, parse, value_type
from ecosystem_projects import Project

HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", re.M)
HEAD_PAGES = 40  # English pages with stated defaults checked at the head (agreement only)


class Reader:
    """Parsed pages by content, so each version of a page is read once."""

    def __init__(self, mirror: Mirror) -> None:
        self.mirror = mirror
        self._pages: dict[str, Page | None] = {}
        self._texts: dict[str, str | None] = {}

    def text(self, spec: str) -> str | None:
        if spec not in self._texts:
            if len(self._texts) > 4000:
                self._texts.clear()
            data = self.mirror.read(spec)
            self._texts[spec] = None if data is None else data.decode("utf-8", "replace")
        return self._texts[spec]

    def page(self, spec: str) -> Page | None:
        text = self.text(spec)
        if text is None:
            return None
        h = hashlib.sha1(text.encode()).hexdigest()
        if h not in self._pages:
            self._pages[h] = parse(text)
        return self._pages[h]


def _hunks(mirror: Mirror, old: str, new: str) -> list[tuple[int, int, int, int]]:
    """(old start, old count, new start, new count) of each changed hunk (git's diff, in C)."""
    out = []
    for m in HUNK.finditer(mirror.git("diff", "-U0", "--no-color", old, new)):
        out.append((int(m[1]), int(m[2] or 1), int(m[3]), int(m[4] or 1)))
    return out


def _same_place(hunks: list[tuple[int, int, int, int]], old_line: int, new_line: int) -> bool:
    """Whether a changed old line became ``new_line``: the same hunk, at the same offset when
    the hunk replaces line for line."""
    for a, na, b, nb in hunks:
        if a <= old_line < a + na:
            if na == nb:
                return new_line == b + (old_line - a)
            return b <= new_line < b + nb
    return False


def _unquoted(value: str) -> str:
    return re.sub(r"[`'\"\s]", "", value)


def _prose(value: str) -> bool:
    """Words, not a value: unquoted, with a space between letters or letters beyond Latin."""
    v = value.strip()
    if not v or v[0] in "'\"[{":
        return False
    return bool(re.search(r"[^\W\d_]\s+[^\W\d_]", v)) or any(c.isalpha() and ord(c) > 0x24F for c in v)


def fixes(project: Project, reader: Reader, ch: Change, lang: str, page: str) -> list[dict[str, Any]]:
    """Stale cases at ``ch.parent`` that ``ch.commit`` fixes in one translated file."""
    old_t, new_t = reader.text(ch.old_blob), reader.text(ch.new_blob)
    if old_t is None or new_t is None:
        return []
    old, new = reader.page(ch.old_blob), reader.page(ch.new_blob)
    assert old is not None and new is not None
    if [s[4] for s in old.statements] == [s[4] for s in new.statements]:
        return []
    en_path = project.path("en", page)
    en = reader.page(f"{ch.parent}:{en_path}")
    if en is None:
        return []
    new_by_key = {t.key: t for _, t in aligned(en, new)}
    # A commit may change the English page too (one commit for every language): a translation
    # that disagreed with English at the parent and is set to what English says after the commit
    # was stale at the parent as well.
    en_after = reader.page(f"{ch.commit}:{en_path}")
    english_after = {t.key: e.value for e, t in aligned(en_after, new)} if en_after is not None else {}
    hunks = _hunks(reader.mirror, ch.old_blob, ch.new_blob)
    cases = []
    for e, t in aligned(en, old):
        fixed = new_by_key.get(t.key)
        if fixed is None or not _same_place(hunks, t.line, fixed.line):
            continue
        if not t.value.strip() or _unquoted(t.value) in (_unquoted(fixed.value), _unquoted(e.value)):
            continue  # an empty cell states nothing; a stray or changed quote is formatting, not a value
        if _prose(e.value) and _prose(t.value):
            continue  # a description in a code span (`Primary Color`, `主题颜色`), translated
        target = {norm(e.value)}
        if t.key in english_after:
            target.add(norm(english_after[t.key]))
        if norm(fixed.value) in target and norm(t.value) != norm(e.value):
            cases.append(
                {
                    "commit": ch.parent,
                    "fix_commit": ch.commit,
                    "date": ch.date,
                    "page": page,
                    "path": ch.path,
                    "line": t.line,
                    "lang": lang,
                    "option": e.option,
                    "english_value": e.value,
                    "stale_value": t.value,
                    "type": value_type(e.value),
                    "english_path": en_path,
                    "english_line": e.line,
                }
            )
    return cases


def _pairs_at(project: Project, reader: Reader, commit: str, page: str, langs: list[str]) -> list[dict[str, Any]]:
    """Every aligned stated default of ``page``'s translations at ``commit``."""
    en = reader.page(f"{commit}:{project.path('en', page)}")
    out: list[dict[str, Any]] = []
    if en is None:
        return out
    for lang in langs:
        path = project.path(lang, page)
        tr = reader.page(f"{commit}:{path}")
        if tr is None:
            continue
        for e, t in aligned(en, tr):
            out.append(
                {
                    "path": path,
                    "line": t.line,
                    "lang": lang,
                    "option": e.option,
                    "type": value_type(e.value),
                    "agree": norm(e.value) == norm(t.value),
                    "english_value": e.value,
                    "value": t.value,
                }
            )
    return out


def _by_path(pairs: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Agreeing values as {translated path: [lines]}: labels, kept small."""
    out: dict[str, list[int]] = defaultdict(list)
    for p in pairs:
        out[p["path"]].append(p["line"])
    return dict(sorted(out.items()))


def _translations(project: Project, files: list[str]) -> dict[str, list[str]]:
    """English page -> languages it is translated into, among ``files``."""
    by_page: dict[str, set[str]] = defaultdict(set)
    for f in files:
        s = project.split(f)
        if s and project.wanted(s[1]):
            by_page[s[1]].add(s[0])
    return {p: sorted(ls - {"en"}) for p, ls in by_page.items() if "en" in ls and len(ls) > 1}


def mine(project: Project, mirror: Mirror) -> dict[str, Any]:
    reader = Reader(mirror)
    head = mirror.head()
    cases: list[dict[str, Any]] = []
    seen = set()
    changes = mirror.changes(project.roots(), project.since)
    for ch in changes:
        s = project.split(ch.path)
        if s is None or s[0] == "en" or not project.wanted(s[1]):
            continue
        for c in fixes(project, reader, ch, s[0], s[1]):
            k = (c["commit"], c["path"], c["line"])
            if k not in seen:
                seen.add(k)
                cases.append(c)
    # pin the parents holding the most cases
    by_commit: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cases:
        by_commit[c["commit"]].append(c)
    pinned = sorted(by_commit, key=lambda k: (-len(by_commit[k]), k))[: project.max_snapshots]
    snapshots = []
    for commit in pinned:
        pages = sorted({c["page"] for c in by_commit[commit]})
        files, pairs = [], []
        for page in pages:
            langs = [lang for lang in project.langs if mirror.read(f"{commit}:{project.path(lang, page)}") is not None]
            files.append({"page": page, "langs": langs})
            pairs += _pairs_at(project, reader, commit, page, langs)
        stale = {(c["path"], c["line"]) for c in by_commit[commit]}
        snapshots.append(
            {
                "commit": commit,
                "date": by_commit[commit][0]["date"],
                "pages": files,
                "agree": [p for p in pairs if p["agree"]],
                "open": [p for p in pairs if not p["agree"] and (p["path"], p["line"]) not in stale],
            }
        )
    snapshots.append(_head_snapshot(project, reader, mirror, head))
    kept = {s["commit"] for s in snapshots}
    cases = [c for c in cases if c["commit"] in kept]
    for s in snapshots:
        for p in s["open"]:
            del p["agree"]
        s["agree"] = _by_path(s["agree"])
    return {
        "project": project.name,
        "repo": project.repo,
        "head": head,
        "cases": cases,
        "snapshots": snapshots,
    }


def _head_snapshot(project: Project, reader: Reader, mirror: Mirror, head: str) -> dict[str, Any]:
    """Pages at the head whose English page states defaults, for false alarms on agreeing values."""
    trans = _translations(project, mirror.files(head, project.roots()))
    chosen = []
    for page in sorted(trans):
        en = reader.page(f"{head}:{project.path('en', page)}")
        if en is not None and english_statements(en):
            chosen.append(page)
        if len(chosen) >= HEAD_PAGES:
            break
    pairs = []
    for page in chosen:
        pairs += _pairs_at(project, reader, head, page, trans[page])
    return {
        "commit": head,
        "date": mirror.git("show", "-s", "--format=%cI", head).strip()[:10],
        "pages": [{"page": p, "langs": trans[p]} for p in chosen],
        "agree": [p for p in pairs if p["agree"]],
        "open": [p for p in pairs if not p["agree"]],
    }
