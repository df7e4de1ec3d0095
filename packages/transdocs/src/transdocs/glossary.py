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

The site renders it (the ``glossary_table`` block) and check-docs looks for the avoided words
in the language's pages (:func:`slips`, the ``glossary`` finding). Another project points
check-docs at its own file (:func:`glossary_path`): ``glossary = "i18n/{lang}/glossary.yml"``
under ``[tool.check-docs]`` (or ``--glossary``), YAML, TOML or JSON, the terms under
``glossary:`` or at the top; without it, ``<docs>/_data/<lang>.yml`` is read when it has a
``glossary:`` section.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from transdocs.datafile import parse_json, parse_toml, read_text
from transdocs.errors import InputError

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


def _words(word: str) -> str:
    """``word`` as a pattern whose spaces match any run of white space: a page wraps its lines
    anywhere, so "na hora" may stand as "na" at the end of one line and "hora" on the next."""
    return r"\s+".join(re.escape(part) for part in word.split())


def _spans(word: str, text: str) -> list[tuple[int, int]]:
    """Where ``word`` occurs: Latin words as whole words, any case; Chinese, Japanese and Arabic
    ones as written (no spaces mark their words, and Arabic joins prefixes such as و to them)."""
    if _is_latin(word):
        pattern = re.compile(rf"(?<!\w){_words(word)}(?!\w)", re.IGNORECASE)
    else:
        pattern = re.compile(_words(word))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


@cache
def any_avoided(terms: tuple[Term, ...]) -> re.Pattern[str]:
    """One pattern for every avoided word of ``terms``: most lines hold none, and are passed by at once."""
    words = sorted({word for term in terms for word in term.avoid}, key=len, reverse=True)
    return re.compile("|".join(_words(word) for word in words) or r"(?!x)x", re.IGNORECASE)


def slips(text: str, terms: tuple[Term, ...]) -> list[Slip]:
    """Every avoided word in ``text``, except where it is part of the word used
    ("الرموز" inside "الرموز المميزة"); a used word inside an avoided one is still a slip
    ("设置" inside "设置项")."""
    found: list[Slip] = []
    if any_avoided(terms).search(text) is None:
        return found
    for term in terms:
        used = _spans(term.use, text) if term.avoid else []
        for word in term.avoid:
            for start, end in _spans(word, text):
                if not any(u_start <= start and end <= u_end for u_start, u_end in used):
                    found.append(Slip(word, term.use, start))
    return sorted(found, key=lambda slip: slip.offset)


LANG = "{lang}"
DEFAULT_PLACE = ("_data", "{lang}.yml")  # under the docs folder (the layout's root)
_SECTION_LINE = re.compile(rf"^{SECTION}\s*[:=]|^\[{SECTION}[.\]]", re.MULTILINE)


def glossary_path(configured: str | None, lang: str, docs_root: Path | None) -> Path | None:
    """The file holding ``lang``'s glossary: ``configured`` (an absolute path, ``{lang}`` filled in),
    else ``<docs_root>/_data/<lang>.yml``; None when there is none."""
    if configured is not None:
        return Path(configured.replace(LANG, lang))
    if docs_root is None:
        return None
    return docs_root.joinpath(*DEFAULT_PLACE[:-1], DEFAULT_PLACE[-1].replace(LANG, lang))


def _parse(path: Path, text: str) -> Any:
    shown = str(path)
    if path.suffix.lower() == ".toml":
        return parse_toml(text, shown)
    if path.suffix.lower() == ".json":
        return parse_json(text, shown)
    try:
        import yaml
    except ImportError:
        raise InputError(f"{shown}: reading a YAML glossary needs PyYAML (pip install pyyaml)") from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise InputError(f"{shown}{line}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    except RecursionError:
        raise InputError(f"{shown}: not readable YAML: nested too deep") from None


def load_terms(path: Path, lang: str, configured: bool) -> tuple[Term, ...]:
    """The terms of ``lang`` in a glossary file (read once per run; a missing file has none).

    A file found by the default lookup counts only when it has a ``glossary:`` section (a
    ``_data/<lang>.yml`` may hold other data); a configured one may also hold the terms at the
    top, or one glossary per language (``fr:``, ``ja:``) when its name has no ``{lang}``.
    Raises :class:`InputError` (file and line) for a file that cannot be used.
    """
    try:
        stat = path.stat()
    except OSError:
        return ()
    return _load_terms(path, lang, configured, stat.st_mtime_ns, stat.st_size)


@cache
def _load_terms(path: Path, lang: str, configured: bool, mtime: int, size: int) -> tuple[Term, ...]:
    """:func:`load_terms` for one version of the file (a changed file is read again)."""
    if not path.is_file():
        return ()
    text = read_text(path)
    if not configured and not _SECTION_LINE.search(text):
        return ()
    data = _parse(path, text)
    if isinstance(data, Mapping) and SECTION in data:
        data = data[SECTION]
    elif not configured:
        return ()
    if isinstance(data, Mapping) and lang in data and isinstance(data[lang], Mapping):
        data = data[lang]
        if SECTION in data:
            data = data[SECTION]
    terms, problems = parse(data, str(path), source=False)
    if problems:
        raise InputError(problems[0])
    return terms
