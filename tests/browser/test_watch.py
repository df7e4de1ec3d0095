"""The watch that every browser test relies on does see each kind of problem."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .watch import Watch

pytestmark = pytest.mark.browser


def test_watch_reports_other_hosts_failed_requests_and_console_errors(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    try:
        watch = Watch()
        watch.attach(context)
        page = context.new_page()
        page.goto(site_url + "no-such-page/")
        page.evaluate("""async () => {
          console.error("an error the page logs");
          await fetch("http://example.invalid/tracker.js").catch(() => null);
          setTimeout(() => { throw new Error("an uncaught error"); });
        }""")
        page.wait_for_function("() => new Promise(resolve => setTimeout(() => resolve(true), 50))")
        watch.wait_until_idle(page)
    finally:
        context.close()

    problems = "\n".join(watch.problems)
    assert f"HTTP 404: GET {site_url}no-such-page/" in problems
    assert "request to another host (blocked): GET http://example.invalid/tracker.js" in problems
    assert "console error on" in problems and "an error the page logs" in problems
    assert "uncaught error on" in problems and "an uncaught error" in problems
    with pytest.raises(AssertionError, match="the site misbehaved"):
        watch.assert_clean()
