"""What a function is asked of during a test: it still runs, and its first arguments are kept in order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def first_arguments(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[Any]:
    """The first argument of every call to ``owner.<name>`` from now on (until the test ends)."""
    seen: list[Any] = []
    real: Callable[..., Any] = getattr(owner, name)

    def counted(first: Any, *rest: Any, **named: Any) -> Any:
        seen.append(first)
        return real(first, *rest, **named)

    monkeypatch.setattr(owner, name, counted)
    return seen
