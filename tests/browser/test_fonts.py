"""Every character of the pages has a glyph: no "tofu" boxes in Chinese, Japanese or Arabic.

Each character is drawn on a canvas in the element's own fonts and compared with the
drawing of an unassigned code point, which no font has: that is the missing-glyph box.
"""

from __future__ import annotations

import pytest

from llm_backends.doctools.languages import LANGUAGES

from .reader import Reader

pytestmark = pytest.mark.browser

# Returns the characters of the element's text drawn as the missing-glyph box, in its fonts.
_MISSING_GLYPHS = """element => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 64;
  const context = canvas.getContext("2d", {willReadFrequently: true});
  context.font = `32px ${getComputedStyle(element).fontFamily}`;
  context.textBaseline = "top";
  const draw = text => {
    context.clearRect(0, 0, 64, 64);
    context.fillText(text, 8, 8);
    return context.getImageData(0, 0, 64, 64).data.join();
  };
  const box = draw("\\u0378");
  const characters = new Set([...element.textContent].filter(c => c.trim() !== ""));
  return [...characters].filter(c => draw(c) === box);
}"""


@pytest.mark.parametrize("page", ["index", "retries"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_character_has_a_glyph(reader: Reader, language: str, page: str) -> None:
    reader.open(language, page)
    missing = set(reader.page.locator("body").evaluate(_MISSING_GLYPHS))
    code = reader.page.locator("article pre code")
    for index in range(code.count()):
        missing |= set(code.nth(index).evaluate(_MISSING_GLYPHS))
    assert not missing, (f"{reader.path()}: no installed font draws {sorted(missing)} "
                         "(Debian: apt-get install fonts-noto-cjk fonts-noto-core)")


def test_the_check_sees_a_missing_glyph(reader: Reader) -> None:
    reader.open("en")
    article = reader.page.locator("article")
    article.evaluate("article => article.append('a\\uE000\\u0530')")  # a private-use and an unassigned one
    assert article.evaluate(_MISSING_GLYPHS) == ["\ue000", "\u0530"]
