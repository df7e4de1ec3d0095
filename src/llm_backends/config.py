"""Load settings from code, environment, ``config.toml`` and defaults, remembering where each came from.

Precedence, highest first: arguments in code > ``LLM_*`` environment > ``[llm]`` in
``config.toml`` > defaults. Bad input is reported all at once as a :class:`ConfigError`
whose lines name the env var or the file and line, and never show the API key.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import threading
import tomllib
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import ValidationError, create_model

from .errors import ConfigError, ConfigWarning, Problem
from .secrets import looks_like_key
from .settings import ENV_PREFIX, TOML_TABLE, LLMSettings, setting_infos
from .tomllines import key_lines

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

Source = Literal["default", "toml", "env", "argument"]
DEFAULT_CONFIG_FILE = "config.toml"


@dataclass(frozen=True)
class TomlValues:
    """The ``[llm]`` table of a config file, with the line each key was written on."""

    path: Path
    values: dict[str, Any]
    lines: dict[str, int]
    elsewhere: dict[str, int] = field(default_factory=dict)  # other tables and keys: line written

    def where(self, key: str) -> str:
        line = self.lines.get(key)
        return f"{self.path}:{line}" if line else str(self.path)


@dataclass(frozen=True)
class LoadedSettings:
    """Validated settings plus the source of every value (for ``llm-backends config``)."""

    settings: LLMSettings
    sources: dict[str, Source]
    config_file: Path | None
    warnings: list[Problem] = field(default_factory=list)


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
# Arrays and inline tables nested deeper than this are reported (tomllib gives up near 300).
DEEPEST = 100
# A rejected value longer than this is cut in the error line.
LONGEST_SHOWN_VALUE = 60


def _too_deep_line(text: str) -> int:
    """The line where brackets and braces first open deeper than DEEPEST, counted roughly (strings
    included): only asked after tomllib gave up on the nesting, to name the line."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth > DEEPEST:
                return number
    return 1


def read_toml(path: Path) -> TomlValues:
    """Read the ``[llm]`` table of ``path``; malformed TOML becomes a ConfigError with its line.

    A byte order mark (Windows editors write one) is skipped: tomllib would call it an invalid statement.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError([Problem(str(path), f"cannot read the file ({reason})")]) from None
    try:
        data = tomllib.loads(text)
    except RecursionError:
        line = _too_deep_line(text)
        raise ConfigError([Problem(f"{path}:{line}", f"values nested deeper than {DEEPEST} levels")]) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        where = f"{path}:{position.group(1)}" if position else str(path)
        reason = _TOML_POSITION.sub("", message).strip()
        raise ConfigError([Problem(where, f"malformed TOML: {reason}")]) from None
    table = data.get(TOML_TABLE, {})
    if not isinstance(table, dict):
        raise ConfigError([Problem(str(path), f"'{TOML_TABLE}' must be a table: [{TOML_TABLE}]")])
    inside, elsewhere = key_lines(text, TOML_TABLE)
    return TomlValues(path=path, values=table, lines=inside, elsewhere=elsewhere)


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a config file, or None if it can."""
    if path.is_dir():
        return "is a directory, not a config file"
    if path.is_symlink() and not path.exists():
        return f"is a broken link (to {os.readlink(path)})"
    if path.exists() and not path.is_file():
        return "is not a regular file"
    return None


def _find_config_file(config_file: str | os.PathLike[str] | None) -> Path | None:
    """The file to read; a ``config.toml`` that exists but is no file is an error, not silence."""
    path = Path(config_file if config_file is not None else DEFAULT_CONFIG_FILE)
    try:
        reason = _not_a_file(path)
        found = path.is_file()
    except OSError as exc:  # a name too long for the file system, a folder we may not enter
        raise ConfigError([Problem(str(path), f"cannot read the file ({exc.strerror or exc})")]) from None
    if reason:
        raise ConfigError([Problem(str(path), reason)])
    if found:
        return path
    if config_file is not None:
        raise ConfigError([Problem(str(path), "config file not found")])
    return None


@functools.cache
def _env_source() -> Callable[[], dict[str, Any]]:
    """A pydantic-settings reader for ``LLM_*``; built on first use (the import costs ~40 ms).

    Only a reader: raw strings go to LLMSettings for validation, so that an error
    can name the variable it came from.
    """
    from pydantic_settings import BaseSettings, EnvSettingsSource, SettingsConfigDict

    fields: dict[str, Any] = {name: (Any, None) for name in LLMSettings.model_fields}
    reader = create_model("_EnvReader", __base__=BaseSettings, **fields)
    reader.model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True)
    return lambda: EnvSettingsSource(reader)()


