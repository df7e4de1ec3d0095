"""A project's settings as the checker sees them, from the spec its configuration names.

A spec is either ``module:object`` — a pydantic model or pydantic-settings class, a
dataclass, or a mapping ``{name: default}`` — imported from the current environment,
or a ``.json`` / ``.toml`` file holding such a mapping, or a list of objects
``{"name", "env", "key", "default"}`` (optionally ``"unit"`` and ``"secret"``) for settings
whose env var or config key does not follow the prefix rule (``null``: there is none).
In TOML the list is an array of tables, ``[[settings]]``, and ``""`` stands for null.
A default may be any JSON value (string, number, bool, null, list, object): pages state
all of them, and they are compared by :mod:`transdocs.statements.default_match`
(the value rules of :mod:`transdocs.values`).

With the mapping form the env var is ``PREFIX + NAME`` upper-cased (none when there is
no prefix: a bare ``TIMEOUT`` would match the word "timeout" in prose) and the config
key is the name. A file spec imports nothing but the standard library.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import math
import os
import re
import sys
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from transdocs.datafile import parse_json, parse_toml, read_text
from transdocs.errors import InputError

Kind = Literal["number", "bool", "str", "list", "object", "none"]
# Seconds in one of each unit a setting may be measured in.
UNITS = {"seconds": 1.0, "s": 1.0, "milliseconds": 0.001, "ms": 0.001, "minutes": 60.0, "min": 60.0, "hours": 3600.0}
# A number setting with no declared unit is in seconds when its name says so (timeout, retry_max_wait).
_SECONDS_NAME = re.compile(r"(?:^|_)(?:timeout|wait|delay|interval|backoff|ttl|seconds|secs)(?:_|$)", re.IGNORECASE)
_MILLISECONDS_NAME = re.compile(r"(?:^|_)(?:ms|millis|milliseconds)$", re.IGNORECASE)
_SECRET_TYPES = ("SecretStr", "SecretBytes")
_FIELDS = ("name", "env", "key", "default", "unit", "secret", "pages", "section")


@dataclass(frozen=True)
class Setting:
    """One setting a page may state a default for."""

    name: str
    env: str | None
    key: str | None
    default: Any
    kind: Kind
    unit: str | None = None
    secret: bool = False
    # Where this default applies when a name has several (see transdocs.statements.scope):
    # pages (paths or patterns of English pages) and a section (heading text, id or anchor).
    pages: tuple[str, ...] = ()
    section: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "pages", tuple(self.pages))  # a list when read back from the cache

    @property
    def label(self) -> str:
        """How findings name the setting: its env var, or its config key when it has none."""
        return self.env or self.key or self.name


MASK = "**********"  # how a secret value is shown, wherever one would be
# Words of a setting's name that say its value is a credential (api_key, GITHUB_TOKEN, dbPassword).
_SECRET_WORDS = frozenset(
    {"key", "apikey", "token", "secret", "password", "passwd", "pwd", "credential", "credentials"}
)
_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# Values shaped like a credential whatever the name: provider prefixes, a JWT, userinfo in a URL...
_SECRET_SHAPES = re.compile(
    r"^(?:sk|pk|rk)[-_][A-Za-z0-9_-]{8,}|^(?:ghp|gho|ghu|ghs|ghr|github_pat|glpat|xox[abprs])[-_]"
    r"|^(?:AKIA|ASIA)[A-Z0-9]{12,}|^AIza[0-9A-Za-z_-]{20,}|^eyJ[A-Za-z0-9_-]{8,}\.|://[^/@\s]*:[^/@\s]+@"
)
# ...or one run of 20+ letters and digits, mixed (a random token, base64, a long hex digest).
_LONG_RUN = re.compile(r"[A-Za-z0-9+=]{20,}")


def looks_secret(name: str, value: Any) -> bool:
    """Whether a setting's value must never be shown: a credential by its name or by its shape.

    Only text can be a credential: ``max_token_count = 100`` stays a number a page may state.
    """
    if value is None or isinstance(value, bool | int | float):
        return False
    text = str(value.get_secret_value() if hasattr(value, "get_secret_value") else value)
    if {word.lower() for word in _NAME_WORDS.findall(name)} & _SECRET_WORDS:
        return True
    if _SECRET_SHAPES.search(text):
        return True
    for run in _LONG_RUN.findall(text):
        digits, lower, upper = (any(test(c) for c in run) for test in (str.isdigit, str.islower, str.isupper))
        if digits and ((lower and upper) or (len(run) >= 32 and all(c in "0123456789abcdefABCDEF" for c in run))):
            return True
    return False


def format_value(value: Any, secret: bool = False) -> str:
    """A default as pages write it: 60.0 -> 60, True -> true, None -> not set; a secret masked."""
    if value is None:
        return "not set"
    if secret or hasattr(value, "get_secret_value"):
        return MASK
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _kind(annotation: Any, default: Any) -> Kind:
    """The declared type's kind (``float | None`` is a number), else the default's: any JSON value has one."""
    candidates = [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]
    for kind in (*candidates, type(default)):
        kind = typing.get_origin(kind) or kind
        if kind is bool:
            return "bool"
        if kind in (int, float):
            return "number"
        if kind is str or getattr(kind, "__name__", "") in _SECRET_TYPES:
            return "str"
        if kind in (list, tuple, set, frozenset):
            return "list"
        if kind is dict:
            return "object"
    return "none" if default is None else "str"


def _unit(name: str, kind: Kind, declared: Any) -> str | None:
    if declared is not None:
        if declared not in UNITS:
            raise ValueError(f"unit {declared!r} is not one of {', '.join(UNITS)}")
        return str(declared)
    if kind != "number":
        return None
    if _MILLISECONDS_NAME.search(name):
        return "milliseconds"
    return "seconds" if _SECONDS_NAME.search(name) else None


def _make(
    name: str,
    default: Any,
    prefix: str | None,
    *,
    annotation: Any = None,
    unit: Any = None,
    secret: bool = False,
    env: Any = ...,
    key: Any = ...,
) -> Setting | None:
    kind = _kind(annotation, default)
    if isinstance(default, set | frozenset | tuple):
        default = list(default)
    if isinstance(default, float) and not math.isfinite(default):
        default = None
    secret = (
        secret
        or any(t in str(annotation) for t in _SECRET_TYPES)
        or any(looks_secret(str(n), default) for n in (name, env, key) if n not in (..., None))
    )
    return Setting(
        name=name,
        env=(prefix + name).upper() if env is ... and prefix else (None if env is ... else env),
        key=name if key is ... else key,
        default=default,
        kind=kind,
        unit=_unit(name, kind, unit),
        secret=secret,
    )


def _from_pydantic(model: Any, prefix: str | None) -> list[Setting]:
    config = getattr(model, "model_config", {}) or {}
    if prefix is None and config.get("env_prefix"):
        prefix = str(config["env_prefix"])
    found = []
    for name, field in model.model_fields.items():
        if field.default_factory is not None:
            default = field.default_factory()
        else:
            default = None if field.is_required() else field.default
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        alias = field.validation_alias if isinstance(field.validation_alias, str) else None
        setting = _make(
            name,
            default,
            prefix,
            annotation=field.annotation,
            unit=extra.get("unit"),
            secret=bool(extra.get("secret", False)),
            **({"env": alias.upper()} if alias and prefix is not None else {}),
        )
        if setting is not None:
            found.append(setting)
    return found


def field_default(field: dataclasses.Field[Any]) -> Any:
    """A dataclass field's default (its factory called), None when it has none."""
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return None


