"""The documentation site, built once per test session with ``mkdocs build --strict``.

``built_site`` runs the real MkDocs command line in a child process, from a directory
holding a ``config.toml`` and with ``LLM_*`` variables that all differ from the defaults:
every value on the built pages must still be the package default. Tests that need the
site (build checks, browser checks) share this one build.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from llm_backends.settings import format_value, setting_infos
from transdocs.site.site_text import SiteText, load_site_text
from transdocs.site.site_values import SiteValues

REPO = Path(__file__).resolve().parents[2]
# The site's languages in mkdocs.yml's order (static-i18n's ``languages``): the order of the
# language menu, the status page's columns and the sitemap.
SITE_LANGUAGES: tuple[str, ...] = tuple(
    re.findall(r"^\s*- locale: ([\w-]+)\s*$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
)
# Our extras file (mkdocs.yml: ``extras:`` of the transdocs plugin), loaded as the plugin loads it.
EXTRAS_FILE = REPO / "docs" / "_extras" / "retry_values.py"


def _load_extras_module() -> Any:
    spec = importlib.util.spec_from_file_location("_tests_retry_values", EXTRAS_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


EXTRAS = _load_extras_module()
SITE_PATH = "/llm-backends/"  # the path of site_url in mkdocs.yml, where GitHub Pages serves it
LITELLM_MARKER = "litellm imported during the build:"

# Runs the mkdocs command line, then says whether the build imported litellm.
_MKDOCS = f"""
import sys
from mkdocs.__main__ import cli
try:
    cli(sys.argv[1:], prog_name="mkdocs")
finally:
    print("{LITELLM_MARKER}", "litellm" in sys.modules, file=sys.stderr)
"""


@lru_cache(maxsize=1)
def site_values() -> SiteValues:
    """The values the site build uses, from the transdocs plugin as mkdocs.yml configures it."""
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return config.plugins["transdocs"].site_values()  # type: ignore[attr-defined,no-any-return]


def site_text(language: str, data_dir: Path = REPO / "docs" / "_data") -> SiteText:
    """The words the build puts on ``language``'s pages, with the settings' English descriptions."""
    descriptions = {setting.name: setting.description for setting in site_values().settings}
    return load_site_text(data_dir, language, descriptions).text


def scalar_texts(language: str) -> dict[str, str]:
    """Every scalar placeholder as the built pages of ``language`` show it."""
    return site_values().scalar_texts(site_text(language))


WRONG_API_KEY = "sk-from-the-builders-environment-0123456789"


def wrong_settings() -> dict[str, Any]:
    """A valid value for every setting, different from its default."""
    wrong: dict[str, Any] = {}
    for info in setting_infos():
        if isinstance(info.default, bool):
            wrong[info.name] = not info.default
        elif isinstance(info.default, int | float):
            wrong[info.name] = info.default * 3 + 1
        elif info.name.endswith("_url"):
            wrong[info.name] = f"https://wrong-{info.name.replace('_', '-')}.invalid/v1"
        else:
            wrong[info.name] = WRONG_API_KEY if info.secret else f"wrong-{info.name}"
    return wrong


def wrong_environment() -> dict[str, str]:
    return {info.env: format_value(wrong_settings()[info.name]) for info in setting_infos()}


def wrong_config_toml() -> str:
    def toml(value: Any) -> str:
        return json.dumps(value) if isinstance(value, str) else format_value(value)

    return "[llm]\n" + "".join(f"{name} = {toml(value)}\n" for name, value in wrong_settings().items())


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    seconds: float

    @property
    def litellm_imported(self) -> bool:
        return f"{LITELLM_MARKER} True" in self.output


def mkdocs_build(project: Path, site_dir: Path, *, cwd: Path, env: dict[str, str] | None = None) -> BuildResult:
    """``mkdocs build --strict`` of ``project/mkdocs.yml`` into ``site_dir``."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [
        sys.executable,
        "-c",
        _MKDOCS,
        "build",
        "--strict",
        "--config-file",
        str(project / "mkdocs.yml"),
        "--site-dir",
        str(site_dir),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=600)
    return BuildResult(done.returncode, done.stdout + done.stderr, time.perf_counter() - start)


def copy_project(destination: Path) -> Path:
    """A copy of what the site build reads (docs, snippets, theme, config), to break on purpose."""
    for name in ("docs", "snippets", "overrides"):
        shutil.copytree(REPO / name, destination / name)
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copy(REPO / "pyproject.toml", destination / "pyproject.toml")  # [tool.check-docs]: the settings
    (destination / "src").symlink_to(REPO / "src")  # the package (defaults), for watch:
    (destination / "packages").symlink_to(REPO / "packages")  # the docs toolkit, for watch:
    return destination


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    build: BuildResult

    def page_path(self, language: str, page: str) -> Path:
        """``("zh", "retries")`` -> ``<site>/zh/retries/index.html``; ``"index"`` is the home page."""
        prefix = self.root if language == "en" else self.root / language
        return prefix / "index.html" if page in ("", "index") else prefix / page / "index.html"

    def html(self, language: str, page: str) -> str:
        return self.page_path(language, page).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The whole six-language site, built with --strict from the repository's docs."""
    cwd = tmp_path_factory.mktemp("builder-cwd")
    (cwd / "config.toml").write_text(wrong_config_toml(), encoding="utf-8")
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, site_dir, cwd=cwd, env=wrong_environment())
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output}"
    return BuiltSite(site_dir, result)


# --- reading built pages -----------------------------------------------------------------


@dataclass
class Cell:
    text: str = ""
    codes: list[str] | None = None


class PageParser(HTMLParser):
    """Tables (rows of cells, with the text of their <code> elements), code blocks, attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[Cell]]] = []
        self.code_blocks: list[tuple[str, str]] = []  # (language, text)
        self.attributes: dict[str, dict[str, str | None]] = {}
        self._cell: Cell | None = None
        self._code: list[str] | None = None
        self._block_language: str | None = None
        self._block: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.setdefault(tag, dict(attrs))
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = Cell(codes=[])
            self.tables[-1][-1].append(self._cell)
        elif tag == "code":
            self._code = []
        elif tag == "div" and any(c.startswith("language-") for c in classes) and "highlight" in classes:
            self._block_language = next(c for c in classes if c.startswith("language-"))[len("language-") :]
            self._block = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "code" and self._code is not None:
            if self._cell is not None and self._cell.codes is not None:
                self._cell.codes.append("".join(self._code))
            if self._block is not None and self._block_language:
                self.code_blocks.append((self._block_language, "".join(self._block)))
                self._block, self._block_language = None, None
            self._code = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data
        if self._code is not None:
            self._code.append(data)
            if self._block is not None:
                self._block.append(data)


def parse_page(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser
