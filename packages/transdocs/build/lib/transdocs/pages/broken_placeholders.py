"""Placeholders with a brace missing (``{{ retry.max_requests }``): blamed on the page that has them.

Such a token is no placeholder to the reader, so a translation that writes it right
would look like it added one. The checker reports the broken token on its own page and
compares translations with what the page meant (the placeholder, repaired). The
grammar is :func:`transdocs.placeholders.unbalanced`, the one the site build uses.
"""

from __future__ import annotations

from transdocs.placeholders import unbalanced


def broken_placeholders(text: str) -> list[tuple[int, str]]:
    """(line, meant placeholder name) for each placeholder missing a brace."""
    if "{" not in text:
        return []
    return [
        (number, name)
        for number, line in enumerate(text.split("\n"), start=1)
        if "{" in line
        for name in unbalanced(line)
    ]


def message(name: str) -> str:
    return f"a placeholder is missing a brace: write {{{{ {name} }}}}"
