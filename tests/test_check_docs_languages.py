"""Language files: the words check-docs reads per language are data, checked at load.

A wrong file is a one-line error naming the file and the key; a project's own
directory of language files adds a language the checker then reads; language tags
with scripts or regions use their base language's words.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from llm_backends.settings import format_value, setting_infos
from transdocs import check_paths
from transdocs.cli import EXIT_FINDINGS, EXIT_OK, main
from transdocs.languages import LANGUAGES, base_language
from transdocs.languages.words import (
    DATA_DIR,
    OURS,
    LanguageDataError,
    LanguageFiles,
    available_languages,
    read_file,
    words,
)
from transdocs.project import Project, load_project
from transdocs.report.findings import STALE

INFO = {info.name: info for info in setting_infos()}
STALE_RETRIES = format_value(float(INFO["num_retries"].default + 5))
GERMAN = """\
name = "Deutsch"
scripts = ["Latin"]
decimal_mark = ","
default = ["Standardwert", "standardmäßig", "Voreinstellung"]
copula = ["ist", "sind", "beträgt"]
blocker = ["wenn", "falls", "setzen", "zum Beispiel", "mindestens"]
glue = ["der", "die", "das", "von", "Wert"]
counters = ["Versuche", "Mal"]

[units]
"s" = 1
"Sekunden" = 1
"Minuten" = 60
"""


@pytest.fixture
def language_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "languages"
    folder.mkdir()
    yield folder


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_site_language_has_a_valid_file_with_its_scripts(lang: str) -> None:
    loaded = read_file(DATA_DIR / f"{lang}.toml")
    assert loaded.default and loaded.units and loaded.scripts
    assert lang in available_languages()


@pytest.mark.parametrize(
    ("tag", "base"),
    [
        ("zh-Hans", "zh"),
        ("zh-CN", "zh"),
        ("zh_TW", "zh"),
        ("pt-BR", "pt"),
        ("pt-PT", "pt"),
        ("fr-CA", "fr"),
        ("ar", "ar"),
    ],
)
def test_a_language_tag_uses_its_base_languages_words(tag: str, base: str) -> None:
    assert base_language(tag) == base
    assert words(tag) == words(base)


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ('defualt = ["x"]\n', "defualt"),
        ('default = "standard"\n', "default"),
        ('default = ["ok", ""]\n', "default"),
        ('scripts = ["Klingon"]\n', "scripts"),
        ('decimal_mark = ";"\n', "decimal_mark"),
        ('[units]\n"sekunden" = "one"\n', "units.sekunden"),
        ('[units]\n"s" = 0\n', "units.s"),
        ('[number_words]\n"zwei" = 2.5\n', "number_words.zwei"),
        ('[dual_units]\n"zweisek" = { count = 2 }\n', "dual_units.zweisek"),
    ],
)
def test_a_schema_error_names_the_file_and_the_key(language_dir: Path, content: str, key: str) -> None:
    path = language_dir / "de.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LanguageDataError) as caught:
        read_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: key '{key}': ") and "\n" not in message


def test_a_file_that_is_not_toml_is_named_with_its_line(language_dir: Path) -> None:
    path = language_dir / "de.toml"
    path.write_text('name = "Deutsch"\ndefault = [\n"x" "y"]\n', encoding="utf-8")
    with pytest.raises(LanguageDataError, match=rf"^{path}:3: not valid TOML \("):
        read_file(path)


def test_a_missing_languages_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(LanguageDataError, match="languages directory does not exist"):
        LanguageFiles([tmp_path / "nowhere"])


def _ours(language_dir: Path) -> Project:
    """This repository's configuration (its settings class imported) with a folder of language files."""
    return load_project().override(allow_import=True, languages=str(language_dir))


