"""A checked project's configuration: ``[tool.check-docs]`` in its pyproject.toml, then the command line.

The nearest ``pyproject.toml`` from the current folder upward that has a
``[tool.check-docs]`` table is read; options given on the command line win. Paths in
the file (the settings file, default paths) are relative to the file's folder.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transdocs.datafile import read_toml
from transdocs.errors import InputError
from transdocs.settings.reader import is_file_spec

if TYPE_CHECKING:
    from transdocs.languages.words import LanguageFiles
    from transdocs.statements.targets import Targets

PYPROJECT = "pyproject.toml"
TABLE = ("tool", "check-docs")
# ``[tool.check-docs]`` or a dotted ``tool.check-docs.settings = ...`` key.
_TABLE_START = re.compile(r"^\s*\[?\s*tool\s*\.\s*[\"']?check-docs", re.MULTILINE)


@dataclass(frozen=True)
class Project:
    """What to check against and how the docs are laid out; ``None`` means not configured."""

    settings: str | None = None
    env_prefix: str | None = None
    toml_table: str | None = None
    layout: str | None = None
    lang: str | None = None
    source_lang: str | None = None
    paths: tuple[str, ...] = ()
    strict: bool = False
    # A folder of the project's own language files (<lang>.toml): new languages, or more words.
    languages: str | None = None
    # The project's glossary files: a path with {lang} (None: <docs>/_data/<lang>.yml, see transdocs.glossary).
    glossary: str | None = None
    # Where relative paths of the configuration are resolved: the pyproject.toml's folder.
    base: Path = field(default_factory=Path.cwd, compare=False)
    origin: str | None = field(default=None, compare=False)
    # Whether a ``module:object`` settings spec may be imported. Only the command line (or a
    # caller in code) grants it; a checked tree's own configuration cannot.
    allow_import: bool = False
    # The settings spec of the program check-docs runs inside (``llm-backends check-docs``): the
    # user runs that program, so its own settings are read from it with no opt-in (and only that spec).
    host_settings: str | None = field(default=None, compare=False)
    # The file:line a ``settings`` value came from; None when given on the command line or in code.
    settings_from: str | None = field(default=None, compare=False)

    def override(self, **options: Any) -> Project:
        """This configuration with the options given on the command line (None: not given)."""
        given = {name: value for name, value in options.items() if value not in (None, (), [], False)}
        for name in ("settings", "languages", "glossary"):
            path = str(given.get(name, ""))
            if path and not Path(path).is_absolute() and (name != "settings" or is_file_spec(path)):
                given[name] = str(Path.cwd() / str(given[name]))
        if "paths" in given:
            given["paths"] = tuple(given["paths"])
        if "settings" in given:
            given["settings_from"] = None  # the command line's own choice
        return replace(self, **given)

    def given_paths(self) -> list[str]:
        """The configured paths, as seen from the current folder."""
        return [os.path.relpath(self.base / path) for path in self.paths]

    def glossary_pattern(self) -> str | None:
        """The configured glossary path, absolute (``{lang}`` kept), or None for the default lookup."""
        return str(self.base / self.glossary) if self.glossary else None

    def settings_list(self) -> list[Any]:
        """The settings the configuration names (empty when none is configured)."""
        if self.settings is None:
            return []
        from transdocs.settings.reader import load_settings

        hosts = self.settings == self.host_settings
        allowed = self.allow_import or self.settings_from is None or hosts
        return load_settings(
            self.settings, self.env_prefix, self.base, allow_import=allowed, where=self.settings_from, from_host=hosts
        )

    def targets(self) -> Targets:
        """The settings this project's pages are compared with (for the run's context)."""
        from transdocs.statements.targets import Targets

        return Targets(self.settings_list(), self.toml_table)

    def language_files(self) -> LanguageFiles:
        """Our language files, then the project's folder of them if it names one (for the run's context)."""
        from transdocs.languages.words import LanguageFiles

        return LanguageFiles([self.base / self.languages] if self.languages else [])


# Keys of [tool.check-docs]: the option names with dashes (underscores are accepted too).
_KEYS = {
    f.name.replace("_", "-"): f.name
    for f in fields(Project)
    if f.name not in ("base", "origin", "allow_import", "host_settings", "settings_from")
}


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.check-docs]`` table, from ``start`` upward."""
    start = start.absolute()
    for folder in (start, *start.parents):
        candidate = folder / PYPROJECT
        if not candidate.is_file():
            continue
        text = candidate.read_text(encoding="utf-8", errors="replace")
        if _TABLE_START.search(text):  # one that only names the command (a script entry) does not count
            return candidate
    return None


def _line_of(text: str, key: str) -> int:
    """The line of ``key = ...`` in the file (for error messages), else the table's line."""
    for pattern in (rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", r"^\s*\[\s*tool\s*\.\s*[\"']?check-docs"):
        match = re.search(pattern, text, re.MULTILINE)
        if match:
            return text.count("\n", 0, match.start()) + 1
    return 1


def _check_type(name: str, value: Any, where: str) -> Any:
    if name == "paths":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(f"{where}: paths must be a list of strings")
        return tuple(value)
    if name == "strict":
        if not isinstance(value, bool):
            raise InputError(f"{where}: strict must be true or false")
        return value
    if not isinstance(value, str):
        raise InputError(f"{where}: {name.replace('_', '-')} must be a string")
    return value


def read_pyproject(path: Path) -> Project:
    """The ``[tool.check-docs]`` table of ``path``. Raises :class:`InputError` naming file and line."""
    text, data = read_toml(path)
    table: Any = data
    for part in TABLE:
        table = table.get(part, {}) if isinstance(table, dict) else {}
    if not isinstance(table, dict):
        raise InputError(f"{path}:{_line_of(text, 'check-docs')}: [tool.check-docs] must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = _KEYS.get(key) or _KEYS.get(key.replace("_", "-"))
        where = f"{path}:{_line_of(text, key)}"
        if key.replace("_", "-") == "allow-import":
            raise InputError(
                f"{where}: allow-import is a command-line option only: a checked tree cannot allow itself to run code"
            )
        if name is None:
            close = difflib.get_close_matches(key, list(_KEYS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(_KEYS)}"
            raise InputError(f"{where}: unknown key {key!r} in [tool.check-docs]{hint}")
        values[name] = _check_type(name, value, where)
        if name == "settings":
            values["settings_from"] = where
    return Project(**values, base=path.parent, origin=str(path))


def load_project(start: Path | None = None) -> Project:
    """The configuration that applies in ``start`` (the current folder): pyproject.toml or nothing."""
    found = find_pyproject(start or Path.cwd())
    return read_pyproject(found) if found else Project()
