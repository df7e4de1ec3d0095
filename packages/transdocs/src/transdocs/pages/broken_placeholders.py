"""Placeholders with a brace missing (``{{ retry.max_requests }``): blamed on the page that has them.

Such a token is no placeholder to the reader, so a translation that writes it right
would look like it added one. The checker reports the broken token on its own page and
compares translations with what the page meant (the placeholder, repaired). The
grammar is :func:`transdocs.placeholders.unbalanced`, the one the site build uses.
"""

from __future__ import annotations

from transdocs import placeholders
from transdocs.pages.line_search import matches_by_line, within_lines

_ESCAPED = within_lines(placeholders._ESCAPED)
_PLACEHOLDER = within_lines(placeholders.PLACEHOLDER)
_BROKEN = within_lines(placeholders._BROKEN)
# The name a page's are kept under for its checks (:meth:`transdocs.checks.PageRead.once`): the runner
# works out an English original's once, for its translations and its own structure check.
ONCE = "broken placeholders"


def broken_placeholders(text: str, whole: int | None = None) -> list[tuple[int, str]]:
    """(line, meant placeholder name) for each placeholder missing a brace: what
    :func:`~transdocs.placeholders.unbalanced` finds in each line, found in the whole page at once.

    ``whole``: how many whole placeholders ``text`` holds, or fewer (the count its Document found, which
    leaves its front matter out), when the caller has it. Both broken shapes hold ``{{`` or ``}}`` once
    the whole ones are blanked, and a whole one starts with the last two braces of a run of ``{`` and
    ends with the first two of a run of ``}``: ``str.count`` (pairs, not overlapping) counts one pair in
    a run of two or three braces and more in a longer one, so both counts equal ``whole`` only when
    every run of two or more braces belongs to a whole placeholder and leaves no pair once it is
    blanked. Most pages that write placeholders write them whole, and counting is far cheaper than
    blanking them."""
    if "{{" not in text and "}}" not in text:  # (either broken shape holds one; blanking makes neither)
        return []
    if whole is not None and text.count("{{") == whole == text.count("}}"):
        return []
    rest = _PLACEHOLDER.sub(" ", _ESCAPED.sub(" ", text))  # line breaks stay where they were
    return [(line, match.group("open") or match.group("close")) for line, match in matches_by_line(_BROKEN, rest)]


def message(name: str) -> str:
    return f"a placeholder is missing a brace: write {{{{ {name} }}}}"
