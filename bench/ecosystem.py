"""Ecosystem check: check-docs on pinned commits of real projects' translated docs.

    python bench/ecosystem.py [--mirrors DIR] [--check-docs CMD] [--baseline-cmd CMD2] [--json OUT]
    python bench/ecosystem.py mine [--mirrors DIR] [--project NAME ...]

Like mypy_primer or ruff's ecosystem check: the labels in bench/ecosystem/<project>.json were
mined from each project's git history (a commit that changes a translation's stated default to
the English page's value makes its parent a stale case), and the run scores a check-docs
command's value findings against them: recall per project, language and value type, false
alarms, and the findings that differ from a baseline command. Git mirrors are read from disk
(``--mirrors`` or ``ECOSYSTEM_MIRRORS``); nothing is fetched. Without them it says "skipped".
Exit 0 (results are results), 2 when the command cannot be started.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from ecosystem_git import Mirror, find_mirror
from ecosystem_projects import HERE, Project, checked, load
from ecosystem_score import TYPES, CannotRun, cache_root, diff, fmt_tab, materialise, run_all, score, summary_line

LABELS = HERE / "ecosystem"


def labels_path(project: Project) -> Path:
    return LABELS / f"{project.name}.json"


def _use_labels(folder: str | None) -> None:
    """Read projects.json and the labels from another folder (the tests' synthetic project)."""
    global LABELS
    if folder:
        LABELS = Path(folder)


def _mirrors(arg: str | None) -> Path | None:
    value = arg or os.environ.get("ECOSYSTEM_MIRRORS")
    return Path(value) if value and Path(value).is_dir() else None


def _selected(names: list[str] | None) -> list[Project]:
    projects = load(LABELS / "projects.json")
    if names:
        unknown = set(names) - {p.name for p in projects}
        if unknown:
            raise SystemExit("ecosystem: unknown project(s): " + ", ".join(sorted(unknown)))
        projects = [p for p in projects if p.name in names]
    return projects


def cmd_mine(a: argparse.Namespace, mirrors: Path) -> int:
    from ecosystem_mine import mine

    for project in _selected(a.project):
        git_dir = find_mirror(mirrors, project.repo)
        if git_dir is None:
            print(f"ecosystem: {project.name} skipped (no mirror of {project.repo} under {mirrors})")
            continue
        t0 = time.monotonic()
        mirror = Mirror(git_dir)
        try:
            result = mine(project, mirror)
        finally:
            mirror.close()
        result["licence"] = project.licence
        labels_path(project).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        n_agree = sum(len(v) for s in result["snapshots"] for v in s["agree"].values())
        print(
            f"mined {project.name}: {len(result['cases'])} stale cases at {len(result['snapshots']) - 1} commits "
            f"(+ head), {n_agree} agreeing values, {time.monotonic() - t0:.0f} s -> {labels_path(project)}"
        )
    return 0


def _trees(
    projects: list[Project], mirrors: Path, cache: Path, as_is: bool
) -> tuple[list[tuple[str, str, Path, list[str]]], dict[str, Any]]:
    trees, labels = [], {}
    for project in projects:
        if not labels_path(project).is_file():
            print(f"ecosystem: {project.name} skipped (no labels: run `python bench/ecosystem.py mine`)")
            continue
        git_dir = find_mirror(mirrors, project.repo)
        if git_dir is None:
            print(f"ecosystem: {project.name} skipped (no mirror of {project.repo} under {mirrors})")
            continue
        labels[project.name] = json.loads(labels_path(project).read_text(encoding="utf-8"))
        mirror = Mirror(git_dir)
        try:
            for snap in labels[project.name]["snapshots"]:
                tree = materialise(mirror, project, snap, cache, as_is)
                if tree is None:
                    print(f"ecosystem: {project.name}@{snap['commit'][:10]} skipped (not in the mirror)")
                else:
                    roots = [r for r in checked(project, as_is) if (tree / r).is_dir()]
                    trees.append((project.name, snap["commit"], tree, roots))
        finally:
            mirror.close()
    return trees, labels


def _show(f: dict[str, Any]) -> str:
    return f"  {f['project']}@{f['commit'][:10]} {f['path']}:{f.get('line')} {f.get('kind')}: {f.get('message', '')}"


def cmd_run(a: argparse.Namespace, mirrors: Path) -> int:
    projects = _selected(a.project)
    cache = Path(a.cache) if a.cache else cache_root()
    t0 = time.monotonic()
    trees, labels = _trees(projects, mirrors, cache, a.as_is)
    runs = run_all(a.check_docs, trees, a.jobs)
    base = run_all(a.baseline_cmd, trees, a.jobs) if a.baseline_cmd else None
    results, lines = [], []
    for project in projects:
        if project.name not in labels:
            continue
        s = score(project, labels[project.name], runs, a.as_is)
        results.append(s)
        print(f"== {project.name} ({project.repo}): {len(labels[project.name]['snapshots'])} commits, {s['seconds']} s")
        print("recall by language: " + (fmt_tab(s["by_lang"]) or "-"))
        print("recall by type: " + (fmt_tab(s["by_type"], TYPES) or "-"))
        kinds = {}
        for f in s["false_alarms"]:
            kinds[f["on"]] = kinds.get(f["on"], 0) + 1
        print(
            f"false alarms: {len(s['false_alarms'])} ("
            + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "-")
            + f"); on open disagreements (unlabelled, likely real): {len(s['on_open'])}"
        )
        print("other findings: " + (", ".join(f"{k} {v}" for k, v in sorted(s["other_kinds"].items())) or "none"))
        for n in s["notes"]:
            print("note: " + n)
        if base is not None:
            s_base = score(project, labels[project.name], base, a.as_is)
            added, removed = diff(project.name, runs, base)
            s["baseline"] = {
                "found": s_base["found"],
                "false_alarms": len(s_base["false_alarms"]),
                "added": added,
                "removed": removed,
            }
            print(
                f"vs baseline: drift {s_base['found']} -> {s['found']}, false alarms "
                f"{len(s_base['false_alarms'])} -> {len(s['false_alarms'])}; "
                f"value findings +{len(added)} -{len(removed)}"
            )
            for n in s_base["notes"]:
                print("note (baseline): " + n)
            for f in added[: a.show]:
                print("+" + _show(f))
            for f in removed[: a.show]:
                print("-" + _show(f))
        lines.append(summary_line(s))
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    hits, total = sum(s["found"] for s in results), sum(s["cases"] for s in results)
    fas = sum(len(s["false_alarms"]) for s in results)
    for line in lines:
        print(line)
    print(
        f"ecosystem: all drift {hits}/{total}, false alarms {fas}, "
        f"{len(trees)} commits checked in {time.monotonic() - t0:.1f} s"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", nargs="?", choices=["run", "mine"], default="run")
    ap.add_argument("--mirrors", help="folder of bare git mirrors (default: $ECOSYSTEM_MIRRORS)")
    ap.add_argument("--project", action="append", help="only this project (repeatable)")
    ap.add_argument("--check-docs", default="check-docs", help="checker command (default: check-docs)")
    ap.add_argument("--baseline-cmd", help="a second checker command to compare findings with")
    ap.add_argument("--json", metavar="OUT", help="write per-case results and every false alarm here")
    ap.add_argument("--jobs", type=int, default=2, help="checker runs at once (default 2)")
    ap.add_argument("--cache", help="where materialised trees are kept (default: $ECOSYSTEM_CACHE or ~/.cache)")
    ap.add_argument("--show", type=int, default=20, help="changed findings listed per project (default 20)")
    ap.add_argument(
        "--as-is", action="store_true", help="check pages at their own paths (the project's layout), not docs/<lang>/"
    )
    ap.add_argument("--labels", help="folder of projects.json and the mined labels (default: bench/ecosystem)")
    a = ap.parse_args(argv)
    _use_labels(a.labels)
    mirrors = _mirrors(a.mirrors)
    if mirrors is None:
        print("ecosystem: skipped (no git mirrors: pass --mirrors DIR or set ECOSYSTEM_MIRRORS)")
        return 0
    if a.action == "mine":
        return cmd_mine(a, mirrors)
    try:
        return cmd_run(a, mirrors)
    except CannotRun as e:
        print(f"ecosystem: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
