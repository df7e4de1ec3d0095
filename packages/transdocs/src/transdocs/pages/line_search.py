"""Searching a whole page for what each of its lines holds, with the line of each match.

A pattern whose spaces hold no line break finds in the page what it finds in each line alone
(its look-arounds see a line break past a line's ends, as they would see nothing there), and one
search of the page costs far less than a search of each line.
"""

from __future__ import annotations

import re


def within_lines(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""``pattern`` with its spaces kept within a line (``\s`` as ``[^\S\n]``)."""
    return re.compile(pattern.pattern.replace(r"\s", r"[^\S\n]"), pattern.flags)


def matches_by_line(pattern: re.Pattern[str], text: str, first_line: int = 1) -> list[tuple[int, re.Match[str]]]:
    """(line number, match) of each match of ``pattern`` (which holds no line break) in ``text``,
    whose first line is ``first_line``."""
    found, line, counted = [], first_line, 0
    for match in pattern.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        found.append((line, match))
    return found
