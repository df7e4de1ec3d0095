"""What the checker reports, as text lines or JSON objects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

STALE, ENCODING, STRUCTURE, MISSING, OUTDATED = (
    "stale-default",
    "encoding",
    "structure",
    "missing-translation",
    "outdated",
)
UNSUPPORTED = "unsupported-file"
KINDS = (STALE, ENCODING, STRUCTURE, MISSING, OUTDATED, UNSUPPORTED)
# Reported always, but failing the check only with --strict.
LENIENT_KINDS = frozenset({OUTDATED})


@dataclass(frozen=True, order=True)
class Finding:
    """One problem on one line; ``setting`` is the env var name for stale defaults."""

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


def stale_default(path: str, line: int, lang: str | None, env: str, stated: str, expected: str) -> Finding:
    message = f"{env} states {stated}, package default is {expected}"
    return Finding(path, line, lang, STALE, env, stated, expected, message)


def fails(findings: Iterable[Finding], strict: bool) -> bool:
    """Whether these findings should fail a commit or a CI run."""
    return any(strict or f.kind not in LENIENT_KINDS for f in findings)
