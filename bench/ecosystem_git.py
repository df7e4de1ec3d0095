"""Read-only access to a bare git mirror: history of a folder, files at a commit, blobs.

One long-lived ``git cat-file --batch`` per mirror, so mining thousands of page versions costs
no process per file.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


def find_mirror(mirrors: Path, repo: str) -> Path | None:
    """The git dir of ``owner/name`` under ``mirrors`` (``owner+name/repo``, ``owner+name``, ``name.git``)."""
    owner, name = repo.split("/")
    for cand in (
        mirrors / f"{owner}+{name}" / "repo",
        mirrors / f"{owner}+{name}",
        mirrors / f"{owner}+{name}.git",
        mirrors / f"{name}.git",
        mirrors / name,
    ):
        if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    return None


@dataclass
class Change:
    commit: str
    parent: str
    date: str
    path: str
    old_blob: str
    new_blob: str


@dataclass
class Mirror:
    git_dir: Path
    _batch: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def git(self, *args: str) -> str:
        return subprocess.run(
            ["git", "--git-dir", str(self.git_dir), *args],
            capture_output=True,
            check=True,
            env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1"},
        ).stdout.decode("utf-8", "replace")

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def changes(self, roots: list[str], since: str | None = None) -> list[Change]:
        """Modified files under ``roots`` in every non-merge commit, newest first."""
        args = ["log", "--no-merges", "--no-renames", "--raw", "--no-abbrev", "--format=@%H %P|%cI"]
        if since:
            args.append("--since=" + since)
        out = self.git(*args, "HEAD", "--", *roots)
        result: list[Change] = []
        commit = parent = date = ""
        for line in out.splitlines():
            if line.startswith("@"):
                head, date = line[1:].split("|", 1)
                parts = head.split()
                commit, parent = parts[0], (parts[1] if len(parts) > 1 else "")
            elif line.startswith(":") and parent:
                meta, path = line.split("\t", 1)
                f = meta.split()
                if f[4] == "M":
                    result.append(Change(commit, parent, date[:10], path, f[2], f[3]))
        return result

    def _cat(self) -> subprocess.Popen[bytes]:
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "--git-dir", str(self.git_dir), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        return self._batch

    def read(self, spec: str) -> bytes | None:
        """A blob by id or ``commit:path``; None when it does not exist."""
        p = self._cat()
        assert p.stdin and p.stdout
        p.stdin.write(spec.encode() + b"\n")
        p.stdin.flush()
        header = p.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            if len(header) == 3:
                p.stdout.read(int(header[2]) + 1)
            return None
        data = p.stdout.read(int(header[2]))
        p.stdout.read(1)
        return data

    def files(self, commit: str, roots: list[str]) -> list[str]:
        return [x for x in self.git("ls-tree", "-r", "--name-only", commit, "--", *roots).splitlines() if x]

    def close(self) -> None:
        if self._batch is not None:
            if self._batch.stdin:
                self._batch.stdin.close()
            self._batch.wait()
            self._batch = None
