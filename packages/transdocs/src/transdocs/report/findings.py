"""What the checker reports, as text lines or JSON objects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from transdocs.checks import lenient_kinds

# The kinds are declared in transdocs.checks (one module each); these names are for the code that makes findings
# and reads them (a test checks each against its module: written here, the checks can import this module).
ENCODING = "encoding"  # checks/encoding.py
HIDDEN = "hidden-character"  # checks/hidden_character.py
MISSING = "missing-translation"  # checks/missing_translation.py
OUTDATED = "outdated"  # checks/outdated.py
TOO_LARGE = "page-too-large"  # checks/page_too_large.py
STALE = "stale-default"  # checks/stale_default.py
STRUCTURE = "structure"  # checks/structure.py
TRANSLATED_VALUE = "translated-value"  # checks/translated_value.py
UNSUPPORTED = "unsupported-file"  # checks/unsupported_file.py
UNTRANSLATED = "untranslated"  # checks/untranslated.py
VALUE_DRIFT = "value-drift"  # checks/value_drift.py
__all__ = [
    "ENCODING",
    "HIDDEN",
    "LENIENT_KINDS",
    "MISSING",
    "OUTDATED",
    "STALE",
    "STRUCTURE",
    "TOO_LARGE",
    "TRANSLATED_VALUE",
    "UNSUPPORTED",
    "UNTRANSLATED",
    "VALUE_DRIFT",
    "Finding",
    "fails",
    "stale_default",
    "translated_value",
    "untranslated",
    "value_drift",
]
# Reported always, but failing the check only with --strict (a check whose severity is "warning").
LENIENT_KINDS = lenient_kinds()


@dataclass(frozen=True, order=True)
class Finding:
    """One problem on one line; ``setting`` is the env var (else the config key) for value findings."""

    path: str
    line: int
    lang: str | None
    kind: str
    setting: str | None = None
    stated: str | None = None
    expected: str | None = None
    message: str = ""

    def as_text(self) -> str:
        return f"{self.path}:{self.line}: [{self.lang or '?'}] {self.kind} {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def stale_default(path: str, line: int, lang: str | None, setting: str, stated: str, expected: str) -> Finding:
    """``setting`` is the env var, or the config key when the setting has none."""
    message = f"{setting} states {stated}, the default in the code is {expected}"
    return Finding(path, line, lang, STALE, setting, stated, expected, message)


def value_drift(path: str, line: int, lang: str | None, setting: str, stated: str, expected: str) -> Finding:
    """A translation states ``stated`` where its English page states ``expected`` for the same setting."""
    message = f"{setting} states {stated} here, the English page states {expected} in this section"
    return Finding(path, line, lang, VALUE_DRIFT, setting, stated, expected, message)


def translated_value(path: str, line: int, lang: str | None, setting: str, stated: str, expected: str) -> Finding:
    """A translation gives English's default text translated (``'이 페이지에서'`` for ``'On this page'``)."""
    message = (
        f"{setting} states {stated} here, the English page states {expected}: a translated default; "
        "keep the English literal unless the library localises it"
    )
    return Finding(path, line, lang, TRANSLATED_VALUE, setting, stated, expected, message)


def untranslated(path: str, lang: str | None, written_in: str) -> Finding:
    """A page in a language's place that is written in another language (``stated``)."""
    message = (
        f"written in '{written_in}', not in '{lang}': translate it, or move it where '{written_in}' pages go "
        f"(its defaults are checked as '{written_in}')"
    )
    return Finding(path, 1, lang, UNTRANSLATED, stated=written_in, expected=lang, message=message)


def fails(findings: Iterable[Finding], strict: bool) -> bool:
    """Whether these findings should fail a commit or a CI run."""
    return any(strict or f.kind not in LENIENT_KINDS for f in findings)
