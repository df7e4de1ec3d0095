"""A private copy of the docs project, and variants of its mkdocs.yml to compare builds.

The benchmarks build and edit the copy, never the working tree that other people are
editing; the toolkit and the package (plugin, extras, defaults) are used from the repository.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from measure import REPO

CONFIG = REPO / "mkdocs.yml"
OUR_PLUGIN = "transdocs"  # the docs toolkit's MkDocs plugin


@dataclass(frozen=True)
class Tagged:
    """A YAML value under a tag MkDocs resolves itself (``!relative``, ``!ENV``, ``!!python/name``)."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, loader.construct_mapping(node, deep=True))
    return Tagged(node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


for _prefix in ("!", "tag:yaml.org,2002:python/"):
    _Loader.add_multi_constructor(_prefix, _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def load_config(path: Path = CONFIG) -> dict[str, Any]:
    """mkdocs.yml as plain data, its tags kept as written (MkDocs resolves them when it builds)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def write_config(config: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Project:
    """The copied project: its directory and the configuration every variant starts from."""

    root: Path
    config: dict[str, Any]

    @property
    def docs(self) -> Path:
        return self.root / self.config.get("docs_dir", "docs")

    def page_url_path(self, language: str, default_language: str) -> str:
        """Where MkDocs serves ``docs/<language>/index.md`` (below the path of site_url)."""
        mount = urlsplit(self.config.get("site_url") or "/").path.rstrip("/") + "/"
        return mount if language == default_language else f"{mount}{language}/"


def copy_project(destination: Path) -> Project:
    """Copy mkdocs.yml, the docs, the snippets and the theme overrides to ``destination``.

    Other paths the config names (hooks, watched package sources, the plugin's extras file)
    are made absolute, so the copy builds with the repository's own code.
    """
    config = load_config()
    theme = config.get("theme") or {}
    for name in {config.get("docs_dir", "docs"), "snippets", theme.get("custom_dir")} - {None}:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", destination / "pyproject.toml")  # [tool.check-docs]: the settings
    for key in ("hooks", "watch"):
        config[key] = [entry if (destination / entry).exists() else str(REPO / entry) for entry in config.get(key, [])]
        if not config[key]:
            del config[key]
    for plugin in config.get("plugins", []):
        options = plugin.get(OUR_PLUGIN) if isinstance(plugin, dict) else None
        if isinstance(options, dict) and options.get("extras"):
            options["extras"] = str(REPO / options["extras"])
    return Project(destination, config)


def _i18n(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise LookupError("mkdocs.yml has no i18n plugin")


def languages(config: dict[str, Any]) -> tuple[str, list[str]]:
    """The default language and every language the site builds."""
    entries = _i18n(config)["languages"]
    default = next(entry["locale"] for entry in entries if entry.get("default"))
    return default, [entry["locale"] for entry in entries]


def default_language_only(config: dict[str, Any]) -> dict[str, Any]:
    """The same pages in the default language only: other languages' folders are excluded."""
    variant = copy.deepcopy(config)
    i18n = _i18n(variant)
    default, every = languages(config)
    others = [lang for lang in every if lang != default]
    i18n["languages"] = [entry for entry in i18n["languages"] if entry["locale"] == default]
    excluded = (variant.get("exclude_docs") or "").rstrip("\n")
    variant["exclude_docs"] = "\n".join([excluded, *(f"/{lang}/" for lang in others)]).lstrip("\n") + "\n"
    return variant


def without_our_code(config: dict[str, Any]) -> dict[str, Any]:
    """No hooks, no plugin or Markdown extension of the docs toolkit, no theme overrides.

    Placeholders stay as text. The overrides go too: their templates use what the plugin
    puts in the page context, and the stylesheet they carry is ours as well.
    """
    variant = copy.deepcopy(config)
    variant.pop("hooks", None)
    if isinstance(variant.get("theme"), dict):
        variant["theme"].pop("custom_dir", None)
    variant.pop("extra_css", None)
    variant.pop("extra_javascript", None)
    for key in ("plugins", "markdown_extensions"):
        if key in variant:
            variant[key] = [entry for entry in variant[key] if not _is_ours(entry)]
    return variant


def _is_ours(entry: Any) -> bool:
    name = next(iter(entry)) if isinstance(entry, dict) else str(entry)
    return name == OUR_PLUGIN or name.split(".")[0] == OUR_PLUGIN