def test_a_language_file_in_a_project_directory_is_used(language_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "wiederholungen.md"
    page.write_text(f"# Wiederholungen\n\nDer Standardwert von `LLM_NUM_RETRIES` ist {STALE_RETRIES}.\n", "utf-8")
    assert check_paths([str(page)], lang="de") == []  # no German words yet: not a statement
    (language_dir / "de.toml").write_text(GERMAN, encoding="utf-8")
    found = check_paths([str(page)], lang="de", project=_ours(language_dir))
    files = _ours(language_dir).language_files()
    assert "de" in files.available() and files.words("de-AT").name == "Deutsch"
    assert "de" not in available_languages()  # ours alone: the project's file is the project's
    assert [(f.kind, f.line, f.setting, f.stated) for f in found] == [(STALE, 3, "LLM_NUM_RETRIES", STALE_RETRIES)]


def test_a_project_file_adds_words_to_a_language_we_ship(language_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"# Page\n\nEn sortie d'usine, `LLM_NUM_RETRIES` reste à {STALE_RETRIES}.\n", "utf-8")
    assert check_paths([str(page)], lang="fr") == []
    (language_dir / "fr.toml").write_text('default = ["en sortie d\'usine"]\ncopula = ["reste à"]\n', encoding="utf-8")
    found = check_paths([str(page)], lang="fr", project=_ours(language_dir))
    files = _ours(language_dir).language_files()
    assert "par défaut" in files.words("fr").default and "en sortie d'usine" in files.words("fr-CA").default
    assert "en sortie d'usine" not in words("fr").default
    assert [f.stated for f in found] == [STALE_RETRIES]


def test_a_broken_project_file_fails_the_run_with_its_name(language_dir: Path, tmp_path: Path) -> None:
    (language_dir / "fr.toml").write_text('default = ["d\'usine"]\n[number_words]\n"cent" = "100"\n', "utf-8")
    page = tmp_path / "page.md"
    page.write_text("# Page\n\nTexte.\n", "utf-8")
    with pytest.raises(LanguageDataError, match=r"fr\.toml: key 'number_words\.cent'"):
        check_paths([str(page)], lang="fr", project=_ours(language_dir))


def test_a_projects_languages_folder_is_read_from_its_configuration_and_the_command_line(
    language_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (language_dir / "de.toml").write_text(GERMAN, encoding="utf-8")
    page = tmp_path / "wiederholungen.md"
    page.write_text(f"# Wiederholungen\n\nDer Standardwert von `LLM_NUM_RETRIES` ist {STALE_RETRIES}.\n", "utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.check-docs]\nsettings = "llm_backends.settings:LLMSettings"\nenv-prefix = "LLM_"\n'
        'toml-table = "llm"\nlang = "de"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)

    assert main(["--allow-import", "wiederholungen.md"]) == EXIT_OK  # no German words: not read
    assert main(["--allow-import", "--languages", "languages", "wiederholungen.md"]) == EXIT_FINDINGS
    with (tmp_path / "pyproject.toml").open("a", encoding="utf-8") as file:
        file.write('languages = "languages"\n')
    capsys.readouterr()
    assert main(["--allow-import", "wiederholungen.md"]) == EXIT_FINDINGS
    assert f"LLM_NUM_RETRIES states {STALE_RETRIES}" in capsys.readouterr().out


def test_every_language_fact_comes_from_the_language_files() -> None:
    """Direction, segmentation and other codes are data; the list of languages is the files present."""
    from transdocs.languages import LANGUAGES
    from transdocs.languages.tags import base_language
    from transdocs.languages.words import DATA_DIR, right_to_left, segmented

    assert set(LANGUAGES) == {path.stem for path in DATA_DIR.glob("*.toml")} and LANGUAGES[0] == "en"
    assert [lang for lang in LANGUAGES if right_to_left(lang)] == ["ar"] and right_to_left("ar-EG")
    assert [lang for lang in LANGUAGES if segmented(lang)] == ["zh"]
    assert (base_language("fre"), base_language("zho-Hant"), base_language("deu")) == ("fr", "zh", "deu")


def test_a_built_page_keeps_a_language_we_have_no_words_for() -> None:
    from transdocs.pages.html import html_language

    assert html_language('<html lang="de-AT"><body></body></html>') == "de"
    assert html_language('<html lang="zh-Hans">') == "zh" and html_language("<html>") is None


def test_the_common_words_counted_piece_by_piece_give_the_rate_of_the_whole_prose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fast path stops counting once a page has enough common words; it must answer as the full count."""
    from transdocs.languages import detect

    ours = available_languages()
    texts = [detect.prose_of(path.read_text(encoding="utf-8")) for path in sorted(Path("docs").rglob("*.md"))]
    rng = random.Random(18)
    soup = [word for lang in ours for word in words(lang).common_words] + ["\n", "\n", "x", "Σ", "ΑΣ"]
    texts += [" ".join(rng.choice(soup) for _ in range(rng.randint(0, 80))) for _ in range(2_000)]
    monkeypatch.setattr(detect, "_PIECE", 16)  # many pieces, cut at many line ends
    for prose in texts:
        for lang in ours:
            found = detect.quick_census(prose, words(lang).scripts)
            whole = detect._fits(prose, found, lang, OURS) >= detect.MIN_RATE
            assert detect._reaches_rate(prose, found, lang, OURS) == whole, (lang, prose[:80])


def test_the_common_words_found_anywhere_are_counted_as_each_words_own_count() -> None:
    """One search for their first characters spares counting them in a text with none (a page read
    through a wrong code page): the counts are each word's ``str.count``, in our docs, the fixtures, the
    real corpus's pages, those read through wrong code pages, and random texts of every language's words."""
    from transdocs.languages import detect

    root = Path(__file__).parent.parent
    paths = sorted([*(root / "docs").rglob("*.md"), *(root / "tests" / "fixtures").rglob("*.md")])
    bases = (root.parent, root.parent.parent)
    corpus = next((base / "shared" / "corpora" / "real" for base in bases if (base / "shared").is_dir()), None)
    paths += sorted([*corpus.rglob("*.md"), *corpus.rglob("*.mdx")]) if corpus is not None else []
    texts = [detect.prose_of(path.read_text(encoding="utf-8", errors="replace")) for path in paths]
    texts += [
        text.encode("utf-8").decode(code_page, errors="replace")
        for text in texts[::5]
        for code_page in ("cp1252", "gbk", "shift_jis")
    ]
    rng = random.Random(21)
    soup = [word for lang in available_languages() for word in words(lang).common_words] + ["\n", " ", "x", "漢"]
    texts += ["".join(rng.choice(soup) for _ in range(rng.randint(0, 40))) for _ in range(2_000)]
    seen = {True: 0, False: 0}
    for prose in texts:
        counts = detect._word_counts(prose)
        for lang in available_languages():
            spaced, unspaced = detect._common_words(lang, OURS)
            plain = sum(prose.count(w) for w in unspaced)
            assert detect._unspaced_hits(prose, lang, OURS) == plain, (lang, prose[:80])
            assert detect.common_word_hits(prose, lang) == plain + sum(counts[w] for w in spaced), (lang, prose[:80])
            assert detect.common_word_rate(prose, lang, 7.0, counts) == detect.common_word_rate(prose, lang, 7.0)
            seen[plain > 0] += bool(unspaced)
    assert min(seen.values()) > 500, seen
