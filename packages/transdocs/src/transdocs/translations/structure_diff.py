"""How a translation's structure differs from its English page.

Prose is translated; everything else must match: the headings (count and levels),
the code blocks (count and languages, in order; aliases and plain text are no difference,
see ``fence_names.py``), the placeholders (as a multiset: word order may move them within
a paragraph) and the snippet includes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from transdocs.pages.broken_placeholders import ONCE as BROKEN_ONCE
from transdocs.pages.broken_placeholders import broken_placeholders
from transdocs.pages.broken_placeholders import message as placeholder_message
from transdocs.pages.document import Document
from transdocs.pages.front_matter import front_matter_problem
from transdocs.report import findings as kinds
from transdocs.report.findings import Finding
from transdocs.translations.fence_names import as_english

if TYPE_CHECKING:
    from transdocs.checks import PageRead


def _first_difference(english: list[Any], translation: list[Any]) -> int:
    for index, (a, b) in enumerate(zip(english, translation, strict=False)):
        if a != b:
            return index
    return min(len(english), len(translation))


def _signatures(doc: Document) -> list[Counter[tuple[str, str]]]:
    """What each section (text before the first heading, then after each heading) contains."""
    starts = [line for line, _ in doc.headings]
    sections: list[Counter[tuple[str, str]]] = [Counter() for _ in range(len(starts) + 1)]
    items = [
        *(("placeholder", line, name) for line, name in doc.placeholders),
        *(("include", line, text) for line, text in doc.includes),
        *(("code", line, lang) for line, lang in doc.code_blocks),
    ]
    for kind, line, name in items:
        sections[bisect_right(starts, line)][kind, name] += 1
    return sections


def _section_mismatch(english: Document, translation: Document) -> int | None:
    """Line of the translated heading whose section stops matching English (a heading went missing
    or was added inside it), or None when the sections' contents do not tell."""
    index = _first_difference(_signatures(english), _signatures(translation))
    if 0 < index <= min(len(english.headings), len(translation.headings)):
        return translation.headings[index - 1][0]
    return None


def _sequence(
    what: str,
    english: list[tuple[int, Any]],
    translation: list[tuple[int, Any]],
    source: str,
    describe: Callable[[Any], str],
    where_lost: Callable[[], int | None] | None = None,
) -> tuple[int, str] | None:
    """``where_lost`` tells the translated line where the sequences part (None: the first item that
    differs); it is asked only when they differ, which few pages do."""
    ours = [item for _, item in translation]
    theirs = [item for _, item in english]
    if ours == theirs:
        return None
    index = _first_difference(theirs, ours)
    line = where_lost() if where_lost is not None else None
    if line is None:
        # The first translated item that differs; past the end, the last one there is.
        line = translation[min(index, len(translation) - 1)][0] if translation else 1
    where = (
        f"English {what[:-1]} {index + 1} ({describe(theirs[index])}) is at {source}:{english[index][0]}"
        if index < len(english)
        else f"this page has more {what} than English"
    )
    return line, f"{what} differ from English: {len(ours)} here, {len(theirs)} in {source}; {where}"


def _section_line(english: Document, translation: Document, english_line: int) -> int:
    """The translation's line for the section that holds ``english_line`` in English."""
    section = sum(1 for line, _ in english.headings if line <= english_line)
    if section and len(english.headings) == len(translation.headings):
        return translation.headings[section - 1][0]
    return 1


def _multiset(
    what: str,
    english: list[tuple[int, str]],
    translation: list[tuple[int, str]],
    english_doc: Document,
    translation_doc: Document,
    show: Callable[[str], str],
) -> tuple[int, str] | None:
    if sorted(name for _, name in translation) == sorted(name for _, name in english):
        return None  # the same multiset (most pages): counted only to tell what differs
    ours = Counter(name for _, name in translation)
    theirs = Counter(name for _, name in english)
    missing, extra = theirs - ours, ours - theirs
    lines = [line for line, name in translation if name in extra]
    lines += [_section_line(english_doc, translation_doc, line) for line, name in english if name in missing]
    parts = []
    if missing:
        parts.append("missing " + ", ".join(f"{show(n)}" + (f" x{c}" if c > 1 else "") for n, c in missing.items()))
    if extra:
        parts.append("extra " + ", ".join(f"{show(n)}" + (f" x{c}" if c > 1 else "") for n, c in extra.items()))
    return min(lines), f"{what} differ from English: " + "; ".join(parts)


