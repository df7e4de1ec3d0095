"""The settings a page can state a default for, and how a stated value compares with the code.

The settings come from the project's configuration (:mod:`transdocs.settings.reader`, read by
:meth:`transdocs.project.Project.targets`) and travel with the run's context, so a new setting
or a changed default is checked without touching this module, the checker names no project's
package, and two projects checked in one process each get their own answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

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


class Targets:
    """The settings one project's pages are compared with, by name, env var and config key.

    One per project run (the runner's context holds it; every statement reader gets it through
    its lexicon), so two projects checked in one process each get their own answer. Secrets are
    left out: a page must never state a key.
    """

    def __init__(self, settings: Sequence[Setting] = (), toml_table: str | None = None) -> None:
        self.settings = tuple(settings)
        # The config file table the settings live in (``[tool.x]`` keys at top level count too).
        self.toml_table = toml_table
        named: dict[str, list[Setting]] = {}
        for setting in self.settings:
            if not setting.secret:
                named.setdefault(setting.name, []).append(setting)
        # An unscoped default stands for the name (what prose and tables are read against), else the first.
        self.by_setting: dict[str, Target] = {
            name: Target(next((s for s in found if not s.pages and s.section is None), found[0]), tuple(found))
            for name, found in named.items()
        }
        # Lower-cased env var or config key -> (setting, whether the name is an env var).
        self._names: dict[str, tuple[Target, bool]] = {}
        for target in self.by_setting.values():
            if target.info.key:
                self._names[target.info.key.lower()] = (target, False)
            if target.info.env:
                self._names[target.info.env.lower()] = (target, True)
        self.env_names = sorted((t.info.env for t in self.by_setting.values() if t.info.env), key=len, reverse=True)
        self.key_names = sorted((t.info.key for t in self.by_setting.values() if t.info.key), key=len, reverse=True)
        self._hash = hash((tuple((s.name, s.env, s.key) for s in self.settings), self.toml_table))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Targets) and (self.settings, self.toml_table) == (other.settings, other.toml_table)

    def __hash__(self) -> int:  # equal settings, equal names (a default may be a list: not hashable)
        return self._hash

    def __bool__(self) -> bool:
        return bool(self.by_setting)

    def __repr__(self) -> str:
        return f"Targets({len(self.by_setting)} settings, toml_table={self.toml_table!r})"

    def lookup(self, name: str) -> Target | None:
        """The setting named by an env var or a config key (any case)."""
        found = self._names.get(name.strip().lower())
        return found[0] if found else None

    def is_env(self, name: str) -> bool:
        """Whether ``name`` is one of the settings' env vars (any case)."""
        found = self._names.get(name.strip().lower())
        return found is not None and found[1]

    def is_key(self, name: str) -> bool:
        """Whether ``name`` is one of the settings' config keys (any case)."""
        found = self._names.get(name.strip().lower())
        return found is not None and not found[1]


NO_SETTINGS = Targets()  # no settings configured: no value to compare with


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
