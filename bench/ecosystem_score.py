"""Run a check-docs command over the pinned commits of the mined labels and score its findings.

Each pinned commit's pages are written once into a cache keyed by commit and page list, in the
``docs/en``/``docs/<lang>`` layout, and checked there with no settings file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecosystem_git import Mirror
from ecosystem_projects import Project, materialised

VALUE_KINDS = ("value-drift", "stale-default", "translated-value")
TYPES = ("number", "string", "boolean", "list", "object", "none")
TIMEOUT = 600


def cache_root() -> Path:
    base = os.environ.get("ECOSYSTEM_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "llm-backends-ecosystem"


def tree_dir(cache: Path, project: Project, snap: dict[str, Any], as_is: bool = False) -> Path:
    spec = json.dumps([snap["pages"], as_is and project.roots()], sort_keys=True).encode()
    return cache / project.name / f"{snap['commit'][:12]}-{hashlib.sha1(spec).hexdigest()[:8]}"


def materialise(
    mirror: Mirror, project: Project, snap: dict[str, Any], cache: Path, as_is: bool = False
) -> Path | None:
    """The pages of a pinned commit on disk (cached); None when the mirror lacks the commit."""
    out = tree_dir(cache, project, snap, as_is)
    if (out / ".complete").is_file():
        return out
    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent if out.parent.exists() else None))
    try:
        for entry in snap["pages"]:
            for lang in ["en", *entry["langs"]]:
                data = mirror.read(f"{snap['commit']}:{project.path(lang, entry['page'])}")
                if data is None:
                    if lang == "en":
                        return None
                    continue
                dst = tmp / materialised(project, lang, entry["page"], as_is)
                dst.parent.mkdir(parents=True, exist_ok=True)
                dst.write_bytes(data)
        (tmp / ".complete").write_text(snap["commit"] + "\n", encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.exists():
            _rmtree(out)
        tmp.rename(out)
        return out
    finally:
        if tmp.exists():
            _rmtree(tmp)


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


class CannotRun(Exception):
    """The checker command cannot be started."""


def command(cmd: str) -> list[str]:
    """The command as argv; a relative path in it is taken from here, as the checks run elsewhere."""
    argv = shlex.split(cmd)
    if argv and "/" in argv[0] and not os.path.isabs(argv[0]):
        argv[0] = os.path.abspath(argv[0])
    return argv


@dataclass
class Run:
    findings: list[dict[str, Any]] = field(default_factory=list)
    note: str | None = None
    seconds: float = 0.0


def check(cmd: list[str], tree: Path, paths: list[str]) -> Run:
    """``CMD <paths> --format json`` in ``tree``; findings with paths relative to it."""
    import time

    t0 = time.monotonic()
    try:
        proc = subprocess.run(
            [*cmd, *paths, "--format", "json"], cwd=tree, capture_output=True, text=True, timeout=TIMEOUT
        )
    except (FileNotFoundError, PermissionError) as e:
        raise CannotRun(f"cannot run {cmd[0]}: {e.strerror or e}") from None
    except subprocess.TimeoutExpired:
        return Run(note=f"timeout after {TIMEOUT} s", seconds=TIMEOUT)
    dt = time.monotonic() - t0
    if proc.returncode not in (0, 1):
        return Run(note=f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}", seconds=dt)
    try:
        out = json.loads(proc.stdout or "[]")
    except ValueError:
        return Run(note="output is not JSON: " + proc.stdout[:200], seconds=dt)
    if isinstance(out, dict):
        out = out.get("findings", [])
    for f in out:
        p = str(f.get("path", "")).replace("\\", "/")
        if os.path.isabs(p):
            p = os.path.relpath(os.path.realpath(p), os.path.realpath(tree)).replace("\\", "/")
        while p.startswith("./"):
            p = p[2:]
        f["path"] = p
    return Run(findings=out, seconds=dt)


def run_all(cmd: str, trees: list[tuple[str, str, Path, list[str]]], jobs: int) -> dict[tuple[str, str], Run]:
    """Check every (project, commit, tree), ``jobs`` at a time."""
    argv = command(cmd)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        runs = pool.map(lambda t: check(argv, t[2], t[3]), trees)
        return {(p, c): r for (p, c, _, _), r in zip(trees, runs, strict=True)}


def _tab() -> defaultdict[str, list[int]]:
    return defaultdict(lambda: [0, 0])


def score(
    project: Project, labels: dict[str, Any], runs: dict[tuple[str, str], Run], as_is: bool = False
) -> dict[str, Any]:
    """Recall by language and type, and every value finding that is not on a stale line."""
    name = project.name
    where: dict[tuple[str, str], str] = {}  # (commit, original path) -> materialised path
    for snap in labels["snapshots"]:
        for entry in snap["pages"]:
            for lang in ["en", *entry["langs"]]:
                page = entry["page"]
                where[(snap["commit"], project.path(lang, page))] = materialised(project, lang, page, as_is)
    checked = {snap["commit"] for snap in labels["snapshots"] if (name, snap["commit"]) in runs}
    value_at: dict[tuple[str, str, int], list[dict[str, Any]]] = defaultdict(list)
    for commit in checked:
        for f in runs[(name, commit)].findings:
            if f.get("kind") in VALUE_KINDS:
                value_at[(commit, f["path"], int(f.get("line") or 0))].append(f)

    def at(commit: str, path: str, line: int) -> tuple[str, str, int]:
        return (commit, where.get((commit, path), path), line)

    by_lang, by_type = _tab(), _tab()
    cases = []
    stale_keys = set()
    for c in labels["cases"]:
        if c["commit"] not in checked:
            continue
        k = at(c["commit"], c["path"], c["line"])
        stale_keys.add(k)
        hit = k in value_at
        for tab, key in ((by_lang, c["lang"]), (by_type, c["type"])):
            tab[key][0] += hit
            tab[key][1] += 1
        cases.append(dict(c, found=hit))
    english = {materialised(project, "en", e["page"], as_is) for snap in labels["snapshots"] for e in snap["pages"]}
    agree_keys, open_keys = set(), set()
    for snap in labels["snapshots"]:
        for path, lines in snap["agree"].items():
            agree_keys.update(at(snap["commit"], path, line) for line in lines)
        for p in snap["open"]:
            open_keys.add(at(snap["commit"], p["path"], p["line"]))
    false_alarms, on_open = [], []
    for k, fs in sorted(value_at.items()):
        if k in stale_keys:
            continue
        for f in fs:
            rec = dict(f, project=name, commit=k[0])
            if k in open_keys:
                on_open.append(rec)
            else:
                rec["on"] = (
                    "agreeing value" if k in agree_keys else ("English page" if k[1] in english else "elsewhere")
                )
                false_alarms.append(rec)
    other = Counter(
        f.get("kind") for c in checked for f in runs[(name, c)].findings if f.get("kind") not in VALUE_KINDS
    )
    notes = [f"{name}@{c[:10]}: {runs[(name, c)].note}" for c in sorted(checked) if runs[(name, c)].note]
    return {
        "project": name,
        "found": sum(c["found"] for c in cases),
        "cases": len(cases),
        "by_lang": dict(by_lang),
        "by_type": dict(by_type),
        "agreeing": len(agree_keys),
        "false_alarms": false_alarms,
        "on_open": on_open,
        "other_kinds": dict(other),
        "notes": notes,
        "case_results": cases,
        "seconds": round(sum(runs[(name, c)].seconds for c in checked), 2),
    }


def fmt_tab(tab: dict[str, list[int]], order: Iterable[str] | None = None) -> str:
    keys = [k for k in order if k in tab] if order else sorted(tab)
    return ", ".join(f"{k} {tab[k][0]}/{tab[k][1]}" for k in keys)


def summary_line(s: dict[str, Any]) -> str:
    fa = len(s["false_alarms"])
    extra = f" (+{len(s['on_open'])} on open disagreements)" if s["on_open"] else ""
    return (
        f"ecosystem: {s['project']} drift {s['found']}/{s['cases']} ({fmt_tab(s['by_lang'])}), "
        f"false alarms {fa}{extra}, agreeing values {s['agreeing']}"
    )


def finding_key(f: dict[str, Any]) -> tuple[str, str, str, int, str]:
    return (f.get("project", ""), f.get("commit", ""), f["path"], int(f.get("line") or 0), str(f.get("kind")))


def diff(
    project: str, new: dict[tuple[str, str], Run], old: dict[tuple[str, str], Run]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Value findings only the new command reports, and only the baseline reports."""

    def value(runs: dict[tuple[str, str], Run]) -> dict[tuple[str, str, str, int, str], dict[str, Any]]:
        out = {}
        for (p, c), r in runs.items():
            if p != project:
                continue
            for f in r.findings:
                if f.get("kind") in VALUE_KINDS:
                    rec = dict(f, project=p, commit=c)
                    out[finding_key(rec)] = rec
        return out

    a, b = value(new), value(old)
    return [a[k] for k in sorted(a.keys() - b.keys())], [b[k] for k in sorted(b.keys() - a.keys())]