T = TypeVar("T")


def _steady(read: Callable[[], T]) -> T:
    """``read()`` of the environment, again if another thread changed it mid-read.

    Iterating ``os.environ`` while another thread sets or deletes a variable raises
    RuntimeError or KeyError; a few tries always get a consistent copy.
    """
    for _ in range(20):
        try:
            return read()
        except (RuntimeError, KeyError):
            continue
    return read()


def _read_env() -> dict[str, Any]:
    """``LLM_*`` variables as pydantic-settings finds them (prefix, any case, empty ignored)."""
    return _steady(_env_source())


def _unknown_env_warnings() -> list[Problem]:
    """``LLM_NUM_RETRYS``: a variable that looks like one of ours but is not; others are left alone."""
    known = [info.env for info in setting_infos()]
    names = _steady(lambda: [name for name in os.environ if name.upper().startswith(ENV_PREFIX)])
    problems = []
    for name in names:
        if name.upper() in known:
            continue
        close = difflib.get_close_matches(name.upper(), known, n=1, cutoff=0.8)
        if close:
            problems.append(
                Problem(f"{name} (environment)", f"not a setting, so it is ignored; did you mean {close[0]}?")
            )
    return problems


def _toml_warnings(toml: TomlValues) -> list[Problem]:
    """Settings written where they are not read: [LLM] or [Llm], or outside the [llm] table."""
    names = {info.key for info in setting_infos()}
    problems = []
    for where, line in toml.elsewhere.items():
        place = f"{toml.path}:{line}"
        if where.startswith("["):
            table = where[1:-1]
            if table != TOML_TABLE and table.lower() == TOML_TABLE:
                problems.append(Problem(place, f"table {where} is not read; did you mean [{TOML_TABLE}]? (lower case)"))
            continue
        # Only a key before any table: other tables belong to other tools, [LLM] is reported above.
        key = where
        if key in names:
            problems.append(
                Problem(
                    place,
                    f"'{where}' is outside the [{TOML_TABLE}] table and is not read;"
                    f" did you mean [{TOML_TABLE}] {key}?",
                )
            )
    return problems


def _warn(problems: list[Problem]) -> None:
    for problem in problems:
        warnings.warn(str(problem), ConfigWarning, stacklevel=4)


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


PASTED_KEY = "a name that looks like an API key (not shown) is no setting; give the key as api_key"


def _unknown_key_problems(toml: TomlValues) -> list[Problem]:
    """Keys of [llm] that are no setting; one that looks like an API key pasted on its own is not echoed."""
    known = [info.key for info in setting_infos()]
    problems = []
    for key in toml.values:
        if key in known:
            continue
        unknown = f"unknown setting '{key}' in [{TOML_TABLE}]{_did_you_mean(key, known)}"
        problems.append(Problem(toml.where(key), PASTED_KEY if looks_like_key(key) else unknown))
    return problems


def _nested_repr(value: Any) -> str:
    """A repr that stops a few levels down: a table nested 1,000 deep is no RecursionError."""
    import reprlib

    short = reprlib.Repr()
    short.maxlevel = 3
    return short.repr(value)


def _describe(error: ErrorDetails, secret: bool) -> str:
    """pydantic's message, with the rejected value quoted unless it is a secret or looks like one
    (a key typed into the wrong setting)."""
    message = error["msg"][0].lower() + error["msg"][1:]
    message = message.removeprefix("value error, ")
    if secret or "input" not in error or error["type"] == "value_error":
        return message
    value = error["input"]
    shown = repr(value) if isinstance(value, (str, int, float)) else _nested_repr(value)
    if looks_like_key(shown):
        return f"{message}; the value looks like an API key, so it is not shown"
    if len(shown) > LONGEST_SHOWN_VALUE:
        shown = shown[: LONGEST_SHOWN_VALUE - 1] + "…"
    return f"{message}, got {shown}"


def _validation_problems(exc: ValidationError, sources: dict[str, Source], toml: TomlValues | None) -> list[Problem]:
    infos = {info.name: info for info in setting_infos()}
    problems = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else ""
        info = infos.get(name)
        if info is None:  # a rule across settings, such as min wait <= max wait
            involved = [n for n in ("retry_min_wait", "retry_max_wait") if n in error["msg"]]
            problems.append(Problem(_where_many(involved, sources, toml), _describe(error, False)))
            continue
        problems.append(Problem(_where(name, sources, toml), _describe(error, info.secret)))
    return problems


