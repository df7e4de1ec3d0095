"""A person reading the site: opens pages by URL, and waits until a page is ready to be used."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

from .site_pages import page_path
from .watch import Watch

# Material fills the search box's result line with its "type to start searching" text once
# the search worker has loaded the index; typing earlier is lost.
_SEARCH_READY = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  const config = JSON.parse(document.getElementById("__config").textContent);
  return meta !== null && meta.textContent.trim() === config.translations["search.result.placeholder"];
}"""


@dataclass
class Reader:
    page: Page
    site_url: str  # http://127.0.0.1:<port>/llm-backends/
    watch: Watch

    def url(self, language: str, page: str = "index") -> str:
        return self.site_url + page_path(language, page)

    def open(self, language: str, page: str = "index") -> None:
        self.page.goto(self.url(language, page))
        self.settle()

    def settle(self) -> None:
        """Loaded, search ready, no request pending: every request of the page has been checked."""
        self.page.wait_for_load_state("load")
        self.page.wait_for_function(_SEARCH_READY)
        self.watch.wait_until_idle(self.page)

    def path(self) -> str:
        """The current page's path under the site, like ``zh/retries/``."""
        url = self.page.url.split("#", 1)[0].split("?", 1)[0]
        assert url.startswith(self.site_url), f"left the site: {self.page.url}"
        return url.removeprefix(self.site_url)

    def html_lang(self) -> str:
        return self.page.evaluate("document.documentElement.lang")

    def heading(self) -> str:
        """The page's h1 without its permalink sign."""
        return self.page.locator("article h1").first.evaluate(
            "h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
            ".map(n => n.textContent).join('').trim()"
        )
