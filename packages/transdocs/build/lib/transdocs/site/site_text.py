"""The words the build puts on pages, per language, from ``docs/_data/<lang>.yml``.

``en.yml`` is the reference: every other language must have the same keys, plus a
translated description for every setting under ``descriptions:`` (English descriptions
come from the settings' own, so ``en.yml`` does not repeat them). A ``glossary:`` section is
the language's glossary (:mod:`transdocs.glossary`), read apart from the texts. Problems are
returned, not raised, so the build can report all of them at once and still render a page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from transdocs import glossary
from transdocs.glossary import Term
from transdocs.languages import DEFAULT_LANGUAGE

DESCRIPTIONS = "descriptions"
_MARK = re.compile(r"\{\w+\}")  # {link}, {date}: filled in by the build, kept by translations


@dataclass(frozen=True)
class SiteText:
    """Flat ``"settings_table.env" -> "Environment variable"`` texts of one language."""

    language: str
    values: Mapping[str, str]
    glossary: tuple[Term, ...] = ()  # ``glossary:`` of the file: one word per idea

    def __getitem__(self, key: str) -> str:
        return self.values[key]

    def description(self, setting: str) -> str:
        return self.values[f"{DESCRIPTIONS}.{setting}"]

    def nested(self) -> dict[str, Any]:
        """The texts as nested dicts, for templates (``text.not_found.title``)."""
        tree: dict[str, Any] = {}
        for key, value in self.values.items():
            *parents, leaf = key.split(".")
            node = tree
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value
        return tree


@dataclass(frozen=True)
class LoadedText:
    text: SiteText
    file_found: bool
    problems: list[str] = field(default_factory=list)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


# libyaml's loader when PyYAML was built with it: the pure-Python one took a tenth of a site build.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> tuple[dict[str, Any], Any, list[str]]:
    """The file's texts (flattened) and its ``glossary:`` section, kept apart."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        return {}, None, [f"{path}: not valid YAML ({exc})"]
    if not isinstance(data, Mapping):
        return {}, None, [f"{path}: expected a mapping of keys to texts"]
    data = dict(data)
    section = data.pop(glossary.SECTION, None)
    return _flatten(data), section, []


def english_text(data_dir: Path, descriptions: Mapping[str, str]) -> LoadedText:
    """English texts; ``descriptions`` (setting name -> text) are the settings' own."""
    path = data_dir / f"{DEFAULT_LANGUAGE}.yml"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the site build needs the English texts")
    values, section, problems = _read(path)
    terms, glossary_problems = glossary.parse(section, str(path), source=True)
    problems += glossary_problems
    problems += [
        f"{path}: {key}: English descriptions come from the settings class; remove it"
        for key in values
        if key.startswith(f"{DESCRIPTIONS}.")
    ]
    problems += [
        f"{path}: {key}: expected text, found {type(value).__name__}"
        for key, value in values.items()
        if not isinstance(value, str)
    ]
    values = {key: str(value) for key, value in values.items() if not key.startswith(f"{DESCRIPTIONS}.")}
    values.update({f"{DESCRIPTIONS}.{name}": text for name, text in descriptions.items()})
    return LoadedText(SiteText(DEFAULT_LANGUAGE, values, terms), file_found=True, problems=problems)


def load_site_text(data_dir: Path, language: str, descriptions: Mapping[str, str]) -> LoadedText:
    """Texts of ``language``; whatever is missing or wrong is taken from English and reported."""
    english = english_text(data_dir, descriptions)
    if language == DEFAULT_LANGUAGE:
        return english
    path = data_dir / f"{language}.yml"
    if not path.is_file():
        return LoadedText(SiteText(language, english.text.values), file_found=False)

    values, section, problems = _read(path)
    terms, glossary_problems = glossary.parse(section, str(path), source=False)
    if terms or english.text.glossary:
        glossary_problems += glossary.compare(english.text.glossary, terms, str(path))
    problems += glossary_problems
    reference = english.text.values
    for key in sorted(reference.keys() - values.keys()):
        problems.append(f"{path}: missing key {key} (English: {reference[key]!r})")
    for key in sorted(values.keys() - reference.keys()):
        problems.append(f"{path}: unknown key {key}; the keys are those of en.yml plus descriptions.<setting>")
    merged = dict(reference)
    for key, value in values.items():
        if key not in reference:
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{path}: {key}: expected a non-empty text")
        elif missing := [mark for mark in _MARK.findall(reference[key]) if mark not in value]:
            problems.append(f"{path}: {key}: must contain {', '.join(missing)}, where the English text has it")
        else:
            merged[key] = value
    return LoadedText(SiteText(language, merged, terms), file_found=True, problems=problems)