def _order_problems(
    values: dict[str, Any], exc: ValidationError, sources: dict[str, Source], toml: TomlValues | None
) -> list[Problem]:
    """Check min wait <= max wait even when other settings failed (pydantic stops before it)."""
    pair = {"retry_min_wait", "retry_max_wait"}
    failed = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
    if not failed or failed & pair:
        return []
    try:
        LLMSettings.model_validate({name: values[name] for name in pair if name in values})
    except ValidationError as pair_exc:
        return _validation_problems(pair_exc, sources, toml)
    return []


def _where(name: str, sources: dict[str, Source], toml: TomlValues | None) -> str:
    env = ENV_PREFIX + name.upper()
    source = sources.get(name, "default")
    if source == "env":
        return f"{env} (environment)"
    if source == "toml" and toml is not None:
        return f"{toml.where(name)}: {name}"
    if source == "argument":
        return f"{name} (argument)"
    return f"{env} (default)"


def _where_many(names: list[str], sources: dict[str, Source], toml: TomlValues | None) -> str:
    return ", ".join(_where(name, sources, toml) for name in names) or "settings"


def load(config_file: str | os.PathLike[str] | None = None, **overrides: Any) -> LoadedSettings:
    """Settings with their sources; raise ConfigError listing every problem found."""
    problems: list[Problem] = []
    toml: TomlValues | None = None
    try:
        path = _find_config_file(config_file)
        toml = read_toml(path) if path else None
    except ConfigError as exc:
        problems.extend(exc.problems)

    values: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    layers: list[tuple[Source, dict[str, Any]]] = [
        ("toml", toml.values if toml else {}),
        ("env", _read_env()),
        ("argument", overrides),
    ]
    known = {info.name for info in setting_infos()}
    for source, layer in layers:
        for name, value in layer.items():
            if name in known:
                values[name], sources[name] = value, source
    for name in overrides.keys() - known:
        problem = PASTED_KEY if looks_like_key(name) else f"unknown setting{_did_you_mean(name, sorted(known))}"
        problems.append(Problem("argument" if looks_like_key(name) else f"{name} (argument)", problem))
    if toml:
        problems.extend(_unknown_key_problems(toml))

    try:
        settings = LLMSettings.model_validate(values)
    except ValidationError as exc:
        problems.extend(_validation_problems(exc, sources, toml))
        problems.extend(_order_problems(values, exc, sources, toml))
        settings = None
    if problems or settings is None:
        raise ConfigError(problems)
    for name in known - sources.keys():
        sources[name] = "default"
    found = [*_unknown_env_warnings(), *(_toml_warnings(toml) if toml else [])]
    _warn(found)
    return LoadedSettings(settings=settings, sources=sources, config_file=toml.path if toml else None, warnings=found)


def load_settings(config_file: str | os.PathLike[str] | None = None, **overrides: Any) -> LLMSettings:
    """The effective settings: ``overrides`` > ``LLM_*`` environment > ``config.toml`` > defaults."""
    return load(config_file, **overrides).settings


def with_overrides(settings: LLMSettings, **overrides: Any) -> LLMSettings:
    """A copy of ``settings`` with some values replaced, validated like everything else."""
    if not overrides:
        return settings
    values = {**settings.model_dump(), **overrides}
    sources: dict[str, Source] = {name: "argument" for name in overrides}
    try:
        return LLMSettings.model_validate(values)
    except ValidationError as exc:
        raise ConfigError(_validation_problems(exc, sources, None)) from None


def _environment_key() -> tuple[tuple[str, str], ...]:
    return _steady(lambda: tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith(ENV_PREFIX))))


def _config_file_key() -> tuple[str, int, int, int] | None:
    try:
        stat = os.stat(DEFAULT_CONFIG_FILE)
    except OSError:
        return None
    return (os.path.abspath(DEFAULT_CONFIG_FILE), stat.st_ino, stat.st_mtime_ns, stat.st_size)


_cache: dict[Any, LLMSettings] = {}
_cache_lock = threading.Lock()
CACHED_CONFIGURATIONS = 8


def current_settings() -> LLMSettings:
    """``load_settings()``, reused while the ``LLM_*`` environment and ``./config.toml`` are unchanged.

    Calls that pass no settings use this: validating the configuration on every request
    would cost a tenth of a loopback call. Settings are kept only if nothing changed
    while they were loaded, so a thread changing the environment meanwhile cannot leave
    a wrong value cached.
    """
    key = (_environment_key(), _config_file_key())
    cached = _cache.get(key)
    if cached is not None:
        return cached
    settings = load_settings()
    if (_environment_key(), _config_file_key()) == key:
        with _cache_lock:
            if len(_cache) >= CACHED_CONFIGURATIONS:
                _cache.clear()
            _cache[key] = settings
    return settings