def _from_dataclass(cls: Any, prefix: str | None) -> list[Setting]:
    try:
        hints = typing.get_type_hints(cls)
    except Exception:
        hints = {}
    found = []
    for field in dataclasses.fields(cls):
        default = field_default(field)
        meta = field.metadata
        setting = _make(
            field.name,
            default,
            prefix,
            annotation=hints.get(field.name),
            unit=meta.get("unit"),
            secret=bool(meta.get("secret", False)),
            **{k: meta[k] for k in ("env", "key") if k in meta},
        )
        if setting is not None:
            found.append(setting)
    return found


def _from_mapping(values: Mapping[str, Any], prefix: str | None) -> list[Setting]:
    settings = (_make(str(name), default, prefix) for name, default in values.items())
    return [s for s in settings if s is not None]


def _from_list(items: list[Any], prefix: str | None, where: str) -> list[Setting]:
    found = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise InputError(f'{where}: setting {number} needs a "name"')
        unknown = sorted(set(item) - set(_FIELDS))
        if unknown:
            raise InputError(f"{where}: setting {item['name']!r} has unknown field {unknown[0]!r}; use {_FIELDS}")
        try:
            setting = _make(
                item["name"],
                item.get("default"),
                prefix,
                unit=item.get("unit"),
                secret=bool(item.get("secret", False)),
                **{k: item[k] or None for k in ("env", "key") if k in item},
            )
        except ValueError as exc:
            raise InputError(f"{where}: setting {item['name']!r}: {exc}") from None
        if setting is not None:
            found.append(dataclasses.replace(setting, **_scope(item, where)))
    return found


def _scope(item: dict[str, Any], where: str) -> dict[str, Any]:
    """The ``pages`` and ``section`` a setting's default is scoped to (see transdocs.statements.scope)."""
    pages, section = item.get("pages"), item.get("section")
    if isinstance(pages, str):
        pages = [pages]
    if pages is not None and (not isinstance(pages, list) or not all(isinstance(p, str) and p for p in pages)):
        raise InputError(f'{where}: setting {item["name"]!r}: "pages" must be a list of page paths')
    if section is not None and (not isinstance(section, str) or not section.strip()):
        raise InputError(f'{where}: setting {item["name"]!r}: "section" must be a heading\'s text, id or anchor')
    return {"pages": tuple(pages or ()), "section": section}


