"""The ecosystem check mines stale defaults from git history and scores a checker against them.

A tiny project is built as a real git repository in a temporary folder (pages written here, not
real ones); the checker is a stand-in command printing chosen findings, so the scoring is held
whatever check-docs finds today.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ECOSYSTEM = [sys.executable, str(REPO / "bench" / "ecosystem.py")]

EN = """# Guide

### `port`

**Default:** `4321`

### `host`

**Default:** `'localhost'`

| Option | Default | Description |
| --- | --- | --- |
| `open` | `true` | Open a browser. |
| `base` | `'/'` | The base path. |
"""

DE_STALE = """# Anleitung

### `port`

**Standard:** `3000`

### `host`

**Standard:** `"localhost"`

| Option | Standardwert | Beschreibung |
| --- | --- | --- |
| `open` | `false` | Öffnet einen Browser. |
| `base` | `'/'` | Der Basispfad. |
"""

# the fix: port and open now say what the English page says; a quote-only edit is not a case
DE_FIXED = DE_STALE.replace("`3000`", "`4321`").replace("`false`", "`true`").replace('"localhost"', "'localhost'")


def _git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo.parent),
    }
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, check=True)
    return done.stdout.strip()


def _project(tmp: Path) -> tuple[Path, Path, str]:
    """A bare mirror of a two-commit project, its labels folder, and the stale commit."""
    work = tmp / "work"
    (work / "docs" / "de").mkdir(parents=True)
    _git(work, "init", "-q", "-b", "main")
    (work / "docs" / "guide.md").write_text(EN, encoding="utf-8")
    (work / "docs" / "de" / "guide.md").write_text(DE_STALE, encoding="utf-8")
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "-m", "pages")
    stale = _git(work, "rev-parse", "HEAD")
    (work / "docs" / "de" / "guide.md").write_text(DE_FIXED, encoding="utf-8")
    _git(work, "commit", "-q", "-am", "de: follow the English page")
    mirrors = tmp / "mirrors"
    mirrors.mkdir()
    _git(tmp, "clone", "-q", "--bare", str(work), str(mirrors / "example+guide" / "repo"))
    labels = tmp / "labels"
    labels.mkdir()
    projects = {
        "projects": [
            {"name": "guide", "repo": "example/guide", "root": "docs", "layout": "root", "langs": {"de": ""}},
        ]
    }
    (labels / "projects.json").write_text(json.dumps(projects), encoding="utf-8")
    return mirrors, labels, stale


def _checker(tmp: Path, name: str, findings: list[dict[str, object]]) -> str:
    """A stand-in checker: prints ``findings`` as check-docs' JSON, whatever it is asked."""
    script = tmp / f"{name}.py"
    script.write_text(f"import json\nprint(json.dumps({findings!r}))\nraise SystemExit(1)\n", encoding="utf-8")
    return f"{sys.executable} {script}"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ECOSYSTEM, *args], capture_output=True, text=True, timeout=120, check=False, env={**os.environ, **(env or {})}
    )


def _line(text: str, needle: str) -> int:
    return text.split("\n").index(next(x for x in text.split("\n") if needle in x)) + 1


def test_mines_the_parent_of_a_fix_as_stale_and_keeps_labels_only(tmp_path: Path) -> None:
    mirrors, labels, stale = _project(tmp_path)
    done = _run("mine", "--mirrors", str(mirrors), "--labels", str(labels))
    assert done.returncode == 0, done.stderr

    mined = json.loads((labels / "guide.json").read_text(encoding="utf-8"))
    cases = {(c["commit"], c["path"], c["line"]): c for c in mined["cases"]}
    assert set(cases) == {
        (stale, "docs/de/guide.md", _line(DE_STALE, "`3000`")),
        (stale, "docs/de/guide.md", _line(DE_STALE, "`false`")),
    }
    port = cases[(stale, "docs/de/guide.md", _line(DE_STALE, "`3000`"))]
    assert (port["option"], port["english_value"], port["stale_value"], port["type"]) == (
        "port",
        "4321",
        "3000",
        "number",
    )
    opened = cases[(stale, "docs/de/guide.md", _line(DE_STALE, "`false`"))]
    assert (opened["option"], opened["type"], opened["lang"]) == ("open", "boolean", "de")
    snap = next(s for s in mined["snapshots"] if s["commit"] == stale)
    # the quoted host and the base path agree with the English page: agreeing values, not cases
    assert snap["agree"] == {"docs/de/guide.md": [_line(DE_STALE, "localhost"), _line(DE_STALE, "`base`")]}
    assert snap["pages"] == [{"page": "guide.md", "langs": ["de"]}]
    text = json.dumps(mined)
    assert "Anleitung" not in text and "Basispfad" not in text  # no page content in the labels


