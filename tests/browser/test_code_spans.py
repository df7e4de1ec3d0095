"""A code span in running text is never split across two lines of its paragraph.

Split at a hyphen, `Retry-After` reads as two words in a Japanese line; split inside a
right-to-left Arabic line, the pieces of the backoff formula come out in the wrong order.
A span longer than the whole line may wrap, but only inside its own left-to-right box.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.support.site import SITE_LANGUAGES as LANGUAGES

from .conftest import DESKTOP, PHONE
from .reader import Reader
from .site_pages import PAGES

pytestmark = pytest.mark.browser

# Code in prose; not table cells, where generated names wrap on purpose after "_".
SPANS = "article :is(p, li, a, em, strong) > code"
SPLIT_SPANS = f"""() => [...document.querySelectorAll({SPANS!r})]
    .filter(code => new Set([...code.getClientRects()].map(rect => Math.round(rect.top))).size > 1)
    .map(code => code.textContent)"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_code_spans_stay_on_one_line(open_reader: Callable[..., Reader], language: str) -> None:
    split = {}
    for device, viewport in {"desktop": DESKTOP, "phone": PHONE}.items():
        reader = open_reader(viewport)
        for page in PAGES:
            reader.open(language, page)
            if spans := reader.page.evaluate(SPLIT_SPANS):
                split[f"{reader.path()} ({device})"] = spans
    assert not split, f"code spans split across lines: {split}"
