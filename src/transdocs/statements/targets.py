"""The settings a page can state a default for, and how a stated value compares with the package.

Everything comes from :func:`llm_backends.settings.setting_infos`, so a new setting or
a changed default is checked without touching this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from llm_backends.settings import SettingInfo, format_value, setting_infos
from transdocs.statements.values import Value

Kind = Literal["number", "bool", "str"]


@dataclass(frozen=True)
class Target:
    """One setting as the checker sees it."""

    info: SettingInfo
    kind: Kind
    in_seconds: bool

    @property
    def expected(self) -> str:
        return format_value(self.info.default)


def _kind(info: SettingInfo) -> Kind:
    if info.type == "bool":
        return "bool"
    if info.type in ("int", "float"):
        return "number"
    return "str"


@cache
def targets() -> dict[str, Target]:
    """Every setting by field name; secrets are left out (a page must never state a key)."""
    return {info.name: Target(info, _kind(info), info.unit == "seconds") for info in setting_infos() if not info.secret}


@cache
def _by_name() -> dict[str, Target]:
    names: dict[str, Target] = {}
    for target in targets().values():
        names[target.info.env.lower()] = target
        names[target.info.key.lower()] = target
    return names


def lookup(name: str) -> Target | None:
    """The setting named by an env var or a config.toml key (any case)."""
    return _by_name().get(name.strip().lower())


def env_names() -> list[str]:
    return sorted((t.info.env for t in targets().values()), key=len, reverse=True)


def key_names() -> list[str]:
    return sorted((t.info.key for t in targets().values()), key=len, reverse=True)


def compatible(target: Target, value: Value) -> bool:
    """Whether ``value`` can be a value of ``target`` at all (a bool word is no timeout)."""
    if value.kind == "placeholder":
        return True
    if target.kind == "number":
        return value.kind == "number"
    if target.kind == "bool":
        return value.kind == "bool"
    return value.kind == "str"


def stated_if_different(target: Target, value: Value) -> str | None:
    """The stated value as text when it differs from the package default, else None."""
    if value.kind == "placeholder" or not compatible(target, value):
        return None
    default = target.info.default
    if value.kind == "bool":
        return None if value.flag == default else format_value(value.flag)
    if value.kind == "str":
        return None if value.text == default else value.text
    assert value.number is not None
    number = value.number
    if value.unit is not None:
        if not target.in_seconds:
            return None  # "5 seconds" is not a number of retries: not about this setting
        number *= value.unit
    if isinstance(default, int | float) and abs(number - float(default)) < 1e-9:
        return None
    return format_value(float(number))