Shape = tuple[list[int], list[str], list[str], list[str]]


def shape(doc: Document) -> Shape:
    """What :func:`compare` compares, in the form it compares it: heading levels and fence
    languages in order, placeholders and snippet includes as sorted multisets. Two documents of
    the same shape do not differ in structure (an English page's is read once for its translations)."""
    return (
        [level for _, level in doc.headings],
        [lang for _, lang in doc.code_blocks],
        sorted(doc.placeholder_names()),
        sorted(doc.include_names()),
    )


def compare(english: Document, translation: Document, source: str) -> list[tuple[int, str]]:
    """(line, message) for each way the translation's structure differs from English."""
    found = [
        _sequence(
            "headings",
            english.headings,
            translation.headings,
            source,
            lambda level: "#" * level,
            lambda: _section_mismatch(english, translation),
        ),
        _sequence(
            "code blocks",
            english.code_blocks,
            as_english(english.code_blocks, translation.code_blocks),
            source,
            lambda lang: f"```{lang}",
        ),
        _multiset(
            "placeholders",
            english.placeholders,
            translation.placeholders,
            english,
            translation,
            lambda name: "{{ " + name + " }}",
        ),
        _multiset("snippet includes", english.includes, translation.includes, english, translation, lambda line: line),
    ]
    return [item for item in found if item is not None]


def _front_matter_part(text: str) -> str:
    """``text`` up to the line closing the front matter its first line opens (all that
    :func:`front_matter_problem` reads: a long page is not split into lines), or all of it."""
    at = text.find("\n") + 1
    while at:
        end = text.find("\n", at)
        if text[at : end if end >= 0 else len(text)].rstrip() in ("---", "..."):
            return text[:end] if end >= 0 else text
        at = end + 1
    return text


def structure_findings(read: PageRead) -> list[Finding]:
    """A readable page's structure findings: its front matter and placeholders; for a translation,
    a missing English page, or how its structure differs from English's."""
    page, doc, found = read.page, read.doc, []
    assert doc is not None
    if page.format == "md":
        # Only a page whose first line is --- opens front matter, and only its front matter is read.
        broken = front_matter_problem(_front_matter_part(read.text)) if read.text.startswith("---") else None
        if broken is not None:
            found.append(Finding(page.shown, broken[0], read.lang, kinds.STRUCTURE, message=broken[1]))
        if page.path.suffix.lower() != ".mdx" and read.problem is None:  # in MDX, braces are JSX
            found += [
                Finding(page.shown, line, read.lang, kinds.STRUCTURE, message=placeholder_message(name))
                for line, name in read.once(
                    BROKEN_ONCE, lambda: broken_placeholders(read.text, len(doc.placeholder_names()))
                )
            ]
    if page.english is None:
        return found
    assert read.english_shown is not None
    if read.english is None:
        message = f"no English page {read.english_shown}: remove this page or write the English one first"
        return [*found, Finding(page.shown, 1, page.lang, kinds.STRUCTURE, message=message)]
    english = read.english.doc
    if english is not None and read.problem is None:
        # Garbled text breaks placeholders and headings too; its encoding finding says it all.
        if shape(doc) == read.english.once("structure", lambda: shape(english)):
            return found  # the same structure (most translations): nothing to tell
        found += [
            Finding(page.shown, line, page.lang, kinds.STRUCTURE, message=message)
            for line, message in compare(english, doc, read.english_shown)
        ]
    return found
