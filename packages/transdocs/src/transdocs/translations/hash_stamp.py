"""The ``source_hash`` a translated page records in its front matter, and how to (re)write it.

Only the ``source_hash:`` line is touched: other front matter keys, their order and
the page body stay byte-for-byte as they were.
"""

from __future__ import annotations

import re

from transdocs.pages.front_matter import front_matter_span
from transdocs.translations.source_hash import source_hash

KEY = "source_hash"
_HASH_LINE = re.compile(rf"^{KEY}:[ \t]*['\"]?([0-9A-Za-z]*)['\"]?[ \t]*\r?$", re.MULTILINE)


def recorded_hash(text: str) -> str | None:
    """The ``source_hash`` in the page's front matter, or None."""
    span = front_matter_span(text)
    match = _HASH_LINE.search(text, 0, span) if span else None
    return match.group(1) if match else None


def stamped(translation: str, english: str) -> str:
    """``translation`` with ``source_hash`` set to the hash of ``english``."""
    value = source_hash(english)
    newline = "\r\n" if "\r\n" in translation else "\n"
    span = front_matter_span(translation)
    if not span:
        return f"---{newline}{KEY}: {value}{newline}---{newline}{translation}"
    front, body = translation[:span], translation[span:]
    match = _HASH_LINE.search(front)
    if match:
        front = front[: match.start(1)] + value + front[match.end(1) :]
    else:
        closing = front.rstrip("\r\n").rfind("\n") + 1  # start of the closing "---" line
        front = f"{front[:closing]}{KEY}: {value}{newline}{front[closing:]}"
    return front + body
