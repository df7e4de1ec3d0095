"""The settings a site documents: each with its type and description for reference tables.

The same reader as the checker's (:mod:`transdocs.settings.reader`): ``module:object`` (a
pydantic model or pydantic-settings class, a dataclass, a mapping) or a ``.json`` / ``.toml``
file, env vars from the prefix or the class's own ``env_prefix`` and aliases, secrets masked
by the one :func:`~transdocs.settings.reader.format_value`.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transdocs.errors import InputError
from transdocs.settings.reader import field_default, import_object, is_file_spec, load_settings


@dataclass(frozen=True)
class Setting:
    """One documented setting: its names, its default and what the reference table says."""

    name: str
    env: str
    key: str
    type: str
    default: Any
    description: str = ""
    unit: str | None = None
    secret: bool = False


class SettingsSpecError(ValueError):
    """The ``settings:`` option does not name something that holds settings."""


def _type_name(annotation: Any) -> str:
    """The type a reader writes: ``str | None`` -> ``str``, ``SecretStr`` -> ``str``."""
    kinds = [kind for kind in typing.get_args(annotation) if kind is not type(None)] or [annotation]
    name = getattr(kinds[0], "__name__", str(kinds[0]))
    return "str" if name.startswith("Secret") else name


def _fields(target: Any) -> list[tuple[str, Any, Any, str, Mapping[str, Any]]]:
    """(name, annotation, default, description, extra) of each field, in declaration order."""
    if isinstance(getattr(target, "model_fields", None), Mapping):  # a pydantic model
        rows = []
        for name, field in target.model_fields.items():
            extra = field.json_schema_extra if isinstance(field.json_schema_extra, Mapping) else {}
            default = field.get_default(call_default_factory=True)
            rows.append((name, field.annotation, default, field.description or "", extra))
        return rows
    if dataclasses.is_dataclass(target):
        hints = typing.get_type_hints(target)
        rows = []
        for field in dataclasses.fields(target):
            meta = field.metadata
            rows.append(
                (field.name, hints.get(field.name), field_default(field), str(meta.get("description", "")), meta)
            )
        return rows
    if isinstance(target, Mapping):
        return [(str(name), type(value), value, "", {}) for name, value in target.items()]
    raise SettingsSpecError(f"settings: {target!r} is not a pydantic model, a dataclass or a mapping")


def documented_settings(spec: str, *, env_prefix: str = "", base: Path | None = None) -> list[Setting]:
    """Every setting of ``spec``; its env var and config key as the checker reads them
    (``env_prefix + NAME`` when the reader finds none), its type and description from the class."""
    try:
        read = {s.name: s for s in load_settings(spec, env_prefix or None, base)}
        rows = [] if is_file_spec(spec) else _fields(import_object(spec, base))
    except InputError as exc:
        raise SettingsSpecError(str(exc)) from None
    if not rows:  # a settings file: no types or descriptions beyond the values
        rows = [(s.name, type(s.default), s.default, "", {}) for s in read.values()]
    found = []
    for name, annotation, default, description, extra in rows:
        checked = read.get(name)
        found.append(
            Setting(
                name=name,
                env=(checked.env if checked is not None and checked.env else env_prefix + name.upper()),
                key=(checked.key if checked is not None and checked.key else name),
                type=_type_name(annotation),
                default=default,
                description=description,
                unit=extra.get("unit"),
                secret="Secret" in str(annotation) or (checked is not None and checked.secret),
            )
        )
    return found
