"""The settings a site documents, read from the class named in the plugin config.

``settings: package.module:Class`` names a pydantic model or a dataclass (or a mapping of
names to defaults); nothing here names a project. Kept small on purpose: the checker's
settings reader can replace :func:`load_settings` without touching the site build.
"""

from __future__ import annotations

import dataclasses
import importlib
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from transdocs.settings.reader import field_default

MASK = "**********"  # how a secret value is shown, if one is ever given


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


def _is_secret(annotation: Any) -> bool:
    return "Secret" in str(annotation)


def import_object(spec: str) -> Any:
    """``package.module:Name`` -> the object, with a one-line error naming the spec."""
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise SettingsSpecError(f"settings: {spec!r} is not of the form 'package.module:Name'")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise SettingsSpecError(f"settings: cannot import {module_name!r} ({exc})") from None
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise SettingsSpecError(f"settings: module {module_name!r} has no {attribute!r}") from None


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


def load_settings(spec: str, *, env_prefix: str = "") -> list[Setting]:
    """Every setting of ``spec``, with env var ``env_prefix + NAME`` and config key ``name``."""
    return [
        Setting(
            name=name,
            env=env_prefix + name.upper(),
            key=name,
            type=_type_name(annotation),
            default=default,
            description=description,
            unit=extra.get("unit"),
            secret=_is_secret(annotation),
        )
        for name, annotation, default, description, extra in _fields(import_object(spec))
    ]


def format_value(value: Any) -> str:
    """A value as a page shows it in code: ``60.0`` -> ``60``, ``True`` -> ``true``, secrets masked."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "get_secret_value"):
        return MASK
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
