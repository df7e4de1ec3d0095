"""A language's glossary as data: one word per idea, and the words that must not stand for it.

A docs project keeps it beside the rest of a language's words, under ``glossary:`` in
``docs/_data/<lang>.yml``. The source language gives each English term its meaning; a
translation gives the word it uses, an optional note and the words it avoids::

    # en.yml                                  # fr.yml
    glossary:                                 glossary:
      attempt: One request of a call.           attempt:
                                                  use: tentative
                                                  note: une requête d'un appel
                                                  avoid: [essai, essais]

The site renders it (the ``glossary_table`` block) and a checker looks for the avoided words
in the language's pages (:func:`slips`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

SECTION = "glossary"
_FIELDS = {"use", "note", "avoid"}


@dataclass(frozen=True)
class Term:
    """One idea: its English term, the word this language uses for it, a note, the words it avoids.

    In the source language, ``use`` is the term itself and ``note`` its meaning.
    """

    english: str
    use: str
    note: str = ""
    avoid: tuple[str, ...] = ()


@dataclass(frozen=True)
class Slip:
    """An avoided word found in a text, where ``use`` was wanted."""

    word: str
    use: str
    offset: int


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def parse(data: object, where: str, *, source: bool) -> tuple[tuple[Term, ...], list[str]]:
    """The terms of a ``glossary:`` mapping, and one problem line per entry that is not usable.

    ``source``: the source language's form (``term: meaning``); else a translation's
    (``term: {use, note, avoid}``, or ``term: word`` when there is nothing more to say).
    """
    if data is None:
        return (), []
    if not isinstance(data, Mapping):
        return (), [f"{where}: {SECTION}: expected a mapping of English terms"]
    terms: list[Term] = []
    problems: list[str] = []
    for english, entry in data.items():
        at = f"{where}: {SECTION}.{english}"
        if source:
            meaning = _text(entry)
            if meaning is None:
                problems.append(f"{at}: expected the meaning of the term, as text")
            else:
                terms.append(Term(str(english), str(english), meaning))
            continue
        if isinstance(entry, str):
            entry = {"use": entry}
        if not isinstance(entry, Mapping):
            problems.append(f"{at}: expected the word used, or a mapping with use, note and avoid")
            continue
        if unknown := sorted(set(map(str, entry)) - _FIELDS):
            problems.append(f"{at}: unknown key {unknown[0]}; the keys are use, note and avoid")
            continue
        use, note, avoid = _text(entry.get("use")), entry.get("note", ""), entry.get("avoid", [])
        avoided = [avoid] if isinstance(avoid, str) else avoid
        if use is None:
            problems.append(f"{at}: use: expected the word this language uses, as text")
        elif not isinstance(note, str):
            problems.append(f"{at}: note: expected text")
        elif not isinstance(avoided, list) or not all(_text(word) for word in avoided):
            problems.append(f"{at}: avoid: expected a list of words")
        else:
            terms.append(Term(str(english), use, note.strip(), tuple(word.strip() for word in avoided)))
    return tuple(terms), problems


def compare(source: tuple[Term, ...], translation: tuple[Term, ...], where: str) -> list[str]:
    """A translation lists every source term, and only those."""
    wanted, given = [t.english for t in source], [t.english for t in translation]
    problems = [f"{where}: {SECTION}: missing term {term!r}" for term in wanted if term not in given]
    problems += [
        f"{where}: {SECTION}: {term!r} is not a term of the source glossary" for term in given if term not in wanted
    ]
    return problems


def _is_latin(word: str) -> bool:
    return all("LATIN" in unicodedata.name(char, "") for char in word if char.isalpha())


def _spans(word: str, text: str) -> list[tuple[int, int]]:
    """Where ``word`` occurs: Latin words as whole words, any case; Chinese, Japanese and Arabic
    ones as written (no spaces mark their words, and Arabic joins prefixes such as و to them)."""
    if _is_latin(word):
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    else:
        pattern = re.compile(re.escape(word))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def slips(text: str, terms: tuple[Term, ...]) -> list[Slip]:
    """Every avoided word in ``text``, except where it is part of the word used
    ("الرموز" inside "الرموز المميزة"); a used word inside an avoided one is still a slip
    ("设置" inside "设置项")."""
    found: list[Slip] = []
    for term in terms:
        used = _spans(term.use, text) if term.avoid else []
        for word in term.avoid:
            for start, end in _spans(word, text):
                if not any(u_start <= start and end <= u_end for u_start, u_end in used):
                    found.append(Slip(word, term.use, start))
    return sorted(found, key=lambda slip: slip.offset)