def test_scores_hits_false_alarms_and_the_difference_to_a_baseline(tmp_path: Path) -> None:
    mirrors, labels, _ = _project(tmp_path)
    assert _run("mine", "--mirrors", str(mirrors), "--labels", str(labels)).returncode == 0
    page = "docs/de/guide.md"
    port, host = _line(DE_STALE, "`3000`"), _line(DE_STALE, "localhost")
    new = _checker(
        tmp_path,
        "new",
        [
            {"path": page, "line": port, "kind": "value-drift", "message": "port"},
            {"path": page, "line": host, "kind": "value-drift", "message": "host"},
            {"path": page, "line": 1, "kind": "outdated", "message": "older"},
        ],
    )
    old = _checker(tmp_path, "old", [{"path": page, "line": host, "kind": "stale-default", "message": "host"}])
    report = tmp_path / "report.json"
    done = _run(
        "--mirrors",
        str(mirrors),
        "--labels",
        str(labels),
        "--check-docs",
        new,
        "--baseline-cmd",
        old,
        "--json",
        str(report),
        env={"ECOSYSTEM_CACHE": str(tmp_path / "cache")},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # the labels pin the stale parent (port found, open missed, host and base agree) and the head
    # (all four agree): the same findings at both make 1 hit and 3 false alarms
    assert "ecosystem: guide drift 1/2 (de 1/2), false alarms 3, agreeing values 6" in lines
    assert "recall by type: number 1/1, boolean 0/1" in lines
    assert "vs baseline: drift 0 -> 1, false alarms 2 -> 3; value findings +4 -2" in lines
    (result,) = json.loads(report.read_text(encoding="utf-8"))
    assert {f["on"] for f in result["false_alarms"]} == {"agreeing value"}
    assert result["other_kinds"] == {"outdated": 2}
    assert {(c["line"], c["found"]) for c in result["case_results"]} == {
        (port, True),
        (_line(DE_STALE, "`false`"), False),
    }
    assert lines[-1].startswith("ecosystem: all drift 1/2, false alarms 3, 2 commits checked")


def test_without_mirrors_it_says_skipped_in_one_line(tmp_path: Path) -> None:
    done = _run("--mirrors", str(tmp_path / "absent"), env={"ECOSYSTEM_MIRRORS": ""})
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        "ecosystem: skipped (no git mirrors: pass --mirrors DIR or set ECOSYSTEM_MIRRORS)"
    ]


def test_a_checker_that_cannot_start_is_one_line_and_exit_2(tmp_path: Path) -> None:
    mirrors, labels, _ = _project(tmp_path)
    assert _run("mine", "--mirrors", str(mirrors), "--labels", str(labels)).returncode == 0
    done = _run(
        "--mirrors",
        str(mirrors),
        "--labels",
        str(labels),
        "--check-docs",
        str(tmp_path / "no-such-checker"),
        env={"ECOSYSTEM_CACHE": str(tmp_path / "cache")},
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"ecosystem: cannot run {tmp_path / 'no-such-checker'}: No such file or directory"
    ]


WALKER = """import json, os, sys
root = sys.argv[1]
out = []
for folder, _, files in os.walk(root):
    for name in files:
        path = os.path.join(folder, name).replace(os.sep, "/")
        line = {line} if "/de/" in path else 5
        out.append({{"path": path, "line": line, "kind": "value-drift", "message": "seen"}})
print(json.dumps(out))
"""


def test_pages_are_checked_in_docs_lang_folders_or_at_their_own_paths(tmp_path: Path) -> None:
    mirrors, labels, _ = _project(tmp_path)
    assert _run("mine", "--mirrors", str(mirrors), "--labels", str(labels)).returncode == 0
    script = tmp_path / "walker.py"
    script.write_text(WALKER.format(line=_line(DE_STALE, "`3000`")), encoding="utf-8")
    seen = {}
    for mode in ([], ["--as-is"]):
        report = tmp_path / f"report{len(mode)}.json"
        args = ["--mirrors", str(mirrors), "--labels", str(labels), "--check-docs", f"{sys.executable} {script}"]
        done = _run(*args, *mode, "--json", str(report), env={"ECOSYSTEM_CACHE": str(tmp_path / "cache")})
        assert done.returncode == 0, done.stderr
        (result,) = json.loads(report.read_text(encoding="utf-8"))
        assert result["found"] == 1
        seen[bool(mode)] = {(f["path"], f["on"]) for f in result["false_alarms"]}
    # the English page: docs/en/guide.md in the checked layout, docs/guide.md where the project keeps
    # it; at the head the German port line agrees with it
    assert seen[False] == {("docs/en/guide.md", "English page"), ("docs/de/guide.md", "agreeing value")}
    assert seen[True] == {("docs/guide.md", "English page"), ("docs/de/guide.md", "agreeing value")}
