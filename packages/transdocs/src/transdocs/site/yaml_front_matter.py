"""Front matter the build cannot read, found before MkDocs drops it without a word.

MkDocs shows a front matter block that YAML rejects as page text and builds on, even with
``--strict``; a translation's ``source_hash`` then silently goes missing. The checker's
rule (``front_matter_problem``: never closed, a line that is not ``key: value``) comes
first; then the block must be a YAML mapping, as MkDocs reads it.
"""

from __future__ import annotations

import yaml

from transdocs.pages.front_matter import front_matter_problem, front_matter_span


def unreadable_front_matter(text: str) -> tuple[int, str] | None:
    """(line in the file, what is wrong) for a page whose front matter MkDocs would not read."""
    problem = front_matter_problem(text)
    span = front_matter_span(text)
    if problem or not span:
        return problem
    block = text[:span].split("\n", 1)[1].rsplit("\n", 2)[0]  # between the two --- lines
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        # Where the broken construct starts (an unclosed quote or bracket), else where YAML stopped.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1: 1-based, +1: the opening ---
        reason = " ".join(filter(None, (getattr(exc, "context", None), getattr(exc, "problem", None))))
        return line, f"broken front matter: {reason or 'not valid YAML'}"
    if data is not None and not isinstance(data, dict):
        return 2, "broken front matter: expected 'key: value' lines"
    return None
