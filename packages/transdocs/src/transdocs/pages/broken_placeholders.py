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


def broken_placeholders(text: str) -> list[tuple[int, str]]:
    """(line, meant placeholder name) for each placeholder missing a brace: what
    :func:`~transdocs.placeholders.unbalanced` finds in each line, found in the whole page at once."""
    if "{{" not in text and "}}" not in text:  # (either broken shape holds one; blanking makes neither)
        return []
    rest = _PLACEHOLDER.sub(" ", _ESCAPED.sub(" ", text))  # line breaks stay where they were
    return [(line, match.group("open") or match.group("close")) for line, match in matches_by_line(_BROKEN, rest)]


def message(name: str) -> str:
    return f"a placeholder is missing a brace: write {{{{ {name} }}}}"
