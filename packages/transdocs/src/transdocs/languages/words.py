"""One language's words, read from ``data/<lang>.toml`` and checked against a small schema.

A translator extends or adds a language without reading Python: the file names each
word class (see :class:`Words`), and a wrong key or value is a one-line error naming
the file and the key. Files are read only for the languages a run meets, then cached.
Projects can add directories of their own language files (:class:`LanguageFiles`, one per
run, in its context): a file there adds a language, or adds words to one we ship.

Word conventions: Latin and Arabic entries match whole words (Arabic entries also after
the clitics و ف ب ل); CJK entries match anywhere; an entry starting with ``~`` matches
anywhere in any script. Matching ignores case, and Arabic diacritics and tatweel.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from transdocs.datafile import read_toml
from transdocs.errors import InputError
from transdocs.languages.scripts import SCRIPTS
from transdocs.languages.tags import base_language, is_language_tag
from transdocs.languages.typography import Rule
from transdocs.languages.typography import parse as parse_typography

DATA_DIR = Path(__file__).parent / "data"


class LanguageDataError(InputError):
    """A language file that cannot be used: bad TOML, an unknown key, a value of the wrong type."""


@dataclass(frozen=True)
class Words:
    """One language's word classes (the keys of a language file)."""

    # "default": a value next to one of these is the default.
    default: tuple[str, ...] = ()
    # "is": joins a setting to its value ("X is 5", "X 为 5", "X は 5", "X vaut 5").
    copula: tuple[str, ...] = ()
    # A passive "is set to" ("X is set to 5", "X est fixé à 5", "X está configurado para 5"):
    # joins a setting to its value like ``=``, only in a sentence that says default
    # ("By default, X is set to 5"); without one it describes a configuration, not the default.
    set_copula: tuple[str, ...] = ()
    # Several settings, several values, paired in order.
    respectively: tuple[str, ...] = ()
    # Conditions, instructions, examples and constraints: "if X is 0", "set X to 2".
    blocker: tuple[str, ...] = ()
    # The value belongs to something else: "litellm's default of 2", "instead of".
    foreign: tuple[str, ...] = ()
    # Words that sit harmlessly between a setting and a value ("X 的值为 5", "X est de 5").
    glue: tuple[str, ...] = ()
    # Words that contain a blocker but are not one ("超时" contains "时"); matched first.
    neutral: tuple[str, ...] = ()
    # "and" between settings or values ("X and Y", "3 和 60").
    conjunction: tuple[str, ...] = ()
    # Time units after a number, in seconds.
    units: dict[str, float] = field(default_factory=dict)
    # Words for "2 minutes" as one word (Arabic duals): word -> (number, seconds per unit).
    dual_units: dict[str, tuple[float, float]] = field(default_factory=dict)
    # Counters after a number ("5 retries", "5 次", "5 回").
    counters: tuple[str, ...] = ()
    # Number words, accepted before a unit or a counter ("two minutes", "deux minutes").
    number_words: dict[str, int] = field(default_factory=dict)
    true_words: tuple[str, ...] = ()
    false_words: tuple[str, ...] = ()
    # Table header words for the default column (besides ``default`` words).
    default_header: tuple[str, ...] = ()
    # Frequent words of any prose in the language (articles, particles): they tell which
    # language a page is really written in (see ``detect.py``).
    common_words: tuple[str, ...] = ()
    # The decimal mark of numbers in prose ("," in French: "1,5 s").
    decimal_mark: str = "."
    # The scripts the language is written in (names from ``scripts.SCRIPTS``).
    scripts: tuple[str, ...] = ()
    # The language's own name, for messages.
    name: str = ""
    # Which way its text runs: "ltr", or "rtl" (Arabic, Hebrew): the site isolates code in its prose.
    direction: str = "ltr"
    # Written without spaces between words (Chinese): the site's search segments it into words.
    segmented: bool = False
    # Other codes for the language (three-letter ISO 639 codes such as "fra" and "fre").
    aliases: tuple[str, ...] = ()
    # What its readers expect around punctuation ([[typography]] tables, see typography.py).
    typography: tuple[Rule, ...] = ()


