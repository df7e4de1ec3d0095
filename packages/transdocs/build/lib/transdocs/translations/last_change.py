"""When each page last changed in git, for trees whose translations were never stamped.

A project that does not record ``source_hash`` in its translations still keeps them in
git: a translation is outdated when its English page was committed after the
translation's last commit. One ``git log -z --name-only`` lists the changes of every
page under the tree's common folder, newest first, and is read only until every page
asked about has been seen. File names are split at NUL bytes, so no name (spaces,
tabs, newlines, quotes, non-ASCII) is misread. A page changed in the working tree
and not committed yet is newer than any commit. No git, or no repository: nothing is
known, and no page is called outdated.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_TIMEOUT = 60  # seconds for the whole log: beyond it, what was read so far is what is known
_HEADER = "\x1e"  # starts each commit's line; git never writes it in a file name it lists with -z
_CHUNK = 1 << 16


@dataclass(frozen=True, order=True)
class Change:
    """The newest change of one page: ``age`` 0 is the working tree, then 1, 2... for commits, newest first."""

    age: int
    commit: str = ""  # short hash; empty for a change not committed yet
    date: str = ""  # committer date, YYYY-MM-DD

    def describe(self) -> str:
        return f"{self.commit}, {self.date}" if self.commit else "not committed yet"


# Nothing a repository's own configuration names is run: no fsmonitor hook, no external diff
# or text conversion driver, no signature program.
_SAFE = ("-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false")


def _git() -> str | None:
    return shutil.which("git")


def _run(git: str, args: list[str], cwd: Path) -> bytes | None:
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            [git, *_SAFE, *args], cwd=cwd, capture_output=True, timeout=_TIMEOUT, env=environment, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _top(git: str, folder: Path) -> Path | None:
    out = _run(git, ["rev-parse", "--show-toplevel"], folder)
    if not out:
        return None
    return Path(out.decode("utf-8", "surrogateescape").rstrip("\n")).resolve()


def _names(out: bytes) -> list[str]:
    return [name for name in out.decode("utf-8", "surrogateescape").split("\0") if name]


def _log(git: str, top: Path, scope: str, wanted: set[str], found: dict[str, Change]) -> None:
    """Read ``git log`` newest first until every wanted name has its newest commit."""
    args = [git, *_SAFE, "log", "-z", "--no-renames", "--no-show-signature", "--name-only"]
    args += [f"--format={_HEADER}%h %cs", "--", scope]
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        process = subprocess.Popen(args, cwd=top, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment)
    except OSError:
        return
    assert process.stdout is not None
    age, commit, date = 0, "", ""
    rest = b""
    deadline = time.monotonic() + _TIMEOUT
    try:
        while wanted - found.keys() and time.monotonic() < deadline:
            chunk = process.stdout.read(_CHUNK)
            if not chunk:
                break
            *fields, rest = (rest + chunk).split(b"\0")
            for raw in fields:
                field = raw.decode("utf-8", "surrogateescape")
                if field.startswith("\n"):
                    field = field[1:]  # the first name after a commit's line
                if field.startswith(_HEADER):
                    age += 1
                    commit, _, date = field[1:].partition(" ")
                elif field and field in wanted and field not in found:
                    found[field] = Change(age, commit, date)
    finally:
        process.kill()
        process.wait()


def last_changes(paths: Iterable[Path]) -> dict[Path, Change]:
    """The newest change of each page that git knows of (pages it does not know are left out)."""
    given = {Path(os.path.abspath(p)): p for p in paths}  # answers are keyed by the paths as given
    pages = list(given)
    git = _git()
    if git is None or not pages:
        return {}
    common = Path(os.path.commonpath([str(p.parent) for p in pages]))
    while not common.is_dir() and common != common.parent:
        common = common.parent
    top = _top(git, common)
    if top is None:
        return {}
    relative: dict[str, Path] = {}
    for page in pages:
        try:
            relative[page.resolve().relative_to(top).as_posix()] = page
        except ValueError:
            continue  # outside the repository
    scope = common.resolve().relative_to(top).as_posix() if common.resolve() != top else "."
    found: dict[str, Change] = {}
    changed = _run(git, ["diff", "-z", "--no-ext-diff", "--no-textconv", "--name-only", "HEAD", "--", scope], top)
    for name in _names(changed or b""):
        if name in relative:
            found[name] = Change(0)
    _log(git, top, scope, set(relative), found)
    return {given[relative[name]]: change for name, change in found.items()}
