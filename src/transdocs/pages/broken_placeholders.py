"""Placeholders with a brace missing (``{{ retry.max_requests }``): blamed on the page that has them.

Such a token is no placeholder to the reader, so a translation that writes it right
would look like it added one. The checker reports the broken token on its own page and
compares translations with what the page meant (the placeholder, repaired).
"""

from __future__ import annotations

import re

_NAME = r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?"
_BROKEN = re.compile(
    rf"\{{\{{\s*(?P<a>{_NAME})\s*\}}(?!\}})"  # {{ name }
    rf"|(?<!\{{)\{{\s*(?P<b>{_NAME})\s*\}}\}}"  # { name }}
    rf"|\{{\{{\s*(?P<c>{_NAME})\s*$",  # {{ name   (never closed on its line)
    re.MULTILINE,
)


def broken_placeholders(text: str) -> list[tuple[int, str, str]]:
    """(line, meant placeholder name, token as written) for each placeholder missing a brace."""
    if "{" not in text:
        return []
    found = []
    for match in _BROKEN.finditer(text):
        name = match.group("a") or match.group("b") or match.group("c")
        found.append((text.count("\n", 0, match.start()) + 1, name, match.group(0).strip()))
    return found


def message(name: str, written: str) -> str:
    return f"placeholder {written!r} is missing a brace: write {{{{ {name} }}}}"