_LISTS = tuple(f.name for f in fields(Words) if f.type == "tuple[str, ...]" and f.name != "scripts")
_KNOWN = {f.name for f in fields(Words)}


def _fail(path: Path, key: str, message: str) -> LanguageDataError:
    return LanguageDataError(f"{path}: key '{key}': {message}")


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _table(path: Path, data: dict[str, Any], key: str) -> dict[str, Any]:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise _fail(path, key, "expected a table of word = value lines")
    return table


# The most entries a word class may hold (ours hold under 200): every entry becomes a branch
# of a compiled pattern, and compiling 100,000 of them takes a minute and more.
MAX_ENTRIES = 5_000


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, key, "expected a list of non-empty strings")
    if len(value) > MAX_ENTRIES:
        raise _fail(path, key, f"{len(value):,} entries, over the {MAX_ENTRIES:,} a word class may hold")
    return tuple(value)


def parse(path: Path, data: dict[str, Any]) -> Words:
    """Check one file's contents against the schema and turn it into :class:`Words`."""
    for key in data:
        if key not in _KNOWN:
            raise _fail(path, key, f"unknown key (known keys: {', '.join(sorted(_KNOWN))})")
    values: dict[str, Any] = {key: _strings(path, key, data[key]) for key in _LISTS if key in data}
    scripts = _strings(path, "scripts", data.get("scripts", []))
    for script in scripts:
        if script not in SCRIPTS:
            raise _fail(path, "scripts", f"unknown script {script!r} (known: {', '.join(SCRIPTS)})")
    values["scripts"] = scripts
    for key in ("name", "decimal_mark"):
        if key in data and not isinstance(data[key], str):
            raise _fail(path, key, "expected a string")
    if data.get("direction", "ltr") not in ("ltr", "rtl"):
        raise _fail(path, "direction", 'expected "ltr" or "rtl"')
    if not isinstance(data.get("segmented", False), bool):
        raise _fail(path, "segmented", "expected true or false")
    values.update({key: data[key] for key in ("direction", "segmented") if key in data})
    if data.get("decimal_mark", ".") not in (".", ",", "٫"):
        raise _fail(path, "decimal_mark", 'expected ".", "," or "٫"')
    values.update({key: data[key] for key in ("name", "decimal_mark") if key in data})
    for key in _TABLES:
        if len(_table(path, data, key)) > MAX_ENTRIES:
            raise _fail(path, key, f"over the {MAX_ENTRIES:,} entries a word class may hold")
    units = _table(path, data, "units")
    for word, seconds in units.items():
        if not _number(seconds) or seconds <= 0:
            raise _fail(path, f"units.{word}", "expected a number of seconds greater than 0")
    numbers = _table(path, data, "number_words")
    for word, number in numbers.items():
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise _fail(path, f"number_words.{word}", "expected a whole number, 0 or more")
    duals: dict[str, tuple[float, float]] = {}
    for word, spec in _table(path, data, "dual_units").items():
        if not isinstance(spec, dict) or set(spec) != {"count", "seconds"} or not all(map(_number, spec.values())):
            raise _fail(path, f"dual_units.{word}", "expected { count = <number>, seconds = <number> }")
        duals[word] = (float(spec["count"]), float(spec["seconds"]))
    return Words(
        **values,
        typography=parse_typography(path, data.get("typography")),
        units={word: float(seconds) for word, seconds in units.items()},
        number_words=dict(numbers),
        dual_units=duals,
    )


def read_file(path: Path) -> Words:
    """One language file, checked; :class:`LanguageDataError` names the file and the key."""
    try:
        _, data = read_toml(path)
    except InputError as exc:
        raise LanguageDataError(str(exc)) from None
    return parse(path, data)


