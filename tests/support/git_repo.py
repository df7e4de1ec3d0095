"""Temporary git repositories holding a copy of our docs, for the translation status and diff tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def git(repo: Path, *args: str, date: datetime | None = None) -> str:
    """Run git in ``repo`` as a fixed test identity; ``date`` sets both commit dates."""
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Docs Test",
        "GIT_AUTHOR_EMAIL": "docs@example.invalid",
        "GIT_COMMITTER_NAME": "Docs Test",
        "GIT_COMMITTER_EMAIL": "docs@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if date is not None:
        environment["GIT_AUTHOR_DATE"] = environment["GIT_COMMITTER_DATE"] = date.isoformat()
    done = subprocess.run(["git", *args], cwd=repo, env=environment, capture_output=True, text=True, check=True)
    return done.stdout


def docs_repository(target: Path, date: datetime) -> Path:
    """``target`` as a git repository whose one commit (at ``date``) holds a copy of our ``docs/``."""
    shutil.copytree(REPO / "docs", target / "docs")
    git(target, "init", "-q", "-b", "main")
    commit_all(target, "docs as they are", date)
    return target


def commit_all(repo: Path, message: str, date: datetime) -> str:
    """Commit every change in ``repo``; the new commit's hash."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD").strip()


def first_paragraph_line(text: str) -> str:
    """The first line of prose after the page's title: a paragraph a writer would edit."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("# "))
    return next(
        line
        for line in lines[start + 1 :]
        if line.strip() and not line.startswith(("#", "|", "```", "{{", "!!!", "-", " ")) and "{{" not in line
    )
