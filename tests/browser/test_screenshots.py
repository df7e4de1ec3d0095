"""Screenshots of each language's home and retries pages, on a desktop and on a phone.

Written to ``screenshots/`` (git-ignored) on every run, for people to look at: shaped
Chinese, Japanese and Arabic text, the mirrored Arabic layout. The test checks what can
be checked without eyes: every character has a glyph (no "tofu" boxes), and no page is
wider than the screen.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.support.site import REPO
from tests.support.site import SITE_LANGUAGES as LANGUAGES

from .conftest import DESKTOP, PHONE
from .glyphs import missing_glyphs, missing_in
from .reader import Reader

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO / "screenshots"
DEVICES = {"desktop": DESKTOP, "phone": PHONE}
FONT_PACKAGES = "fonts-noto-cjk fonts-noto-core"


@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots_with_every_glyph_and_no_sideways_scrolling(
    open_reader: Callable[..., Reader], language: str
) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    for device, viewport in DEVICES.items():
        reader = open_reader(viewport)
        for page in ("index", "retries"):
            reader.open(language, page)
            reader.page.screenshot(path=SCREENSHOTS / f"{language}-{page}-{device}.png", full_page=True)
            # Not window.innerWidth: a phone zooms out to fit a page that is too wide.
            overflow = reader.page.evaluate("(root => root.scrollWidth - root.clientWidth)(document.documentElement)")
            assert overflow <= 0, f"{reader.path()} on a {device} is {overflow}px wider than the screen"
            if device == "desktop":  # the same fonts on both
                missing = missing_glyphs(reader.page)
                assert not missing, (
                    f"{reader.path()}: no installed font draws {sorted(missing)} "
                    f"(Debian: apt-get install {FONT_PACKAGES})"
                )


def test_the_glyph_check_sees_a_missing_glyph(reader: Reader) -> None:
    reader.open("en")
    article = reader.page.locator("article")
    article.evaluate("article => article.append('a\\uE000\\u0530')")  # a private-use and an unassigned one
    assert missing_in(article) == {"\ue000", "\u0530"}
