"""What pages do on the network and in the console, and which of it is a problem.

A page of the docs must work offline from its own host: a request to any other host is
blocked (and recorded), and every request must succeed (no 4xx/5xx, no failure), with no
error in the console and no uncaught script error.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, Route, WebError

LOCAL_HOST = "127.0.0.1"


def _is_local(url: str) -> bool:
    return urlsplit(url).hostname == LOCAL_HOST


class Watch:
    """Attached to one browser context; collects problems as readable lines."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._in_flight: set[Request] = set()

    def attach(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.on("request", self._started)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)
        context.on("response", self._response)
        context.on("console", self._console)
        context.on("weberror", self._web_error)

    def _route(self, route: Route) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            self.problems.append(f"request to another host (blocked): {route.request.method} {route.request.url}")
            route.abort("blockedbyclient")

    def _started(self, request: Request) -> None:
        self._in_flight.add(request)

    def _finished(self, request: Request) -> None:
        self._in_flight.discard(request)

    def _failed(self, request: Request) -> None:
        self._in_flight.discard(request)
        if _is_local(request.url):  # other hosts are reported by _route already
            self.problems.append(f"request failed ({request.failure}): {request.method} {request.url}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            page = message.page.url if message.page else "?"
            self.problems.append(f"console error on {page}: {message.text} ({where})")

    def _web_error(self, error: WebError) -> None:
        page = error.page.url if error.page else "?"
        self.problems.append(f"uncaught error on {page}: {error.error}")

    def wait_until_idle(self, page: Page, limit: float = 15.0) -> None:
        """Until no request of the context is pending, so each one is seen to end (and checked)."""
        deadline = time.monotonic() + limit
        while self._in_flight:
            if time.monotonic() > deadline:
                pending = sorted(request.url for request in self._in_flight)
                raise AssertionError(f"requests still pending after {limit:.0f} s: {pending}")
            page.wait_for_timeout(20)  # lets Playwright deliver the events that end them

    def assert_clean(self) -> None:
        assert not self.problems, "the site misbehaved in the browser:\n" + "\n".join(self.problems)
