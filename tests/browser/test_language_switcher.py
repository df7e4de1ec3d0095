"""The language menu in the header takes a reader to the same page in the other language."""

from __future__ import annotations

from itertools import combinations

import pytest

from tests.support.site import SITE_LANGUAGES as LANGUAGES

from .reader import Reader
from .site_pages import page_path, title

pytestmark = pytest.mark.browser


def _switch(reader: Reader, target: str) -> None:
    """Open the header's language menu and click the target language, as a reader does."""
    switcher = reader.page.locator(".md-header .md-select")
    assert switcher.locator("a").evaluate_all("links => links.map(a => a.hreflang)") == list(LANGUAGES)
    switcher.locator("button").hover()  # the menu opens under the pointer
    with reader.page.expect_navigation():
        switcher.locator(f"a[hreflang='{target}']").click()
    reader.settle()


@pytest.mark.parametrize(("first", "second"), list(combinations(LANGUAGES, 2)))
def test_switching_back_and_forth_on_the_retries_page(reader: Reader, first: str, second: str) -> None:
    reader.open(first, "retries")
    for target in (second, first):
        _switch(reader, target)
        landed = (reader.path(), reader.html_lang(), reader.heading())
        assert landed == (page_path(target, "retries"), target, title(target, "retries")), f"switching to {target}"
