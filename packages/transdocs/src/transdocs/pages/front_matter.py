"""A page's leading front matter block: where it ends (pages and translation stamps both need it), and
whether YAML readers can take it."""

from __future__ import annotations

import re

# "---" on the first line, then everything up to the next line that is "---" or "...": the closing line
# is searched for from the opening line's end, as a line break then the mark (one literal re finds
# quickly), where a lazy ``.*?`` tried the end after each character and a lazy repeat of lines kept
# a state a line (128 MB for a 2 MB page that never closes). The tests compare it with that pattern.
_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")


def front_matter_span(text: str) -> int:
    """Length of the leading front matter block (0 when there is none)."""
    opening = _OPENING.match(text)
    if opening is None:
        return 0
    closing = _CLOSING.search(text, opening.end() - 1)  # (from the opening line's own line break)
    return closing.end() if closing else 0


_KEY_LINE = re.compile(r"""(?:[^\s:#'"][^:]*|"[^"]*"|'[^']*')[ \t]*:(?:[ \t]|$)""")


def front_matter_problem(text: str) -> tuple[int, str] | None:
    """(line, what is wrong) when the page opens front matter that YAML readers cannot take.

    Catches what breaks in practice without a YAML parser (the checker does not need
    one): a block that is never closed, and a top-level line that is not ``key: value``.
    """
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    closing = next((n for n in range(1, len(lines)) if lines[n].rstrip() in ("---", "...")), None)
    if closing is None:
        return 1, "broken front matter: the --- on line 1 is never closed by a --- line"
    for number in range(1, closing):
        line = lines[number].rstrip("\r")
        if not line.strip() or line[0] in " \t-#" or _KEY_LINE.match(line):
            continue
        return number + 1, f"broken front matter: {line.strip()[:40]!r} is not a 'key: value' line"
    return None
