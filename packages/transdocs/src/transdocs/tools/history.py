"""The versions of a page in git history, read through the ``git`` command.

Every contributor has ``git``; reading history through it (instead of a library)
sees exactly what they see, including worktrees and shallow clones. One ``git log``
lists the versions of every page under a folder, and one ``git cat-file --batch``
reads the texts asked for, so a status of a whole docs tree costs two processes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

_TIMEOUT = 120  # seconds; a git that takes longer is reported, never waited on forever
_DELETED = "0" * 40
# Paths are NUL-separated (-z), never quoted; pathspecs are literal (a folder named "*" is a name);
# nothing the repository's configuration names is run (no fsmonitor hook).
_OPTIONS = ("--literal-pathspecs", "-c", "core.quotepath=false", "-c", "core.fsmonitor=false")


class HistoryUnavailable(Exception):
    """Git history cannot be read here (no git, not a repository, git failed): one line why."""


@dataclass(frozen=True)
class Version:
    """One commit that changed a page, and the page's content (blob) after it."""

    commit: str
    date: datetime  # committer date: when the change landed
    subject: str
    blob: str

    @property
    def short(self) -> str:
        return self.commit[:7]


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise HistoryUnavailable("git is not installed (it reads the English pages' history); install git")
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            [git, *_OPTIONS, *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            timeout=_TIMEOUT,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise HistoryUnavailable(f"git {args[0]} took more than {_TIMEOUT} s in {cwd}") from None
    except OSError as exc:
        raise HistoryUnavailable(f"cannot run git ({exc.strerror or exc})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = message[0].removeprefix("fatal: ") if message else f"exit status {done.returncode}"
        raise HistoryUnavailable(f"git {args[0]} failed in {cwd}: {first}")
    return done.stdout


def _changes(out: bytes) -> list[tuple[Version, str]]:
    """(version, path) for each file a commit changed, from ``git log -z --raw``.

    Fields are NUL-separated: a commit's hash, date and subject (which may hold any byte but
    NUL), then for each file its ``:modes hashes status`` line and its path. Paths are read as
    the file system names them (non-UTF-8 bytes kept as ``surrogateescape``).
    """
    fields = out.split(b"\0")
    changes: list[tuple[Version, str]] = []
    commit: Version | None = None
    index = 0
    while index < len(fields):
        field = fields[index].lstrip(b"\n")
        if field.startswith(b":") and commit is not None and index + 1 < len(fields):
            blob = field.split()[3].decode("ascii")
            if blob != _DELETED:
                changes.append((replace(commit, blob=blob), os.fsdecode(fields[index + 1])))
            index += 2
        elif field and index + 2 < len(fields):
            date, subject = fields[index + 1].decode("ascii"), fields[index + 2].decode("utf-8", "replace")
            commit = Version(field.decode("ascii"), datetime.fromisoformat(date), subject, "")
            index += 3
        else:
            index += 1
    return changes


class GitHistory:
    """The history of the git repository that holds a folder."""

    def __init__(self, top: Path, shallow: bool, scope: Path | None = None) -> None:
        self.top = top
        self.shallow = shallow  # a shallow clone: older versions are missing
        self.scope = scope  # read the versions of all pages under it at the first need
        self._versions: dict[Path, list[Version]] = {}
        self._texts: dict[str, str] = {}
        self._loaded: set[Path] = set()  # folders (or files) whose versions are all read

    @classmethod
    def of(cls, path: Path) -> GitHistory:
        """The repository holding ``path``; :class:`HistoryUnavailable` when there is none.

        When ``path`` is a folder, the first page asked about has the versions of every
        page under it read in the same ``git log``.
        """
        folder = path if path.is_dir() else path.parent
        folder = folder.resolve()
        if not folder.is_dir():
            raise HistoryUnavailable(f"{path}: no such folder")
        try:
            out = _git(["rev-parse", "--show-toplevel", "--is-shallow-repository"], folder)
        except HistoryUnavailable as exc:
            if "not a git repository" in str(exc):
                raise HistoryUnavailable(f"{path} is not in a git repository, so its history is unknown") from None
            raise
        top, shallow = os.fsdecode(out).splitlines()[:2]
        return cls(Path(top).resolve(), shallow.strip() == "true", folder if path.is_dir() else None)

    def head(self) -> str | None:
        """The commit HEAD is at now; None before the first commit or when git cannot say.

        What was read from history stays true while HEAD is the same commit: a long-lived
        reader (``mkdocs serve``) asks this one cheap question instead of reading history again.
        """
        try:
            out = _git(["rev-parse", "-q", "--verify", "HEAD"], self.top)
        except HistoryUnavailable:
            return None
        return os.fsdecode(out).strip() or None

    def _relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.top).as_posix()
        except ValueError:
            raise HistoryUnavailable(f"{path} is outside the git repository {self.top}") from None

    def load(self, folder: Path) -> None:
        """Read the versions of every file under ``folder`` with one ``git log``."""
        relative = self._relative(folder)
        out = _git(
            ["log", "-z", "--no-renames", "--raw", "--no-abbrev", "--format=%H%x00%cI%x00%s", "--", relative or "."],
            self.top,
        )
        found: dict[Path, list[Version]] = {}
        for version, name in _changes(out):
            found.setdefault(self.top / name, []).append(version)
        self._versions.update(found)
        self._loaded.add(self.top / relative)

    def versions(self, path: Path) -> list[Version]:
        """Commits that changed ``path``, newest first, each with the page's content after it."""
        resolved = path.resolve()
        if not any(folder == resolved or folder in resolved.parents for folder in self._loaded):
            in_scope = self.scope is not None and self.scope in resolved.parents
            self.load(self.scope if self.scope is not None and in_scope else resolved)
        return self._versions.get(resolved, [])

    def texts(self, blobs: Iterable[str]) -> dict[str, str]:
        """The UTF-8 text of each blob, read with one ``git cat-file --batch``."""
        wanted = [blob for blob in dict.fromkeys(blobs) if blob not in self._texts]
        if wanted:
            out = _git(["cat-file", "--batch"], self.top, "".join(f"{b}\n" for b in wanted).encode())
            position = 0
            for blob in wanted:
                end = out.index(b"\n", position)
                header = out[position:end].split()
                if len(header) < 3 or header[1] != b"blob":
                    raise HistoryUnavailable(f"git cat-file: {blob} is not a blob")
                size = int(header[2])
                self._texts[blob] = out[end + 1 : end + 1 + size].decode("utf-8", "replace")
                position = end + 1 + size + 1
        return {blob: self._texts[blob] for blob in blobs}
