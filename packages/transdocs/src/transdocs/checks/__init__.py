"""Every kind of finding, one module each: its name, severity, description, what it does to a
translation, and the check that makes it.

A module here declares ``KIND``, ``CHECK = Check(...)`` and ``run(page, context)`` (the page's
findings of that kind), and may declare ``finish(context)`` (findings only the whole run can
tell). The registry finds the modules present, so a new kind is one new file (README's table of
kinds is tested against ``check-docs --list-kinds``). At the top the modules import nothing but
this one, and their ``run`` imports what it needs when called: the report, the translator tools
and the CLI read the declarations without loading the checker.

The runner (:mod:`transdocs.runner`) reads each page once into a :class:`PageRead` and builds one
:class:`Context` per run; every check gets both.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

    from transdocs.align.compare import Laid
    from transdocs.encoding.mojibake import EncodingProblem
    from transdocs.languages.detect import Reading
    from transdocs.languages.words import LanguageFiles
    from transdocs.pages.discover import Discovery, Page
    from transdocs.pages.document import Document
    from transdocs.pages.visible import Hidden
    from transdocs.report.findings import Finding
    from transdocs.statements.targets import Targets
    from transdocs.translations.value_drift import Statements

Severity = Literal["error", "warning"]
# What a finding makes of a translation in translation-status (None: nothing).
Affects = Literal["broken", "untranslated", "outdated", "missing"] | None


@dataclass(frozen=True)
class Check:
    """One kind of finding. A ``warning`` fails the run only with ``--strict``."""

    kind: str
    severity: Severity
    description: str
    affects: Affects
    explain: str = ""

    def as_dict(self) -> dict[str, str | None]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "description": self.description,
            "affects": self.affects,
        }


def _source_hash(text: str) -> str:
    """:func:`~transdocs.translations.source_hash.source_hash`, imported when a run first needs one."""
    from transdocs.translations.source_hash import source_hash

    return source_hash(text)


@dataclass(frozen=True)
class EnglishRead:
    """A translation's English page, read once for all its translations."""

    text: str  # as readers see its numbers (see pages.visible)
    doc: Document | None  # None when the English page itself is unreadable or too large
    values: Statements = field(default_factory=dict)  # numbers next to settings, per section (value drift)
    laid: Laid | None = None  # its sections and the places that state values (aligned value drift)
    source: str | None = None  # the file as it is (None when not read)
    # Results every translation of it would compute alike (see :meth:`once`).
    _shared: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def hash(self) -> str:
        """source_hash of the file as it is ("" when not read), worked out when first asked: only a
        translation that records a source_hash asks (most projects' translations record none)."""
        source = self.source
        found: str = self.once("hash", lambda: _source_hash(source)) if source is not None else ""
        return found

    def once(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, computed once for this English page however many translations ask under ``name``."""
        if name not in self._shared:
            self._shared[name] = compute()
        return self._shared[name]


@dataclass
class PageRead:
    """One page as the runner read it, once, for every check."""

    page: Page
    raw: str = ""  # the file's text as decoded ("" when too large)
    text: str = ""  # as readers see its numbers (pages.visible); "" when not read
    lang: str | None = None  # the language it declares (its place, <html lang>, or --lang)
    written_in: str | None = None  # the language it is written in (detected, else ``lang``)
    reading: Reading | None = None  # what its prose says about its language
    doc: Document | None = None  # None when the page could not be read (too large, not decodable)
    problem: EncodingProblem | None = None  # broken encoding: other checks of its text stay quiet
    hidden: list[Hidden] = field(default_factory=list)  # what hid a number from readers
    oversize: str | None = None  # why the page was not read: it is too large
    english: EnglishRead | None = None  # a translation's English page; None when there is none
    english_shown: str | None = None  # a translation's English page as shown (it may not exist)
    recorded_hash: str | None = None  # the source_hash the translation records, if any
    # Results shared by several checks of this page (see :meth:`once`).
    _shared: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def shown(self) -> str:
        return self.page.shown

    @property
    def is_translation(self) -> bool:
        """A page that translates an English page (which may be missing)."""
        return self.page.english is not None

    @property
    def compared(self) -> bool:
        """A readable translation of a readable English page, its encoding sound: compare the two."""
        english = self.english
        return self.doc is not None and self.problem is None and english is not None and english.doc is not None

    def once(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, computed once for this page however many checks ask under ``name``."""
        if name not in self._shared:
            self._shared[name] = compute()
        return self._shared[name]


@dataclass
class Context:
    """One run of the checker over a project: its settings, language files, options, pages.

    The ``unstamped`` ... ``uses_placeholders`` fields are what the run learned across pages;
    they are filled in before the ``finish`` hooks run (pages may come from the page cache or
    from worker processes, so a ``run`` must not count on them).
    """

    discovery: Discovery
    targets: Targets  # the settings pages are compared with
    languages: LanguageFiles  # the language files: ours and the project's
    source_lang: str = "en"  # the language of the pages translated from
    strict: bool = False
    # The project's glossary files, absolute, {lang} for the language (None: <docs>/_data/<lang>.yml).
    glossary: str | None = None
    unstamped: list[Page] = field(default_factory=list)  # translations that record no source_hash
    stamped: bool = False  # whether any translation records a source_hash
    english_of: dict[str, str] = field(default_factory=dict)  # translated page -> its English page, as shown
    uses_placeholders: bool = False  # whether an English page writes our placeholders
    # What pages of the run share (see :meth:`once`).
    _shared: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    def show(self, path: Path) -> str:
        return self.discovery.show(path)

    def once(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``, computed once in this run however many pages ask under ``key`` (what
        depends only on the run's configuration and files, such as a language's glossary terms)."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]


class Unit(NamedTuple):
    """A check module: its declaration, its per-page ``run`` and its optional ``finish``."""

    check: Check
    run: Callable[[PageRead, Context], list[Finding]] | None
    finish: Callable[[Context], list[Finding]] | None


def _modules() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{module.name}") for module in pkgutil.iter_modules(__path__)]


@cache
def units() -> tuple[Unit, ...]:
    """The check modules present, by kind."""
    found = []
    for module in _modules():
        check = getattr(module, "CHECK", None)
        if isinstance(check, Check):
            found.append(Unit(check, getattr(module, "run", None), getattr(module, "finish", None)))
    return tuple(sorted(found, key=lambda u: u.check.kind))


def all_checks() -> tuple[Check, ...]:
    """The checks of the modules present, by kind."""
    return tuple(unit.check for unit in units())


def by_kind(kind: str) -> Check | None:
    return next((check for check in all_checks() if check.kind == kind), None)


def lenient_kinds() -> frozenset[str]:
    """Kinds reported always but failing the run only with ``--strict``."""
    return frozenset(check.kind for check in all_checks() if check.severity == "warning")


def kinds_affecting(state: str) -> frozenset[str]:
    """Kinds that give a translation this state in translation-status."""
    return frozenset(check.kind for check in all_checks() if check.affects == state)
