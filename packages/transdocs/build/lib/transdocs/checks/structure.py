"""``structure``: a translation's headings, code blocks, placeholders, snippet includes or front matter differ."""

from __future__ import annotations

from transdocs.checks import Check

KIND = "structure"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a translation's headings, code blocks, placeholders, snippet includes or front matter differ",
    affects="broken",
    explain="""A translation whose headings (count and levels), code blocks (count and languages), placeholders, snippet
includes or front matter differ from its English page, a broken placeholder, or a translation with no
English page. Prose is translated; everything else must match.""",
)
