"""Where a page's leading front matter block ends (pages and translation stamps both need it)."""

from __future__ import annotations

import re

# "---" on the first line, then everything up to the next line that is "---" or "...".
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def front_matter_span(text: str) -> int:
    """Length of the leading front matter block (0 when there is none)."""
    match = _FRONT_MATTER.match(text)
    return match.end() if match else 0
