"""Placeholders with a brace missing (``{{ retry.max_requests }``): blamed on the page that has them.

Such a token is no placeholder to the reader, so a translation that writes it right
would look like it added one. The checker reports the broken token on its own page and
compares translations with what the page meant (the placeholder, repaired). The
grammar is :func:`transdocs.placeholders.unbalanced`, the one the site build uses.
"""

from __future__ import annotations

import re

from transdocs import placeholders


def _within_lines(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""``pattern`` with its spaces kept within a line (``\s`` as ``[^\S\n]``): searched over a whole
    page, it finds what it finds in each line alone (no match holds a line break, and a line break is
    what its look-arounds see past a line's ends, as they would see nothing)."""
    return re.compile(pattern.pattern.replace(r"\s", r"[^\S\n]"), pattern.flags)


_ESCAPED = _within_lines(placeholders._ESCAPED)
_PLACEHOLDER = _within_lines(placeholders.PLACEHOLDER)
_BROKEN = _within_lines(placeholders._BROKEN)


def broken_placeholders(text: str) -> list[tuple[int, str]]:
    """(line, meant placeholder name) for each placeholder missing a brace: what
    :func:`~transdocs.placeholders.unbalanced` finds in each line, found in the whole page at once."""
    if "{" not in text:
        return []
    rest = _PLACEHOLDER.sub(" ", _ESCAPED.sub(" ", text))  # line breaks stay where they were
    found = []
    line, counted = 1, 0
    for match in _BROKEN.finditer(rest):
        line += rest.count("\n", counted, match.start())
        counted = match.start()
        found.append((line, match.group("open") or match.group("close")))
    return found


def message(name: str) -> str:
    return f"a placeholder is missing a brace: write {{{{ {name} }}}}"
