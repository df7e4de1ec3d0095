"""The settings a page can state a default for, and how a stated value compares with the code.

The settings come from the project's configuration (:mod:`transdocs.settings.reader`,
set with :func:`configure`), so a new setting or a changed default is checked without
touching this module, and the checker names no project's package.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from transdocs.settings.reader import UNITS, Kind, Setting, format_value
from transdocs.statements.default_match import looks_like, same_default, says_nothing
from transdocs.statements.values import Value


@dataclass(frozen=True)
class Target:
    """One setting as the checker sees it."""

    info: Setting
    # Every default of this name: more than one when a settings file scopes them to pages or sections.
    variants: tuple[Setting, ...] = ()

    @property
    def kind(self) -> Kind:
        return self.info.kind

    @property
    def in_seconds(self) -> bool:
        return self.info.unit is not None

    @property
    def expected(self) -> str:
        return format_value(self.info.default)


@dataclass(frozen=True)
class _Configured:
    settings: tuple[Setting, ...] = ()
    toml_table: str | None = None


_current = _Configured()
# Caches built from the settings (the lexicon's patterns) register here to be dropped on change.
_on_change: list[Callable[[], object]] = []


def configure(settings: Sequence[Setting], toml_table: str | None = None) -> None:
    """Check against these settings from now on (the project's configuration)."""
    global _current
    new = _Configured(tuple(settings), toml_table)
    if new == _current:
        return
    _current = new
    targets.cache_clear()
    _by_name.cache_clear()
    for clear in _on_change:
        clear()


def on_change(clear: Callable[[], object]) -> None:
    """Call ``clear`` whenever :func:`configure` changes the settings."""
    _on_change.append(clear)


def toml_table() -> str | None:
    """The config file table the settings live in (``[tool.x]`` keys at top level count too)."""
    return _current.toml_table


@cache
def targets() -> dict[str, Target]:
    """Every setting by name; secrets are left out (a page must never state a key)."""
    named: dict[str, list[Setting]] = {}
    for setting in _current.settings:
        if not setting.secret:
            named.setdefault(setting.name, []).append(setting)
    # An unscoped default stands for the name (what prose and tables are read against), else the first.
    return {
        name: Target(next((s for s in found if not s.pages and s.section is None), found[0]), tuple(found))
        for name, found in named.items()
    }


@cache
def _by_name() -> dict[str, tuple[Target, bool]]:
    """Lower-cased env var or config key -> (setting, whether the name is an env var)."""
    names: dict[str, tuple[Target, bool]] = {}
    for target in targets().values():
        if target.info.key:
            names[target.info.key.lower()] = (target, False)
        if target.info.env:
            names[target.info.env.lower()] = (target, True)
    return names


def lookup(name: str) -> Target | None:
    """The setting named by an env var or a config key (any case)."""
    found = _by_name().get(name.strip().lower())
    return found[0] if found else None


def is_env(name: str) -> bool:
    """Whether ``name`` is one of the settings' env vars (any case)."""
    found = _by_name().get(name.strip().lower())
    return found is not None and found[1]


def is_key(name: str) -> bool:
    """Whether ``name`` is one of the settings' config keys (any case)."""
    found = _by_name().get(name.strip().lower())
    return found is not None and not found[1]


def env_names() -> list[str]:
    return sorted((t.info.env for t in targets().values() if t.info.env), key=len, reverse=True)


def key_names() -> list[str]:
    return sorted((t.info.key for t in targets().values() if t.info.key), key=len, reverse=True)


def compatible(target: Target, value: Value) -> bool:
    """Whether ``value`` can be a value of ``target`` at all (a bool word is no timeout)."""
    if value.kind == "placeholder":
        return True
    if target.kind == "number":
        return value.kind == "number"
    if target.kind == "bool":
        return value.kind == "bool"
    if target.kind in ("list", "object"):
        return value.kind == "str" and looks_like(value.text, target.kind)
    return value.kind == "str"


def stated_if_different(target: Target, value: Value) -> str | None:
    """The stated value as text when it differs from the default in the code, else None."""
    if value.kind == "placeholder" or not compatible(target, value):
        return None
    default = target.info.default
    if value.kind == "bool":
        return None if value.flag == default else format_value(value.flag)
    if value.kind == "str":
        if says_nothing(value.text) and default is not None:
            return None  # a table's "-": no default given, not a different one
        return None if value.text == default or same_default(value.text, default) else value.text
    assert value.number is not None
    number = value.number
    if value.unit is not None:
        if target.info.unit is None:
            return None  # "5 seconds" is not a number of retries: not about this setting
        number = number * value.unit / UNITS[target.info.unit]
    if isinstance(default, int | float) and abs(number - float(default)) < 1e-9:
        return None
    if not math.isfinite(number):  # thousands of digits: shown as written, cut short
        return value.text if len(value.text) <= 40 else f"{value.text[:20]}…{value.text[-8:]}"
    return format_value(float(number))
