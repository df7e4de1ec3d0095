"""``translation-status`` and ``translation-diff`` in a git repository holding a copy of our docs.

A translator's round: an English paragraph changes and is committed; the status shows
that page outdated in every language (since the commit's date); the diff of each
translation shows exactly the changed English line; stamping a translation clears it.
"""

from __future__ import annotations

import difflib
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from llm_backends.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from tests.support.docs_tree import read, write
from tests.support.git_repo import commit_all, docs_repository, first_paragraph_line, git
from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES
from transdocs.tools.translation_diff import line_changes, sections_of, unified
from transdocs.translations.hash_stamp import recorded_hash, stamped
from transdocs.translations.source_hash import source_hash

TRANSLATIONS = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
PAGE = "retries.md"
TRANSLATED_ON = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
CHANGED_ON = datetime(2026, 4, 15, 16, 5, tzinfo=UTC)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Our docs in a fresh git repository, the working directory of the commands."""
    root = docs_repository(tmp_path / "repo", TRANSLATED_ON)
    monkeypatch.chdir(root)
    return root


def edit_paragraph(repo: Path, page: str = PAGE) -> tuple[str, str]:
    """Change one English paragraph line of ``page`` and commit it; (old line, new line)."""
    english = repo / "docs" / DEFAULT_LANGUAGE / page
    text = read(english)
    old = first_paragraph_line(text)
    new = old.replace(" ", " really ", 1)
    write(english, text.replace(old, new, 1))
    commit_all(repo, f"{page}: reword a paragraph", CHANGED_ON)
    return old, new


def status(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code, out, err = run(["translation-status", "--format", "json", *args], capsys)
    assert (code, err) == (EXIT_OK, "")
    return json.loads(out)


def states(data: dict) -> dict[tuple[str, str], str]:
    return {
        (page["page"], lang): cell["state"] for page in data["pages"] for lang, cell in page["translations"].items()
    }


def diff_lines(out: str) -> list[str]:
    """The - and + lines of the unified diff in ``out`` (not its --- and +++ headers)."""
    return [line for line in out.splitlines() if line.startswith(("+", "-")) and not line.startswith(("---", "+++"))]


# --- the translator's round ------------------------------------------------------------------


def test_an_english_edit_shows_in_every_language_and_stamping_clears_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = status(capsys)
    pages = sorted(p.name for p in (repo / "docs" / DEFAULT_LANGUAGE).glob("*.md"))
    assert set(states(before).values()) == {"up-to-date"}, "the docs start up to date"
    assert len(states(before)) == len(pages) * len(TRANSLATIONS)

    old, new = edit_paragraph(repo)
    after = status(capsys)
    expected = {(page, lang): "outdated" if page == PAGE else "up-to-date" for page in pages for lang in TRANSLATIONS}
    assert states(after) == expected
    cells = next(p for p in after["pages"] if p["page"] == PAGE)["translations"]
    for lang in TRANSLATIONS:
        assert cells[lang]["lines_changed"] == 1
        assert datetime.fromisoformat(cells[lang]["since"]["date"]) == CHANGED_ON
        assert cells[lang]["diff_command"] == f"translation-diff docs/{lang}/{PAGE}"

    for lang in TRANSLATIONS:
        code, out, err = run(["translation-diff", f"docs/{lang}/{PAGE}"], capsys)
        assert (code, err) == (EXIT_FINDINGS, "")
        assert diff_lines(out) == [f"-{old}", f"+{new}"], lang
        assert f"since {CHANGED_ON:%Y-%m-%d}" in out

    code, out, _ = run(["stamp-translation", f"docs/fr/{PAGE}"], capsys)
    assert code == EXIT_OK
    stamped_once = status(capsys)
    assert states(stamped_once) == {**expected, (PAGE, "fr"): "up-to-date"}
    code, out, _ = run(["translation-diff", f"docs/fr/{PAGE}"], capsys)
    assert code == EXIT_OK
    assert out.startswith(f"docs/fr/{PAGE} is up to date")


def test_check_docs_points_an_outdated_translation_to_translation_diff(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_paragraph(repo)
    code, out, _ = run(["check-docs", "--strict", "docs"], capsys)
    assert code == EXIT_FINDINGS
    for lang in TRANSLATIONS:
        assert f"see what changed: translation-diff docs/{lang}/{PAGE}; " in out


def test_text_table_names_pages_languages_and_what_to_run(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_paragraph(repo)
    code, out, err = run(["translation-status"], capsys)
    assert (code, err) == (EXIT_OK, "")
    header, *lines = out.splitlines()
    assert sorted(header.split()) == sorted(["page", *TRANSLATIONS])
    row = next(line for line in lines if line.startswith(PAGE))
    assert row.split() == [PAGE, *["outdated"] * len(TRANSLATIONS)]
    for lang in TRANSLATIONS:
        assert f"docs/{lang}/{PAGE}: outdated (1 line changed in English, since {CHANGED_ON:%Y-%m-%d})" in out
        assert f"translation-diff docs/{lang}/{PAGE}" in out
    assert run(["translation-status", "--strict"], capsys)[0] == EXIT_FINDINGS

    code, out, _ = run(["translation-status", "--lang", "ja"], capsys)
    assert out.splitlines()[0].split() == ["page", "ja"]
    assert "docs/fr/" not in out


def test_strict_passes_when_everything_is_up_to_date(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["translation-status", "--strict"], capsys)
    assert code == EXIT_OK
    assert "Every translation is up to date" in out


def test_diff_json_has_old_and_new_english_and_the_changed_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = repo / "docs" / DEFAULT_LANGUAGE / PAGE
    old_text = read(english)
    old, _ = edit_paragraph(repo)
    code, out, _ = run(["translation-diff", "--format", "json", f"docs/pt/{PAGE}"], capsys)
    assert code == EXIT_FINDINGS
    data = json.loads(out)
    assert (data["old_text"], data["new_text"]) == (old_text, read(english))
    line = old_text.split("\n").index(old) + 1
    assert [(c["old"], c["new"]) for c in data["changes"]] == [
        ({"first": line, "last": line}, {"first": line, "last": line})
    ]
    assert data["source_hash"] == recorded_hash(read(repo / "docs" / "pt" / PAGE)) == source_hash(old_text)
    assert data["english_hash"] == source_hash(read(english))
    assert datetime.fromisoformat(data["translated_version"]["date"]) == TRANSLATED_ON
    assert datetime.fromisoformat(data["since"]["date"]) == CHANGED_ON


def test_changed_sections_are_named_by_their_headings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = repo / "docs" / DEFAULT_LANGUAGE / PAGE
    text = read(english)
    second = [s for s in sections_of(text) if s.heading.startswith("## ")][1]
    lines = text.split("\n")
    index = next(i for i in range(second.line, len(lines)) if lines[i].strip() and not lines[i].startswith("#"))
    lines[index] += " One more sentence."
    write(english, "\n".join(lines))
    commit_all(repo, "one more sentence", CHANGED_ON)

    code, out, _ = run(["translation-diff", f"docs/zh/{PAGE}"], capsys)
    assert code == EXIT_FINDINGS
    assert f"  line {index + 1}: {second.heading}" in out.splitlines()
    assert f" @@ {second.heading}" in out


def test_uncommitted_english_edit_is_outdated_without_a_date(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = repo / "docs" / DEFAULT_LANGUAGE / PAGE
    old = first_paragraph_line(read(english))
    write(english, read(english).replace(old, old + " Still being written.", 1))
    cell = next(p for p in status(capsys)["pages"] if p["page"] == PAGE)["translations"]["ar"]
    assert (cell["state"], cell["since"], cell["lines_changed"]) == ("outdated", None, 1)
    assert "not committed yet" in cell["text"]
    code, out, _ = run(["translation-diff", f"docs/ar/{PAGE}"], capsys)
    assert code == EXIT_FINDINGS
    assert "in changes not committed yet" in out


def test_missing_untranslated_and_broken_pages_are_named_with_what_to_run(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = repo / "docs"
    (docs / "zh" / "providers.md").unlink()
    english = read(docs / DEFAULT_LANGUAGE / "troubleshooting.md")
    write(docs / "pt" / "troubleshooting.md", stamped(english, english))  # copied, stamped, never translated
    arabic = docs / "ar" / "backends.md"
    write(arabic, read(arabic).encode("utf-8").decode("cp1256", errors="replace"))  # saved through a code page

    data = status(capsys)
    cells = {(p["page"], lang): cell for p in data["pages"] for lang, cell in p["translations"].items()}
    assert cells["providers.md", "zh"]["state"] == "missing"
    assert cells["troubleshooting.md", "pt"]["state"] == "untranslated"
    assert [f["kind"] for f in cells["troubleshooting.md", "pt"]["findings"]] == ["untranslated"]
    assert cells["backends.md", "ar"]["state"] == "broken"
    assert "encoding" in {f["kind"] for f in cells["backends.md", "ar"]["findings"]}
    others = {
        key: cell["state"]
        for key, cell in cells.items()
        if key not in {("providers.md", "zh"), ("troubleshooting.md", "pt"), ("backends.md", "ar")}
    }
    assert set(others.values()) == {"up-to-date"}

    code, out, _ = run(["translation-status"], capsys)
    assert code == EXIT_OK
    assert "docs/zh/providers.md: missing" in out
    assert "docs/ar/backends.md: broken (" in out
    assert "docs/ar/backends.md:" in out.split("docs/ar/backends.md: broken (", 1)[1]  # its findings follow


# --- stamps that match no version ------------------------------------------------------------


def test_a_stamp_typed_by_hand_gets_a_plain_explanation_and_the_recent_log(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_paragraph(repo)
    page = repo / "docs" / "ja" / PAGE
    made_up = "0123456789ab"
    write(page, read(page).replace(recorded_hash(read(page)) or "", made_up, 1))
    assert recorded_hash(read(page)) == made_up

    code, out, err = run(["translation-diff", f"docs/ja/{PAGE}"], capsys)
    assert (code, err) == (EXIT_FINDINGS, "")
    assert f"whose source_hash is {made_up}" in out
    assert "no version of docs/en/retries.md in git history has that hash" in out
    assert "The history was rewritten, or the stamp was written by hand." in out
    log = [line.split() for line in out.splitlines() if line.startswith("  ")]
    assert [entry[1] for entry in log] == [f"{CHANGED_ON:%Y-%m-%d}", f"{TRANSLATED_ON:%Y-%m-%d}"]
    assert diff_lines(out) == []

    cell = next(p for p in status(capsys)["pages"] if p["page"] == PAGE)["translations"]["ja"]
    assert cell["state"] == "outdated"
    assert "matches no version" in cell["text"]


def test_a_shallow_clone_says_to_fetch_the_history(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_paragraph(repo)
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    monkeypatch.chdir(clone)
    code, out, _ = run(["translation-diff", f"docs/fr/{PAGE}"], capsys)
    assert code == EXIT_FINDINGS
    assert "git fetch --unshallow" in out


# --- without git ---------------------------------------------------------------------------------


def test_without_a_repository_status_works_and_says_dates_are_unknown(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_paragraph(repo)
    tarball = tmp_path / "tarball"
    shutil.copytree(repo / "docs", tarball / "docs")
    monkeypatch.chdir(tarball)
    data = status(capsys)
    assert not data["dates_known"]
    assert "not in a git repository" in data["history_problem"]
    assert {lang for (page, lang), state in states(data).items() if state == "outdated"} == set(TRANSLATIONS)

    code, out, err = run(["translation-diff", f"docs/fr/{PAGE}"], capsys)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith("llm-backends translation-diff: cannot read the history of docs/en/retries.md: ")
    assert len(err.splitlines()) == 1
    assert run(["translation-diff", "docs/fr/index.md"], capsys)[0] == EXIT_OK


def test_without_git_the_diff_says_to_install_it(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_paragraph(repo)
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    code, out, err = run(["translation-diff", f"docs/fr/{PAGE}"], capsys)
    assert (code, out) == (EXIT_USAGE, "")
    assert "git is not installed" in err
    assert len(err.splitlines()) == 1
    text = run(["translation-status"], capsys)[1]
    assert "Dates unknown: git is not installed" in text


# --- usage errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("docs/en/retries.md", "an English page is the original, not a translation"),
        ("docs/fr/nothing.md", "no such file"),
        ("README.md", "not in a layout of translated pages"),
    ],
)
def test_diff_of_something_that_is_not_a_translation_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str], page: str, message: str
) -> None:
    (repo / "README.md").write_text("# readme\n", encoding="utf-8")
    code, out, err = run(["translation-diff", page], capsys)
    assert (code, out) == (EXIT_USAGE, "")
    assert message in err
    assert len(err.splitlines()) == 1


def test_status_of_a_folder_that_is_not_docs_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args, message in (([str(repo / "nothing")], "no such folder"), (["--lang", "xx"], "not a language of")):
        code, out, err = run(["translation-status", *args], capsys)
        assert (code, out) == (EXIT_USAGE, "")
        assert message in err


# --- the hash and the diff -----------------------------------------------------------------------


def test_the_hash_ignores_bom_and_line_endings_so_a_windows_save_stays_up_to_date(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = repo / "docs" / DEFAULT_LANGUAGE / PAGE
    text = read(english)
    assert (
        source_hash("\ufeff" + text.replace("\n", "\r\n")) == source_hash(text) == source_hash(text.replace("\n", "\r"))
    )
    english.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    assert states(status(capsys))[PAGE, "fr"] == "up-to-date"
    translation = repo / "docs" / "fr" / PAGE
    assert recorded_hash(stamped(read(translation), read(english))) == recorded_hash(read(translation))


def test_unified_diff_has_the_lines_difflib_gives(repo: Path) -> None:
    text = read(repo / "docs" / DEFAULT_LANGUAGE / PAGE)
    lines = text.split("\n")
    edited = "\n".join([*lines[:5], "A new line.", *lines[6:40], *lines[42:-1], "The end.", ""])
    ours = unified(text, edited, "a", "b").splitlines()
    theirs = list(difflib.unified_diff(text.splitlines(), edited.splitlines(), "a", "b", lineterm=""))
    assert [line.split(" @@")[0] for line in ours] == [line.split(" @@")[0] for line in theirs]
    assert sum(change.size for change in line_changes(text, edited)) == 1 + 2 + 1
