"""Every value a page can show: the configured settings, plus the project's own extras.

Generic placeholders come from the settings (``{{ timeout.default }}``, ``.env``, ``.key``,
``.type``, and ``.with_unit`` for a setting with a unit). Anything project-specific (our
retry schedule) comes from an extras file named in the plugin config, loaded by path on
every build, which may add placeholder values and blocks:

    def placeholders(site: SiteValues) -> Mapping[str, str | int | float | Quantity]: ...
    BLOCKS: Mapping[str, Callable[[SiteValues, SiteText], Block]] = {...}
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transdocs.settings.documented import Setting
from transdocs.settings.reader import format_value
from transdocs.site.units import Quantity, format_quantity

if TYPE_CHECKING:
    from transdocs.site.site_text import SiteText

Renderer = Callable[["SiteValues", "SiteText"], "Block"]


@dataclass(frozen=True)
class Block:
    """Rendered block: raw HTML to keep as is, or Markdown to be parsed with the page."""

    text: str
    is_html: bool


Value = str | int | float | Quantity | None


def _no_values(site: SiteValues) -> Mapping[str, Value]:
    return {}


@dataclass(frozen=True)
class Extras:
    """What a project's extras file adds: placeholder values computed from the settings, and blocks."""

    placeholders: Callable[[SiteValues], Mapping[str, Value]] = _no_values
    blocks: Mapping[str, Renderer] = field(default_factory=dict)


class ExtrasError(ValueError):
    """The extras file cannot be loaded or does not have the expected shape."""


def load_extras(path: Path) -> Extras:
    """Execute the extras file afresh (so ``mkdocs serve`` sees an edit) and read what it offers."""
    name = f"_transdocs_extras_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ExtrasError(f"extras: cannot load {path} as a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and typing look their module up by name
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise ExtrasError(f"extras: {path} failed to load: {type(exc).__name__}: {exc}") from exc
    placeholders = getattr(module, "placeholders", _no_values)
    blocks = getattr(module, "BLOCKS", {})
    if not callable(placeholders) or not isinstance(blocks, Mapping):
        raise ExtrasError(f"extras: {path}: expected a function placeholders(site) and a mapping BLOCKS")
    return Extras(placeholders, dict(blocks))


@dataclass(frozen=True)
class CssClasses:
    """The class names the plugin writes into pages (``code_class``, ``notice_class`` in mkdocs.yml),
    so a project styles them under its own names."""

    code: str = "transdocs-code"  # a table cell holding code (settings table defaults, names)
    notice: str = "transdocs-notice"  # the untranslated/outdated notice; "-<kind>" is added for each kind


@dataclass(frozen=True)
class SiteValues:
    """The settings and extras of one build; every page and block reads its values here."""

    settings: tuple[Setting, ...]
    toml_table: str | None = None
    extras: Extras = field(default_factory=Extras)
    classes: CssClasses = field(default_factory=CssClasses)
    # language -> scalar texts: every page of a language shows the same ones (CLDR is not free).
    _texts: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def defaults(self) -> dict[str, Any]:
        return {setting.name: setting.default for setting in self.settings}

    def with_defaults(self, **changes: Any) -> SiteValues:
        """The same site with other defaults (to see that every page and block follows them)."""
        unknown = changes.keys() - self.defaults.keys()
        if unknown:
            raise KeyError(f"no such setting: {', '.join(sorted(unknown))}")
        settings = tuple(
            dataclasses.replace(s, default=changes[s.name]) if s.name in changes else s for s in self.settings
        )
        return dataclasses.replace(self, settings=settings, _texts={})

    @cached_property
    def scalars(self) -> dict[str, Value]:
        """Every scalar placeholder name and its value, before it is put in a language."""
        values: dict[str, Value] = {}
        for setting in self.settings:
            values[f"{setting.name}.default"] = setting.default
            if setting.unit:
                values[f"{setting.name}.with_unit"] = (
                    None if setting.default is None else Quantity(setting.default, setting.unit)
                )
            values[f"{setting.name}.env"] = setting.env
            values[f"{setting.name}.key"] = setting.key
            values[f"{setting.name}.type"] = setting.type
        values.update(self.extras.placeholders(self))
        return values

    def scalar_texts(self, text: SiteText) -> dict[str, str]:
        """Every scalar placeholder as a page in ``text``'s language shows it."""
        if text.language not in self._texts:
            self._texts[text.language] = {name: shown(value, text) for name, value in self.scalars.items()}
        return self._texts[text.language]


def shown(value: Value, text: SiteText) -> str:
    """A value as a page shows it: ``not set`` in the page's language, units in its words."""
    if value is None:
        return text["not_set"]
    if isinstance(value, Quantity):
        return format_quantity(value, text.language)
    return value if isinstance(value, str) else format_value(value)
