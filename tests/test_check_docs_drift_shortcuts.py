"""Shortcuts of the value comparisons (aligned places, table statements) answer as the plain reading does.

Each test turns a shortcut off (the plain way) and compares the package's answers with it on pages of our
docs, the fixtures, the shared real-docs corpus when it is beside the clone, and random pages.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tests.test_check_docs_compare_fast import _random_pairs, _real_pairs
from transdocs.align import compare
from transdocs.align.compare import (
    Aligned,
    _cell_values,
    _Lazy,
    _unwrap,
    aligned_differences,
    lay_out,
    says_default,
)
from transdocs.align.places import Labelled, Places
from transdocs.pages.markdown import read_markdown
from transdocs.values.literal import Value
from transdocs.values.stated import difference, stated_values

REPO = Path(__file__).resolve().parent.parent
CORPUS = next(
    (base / "shared" / "corpora" / "real" for base in (REPO.parent, REPO.parent.parent) if (base / "shared").is_dir()),
    None,
)


def _corpus_pairs() -> list[tuple[str, str, bool]]:
    """(English page, its translation, whether MDX) of every tree of the real-docs corpus."""
    if CORPUS is None:
        return []
    pairs = []
    for docs in sorted(CORPUS.glob("*/*/docs")):
        by_name: dict[Path, dict[str, Path]] = defaultdict(dict)
        for page in sorted(docs.rglob("*.md*")):
            lang, *rest = page.relative_to(docs).parts
            by_name[Path(*rest)][lang] = page
        for pages in by_name.values():
            english = pages.pop("en", None)
            if english is not None:
                text = english.read_text(encoding="utf-8", errors="replace")
                mdx = english.suffix == ".mdx"
                pairs += [(text, page.read_text(encoding="utf-8", errors="replace"), mdx) for page in pages.values()]
    return pairs


# An option's default left as English wrote it, which English reads as the option's own value (its section
# writes the option as that object) and the translation as written (its section does not): they differ.
_OPTION = "## `platformProxy.persist`\n\n**Type:** `{ persist?: boolean }`\n\n**Default:** `{ persist: true }`\n"
_UNWRAPPED_IN_ENGLISH_ONLY = (_OPTION, _OPTION.replace("`{ persist?: boolean }`", "`boolean`"))
# A string default whose case the translation changed.
_TABLE = "| Option | Default |\n|---|---|\n| `title` | `'On this page'` |\n"
_CASE_CHANGED = (_TABLE, _TABLE.replace("On", "on"))

# A default given as a block below an empty Default line, a key's value changed.
_BLOCK = "## `server`\n\n**Default:**\n\n```js\nconst defaults = {\n  port: 3000,\n}\n```\n"
_BLOCK_CHANGED = (_BLOCK, _BLOCK.replace("3000", "4000"))


def _all_pairs() -> list[tuple[str, str, bool]]:
    ours = [_UNWRAPPED_IN_ENGLISH_ONLY, _CASE_CHANGED, _BLOCK_CHANGED, *_real_pairs(), *_random_pairs()]
    return [(a, b, mdx) for a, b in ours for mdx in (False, True)] + _corpus_pairs()


def _differences(pairs: list[tuple[str, str, bool]]) -> list[list[Aligned]]:
    found = []
    for english, translated, mdx in pairs:
        laid = lay_out(read_markdown(english, mdx), english)
        doc = read_markdown(translated, mdx)
        found.append(aligned_differences(laid, english, doc, translated))
        found.append(aligned_differences(laid, english, doc, translated))  # English's values as remembered
    return found


def test_values_left_as_english_wrote_them_differ_as_when_they_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _all_pairs()
    skipped = []
    shortcut = compare._unchanged

    def unchanged(english: str, translated: str) -> bool:
        skipped.append(shortcut(english, translated))
        return skipped[-1]

    monkeypatch.setattr(compare, "_unchanged", unchanged)
    found = _differences(pairs)
    monkeypatch.setattr(compare, "_unchanged", lambda english, translated: False)
    assert found == _differences(pairs)
    assert sum(skipped) > 1_000 and any(found)  # the shortcut is taken, and differences are found


def _says_default(ours: Places, item: Labelled) -> bool:
    """Whether a line of English is compared, as it was: whenever its label says "default"."""
    return says_default(item.label)


def _plain_compare(
    english: list[Value], option: str, translated: str, theirs: str | _Lazy, line: int, setting: str, cell: bool = False
) -> Aligned | None:
    """align.compare._compare as it was: the translated value read even where English states none."""
    read = _cell_values if cell else stated_values
    found = difference(english, _unwrap(read(translated), option, theirs))
    return Aligned(line, setting, found) if found is not None else None


def test_a_translation_is_not_read_where_english_states_no_value_and_differs_as_when_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(compare, "_states_default", _says_default)  # every Default line compared
    pairs = _all_pairs()
    found = _differences(pairs)
    empty = []

    def plain(english: list[Value], *args: object, **kwargs: object) -> Aligned | None:
        empty.append(not english)
        return _plain_compare(english, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(compare, "_compare", plain)
    assert found == _differences(pairs)
    assert sum(empty) > 200 and any(found)  # English states nothing in many places, and differences are found


def test_sections_where_english_says_default_but_states_no_value_find_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _all_pairs()
    found = _differences(pairs)
    valueless = []
    states = compare._states_default

    def every(ours: Places, item: Labelled) -> bool:
        valueless.append(_says_default(ours, item) and not states(ours, item))
        return _says_default(ours, item)

    monkeypatch.setattr(compare, "_states_default", every)
    assert found == _differences(pairs)
    assert sum(valueless) > 100 and any(found)  # Default lines without a value, and differences, are found
