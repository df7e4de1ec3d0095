"""`mkdocs serve` as a maintainer uses it: edit a default in the package, see every language change."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from llm_backends import LLMSettings
from llm_backends.settings import format_value
from tests.support.site import REPO, SITE_PATH, copy_project, parse_page

DEFAULT = LLMSettings().num_retries
EDITED = DEFAULT + 2
SETTING_LINE = "    num_retries: int = _setting(\n        {},"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _num_retries_shown(url: str) -> str | None:
    """The default the configuration page's settings table shows for LLM_NUM_RETRIES."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            html = response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None
    for table in parse_page(html).tables:
        header = [cell.text.strip() for cell in table[0]]
        for row in table[1:]:
            if row and "LLM_NUM_RETRIES" in (row[0].codes or []):
                default_column = len(header) - 2  # env, key, type, default, description
                return row[default_column].text.strip()
    return None


def _wait_for(url: str, expected: str, seconds: float = 60) -> str | None:
    shown = None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        shown = _num_retries_shown(url)
        if shown == expected:
            return shown
        time.sleep(0.3)
    return shown


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the docs project and of the package source, free to edit."""
    copy_project(tmp_path)
    (tmp_path / "src").unlink()  # copy_project links the real source; this test edits it
    shutil.copytree(REPO / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


@pytest.fixture
def served(project: Path) -> Iterator[str]:
    port = _free_port()
    environment = {
        **os.environ,
        "PYTHONPATH": str(project / "src"),  # the copy's package, not the installed one
        "NO_MKDOCS_2_WARNING": "1",
    }
    environment.pop("DOCS_LANGUAGE", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}{SITE_PATH}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_editing_a_default_changes_every_language_on_rebuild(project: Path, served: str) -> None:
    pages = [f"{served}configuration/", f"{served}zh/configuration/"]
    for page in pages:
        assert _wait_for(page, format_value(DEFAULT)) == format_value(DEFAULT), page

    settings_file = project / "src" / "llm_backends" / "settings.py"
    source = settings_file.read_text(encoding="utf-8")
    assert SETTING_LINE.format(DEFAULT) in source, "the test no longer finds the num_retries default"
    settings_file.write_text(
        source.replace(SETTING_LINE.format(DEFAULT), SETTING_LINE.format(EDITED)), encoding="utf-8"
    )

    for page in pages:
        assert _wait_for(page, format_value(EDITED)) == format_value(EDITED), page