def _from_file(path: Path, prefix: str | None, shown: str) -> list[Setting]:
    if not path.is_file():
        raise InputError(f"{shown}: settings file not found")
    raw = read_text(path, shown)
    data: Any = parse_json(raw, shown) if path.suffix.lower() == ".json" else parse_toml(raw, shown)
    if isinstance(data, dict) and set(data) == {"settings"}:
        data = data["settings"]
    if isinstance(data, list):
        return _from_list(data, prefix, shown)
    if isinstance(data, dict):
        return _from_mapping(data, prefix)
    raise InputError(f"{shown}: expected a mapping {{name: default}} or a list of settings")


def import_object(spec: str, base: Path | None = None) -> Any:
    """``package.module:Name`` -> the object (the project folder ``base`` and its ``src/`` on the path;
    with no ``base``, as this process finds its modules).

    Raises :class:`InputError` naming the spec. Only for a spec the user chose to run (see
    :func:`load_settings`' ``allow_import``).
    """
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise InputError(f"settings {spec!r}: expected module:object or a .json/.toml file")
    if base is not None:
        _add_paths(base)
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise InputError(f"settings {spec}: cannot import {module_name} ({type(exc).__name__}: {exc})") from None
    target: Any = module
    for part in attribute.split("."):
        if not hasattr(target, part):
            raise InputError(f"settings {spec}: {module_name} has no {attribute}")
        target = getattr(target, part)
    return target


def _add_paths(base: Path) -> None:
    """A project's own module is found from its folder (and its ``src/``) and from the current one."""
    for folder in (str(base / "src"), str(base), str(Path.cwd())):
        if folder not in sys.path and os.path.isdir(folder):
            sys.path.insert(0, folder)


# How a checked tree's configuration opts in to running its code: only the command line can.
OPT_IN = "--allow-import"


def is_file_spec(spec: str) -> bool:
    """A ``.json`` / ``.toml`` settings file (read as data), not a ``module:object`` (imported code)."""
    return Path(spec).suffix.lower() in (".json", ".toml")


def load_settings(
    spec: str,
    env_prefix: str | None = None,
    base: Path | None = None,
    *,
    allow_import: bool = True,
    where: str | None = None,
    from_host: bool = False,
) -> list[Setting]:
    """Every setting the spec declares, in order. Raises :class:`InputError` naming the spec.

    ``base`` is the folder a relative file path (and a project module) is found from.
    With ``allow_import`` false a ``module:object`` spec is refused (``where`` names the
    configuration line that gave it) and nothing is added to ``sys.path``: a checked tree
    does not get to run its code by naming it. ``from_host``: the spec is the settings of the
    program check-docs runs inside, imported as that program imports its modules (nothing of
    the tree is added to the path). What a ``module:object`` spec gives is
    cached (see :mod:`transdocs.settings.cache`): importing pydantic and the project's
    package costs more than checking its docs.
    """
    base = base or Path.cwd()
    if is_file_spec(spec):
        path = Path(spec) if Path(spec).is_absolute() else base / spec
        return _from_file(path, env_prefix, spec)
    if ":" not in spec:
        raise InputError(f"settings {spec!r}: expected module:object or a .json/.toml file")
    if not allow_import:
        raise InputError(
            f"{where or 'settings'}: settings {spec!r} is Python code of the checked tree, not imported unless "
            f"the command line asks: run with {OPT_IN} (or --settings {spec}) if you trust this tree, "
            "or point settings at a .json/.toml file"
        )
    if not from_host:
        _add_paths(base)
    from transdocs.settings import cache as settings_cache

    key = settings_cache.key(spec, env_prefix)
    cached = settings_cache.load(key)
    if cached is not None:
        return [Setting(**item) for item in cached]
    found = _settings_of(spec, env_prefix, base, from_host)
    settings_cache.save(key, [dataclasses.asdict(s) for s in found if not s.secret or s.default is None])
    return found


def _settings_of(spec: str, env_prefix: str | None, base: Path, from_host: bool) -> list[Setting]:
    target = import_object(spec, None if from_host else base)
    if hasattr(target, "model_fields"):
        return _from_pydantic(target, env_prefix)
    if dataclasses.is_dataclass(target):
        return _from_dataclass(target, env_prefix)
    if isinstance(target, Mapping):
        return _from_mapping(target, env_prefix)
    raise InputError(f"settings {spec}: not a pydantic model, a dataclass or a mapping ({type(target).__name__})")
