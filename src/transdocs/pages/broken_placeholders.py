"""Placeholders with a brace missing (``{{ retry.max_requests }``): blamed on the page that has them.

Such a token is no placeholder to the reader, so a translation that writes it right
would look like it added one. The checker reports the broken token on its own page and
compares translations with what the page meant (the placeholder, repaired).
"""

from __future__ import annotations

import re

_NAME = r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?"
# Starts with a literal brace, so the scan is quick; the brace counts are compared afterwards.
_TOKEN = re.compile(rf"(?P<open>\{{+)[ \t]*(?P<name>{_NAME})[ \t]*(?P<close>\}}*)(?P<rest>[ \t]*$)?", re.MULTILINE)


def broken_placeholders(text: str) -> list[tuple[int, str, str]]:
    """(line, meant placeholder name, token as written) for each placeholder missing a brace:
    ``{{ name }``, ``{ name }}``, or ``{{ name`` with nothing after it on its line."""
    if "{" not in text:
        return []
    found = []
    for match in _TOKEN.finditer(text):
        opened, closed = len(match.group("open")), len(match.group("close"))
        if (opened, closed) in ((2, 1), (1, 2)) or (opened == 2 and closed == 0 and match.group("rest") is not None):
            line = text.count("\n", 0, match.start()) + 1
            found.append((line, match.group("name"), match.group(0).strip()))
    return found


def message(name: str, written: str) -> str:
    return f"placeholder {written!r} is missing a brace: write {{{{ {name} }}}}"
