"""Layouts of translated docs (folder, suffix, Docusaurus, Hugo, loose), the one page reader,
and odd entries in a docs tree (loops, FIFOs, folders named like pages) as usage errors."""

from __future__ import annotations

import codecs
import os
from pathlib import Path, PurePath
from typing import Any

import pytest

from llm_backends.cli import main as llm_main
from tests.support.docs_tree import copy_docs, our_targets, read, write
from transdocs import check_paths
from transdocs.cli import EXIT_OK, EXIT_USAGE, main
from transdocs.pages.layout import (
    DocusaurusLayout,
    FolderLayout,
    HugoLayout,
    LooseLayout,
    RootLayout,
    SuffixLayout,
    detect_layout,
    is_language_tag,
)
from transdocs.pages.reader import read_page
from transdocs.report.findings import MISSING, STRUCTURE
from transdocs.tools.stamp import stamp_paths
from transdocs.translations.hash_stamp import recorded_hash
from transdocs.translations.source_hash import source_hash


def touch(path: Path, text: str = "# Page\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("tag", ["en", "de", "zh-Hans", "pt-BR", "zh_CN", "es-419", "zh-hans"])
def test_language_tags_with_scripts_and_regions(tag: str) -> None:
    assert is_language_tag(tag)


@pytest.mark.parametrize("name", ["docs", "assets", "images", "EN", "zh-"])
def test_folder_names_that_are_not_language_tags(name: str) -> None:
    assert not is_language_tag(name)


def test_folder_layout(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    english = touch(docs / "en" / "guide" / "a.md")
    german = touch(docs / "de" / "guide" / "a.md")
    touch(docs / "pt-BR" / "index.md")
    layout = detect_layout([docs], None)
    assert isinstance(layout, FolderLayout) and layout.root == docs
    assert layout.languages() == ["en", "de", "pt-BR"]
    assert layout.language_of(german) == "de" and layout.language_of(english) == "en"
    assert layout.english_of(german) == english and layout.english_of(english) is None
    assert layout.translations_of(english) == {"de": german, "pt-BR": docs / "pt-BR" / "guide" / "a.md"}
    assert layout.english_pages() == [english]
    assert detect_layout([german], None) == layout


def test_suffix_layout(tmp_path: Path) -> None:
    english = touch(tmp_path / "docs" / "a.md")
    french = touch(tmp_path / "docs" / "a.fr.md")
    tagged = touch(tmp_path / "docs" / "b.en.md")
    layout = detect_layout([tmp_path / "docs"], None)
    assert isinstance(layout, SuffixLayout)
    assert layout.languages() == ["en", "fr"]
    assert layout.language_of(french) == "fr" and layout.language_of(english) == "en"
    assert layout.english_of(french) == english
    assert layout.translations_of(tagged) == {"fr": tmp_path / "docs" / "b.fr.md"}
    assert layout.english_pages() == [english, tagged]


def test_docusaurus_layout_with_mdx_and_region_locales(tmp_path: Path) -> None:
    english = touch(tmp_path / "docs" / "guide" / "intro.mdx")
    current = "docusaurus-plugin-content-docs/current"
    chinese = touch(tmp_path / "i18n" / "zh-Hans" / current / "guide" / "intro.mdx")
    touch(tmp_path / "i18n" / "pt-BR" / current / "other.md")
    for given in (tmp_path / "docs", tmp_path / "i18n", chinese):
        layout = detect_layout([given], None)
        assert isinstance(layout, DocusaurusLayout) and layout.root == tmp_path
    assert layout.languages() == ["en", "pt-BR", "zh-Hans"]
    assert layout.language_of(chinese) == "zh-Hans"
    assert layout.english_of(chinese) == english
    assert layout.translations_of(english)["zh-Hans"] == chinese
    assert layout.english_pages() == [english]


def test_hugo_layout(tmp_path: Path) -> None:
    touch(tmp_path / "hugo.toml", "")
    english = touch(tmp_path / "content" / "en" / "a.md")
    german = touch(tmp_path / "content" / "de" / "a.md")
    layout = detect_layout([tmp_path / "content"], None)
    assert isinstance(layout, HugoLayout) and layout.root == tmp_path / "content"
    assert layout.english_of(german) == english


def test_loose_files_take_the_language_given(tmp_path: Path) -> None:
    page = touch(tmp_path / "notes.md")
    layout = detect_layout([page], None, lang="de")
    assert isinstance(layout, LooseLayout) and layout.language_of(page) == "de"


def test_a_configured_layout_that_does_not_fit_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    touch(tmp_path / "docs" / "a.md")
    assert main(["--allow-import", "--layout", "docusaurus", str(tmp_path / "docs")]) == EXIT_USAGE
    assert "docusaurus" in capsys.readouterr().err


def test_docusaurus_translations_are_checked_like_folder_ones(tmp_path: Path) -> None:
    english = touch(tmp_path / "docs" / "intro.mdx", "# Intro\n\n## Setup\n")
    touch(tmp_path / "docs" / "other.mdx", "# Other\n")
    german = touch(tmp_path / "i18n" / "de" / "docusaurus-plugin-content-docs" / "current" / "intro.mdx", "# Intro\n")
    found = check_paths([str(tmp_path / "docs"), str(tmp_path / "i18n")])
    kinds = sorted((Path(f.path).name, f.kind) for f in found)
    # Never stamped and not in git: no outdated finding (see test_check_docs_other_conventions).
    assert kinds == [("intro.mdx", STRUCTURE), ("other.mdx", MISSING)]
    assert all(f.lang == "de" for f in found)
    stamp_paths([german])
    assert recorded_hash(read(german)) == source_hash(read(english))


def test_a_page_read_keeps_its_text_in_utf8(tmp_path: Path) -> None:
    """The bytes the encoding check reads are the page's text in UTF-8 (without the BOM; none when
    the file is not UTF-8): our docs, the fixtures, the real corpus's pages when it is beside the clone,
    and pages with a BOM or in a legacy code page."""
    root = Path(__file__).parent.parent
    paths = [*(root / "docs").rglob("*.md"), *(root / "tests" / "fixtures").rglob("*.md*")]
    for base in (root.parent, root.parent.parent):
        paths += (base / "shared" / "corpora" / "real").rglob("*.md*")
    for name, data in (("bom.md", codecs.BOM_UTF8 + "Café\n".encode()), ("legacy.md", "Café\n".encode("cp1252"))):
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    valid = 0
    for path in paths:
        page = read_page(path)
        assert page.data == (page.text.encode("utf-8") if page.valid else b""), path
        valid += page.valid
    assert len(paths) - 1 == valid > 200


def test_a_bom_page_reads_stamps_and_hashes_like_the_same_page_without_bom(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path, ["fr"])
    english, french = docs / "en" / "retries.md", docs / "fr" / "retries.md"
    before = source_hash(read(english))
    english.write_bytes(codecs.BOM_UTF8 + english.read_bytes())
    french.write_bytes(codecs.BOM_UTF8 + french.read_bytes())
    assert read_page(english).bom and not read_page(english).text.startswith("\ufeff")
    assert read_page(english).data == read_page(english).text.encode("utf-8")  # (what the encoding check reads)
    assert source_hash(read_page(english).text) == before
    assert check_paths([str(docs)]) == []
    body = french.read_bytes()
    stamp_paths([french])
    assert french.read_bytes() == body  # already stamped: not a byte changed, BOM kept


def test_stamping_a_bom_page_keeps_the_bom_and_writes_into_its_front_matter(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path, ["fr"])
    french = docs / "fr" / "retries.md"
    write(french, read(french).replace(recorded_hash(read(french)) or "", "0" * 12))
    french.write_bytes(codecs.BOM_UTF8 + french.read_bytes())
    stamp_paths([french])
    raw = french.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8 + b"---") and raw.count(b"---\n") == 2
    assert check_paths([str(docs)]) == []


def test_broken_front_matter_is_reported_and_not_stamped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = copy_docs(tmp_path, ["pt"])
    page = docs / "pt" / "retries.md"
    text = read(page)
    write(page, text.replace("---\n", "---\nsource hash abc\n", 1))
    found = [f for f in check_paths([str(docs)]) if f.kind == STRUCTURE]
    assert [(f.path, f.line) for f in found] == [(str(page), 2)]
    body = page.read_bytes()
    assert llm_main(["stamp-translation", str(page)]) == EXIT_USAGE
    assert f"{page}:2: broken front matter" in capsys.readouterr().err
    assert page.read_bytes() == body
    # Never closed: reported on line 1, and stamping would bury it under a second block.
    write(page, text.replace("---\n", "", 2).replace("\n", "\n", 1))
    write(page, "---\n" + read(page))
    assert [(f.line, f.kind) for f in check_paths([str(page)]) if f.kind == STRUCTURE][:1] == [(1, STRUCTURE)]
    assert llm_main(["stamp-translation", str(page)]) == EXIT_USAGE


def odd_entries(tmp_path: Path) -> dict[str, Path]:
    """One docs tree per kind of entry that must be a usage error, never a finding or a hang."""
    made = {}
    for name in ("loop", "fifo", "folder", "broken"):
        docs = copy_docs(tmp_path / name, ["fr"])
        made[name] = docs
    os.symlink("..", made["loop"] / "fr" / "up")
    os.symlink("self.md", made["loop"] / "fr" / "self.md")
    os.mkfifo(made["fifo"] / "fr" / "pipe.md")
    (made["folder"] / "fr" / "x.md").mkdir()
    os.symlink("nowhere.md", made["broken"] / "fr" / "gone.md")
    return made


def test_loops_fifos_folders_named_like_pages_and_broken_links_exit_2_naming_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, docs in odd_entries(tmp_path).items():
        assert main(["--allow-import", str(docs)]) == EXIT_USAGE, name
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(docs / "fr") in err and "Traceback" not in err, err
    fifo = tmp_path / "fifo" / "docs" / "fr" / "pipe.md"
    assert main(["--allow-import", str(fifo)]) == EXIT_USAGE
    assert "FIFO" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_page_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = copy_docs(tmp_path, ["fr"])
    (docs / "fr" / "retries.md").chmod(0)
    assert main(["--allow-import", str(docs)]) == EXIT_USAGE
    assert "cannot read" in capsys.readouterr().err


def test_the_clean_tree_still_exits_0(tmp_path: Path) -> None:
    assert main(["--allow-import", str(copy_docs(tmp_path))]) == EXIT_OK


def test_an_unbalanced_placeholder_is_blamed_on_the_page_that_has_it(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    english = docs / "en" / "retries.md"
    text = read(english)
    assert "{{ retry.max_requests }}" in text
    write(english, text.replace("{{ retry.max_requests }}", "{{ retry.max_requests }", 1))
    line = next(n for n, row in enumerate(read(english).split("\n"), start=1) if "{{ retry.max_requests }" in row)
    stamp_paths([docs])  # translations are otherwise current
    found = [(f.path, f.line, f.kind) for f in check_paths([str(docs)])]
    assert found == [(str(english), line, STRUCTURE)]


@pytest.mark.parametrize(
    ("english", "translation", "drift"),
    [
        ("`LLM_TIMEOUT` is 60 seconds.", "`LLM_TIMEOUT` beträgt 90 Sekunden.", [("LLM_TIMEOUT", "90", "60")]),
        ("`LLM_TIMEOUT` is 60 seconds.", "`LLM_TIMEOUT` beträgt 60 Sekunden.", []),
        ("`LLM_TIMEOUT` is 1.5 seconds.", "`LLM_TIMEOUT` beträgt 1,5 Sekunden.", []),
        # A number the translation adds without replacing one is wording ("1 分あたり" for "per minute").
        ("`LLM_TIMEOUT` applies per minute.", "`LLM_TIMEOUT` gilt für 1 Minute.", []),
        ('`retry_max_wait` shows "1 second".', "`retry_max_wait` zeigt „3 Sekunden“.", []),
        ("`LLM_TIMEOUT` is 60 seconds.\n\n## Other\n", "## Andere\n\n`LLM_TIMEOUT` ist 90.", []),
    ],
)
def test_value_drift_is_a_number_replaced_next_to_the_same_setting_in_the_same_section(
    english: str, translation: str, drift: list[tuple[str, str, str]]
) -> None:
    from transdocs.pages.markdown import read_markdown
    from transdocs.translations.value_drift import value_drift

    english_doc, translation_doc = read_markdown(f"# Page\n\n{english}\n"), read_markdown(f"# Seite\n\n{translation}\n")
    found = value_drift(english_doc, translation_doc, our_targets())
    assert [(d.setting, d.stated, d.expected) for d in found] == drift


def _trees(tmp_path: Path) -> list[Path]:
    """One tree per paired layout: translations of pages of each suffix, a translation whose English
    page has another suffix, translations missing, a page with no English page."""
    current = "docusaurus-plugin-content-docs/current"
    trees = []
    for name, english, translated in [
        ("folder", "docs/en/{}", "docs/{lang}/{}"),
        ("docusaurus", "docs/{}", f"i18n/{{lang}}/{current}/{{}}"),
        ("root", "site/{}", "site/{lang}/{}"),
    ]:
        root = tmp_path / name
        if name == "docusaurus":
            touch(root / "docusaurus.config.js", "")
        for page in ("a.md", "guide/b.mdx", "guide/c.md", "d.md"):
            touch(root / english.format(page))
            for lang in ("de", "pt-BR"):
                if page != "d.md" or lang == "de":
                    touch(root / translated.format(page, lang=lang))
        touch(root / translated.format("guide/c.mdx", lang="de").replace("c.mdx", "e.mdx"))  # no English page
        (root / english.format("guide/c.md")).rename(root / english.format("guide/c.markdown"))
        trees.append(root / (english.split("/")[0] if name != "docusaurus" else ""))
    return trees


def test_pages_found_are_known_without_looking_at_the_disk_and_pair_as_looked_up(tmp_path: Path) -> None:
    from transdocs.pages.discover import discover
    from transdocs.pages.layout import _parts_under, _under

    for given in _trees(tmp_path):
        found = discover([str(given)], None)
        layout = found.layouts[0]
        assert isinstance(layout, FolderLayout | DocusaurusLayout | RootLayout)
        hits = 0
        for page in found.pages:
            parts = _parts_under(page.path, layout.root)
            assert parts is not None and parts == _under(page.path, layout.root).parts  # type: ignore[union-attr]
            split = layout._split(page.path)  # (its language and place, split again, not remembered)
            assert page.lang == (split[0] if split else None)
            # the page's English page as found with the pages known, and as looked up on disk
            assert page.english == layout.english_of(page.path)
            hits += page.english is not None and page.english is found.known.get(str(page.english))
        englishes = [page.path for page in found.pages if page.lang == "en"] or layout.english_pages()
        for english in englishes:
            known = layout.translations_of(english, found.known)
            assert known == layout.translations_of(english)
            hits += sum(path is found.known.get(str(path)) for path in known.values())
        assert hits > 6, given  # the shortcut was taken (the very path found is given back)
        assert _parts_under(layout.root, layout.root) == () and _parts_under(tmp_path, layout.root) is None


def _given_ways(tree: Path) -> list[tuple[Path, tuple[str, ...]]]:
    """(working folder, paths given): ``tree`` given as absolute, relative, with ``./`` and ``..``, as
    ``.`` (from within it), through a symlinked folder, and with a page given again on its own."""
    top = tree.parent.parent
    (top / "link").symlink_to(tree, target_is_directory=True)
    relative = os.path.relpath(tree, top)
    page = next(str(p.relative_to(top)) for p in sorted(tree.rglob("*.md")))
    ways = [
        (str(tree),),
        (relative,),
        (f"./{relative}/",),
        (f"{relative}/../{os.path.basename(relative)}",),
        (f"../{top.name}/{relative}",),
        ("link",),
        (relative, page),
        (page, str(tree)),
    ]
    below = next(folder for folder in sorted(tree.iterdir()) if folder.is_dir())
    return [(top, given) for given in ways] + [(tree, (".",)), (tree, ("./",)), (below, ("..",))]


def _shown_as_before(found: Any, path: Path) -> str:
    """How discovery showed a path by path objects (the string work must give the same)."""
    absolute = Path(os.path.abspath(path))
    for text, folder in found.given:
        try:
            return str(PurePath(text) / absolute.relative_to(folder))
        except ValueError:
            continue
    if any(not os.path.isabs(text) for text, _ in found.given):
        return os.path.relpath(absolute)
    return str(absolute)


def test_pages_are_known_by_their_absolute_path_however_given_and_pair_as_looked_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discovery knows each page by its path made absolute (``os.path.abspath``), whether the folder was
    given by an absolute path, a relative one or through a link: a page's language and English page are
    those the layout looks up on disk, its English page (when found) is the very path known, and the
    runner's and the groups' absolute paths are ``Path.absolute``'s."""
    from transdocs import batch
    from transdocs.checks import Context
    from transdocs.pages.discover import _absolute_texts, discover
    from transdocs.pages.layout import Layout
    from transdocs.runner import Checker

    lookup = Layout.page_of
    for tree in _trees(tmp_path):
        for here, given in _given_ways(tree):
            with monkeypatch.context() as inside:
                inside.chdir(here)
                found = discover(list(given), None)
                with monkeypatch.context() as disk:  # each page's language and English page looked up on disk
                    disk.setattr(Layout, "page_of", lambda self, path, absolute, known: lookup(self, path, absolute))
                    assert found.pages == discover(list(given), None).pages, given
                layout = found.layouts[0]
                assert sorted(found.known) == sorted({os.path.abspath(page.path) for page in found.pages}), given
                hits = 0
                for page in found.pages:
                    known = found.known.get(os.path.abspath(page.path))
                    assert known == Path(os.path.abspath(page.path)) and known is found.known[str(known)]
                    hits += page.english is not None and page.english is found.known.get(str(page.english))
                    if page.layout is not None:  # (from its path made absolute, and from its path)
                        expected = (page.layout.language_of(page.path), page.layout.english_of(page.path))
                        assert (page.lang, page.english) == expected
                        assert page.layout.page_of(page.path, os.path.abspath(page.path)) == expected
                for english in {page.english for page in found.pages if page.english is not None}:
                    translations = layout.translations_of(english, found.known)
                    assert translations == layout.translations_of(english)
                    hits += sum(path is found.known.get(str(path)) for path in translations.values())
                assert hits > 6, given
                for path in {p for page in found.pages for p in (page.path, page.english) if p is not None}:
                    assert found.show(path) == _shown_as_before(found, path), (given, path)
                    assert found.show(Path(os.path.abspath(path))) == found.show(path)
                for odd in ("/", "/tmp", str(tmp_path), str(tree.parent), "other/x.md", "../x.md", "//x/y.md"):
                    assert found.show(Path(odd)) == _shown_as_before(found, Path(odd)), (given, odd)
                checker = Checker(Context(found, None, None))  # type: ignore[arg-type]
                for path in {p for page in found.pages for p in (page.path, page.english) if p is not None}:
                    assert checker.absolute[str(path)] == str(path.absolute()) == checker._absolute(Path(str(path)))
                todo = list(range(len(found.pages)))
                by_absolute: dict[Path, list[int]] = {}
                for index in todo:
                    page = found.pages[index]
                    by_absolute.setdefault((page.english or page.path).absolute(), []).append(index)
                assert [i for task in batch._groups(found.pages, todo) for i in task] == [
                    i for group in by_absolute.values() for i in group
                ]
                for text in given:
                    files = sorted(Path(text).rglob("*")) if Path(text).is_dir() else [Path(text)]
                    expected = [os.path.abspath(file) for file in files]
                    assert _absolute_texts(Path(text), Path(os.path.abspath(text)), files) == expected
        (tree.parent.parent / "link").unlink()


@pytest.mark.parametrize("given", [".", "..", "/", "a", "a/", "./a", "a/../a", "../b/a", "a/b/..", "/x/../y"])
def test_absolute_texts_of_files_found_are_abspath(given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file found under a folder is the folder joined with plain names: its absolute text is the
    folder's joined with them, as ``os.path.abspath`` makes it, for any way of giving the folder."""
    from transdocs.pages.discover import _absolute_texts

    (tmp_path / "b" / "a").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "b")
    path = Path(given)
    files = [path / "x.md", path / "sub" / ".y.md", path / "..md", path]
    expected = [os.path.abspath(file) for file in files]
    assert _absolute_texts(path, Path(os.path.abspath(path)), files) == expected


def test_a_suffix_is_splitexts_for_every_short_name_and_every_real_path() -> None:
    """``suffix_of`` (string work, for every file walked) is ``os.path.splitext``'s suffix, lowered: for
    every name of up to seven of dots, letters and separators (a name of dots then a suffix has none, a
    dot before the last separator is not a suffix), and every file of our docs and the real corpus."""
    import itertools

    from tests.support.real_corpus import CORPUS, ROOT
    from transdocs.pages.walk import suffix_of

    alphabet = ".aM/" + ("\\" if os.sep == "/" else "/")
    names = ["".join(chars) for size in range(8) for chars in itertools.product(alphabet, repeat=size)]
    names += ["..md", ".md", "a..md", "a.MD", "x/.md", "x/..MDX", ".hidden/a", "a.b/c", "a.tar.gz", "ä.Markdown"]
    for folder in (ROOT / "docs", CORPUS):
        names += [str(path) for path in folder.rglob("*")] if folder is not None and folder.is_dir() else []
    assert len(names) > 90_000
    for name in names:
        assert suffix_of(name) == os.path.splitext(name)[1].lower(), name
        assert suffix_of(Path(name)) == os.path.splitext(Path(name))[1].lower(), name


def _bytes_as_before(path: Path, size: int) -> bytes:
    """How the reader read a file: reads until one comes back empty, joined."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = [os.read(fd, size + 1)]
        while chunks[-1]:
            chunks.append(os.read(fd, max(size, 1 << 16)))
    finally:
        os.close(fd)
    return b"".join(chunks)


def test_a_file_is_read_whole_whatever_its_size_and_whether_it_grew_or_shrank_since_asked(tmp_path: Path) -> None:
    """The reader returns a file's bytes as read in one go when a second read finds its end (the usual
    case, no copy), else reads on to the end: empty files, sizes about the reads' sizes, a file larger or
    smaller than its status said, and every page of our docs and the real corpus."""
    from tests.support.real_corpus import CORPUS, ROOT
    from transdocs.pages.reader import _read_bytes

    files = []
    for size in (0, 1, 2, 4095, 65535, 65536, 65537, 131072, 200_001):
        files.append(touch(tmp_path / f"f{size}.md", ""))
        files[-1].write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    for path in files:
        size = path.stat().st_size
        for told in {size, 0, 1, max(size - 1, 0), size // 2, size + 1, 2 * size + 7, 70_000}:
            assert _read_bytes(path, told) == _bytes_as_before(path, told) == path.read_bytes(), (path, told)
    for folder in (ROOT / "docs", CORPUS):
        for path in sorted(folder.rglob("*.md")) if folder is not None and folder.is_dir() else []:
            size = path.stat().st_size
            assert _read_bytes(path, size) == path.read_bytes() == _bytes_as_before(path, size), path
