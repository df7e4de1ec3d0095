"""`mkdocs serve` as a maintainer uses it: edit a default in the package, see every language change."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
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
from tests.support.site import REPO, SITE_LANGUAGES, SITE_PATH, copy_project, parse_page

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


def _interruptible() -> None:
    """In the server's process before MkDocs starts: SIGINT as a terminal delivers it (a shell that runs
    the tests in the background ignores it, and the server would inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Stop ``mkdocs serve`` as a user does (Ctrl-C): it then removes its temporary site folder, and the
    plugin the old output it set aside (a terminated server leaves both in the temporary folder)."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=30)


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
        preexec_fn=_interruptible,
    )
    try:
        yield f"http://127.0.0.1:{port}{SITE_PATH}"
    finally:
        _stop(server)


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


@contextlib.contextmanager
def _serving(project: Path, log: Path, language: str | None) -> Iterator[str]:
    """``mkdocs serve`` of ``project`` on a free port (``DOCS_LANGUAGE=language``, or every language),
    its output in ``log``; the site's address, until the block ends."""
    port = _free_port()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("DOCS_LANGUAGE", None)
    if language is not None:
        environment["DOCS_LANGUAGE"] = language
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
            cwd=project,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=_interruptible,
        )
        try:
            yield f"http://127.0.0.1:{port}{SITE_PATH}"
        finally:
            _stop(server)


