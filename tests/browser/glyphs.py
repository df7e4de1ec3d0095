"""Find "tofu": characters no installed font can draw, shown as the missing-glyph box.

Each character is drawn on a canvas in the element's own fonts and compared with the
drawing of an unassigned code point (U+0378), which no font has: that is the box.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page

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


def missing_in(element: Locator) -> set[str]:
    """Characters of the element's text that its fonts (and the fallbacks) cannot draw."""
    return set(element.evaluate(_MISSING_GLYPHS))


def missing_glyphs(page: Page) -> set[str]:
    """In the page's text font, and in the code font for code blocks."""
    code = page.locator("article pre code")
    return missing_in(page.locator("body")).union(*(missing_in(code.nth(i)) for i in range(code.count())))
