"""The translator tools on names git quotes, hostile commit subjects, and as standalone commands.

Each test builds a real git repository in tmp: English pages named ``a"b.md``, with a
backslash, a tab, a newline or bytes that are not UTF-8; a commit subject holding the
record separator ``\\x1e``. translation-diff must find the version each translation was
stamped from; translation-status must list them. The standalone ``translation-status`` and
``translation-diff`` exist (check-docs' outdated finding names them) and read ``paths`` from
``[tool.check-docs]``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.git_repo import commit_all, git
from transdocs.cli import EXIT_FINDINGS, EXIT_OK
from transdocs.tools.history import GitHistory
from transdocs.translations.hash_stamp import stamped

TRANSLATED_ON = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
CHANGED_ON = datetime(2026, 4, 15, 16, 5, tzinfo=UTC)
BIN = Path(sys.executable).parent
ENGLISH = "# Title\n\nThe first paragraph says one thing.\n\n## Part\n\nThe second paragraph.\n"
FRENCH = "# Titre\n\nLe premier paragraphe dit une chose.\n\n## Partie\n\nLe second paragraphe.\n"
# Names git quotes in its default output; the last is not UTF-8 (Latin-1 "café").
NAMES = [b'a"b.md', b"back\\slash.md", b"t\tab.md", b"new\nline.md", b"caf\xe9.md", b"*.md"]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _tool(name: str, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / name), *map(str, args)]
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, errors="surrogateescape", timeout=120, check=False
    )


def _path(folder: Path, name: bytes) -> Path:
    return folder / os.fsdecode(name)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """English pages with hostile names and their stamped French translations, then an English edit."""
    root = tmp_path / "repo"
    (root / "docs" / "en").mkdir(parents=True)
    (root / "docs" / "fr").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    for name in NAMES:
        _path(root / "docs" / "en", name).write_text(ENGLISH, encoding="utf-8")
        _path(root / "docs" / "fr", name).write_text(stamped(FRENCH, ENGLISH), encoding="utf-8")
    commit_all(root, "docs \x1e with a record separator \x1f and a unit separator", TRANSLATED_ON)
    for name in NAMES:
        _path(root / "docs" / "en", name).write_text(ENGLISH.replace("one thing", "another thing"), encoding="utf-8")
    commit_all(root, "\x1e", CHANGED_ON)
    return root


@pytest.mark.parametrize("name", NAMES, ids=[n.decode("latin-1") for n in NAMES])
def test_translation_diff_finds_the_stamped_version_of_a_quoted_name(repo: Path, name: bytes) -> None:
    page = _path(Path("docs") / "fr", name)
    done = _tool("translation-diff", "--format", "json", page, cwd=repo)
    assert done.returncode == EXIT_FINDINGS, done.stderr
    assert "Traceback" not in done.stderr
    data = json.loads(done.stdout)
    assert data["state"] == "outdated"
    assert data["translated_version"]["subject"] == "docs \x1e with a record separator \x1f and a unit separator"
    assert data["since"]["subject"] == "\x1e"
    assert data["lines_changed"] == 1


def test_history_reads_names_and_subjects_as_git_stores_them(repo: Path) -> None:
    history = GitHistory.of(repo / "docs")
    for name in NAMES:
        versions = history.versions(_path(repo / "docs" / "en", name))
        assert [v.subject for v in versions] == ["\x1e", "docs \x1e with a record separator \x1f and a unit separator"]
        assert [v.date for v in versions] == [CHANGED_ON, TRANSLATED_ON]


def test_translation_status_lists_quoted_names_outdated(repo: Path) -> None:
    done = _tool("translation-status", "--format", "json", "docs", cwd=repo)
    assert done.returncode == EXIT_OK, done.stderr
    data = json.loads(done.stdout)
    states = {page["page"]: page["translations"]["fr"]["state"] for page in data["pages"]}
    assert len(states) == len(NAMES)
    assert set(states.values()) == {"outdated"}


def test_translation_status_reads_paths_from_the_configuration(repo: Path) -> None:
    (repo / "docs").rename(repo / "site-docs")
    (repo / "pyproject.toml").write_text('[tool.check-docs]\npaths = ["site-docs"]\n', encoding="utf-8")
    done = _tool("translation-status", "--format", "json", cwd=repo)
    assert done.returncode == EXIT_OK, done.stderr
    assert json.loads(done.stdout)["docs"] == "site-docs"


def test_the_commands_check_docs_names_exist_and_work(repo: Path) -> None:
    done = _tool("check-docs", "docs", cwd=repo)
    outdated = [line for line in done.stdout.splitlines() if " outdated " in line]
    assert len(outdated) == len(NAMES)
    first = outdated[0]
    diff_command = first.split("see what changed: ")[1].split(";")[0]
    stamp_command = first.split("then run: ")[1]
    program, page = diff_command.split(" ", 1)
    assert program == "translation-diff"
    assert _tool(program, page, cwd=repo).returncode == EXIT_FINDINGS
    program, page = stamp_command.split(" ", 1)
    assert program == "stamp-translation"
    assert _tool(program, page, cwd=repo).returncode == EXIT_OK
    assert _tool("translation-diff", page, cwd=repo).returncode == EXIT_OK


def test_up_to_date_counts_are_singular_for_one(tmp_path: Path) -> None:
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "fr").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "docs" / "fr" / "index.md").write_text(stamped(FRENCH, ENGLISH), encoding="utf-8")
    done = _tool("translation-status", "docs", cwd=tmp_path)
    assert done.returncode == EXIT_OK, done.stderr
    assert "Every translation is up to date (1 page, 1 language)." in done.stdout