def merge(first: Words, more: Words) -> Words:
    """``first`` with ``more``'s words added (a project's file extending a language we ship)."""
    changes: dict[str, Any] = {name: getattr(first, name) + getattr(more, name) for name in (*_LISTS, "scripts")}
    changes.update({name: {**getattr(first, name), **getattr(more, name)} for name in _TABLES})
    changes["typography"] = first.typography + more.typography
    changes.update({name: getattr(more, name) for name in ("name", "decimal_mark") if getattr(more, name) != ""})
    if more.direction != "ltr":
        changes["direction"] = more.direction
    changes["segmented"] = first.segmented or more.segmented
    if more.decimal_mark == "." and first.decimal_mark != ".":
        changes["decimal_mark"] = first.decimal_mark
    return replace(first, **changes)


_TABLES = ("units", "dual_units", "number_words")


class LanguageFiles:
    """The language files one run reads: ours, then a project's own folders (``--languages``).

    Each file is read on first use, then kept. A project's file adds a language, or adds words
    to one we ship. Equal folders make equal values, so caches of compiled words keyed on them
    are shared by runs over the same project.
    """

    def __init__(self, dirs: Iterable[Path | str] = ()) -> None:
        self.extra = tuple(Path(d) for d in dirs)
        for folder in self.extra:
            if not folder.is_dir():
                raise LanguageDataError(f"{folder}: languages directory does not exist")
        self.dirs = (DATA_DIR, *self.extra)
        self._loaded: dict[str, Words | None] = {}
        self._available: list[str] | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LanguageFiles) and self.extra == other.extra

    def __hash__(self) -> int:
        return hash(self.extra)

    def __repr__(self) -> str:
        return f"LanguageFiles({', '.join(map(str, self.extra))})"

    def available(self) -> list[str]:
        """Every language with a file, ours and the project's."""
        if self._available is None:
            found = {p.stem for folder in self.dirs for p in folder.glob("*.toml") if is_language_tag(p.stem)}
            self._available = sorted(found)
        return self._available

    def _load(self, tag: str) -> Words | None:
        if tag not in self._loaded:
            base = base_language(tag)
            names = [base] if tag.lower() == base else [base, tag]
            found = [folder / f"{name}.toml" for name in names for folder in self.dirs]
            loaded = [read_file(path) for path in found if path.is_file()]
            words = loaded[0] if loaded else None
            for more in loaded[1:]:
                assert words is not None
                words = merge(words, more)
            self._loaded[tag] = words
        return self._loaded[tag]

    def has_words(self, tag: str) -> bool:
        """A language file exists for ``tag``'s base language (or the tag itself)."""
        return self._load(tag) is not None

    def words(self, tag: str) -> Words:
        """The words for a language tag (``pt-BR`` reads ``pt.toml``, then ``pt-BR.toml`` if any).

        A language without a file has no words: the checks that need none still run.
        """
        return self._load(tag) or Words()

    def right_to_left(self, tag: str) -> bool:
        """Whether the language of ``tag`` is written right to left (its file says ``direction = "rtl"``)."""
        return self.words(tag).direction == "rtl"

    def segmented(self, tag: str) -> bool:
        """Whether the language of ``tag`` is written without spaces between words (``segmented = true``)."""
        return self.words(tag).segmented


# Our language files alone: what the site and the translator tools read, and the default of the
# readers below; a run of the checker passes its project's (``Context.languages``).
OURS = LanguageFiles()


def available_languages() -> list[str]:
    """Every language we ship a file for."""
    return OURS.available()


def right_to_left(tag: str) -> bool:
    """Whether the language of ``tag`` is written right to left (its file says ``direction = "rtl"``)."""
    return OURS.right_to_left(tag)


def segmented(tag: str) -> bool:
    """Whether the language of ``tag`` is written without spaces between words (``segmented = true``)."""
    return OURS.segmented(tag)


def has_words(tag: str) -> bool:
    """A file we ship exists for ``tag``'s base language (or the tag itself)."""
    return OURS.has_words(tag)


def words(tag: str) -> Words:
    """The words we ship for a language tag (``pt-BR`` reads ``pt.toml``, then ``pt-BR.toml`` if any).

    A language without a file has no words: the checks that need none still run.
    """
    return OURS.words(tag)
