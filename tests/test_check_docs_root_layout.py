"""The ``root`` layout (Starlight, VuePress): English pages at the top of the docs folder, one
folder per other language beside them; a folder named like a language tag is a language only when
its pages mirror English pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from transdocs import check_paths
from transdocs.cli import EXIT_USAGE, main
from transdocs.pages.layout import LAYOUTS, FolderLayout, RootLayout, detect_layout
from transdocs.report.findings import MISSING, VALUE_DRIFT

ENGLISH = "# Page\n\n## widgetLimit\n\n- Type: `number`\n- Default: `60`\n"
TRANSLATED = "# 页面\n\n## widgetLimit\n\n- 类型：`number`\n- 默认值：`60`\n"
STALE = TRANSLATED.replace("`60`", "`90`")


def touch(path: Path, text: str = "# Page\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def starlight(tmp_path: Path) -> Path:
    """``src/content/docs``: English at the top, ``de/`` and ``zh-cn/`` mirroring it (``.mdx``)."""
    docs = tmp_path / "src" / "content" / "docs"
    for place in ("index.mdx", "guides/x.mdx", "guides/y.mdx", "reference/z.mdx"):
        touch(docs / place, ENGLISH)
        if place != "reference/z.mdx":
            touch(docs / "de" / place, TRANSLATED)
        touch(docs / "zh-cn" / place, TRANSLATED)
    return docs


def vuepress(tmp_path: Path) -> Path:
    """``docs/``: ``README.md`` and ``guide/`` in English, ``zh/`` beside them."""
    docs = tmp_path / "docs"
    for place in ("README.md", "guide/a.md", "guide/b.md", "config.md"):
        touch(docs / place, ENGLISH)
        touch(docs / "zh" / place, TRANSLATED)
    return docs


def test_root_is_a_layout_name() -> None:
    assert "root" in LAYOUTS


def test_starlight_tree_pairs_each_translation_with_its_english_page(tmp_path: Path) -> None:
    docs = starlight(tmp_path)
    layout = detect_layout([docs], None)
    assert isinstance(layout, RootLayout) and layout.root == docs
    assert layout.languages() == ["en", "de", "zh-cn"]
    german = docs / "de" / "guides" / "x.mdx"
    assert layout.language_of(german) == "de" and layout.language_of(docs / "guides" / "x.mdx") == "en"
    assert layout.english_of(german) == docs / "guides" / "x.mdx"
    assert layout.translations_of(docs / "reference" / "z.mdx") == {
        "de": docs / "de" / "reference" / "z.mdx",
        "zh-cn": docs / "zh-cn" / "reference" / "z.mdx",
    }
    assert sorted(p.relative_to(docs).as_posix() for p in layout.english_pages()) == [
        "guides/x.mdx",
        "guides/y.mdx",
        "index.mdx",
        "reference/z.mdx",
    ]
    # A translated page given alone finds the same layout.
    assert detect_layout([german], None) == layout


def test_a_stale_value_in_a_starlight_translation_is_value_drift_and_missing_pages_are_reported(
    tmp_path: Path,
) -> None:
    docs = starlight(tmp_path)
    touch(docs / "zh-cn" / "guides" / "y.mdx", STALE)
    found = sorted(
        (Path(f.path).relative_to(docs).as_posix(), f.kind, f.stated, f.expected) for f in check_paths([str(docs)])
    )
    assert found == [
        ("de/reference/z.mdx", MISSING, None, None),
        ("zh-cn/guides/y.mdx", VALUE_DRIFT, "90", "60"),
    ]


def test_missing_translations_are_reported_only_for_the_language_folder_checked(tmp_path: Path) -> None:
    docs = starlight(tmp_path)
    assert [f.kind for f in check_paths([str(docs / "zh-cn")])] == []
    assert [(f.kind, f.lang) for f in check_paths([str(docs / "de")])] == [(MISSING, "de")]


def test_a_stale_value_in_a_vuepress_translation_is_value_drift(tmp_path: Path) -> None:
    docs = vuepress(tmp_path)
    touch(docs / "zh" / "guide" / "b.md", STALE)
    layout = detect_layout([tmp_path], None)  # the project folder given as a whole
    assert isinstance(layout, RootLayout) and layout.root == docs and layout.languages() == ["en", "zh"]
    found = [(Path(f.path).relative_to(docs).as_posix(), f.kind, f.lang) for f in check_paths([str(docs)])]
    assert found == [("zh/guide/b.md", VALUE_DRIFT, "zh")]


def test_an_unrelated_folder_named_like_a_tag_is_english_content(tmp_path: Path) -> None:
    docs = vuepress(tmp_path)
    # "id" (Indonesian) is a tag, but these pages document IDs: none mirrors an English page.
    for name in ("uuid.md", "snowflake.md", "ulid.md", "README.md"):
        touch(docs / "id" / name, ENGLISH)
    layout = detect_layout([docs], None)
    assert isinstance(layout, RootLayout) and layout.languages() == ["en", "zh"]
    assert layout.language_of(docs / "id" / "uuid.md") == "en"
    assert docs / "id" / "uuid.md" in layout.english_pages()
    # Their missing Chinese translations are reported like any English page's.
    missing = {Path(f.path).relative_to(docs).as_posix() for f in check_paths([str(docs)]) if f.kind == MISSING}
    assert missing == {"zh/id/uuid.md", "zh/id/snowflake.md", "zh/id/ulid.md", "zh/id/README.md"}


@pytest.mark.parametrize("mirrored", [0, 2])
def test_too_few_mirrored_pages_is_not_a_root_layout(tmp_path: Path, mirrored: int) -> None:
    docs = tmp_path / "docs"
    for n in range(4):
        touch(docs / f"page{n}.md", ENGLISH)
    for n in range(mirrored):
        touch(docs / "es" / f"page{n}.md", TRANSLATED)
    touch(docs / "es" / "other.md", TRANSLATED)
    assert not isinstance(detect_layout([docs], None), RootLayout)


def test_an_english_folder_keeps_the_folder_layout(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for place in ("a.md", "b.md", "c.md"):
        touch(docs / "en" / place)
        touch(docs / "de" / place)
    assert isinstance(detect_layout([docs], None), FolderLayout)


def test_the_root_layout_can_be_configured_and_must_fit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = vuepress(tmp_path)
    assert detect_layout([docs], "root") == detect_layout([docs], None)
    plain = touch(tmp_path / "plain" / "a.md").parent
    assert main(["--allow-import", "--layout", "root", str(plain)]) == EXIT_USAGE
    assert "root" in capsys.readouterr().err


def test_several_language_folders_holding_the_same_page_are_evidence_together(tmp_path: Path) -> None:
    """A sparse checkout: one English page and its translations in three languages."""
    docs = tmp_path / "docs"
    touch(docs / "reference" / "configuration.mdx", ENGLISH)
    for lang in ("ja", "pt-BR", "zh-CN"):
        touch(docs / lang / "reference" / "configuration.mdx", TRANSLATED)
    layout = detect_layout([docs], None)
    assert isinstance(layout, RootLayout) and layout.languages() == ["en", "ja", "pt-BR", "zh-CN"]
    # One such folder alone is too little.
    for lang in ("pt-BR", "zh-CN"):
        for page in (docs / lang).rglob("*.mdx"):
            page.unlink()
    assert not isinstance(detect_layout([docs], None), RootLayout)
