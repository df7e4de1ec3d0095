"""mkdocs serve reads the docs' git history once per commit, not at every rebuild: a save changes
no history, a commit does (the site's status page and notices then read it again)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.support.git_repo import commit_all, git
from transdocs.site.build import SiteBuild
from transdocs.tools.history import GitHistory

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
FIRST, SECOND = datetime(2026, 2, 10, 8, 0, tzinfo=UTC), datetime(2026, 5, 20, 14, 45, tzinfo=UTC)


def _site_build() -> SiteBuild:
    return SiteBuild(lambda: pytest.fail("the site values are not read to open history"))


def _config(docs: Path) -> Any:
    return SimpleNamespace(docs_dir=str(docs))  # the one field history needs


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    page = tmp_path / "docs" / "en" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Home\n\nFirst.\n", encoding="utf-8")
    commit_all(tmp_path, "first", FIRST)
    return tmp_path / "docs"


def test_history_is_read_again_only_after_a_commit(docs: Path) -> None:
    site, config, page = _site_build(), _config(docs), docs / "en" / "index.md"
    first = site._history(config)
    assert first is not None and len(first.versions(page)) == 1
    page.write_text("# Home\n\nSaved, not committed.\n", encoding="utf-8")
    assert site._history(config) is first  # the same commit: what was read holds
    commit_all(docs.parent, "second", SECOND)
    after = site._history(config)
    assert after is not None and after is not first
    assert [version.date for version in after.versions(page)] == [SECOND, FIRST]


def test_a_repository_without_commits_and_a_folder_outside_git(tmp_path: Path) -> None:
    outside = tmp_path / "outside" / "docs"
    outside.mkdir(parents=True)
    assert _site_build()._history(_config(outside)) is None  # translation_status says why
    git(tmp_path / "outside", "init", "-q", "-b", "main")
    site = _site_build()
    opened = site._history(_config(outside))
    assert isinstance(opened, GitHistory) and opened.head() is None
    assert site._history(_config(outside)) is not opened  # no commit to keep it for