@pytest.fixture
def served_one_language(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """``DOCS_LANGUAGE=zh mkdocs serve`` (README's command, one language) on a copy; its log in a file."""
    project, log = copy_project(tmp_path / "project"), tmp_path / "serve.log"
    with _serving(project, log, EDITED_LANGUAGE) as site:
        yield project, site, log


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


BUILDING = "Building '{}' documentation"  # what static-i18n logs as it starts a language
OTHER_LANGUAGES = ("ja", "fr", "pt", "ar")
FALLBACK_LANGUAGE, FALLBACK_PAGE = "fr", "providers"  # removed from the copy: fr shows the English page
OUTDATED_NOTICE = "llm-notice-outdated"  # mkdocs.yml: notice_class; the notice above an outdated translation
OUTDATED_CELL = 'class="llm-status-outdated"'  # a cell of the status page


def _code(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0


def _url(site: str, language: str, page: str) -> str:
    return f"{site}{'' if language == 'en' else language + '/'}{'' if page == 'index' else page + '/'}"


@pytest.fixture
def served_every_language(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """A plain ``mkdocs serve`` (every language) on a copy whose fr has no providers page; its log in a file."""
    project, log = copy_project(tmp_path / "project"), tmp_path / "serve.log"
    (project / "docs" / FALLBACK_LANGUAGE / f"{FALLBACK_PAGE}.md").unlink()
    with _serving(project, log, None) as site:
        assert _until_shown(_url(site, "ar", "retries"), "ar"), log.read_text(encoding="utf-8")[-3000:]
        time.sleep(1.0)  # the server has taken our reads by now, were they changes
        yield project, site, log


def _built_since(log: Path, start: int) -> list[str]:
    """The languages static-i18n built after ``start`` characters of the log."""
    text = log.read_text(encoding="utf-8")[start:]
    return [language for language in SITE_LANGUAGES if BUILDING.format(language) in text]


def test_a_saved_translation_rebuilds_its_language_and_every_other_stays_served(
    served_every_language: tuple[Path, str, Path],
) -> None:
    """Plain mkdocs serve: a zh save rebuilds zh only, every other language is still served as it
    was; an English save shows in English and where English stands in for a missing translation,
    and the translations of that page say they are outdated."""
    project, site, log = served_every_language
    start = len(log.read_text(encoding="utf-8"))
    page = project / "docs" / "zh" / "retries.md"
    page.write_text(f"{page.read_text(encoding='utf-8')}\n\nserve-probe-zh-paragraph\n", encoding="utf-8")
    assert _until_shown(_url(site, "zh", "retries"), "serve-probe-zh-paragraph"), log.read_text(encoding="utf-8")
    assert _built_since(log, start) == ["zh"]  # the other languages were kept, not rebuilt
    assert "serve-probe-zh-paragraph" in _page(f"{site}zh/search/search_index.json")
    for language in ("en", *OTHER_LANGUAGES):
        for name in ("index", "retries", "translation-status"):
            url = _url(site, language, name)
            assert _code(url) == 200, url
            assert "serve-probe-zh-paragraph" not in _page(url), url
        assert _code(f"{_url(site, language, 'index')}sitemap.xml") == 200, language
    for path in ("search/search_index.json", "sitemap.xml", "404.html", "assets/stylesheets/llm-backends.css"):
        assert _code(f"{site}{path}") == 200, path
    assert "serve-probe-zh-paragraph" not in _page(f"{site}search/search_index.json")

    english = project / "docs" / "en" / f"{FALLBACK_PAGE}.md"
    english.write_text(f"{english.read_text(encoding='utf-8')}\n\nserve-probe-en-paragraph\n", encoding="utf-8")
    assert _until_shown(_url(site, "en", FALLBACK_PAGE), "serve-probe-en-paragraph")
    assert "serve-probe-en-paragraph" in _page(_url(site, FALLBACK_LANGUAGE, FALLBACK_PAGE))  # English stands in
    for language in ("zh", "ja", "pt", "ar"):
        shown = _page(_url(site, language, FALLBACK_PAGE))
        assert "serve-probe-en-paragraph" not in shown, language
        assert OUTDATED_NOTICE in shown, language  # its stamp names another English text now


def test_a_saved_translation_that_changes_the_status_page_rebuilds_every_language(
    served_every_language: tuple[Path, str, Path],
) -> None:
    """Every language's status page shows every translation's state: a zh save that changes one
    (a stamp naming another English text) rebuilds every language."""
    project, site, log = served_every_language
    statuses = {language: _url(site, language, "translation-status") for language in ("en", *OTHER_LANGUAGES)}
    outdated_before = {language: _page(url).count(OUTDATED_CELL) for language, url in statuses.items()}
    page = project / "docs" / "zh" / "retries.md"
    source = page.read_text(encoding="utf-8")
    stamped = re.sub(r"(?m)^source_hash: \w+$", "source_hash: 000000000000", source, count=1)
    assert stamped != source, "the test no longer finds the stamp of docs/zh/retries.md"
    start = len(log.read_text(encoding="utf-8"))
    page.write_text(stamped, encoding="utf-8")
    assert _until_shown(_url(site, "zh", "retries"), OUTDATED_NOTICE), log.read_text(encoding="utf-8")[-3000:]
    assert _built_since(log, start) == list(SITE_LANGUAGES)
    for language, url in statuses.items():
        assert _page(url).count(OUTDATED_CELL) == outdated_before[language] + 1, language


ENGLISH_ONLY = "only 'en' is rebuilt"  # what the plugin logs when English alone is rebuilt
LIVERELOAD_CALL = re.compile(r"livereload\(\d+, \d+\)")  # MkDocs serve's script: a new epoch per build


def _served_as_kept(site: str, language: str) -> dict[str, str]:
    """What ``language`` serves that an English save must leave as it is (its pages without the
    livereload call MkDocs adds as it serves them, its status page, sitemap and search index)."""
    urls = [_url(site, language, name) for name in ("index", "retries", FALLBACK_PAGE, "translation-status")]
    urls += [f"{_url(site, language, 'index')}{path}" for path in ("sitemap.xml", "search/search_index.json")]
    return {url: LIVERELOAD_CALL.sub("", _page(url)) for url in urls}


def test_an_english_page_saved_again_rebuilds_english_alone_while_every_language_translated_it(
    served_every_language: tuple[Path, str, Path],
) -> None:
    """A writer saves an English page twice: the first save makes its translations outdated
    (every language rebuilt: their status pages change); the second builds English alone, and
    every other language, its outdated notices, status page, sitemap and search index stay
    served as they were. A page one language has not translated (fr shows English in its stead)
    still rebuilds every language, and its English stand-in shows the new text."""
    project, site, log = served_every_language
    page = project / "docs" / "en" / "retries.md"
    source = page.read_text(encoding="utf-8")
    start = len(log.read_text(encoding="utf-8"))
    page.write_text(f"{source}\n\nserve-probe-en-first\n", encoding="utf-8")
    assert _until_shown(_url(site, "en", "retries"), "serve-probe-en-first"), log.read_text(encoding="utf-8")[-3000:]
    assert _built_since(log, start) == list(SITE_LANGUAGES)  # its translations became outdated
    time.sleep(1.0)
    kept = {language: _served_as_kept(site, language) for language in ("zh", *OTHER_LANGUAGES)}
    sitemap = _page(f"{site}sitemap.xml")
    for language, served in kept.items():
        assert OUTDATED_NOTICE in served[_url(site, language, "retries")], language
        assert all(served.values()), language  # every one of them is served

    start = len(log.read_text(encoding="utf-8"))
    page.write_text(f"{source}\n\nserve-probe-en-second\n", encoding="utf-8")
    assert _until_shown(_url(site, "en", "retries"), "serve-probe-en-second"), log.read_text(encoding="utf-8")[-3000:]
    assert _built_since(log, start) == ["en"], log.read_text(encoding="utf-8")[start:]
    assert ENGLISH_ONLY in log.read_text(encoding="utf-8")[start:]
    assert "serve-probe-en-second" in _page(f"{site}search/search_index.json")
    for language, served in kept.items():
        assert _served_as_kept(site, language) == served, language
    assert _page(f"{site}sitemap.xml") == sitemap  # every language's pages, with their alternates
    assert f"{site}zh/retries/" in sitemap
    for path in ("404.html", "assets/stylesheets/llm-backends.css"):
        assert _code(f"{site}{path}") == 200, path

    english = project / "docs" / "en" / f"{FALLBACK_PAGE}.md"
    text = english.read_text(encoding="utf-8")
    for probe in ("serve-probe-fallback-first", "serve-probe-fallback-second"):
        start = len(log.read_text(encoding="utf-8"))
        english.write_text(f"{text}\n\n{probe}\n", encoding="utf-8")
        assert _until_shown(_url(site, FALLBACK_LANGUAGE, FALLBACK_PAGE), probe), log.read_text(encoding="utf-8")
        assert _built_since(log, start) == list(SITE_LANGUAGES)
