"""Browser test fixtures: one headless Chromium for all of them, the built site served on 127.0.0.1.

Every test gets fresh browser contexts (``reader`` or ``open_reader``) whose network and
console are watched; after the test body, anything the site did wrong there (a request to
another host, a failed request, a console or script error) fails the test.

Without Chromium the tests skip, unless ``LLM_BACKENDS_REQUIRE_BROWSER=1`` (set by CI),
which makes them fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ViewportSize, sync_playwright

from tests.support.site import SITE_PATH, BuiltSite

from .reader import Reader
from .server import serve_folder
from .watch import Watch

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; `playwright install` cannot download here
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
REQUIRE_BROWSER = "LLM_BACKENDS_REQUIRE_BROWSER"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}

_READERS = pytest.StashKey[list[Reader]]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: reads the built docs site in headless Chromium (pytest -m browser)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After a browser test's own checks pass: what its pages did on the network and console."""
    result = yield
    for reader in item.stash.get(_READERS, []):
        reader.watch.assert_clean()
    return result


def _origin(url: str) -> str:
    return "{0.scheme}://{0.netloc}".format(urlsplit(url))


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.is_file():
        reason = f"{CHROMIUM} is not installed (Debian: apt-get install chromium fonts-noto-cjk fonts-noto-core)"
        if os.environ.get(REQUIRE_BROWSER) == "1":
            pytest.fail(f"{reason}, and {REQUIRE_BROWSER}=1 requires the browser tests to run")
        pytest.skip(f"browser tests skipped: {reason}")
    return CHROMIUM


@pytest.fixture(scope="package")
def browser(chromium: Path) -> Iterator[Browser]:
    """One Chromium for all browser tests, stopped after them: while Playwright's sync API runs,
    its event loop is the thread's running loop, and pytest-asyncio tests cannot start theirs."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(chromium: Path, built_site: BuiltSite) -> Iterator[str]:
    """The built site, served under the path it is published at (site_url in mkdocs.yml)."""
    with serve_folder(built_site.root, SITE_PATH) as url:
        yield url


@pytest.fixture
def open_reader(browser: Browser, site_url: str, request: pytest.FixtureRequest) -> Callable[..., Reader]:
    """Open readers with another viewport, or the clipboard, or several in one test."""
    readers = request.node.stash.setdefault(_READERS, [])

    def open_reader(
        viewport: ViewportSize = DESKTOP,
        *,
        clipboard: bool = False,
        site: str | None = None,
        color_scheme: Literal["light", "dark"] = "light",
    ) -> Reader:
        """A new browser context (fresh storage) at ``viewport`` on ``site`` (default: the built site).

        ``clipboard`` lets the pages read and write the clipboard. ``color_scheme`` is the one the
        reader's system prefers, which picks the site's light or dark palette on a first visit.
        """
        url = site or site_url
        phone = viewport["width"] <= PHONE["width"]
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, color_scheme=color_scheme)
        request.addfinalizer(context.close)
        context.set_default_timeout(10_000)  # local pages: a wait this long means it will not happen
        if clipboard:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=_origin(url))
        watch = Watch()
        watch.attach(context)
        reader = Reader(context.new_page(), url, watch)
        readers.append(reader)
        return reader

    return open_reader


@pytest.fixture
def reader(open_reader: Callable[..., Reader]) -> Reader:
    """A reader at desktop size (1280×800)."""
    return open_reader()
