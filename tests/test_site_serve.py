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


REBUILD_STARTED = "Detected file changes"  # what MkDocs serve logs when a change starts a rebuild
EDITED_LANGUAGE = "zh"
NAV_ENTRY = "Retries and rate limits: 重试与速率限制"  # mkdocs.yml: zh nav_translations


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _until_shown(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _page(url):
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def served_one_language(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """``DOCS_LANGUAGE=zh mkdocs serve`` (as README tells a writer) on a copy; its log in a file."""
    project = copy_project(tmp_path / "project")
    port = _free_port()
    log = tmp_path / "serve.log"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOCS_LANGUAGE": EDITED_LANGUAGE}
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
            cwd=project,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield project, f"http://127.0.0.1:{port}{SITE_PATH}", log
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_a_saved_page_and_a_new_nav_title_show_after_one_rebuild_each(
    served_one_language: tuple[Path, str, Path],
) -> None:
    """A save shows on its page; a title changed in mkdocs.yml shows on the other pages too (no
    page kept from before); each save costs one rebuild (a read of the pages, as every rebuild
    makes, is no change: once it was, and the server rebuilt without end)."""
    project, site, log = served_one_language
    home, retries = site, f"{site}retries/"
    assert _until_shown(home, "重试与速率限制"), log.read_text(encoding="utf-8")[-3000:]
    page = project / "docs" / EDITED_LANGUAGE / "retries.md"
    config = project / "mkdocs.yml"
    source, settings = page.read_text(encoding="utf-8"), config.read_text(encoding="utf-8")
    assert NAV_ENTRY in settings, "the test no longer finds the zh title of the retries page"
    time.sleep(1.0)  # the server has taken our reads by now, were they changes
    started = log.read_text(encoding="utf-8").count(REBUILD_STARTED)

    page.write_text(f"{source}\n\nserve-probe-edited-paragraph\n", encoding="utf-8")
    assert _until_shown(retries, "serve-probe-edited-paragraph")
    config.write_text(settings.replace(NAV_ENTRY, "Retries and rate limits: 重试与限流（新标题）"), encoding="utf-8")
    assert _until_shown(home, "重试与限流（新标题）")  # the home page was not saved: rebuilt all the same
    assert "重试与限流（新标题）" in _page(retries)

    time.sleep(1.5)  # a rebuild the server would start on its own is logged by now
    assert log.read_text(encoding="utf-8").count(REBUILD_STARTED) - started == 2
