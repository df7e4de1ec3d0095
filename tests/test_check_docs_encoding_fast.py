"""The encoding check's shortcuts answer exactly as the full search they spare.

The full search tries every candidate code page on a page and gathers the page's letter runs
before it weighs them; the shortcuts pass by a code page that writes every character of the page
as one already tried, and a page whose lone accented letters cannot make its runs paired, and weigh
a repair only as far as it takes to tell whether it reads better. Each test compares the two on our
docs and the fixtures (the repairs also on the real corpus's pages when it is beside the clone), each
also garbled through code pages (real round trips of their UTF-8 bytes), with a word in another
script added, and on random texts.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from transdocs.encoding import codepages, mojibake
from transdocs.encoding.codepages import code_pages
from transdocs.languages.detect import MIN_RATE, Census, Reading, prose_of
from transdocs.languages.scripts import SCRIPTS, UNIVERSAL, foreign_letters, non_ascii, utf8
from transdocs.languages.words import OURS, LanguageFiles

ROOT = Path(__file__).parent.parent
CORPUS = next(
    (base / "shared" / "corpora" / "real" for base in (ROOT.parent, ROOT.parent.parent) if (base / "shared").is_dir()),
    None,
)
# Code pages a page is garbled through: single-byte ones of several scripts, and multi-byte ones.
GARBLING = ("cp1252", "latin_1", "cp1251", "cp1256", "cp874", "mac_roman", "gbk", "shift_jis", "big5", "euc_kr")
# Words of other scripts a page may name (a language menu, a name): each makes a page suspect.
OTHER_SCRIPTS = ("العربية", "Ελληνικά", "Русский", "café", "中文", "한국어")
_POOL = (
    "aZq09 _-.,;:!?'\"`<>{}[]()#&|*~\t\n\r\n\néÀçßſıİΑΣσЖжعربيةً中文字ひらがなカタカナｱｲＡＺａｚ"
    "ÃƒÂ©â€™Ð°Ñ\u0080\u0085\ufffd\ue000\u00a0\u202f’«»─├━\u309a\u0301か\ud800\x00"
)


def _pages(corpus: bool = False) -> list[tuple[str, str | None]]:
    """(text, the language of its folder) of our docs and the fixtures (and with ``corpus``, the real corpus's)."""
    paths = sorted([*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")])
    if corpus and CORPUS is not None and CORPUS.is_dir():
        paths += sorted([*CORPUS.rglob("*.md"), *CORPUS.rglob("*.mdx")])
    languages = set(OURS.available())
    found = []
    for path in paths:
        tags = [part.split("-")[0].lower() for part in reversed(path.parts)]
        lang = next((tag for tag in tags if tag in languages), None)
        found.append((path.read_text(encoding="utf-8", errors="replace"), lang))
    return found


def _texts() -> list[tuple[str, str | None]]:
    pages = _pages()
    rng = random.Random(4)
    texts = list(pages)
    for text, lang in pages:
        data = text.encode("utf-8")
        for code_page in rng.sample(GARBLING, 3):
            texts.append((data.decode(code_page, errors=rng.choice(("ignore", "replace"))), lang))
        word = rng.choice(OTHER_SCRIPTS)
        cut = rng.randrange(len(text) + 1)
        texts.append((f"{text[:cut]} {word} {text[cut:]}", lang))
    languages = [None, *OURS.available()]
    for _ in range(1_500):
        text = "".join(rng.choice(_POOL) for _ in range(rng.randint(0, 400)))
        texts.append((text, rng.choice(languages)))
    return texts


TEXTS = _texts()


def _badness(text: str, lang: str, files: LanguageFiles) -> tuple[int, float]:
    """(characters of the prose foreign to the language or junk, its common-word rate), read whole."""
    prose = prose_of(text)
    scripts = files.words(lang).scripts
    return mojibake._foreign(prose, scripts), mojibake._rate(prose, lang, scripts, files)


def _plain_reads_better(repaired: str, garbled: str, lang: str | None, files: LanguageFiles) -> bool:
    """The repair weighed whole: both texts' badness, then the two comparisons."""
    if lang is None or not files.words(lang).scripts:
        return False
    bad_after, rate_after = _badness(repaired, lang, files)
    bad_before, rate_before = _badness(garbled, lang, files)
    fewer_foreign = bad_before >= 2 and bad_after * 2 <= bad_before
    more_words = rate_after >= MIN_RATE and rate_after >= 2 * rate_before
    return fewer_foreign or more_words


class _Forgets(set[mojibake._Key]):
    def add(self, key: mojibake._Key) -> None:
        pass


class _TriesAll(mojibake._Tried):
    """Passes no code page by."""

    def __init__(self, rest: str) -> None:
        super().__init__(rest)
        self.passed = _Forgets()

    def again(self, code_page: str, key: mojibake._Key) -> bool:
        return False


def _full_search(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mojibake, "_Tried", _TriesAll)
    monkeypatch.setattr(mojibake, "_plainly_unpaired", lambda encoded, rest: False)
    monkeypatch.setattr(mojibake, "_suspect", _plain_suspect)
    monkeypatch.setattr(
        mojibake,
        "_reads_better",
        lambda repaired, page: page is not None and _plain_reads_better(repaired, page.text, page.lang, page.files),
    )


def test_the_encoding_check_finds_what_the_full_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [mojibake.check_text(text, lang) for text, lang in TEXTS]
    _full_search(monkeypatch)
    assert fast == [mojibake.check_text(text, lang) for text, lang in TEXTS]
    assert sum(problem is not None for problem in fast) > 100  # (garbled pages are found)


# Code pages that write most texts alike: the second of each pair is often passed by for the first.
_ALIKE = (("gbk", "gb18030"), ("shift_jis", "cp932"), ("big5", "cp950"), ("cp1252", "latin_1"), ("cp1252", "cp1254"))


def test_passing_by_answers_as_the_full_search_whichever_code_pages_are_weighed_weakly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Code pages that write most texts alike (one of them dropping bytes the other has a character for,
    or not), tried in either order, with the weak evidence of one of them weighed or of both: the pass-by
    answers as the full search."""
    texts = [(text, lang) for text, lang in TEXTS if lang is not None and not text.isascii()]
    for pair in _ALIKE:
        for candidates in (list(pair), list(reversed(pair))):
            for writers in ({pair[0]}, {pair[1]}, None):
                monkeypatch.setattr(mojibake, "_candidates", lambda top, pages=candidates: pages)
                monkeypatch.setattr(mojibake, "_writers", lambda foreign, pages=writers: pages and frozenset(pages))
                fast = [mojibake.check_text(text, lang) for text, lang in texts]
                with monkeypatch.context() as full:
                    full.setattr(mojibake, "_Tried", _TriesAll)
                    assert fast == [mojibake.check_text(text, lang) for text, lang in texts], (candidates, writers)


def test_a_code_page_passed_by_writes_the_page_as_one_tried_before() -> None:
    """A code page whose repair would be weighed is passed by only when it writes the whole page as one
    weighed before with its key (then the repair and its first line are alike too)."""
    passed = 0
    for text, _ in TEXTS:
        runs = mojibake._letter_runs(utf8(text))
        if not runs:
            continue
        sample = mojibake._sample(runs)
        tried = mojibake._Tried(non_ascii(text))
        weighed: dict[mojibake._Key, set[tuple[bytes, bool]]] = {}
        for code_page in mojibake._candidates(mojibake._top(sample)):
            key = (sample.encode(code_page, errors="ignore"), True, mojibake.undefined_bytes(code_page))
            whole = (text.encode(code_page, errors="ignore"), mojibake.undefined_bytes(code_page))
            if tried.again(code_page, key):
                passed += 1
                assert whole in weighed[key], (code_page, text[:80])
            else:
                weighed.setdefault(key, set()).add(whole)
    assert passed > 100


def test_code_pages_passed_by_for_lone_characters_answer_as_the_search_without_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Single-byte code pages whose weak evidence is not weighed, passed by when most of the sample's
    characters stand alone, give the answers of the search that writes the sample out in each: on our
    pages, the fixtures, garbled and random texts, with a word of another script added (a page suspect
    for it tries every candidate, most of them for strong evidence only)."""
    rng = random.Random(9)
    texts = list(TEXTS)
    for text, lang in _pages():
        quoted = f"{text} {rng.choice(OTHER_SCRIPTS)}"
        texts += [(quoted, lang), *((quoted.encode("utf-8").decode(page, errors="replace"), lang) for page in GARBLING)]
    found = [mojibake.check_text(text, lang) for text, lang in texts]
    monkeypatch.setattr(mojibake, "_mostly_alone", lambda sample, top: False)
    assert found == [mojibake.check_text(text, lang) for text, lang in texts]
    assert sum(problem is not None for problem in found) > 150


def test_a_sample_mostly_alone_has_no_strong_share_in_a_single_byte_code_page() -> None:
    """When more than a quarter of the sample's characters are its most frequent ones alone, every candidate
    code page of one byte a character writes it with less than the strong share of UTF-8; samples of both
    kinds are met."""
    kinds = {True: 0, False: 0}
    for text, _ in TEXTS:
        runs = mojibake._letter_runs(utf8(text))
        if not runs:
            continue
        sample = mojibake._sample(runs)
        top = mojibake._top(sample)
        alone = mojibake._mostly_alone(sample, top)
        kinds[alone] += 1
        if alone:
            for code_page in filter(codepages.one_byte, mojibake._candidates(top)):
                assert mojibake._utf8_share(sample, code_page)[0] < mojibake.STRONG_SHARE, (code_page, sample[:80])
    assert min(kinds.values()) > 100, kinds


def test_a_code_page_of_one_byte_writes_each_non_ascii_character_in_one_high_byte() -> None:
    """Every character above ASCII in one byte above 0x7F (or none), and the space as itself, in each code page
    :func:`codepages.one_byte` says so of: all single-byte ones but MacArabic."""
    every = "".join(chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code < 0xE000)
    pages = [page for page in code_pages() if codepages.one_byte(page)]
    for code_page in pages:
        written = every.encode(code_page, errors="ignore")
        assert written.translate(None, bytes(range(0x80, 0x100))) == b"", code_page
        assert len(every.encode(code_page, errors="replace")) == len(every), code_page  # (one byte a character)
        assert " ".encode(code_page) == b" ", code_page
    assert len(pages) > 40 and "cp1252" in pages and "mac_arabic" not in pages and "gbk" not in pages


def test_a_page_plainly_unpaired_has_letter_runs_that_are_not_paired() -> None:
    plain = 0
    for text, _ in TEXTS:
        if mojibake._plainly_unpaired(utf8(text), non_ascii(text)):
            plain += 1
            assert not mojibake._paired(mojibake._letter_runs(utf8(text))), text[:80]
    assert plain > 50


def test_letter_runs_and_their_pairing_are_those_of_the_plain_patterns() -> None:
    """Runs of non-ASCII characters with a letter, and whether most of their characters stand in runs
    of two or more, as a search of each run and a sum of the long runs tell (runs between every kind of
    ASCII character, lone surrogates and line ends of other scripts among them)."""
    edges = ["é" + chr(code) + "àb\u2028c\x85\ud800ü" for code in range(128)]
    for text, _ in [*TEXTS, *((edge, None) for edge in edges)]:
        runs = [run for run in re.findall(r"[^\x00-\x7f]+", text) if re.search(r"[^\W\d_]", run)]
        assert mojibake._letter_runs(utf8(text)) == runs
        total = sum(map(len, runs))
        assert mojibake._paired(runs) == (total > 0 and sum(len(run) for run in runs if len(run) > 1) * 2 >= total)


def test_junk_and_foreign_letters_are_found_among_the_non_ascii_characters_as_in_the_page() -> None:
    alone = [(f"a {char} b", lang) for char in _POOL + "".join(OTHER_SCRIPTS) for lang in ("en", "ar", "zh")]
    for text, lang in TEXTS + alone:
        for reading_lang in {lang, "fr", "ja"} - {None}:
            scripts = OURS.words(reading_lang).scripts
            plain = bool(mojibake._JUNK.search(text) or mojibake.foreign_letters(scripts).search(text))
            assert (mojibake._suspect(non_ascii(text), reading_lang, None, OURS) is not None) == plain


def _plain_suspect(rest: str, lang: str | None, reading: Reading | None, files: LanguageFiles) -> str | None:
    """:func:`mojibake._suspect` read as it says: junk searched, then every foreign letter found."""
    if lang is None or not files.words(lang).scripts:
        return None
    if (reading is not None and not reading.reads_as_expected) or mojibake._JUNK.search(rest):
        return ""
    foreign = set(foreign_letters(files.words(lang).scripts).findall(rest))
    return "".join(sorted(foreign)) if foreign else None


def test_why_a_page_is_suspect_is_told_by_one_search_as_by_a_search_for_each_kind() -> None:
    """Junk and foreign letters found by one pattern give the answer of a search for junk, then one for
    foreign letters: on our pages, the fixtures, garbled and random texts and every character of the
    pool and of other scripts alone, in each language with scripts, read as expected or not."""
    alone = [(f"a {char} b", None) for char in _POOL + "".join(OTHER_SCRIPTS) + "\u2113\u00b2\u3006\u0660"]
    readings = [None, Reading("en", True, lambda: Census({}, 0.0)), Reading(None, False, lambda: Census({}, 0.0))]
    kinds = {"": 0, "letters": 0, None: 0}
    for text, _ in TEXTS + alone:
        rest = non_ascii(text)
        for lang in [None, *OURS.available()]:
            for reading in readings:
                want = _plain_suspect(rest, lang, reading, OURS)
                assert mojibake._suspect(rest, lang, reading, OURS) == want, (lang, text[:80])
                kinds["letters" if want else want] += 1
    assert min(kinds.values()) > 1000, kinds


def test_no_script_holds_junk() -> None:
    """Junk is never a character of a script nor a universal letter: the one search for junk or a foreign
    letter starts with a character of no script of the page."""
    junk = [chr(code) for code in range(0x110000) if mojibake._JUNK.match(chr(code))]
    for name, ranges in [*SCRIPTS.items(), ("universal", UNIVERSAL)]:
        allowed = re.compile(f"[{ranges}]")
        assert not [char for char in junk if allowed.match(char)], name


def test_no_code_page_writes_a_nul_byte_for_another_character() -> None:
    """The characters a code page is compared on are written apart, a NUL between two."""
    every = "".join(chr(code) for code in range(1, 0x110000) if not 0xD800 <= code < 0xE000)
    for code_page in code_pages():
        assert b"\0" not in every.encode(code_page, errors="ignore"), code_page
        assert "\0".encode(code_page) == b"\0", code_page  # (and every one writes the NUL alike)


def _decodes(data: bytes, code_page: str) -> bool:
    try:
        data.decode(code_page)
    except UnicodeDecodeError:
        return False
    return True


def test_only_the_paired_characters_make_a_code_page_write_two_characters_as_one() -> None:
    """Every code of two bytes (three after EUC's 0x8F) that reads as two characters has one of PAIRED
    second; without those characters, random texts are written character by character."""
    for code_page in code_pages():
        for lead in (byte for byte in range(0x80, 0x100) if not _decodes(bytes([byte]), code_page)):
            codes = [bytes([lead, trail]) for trail in range(0x21, 0x100)]
            if lead == 0x8F and not any(map(_decodes, codes, [code_page] * len(codes))):
                codes = [bytes([lead, middle, trail]) for middle in range(0xA1, 0xFF) for trail in range(0xA1, 0xFF)]
            for code in codes:
                if _decodes(code, code_page) and len(read := code.decode(code_page)) > 1:
                    assert set(read[1:]) <= mojibake.PAIRED, (code_page, code, read)
    rng = random.Random(7)
    pool = [c for c in "".join(map(chr, range(0x80, 0x3100))) + "中文字漢かなカナ한국어" if c not in mojibake.PAIRED]
    for code_page in code_pages():
        for _ in range(200):
            text = "".join(rng.choice(pool) for _ in range(8))
            alone = b"".join(char.encode(code_page, errors="ignore") for char in text)
            assert text.encode(code_page, errors="ignore") == alone, (code_page, text)


def test_a_repair_reads_better_exactly_when_its_whole_weighing_says_so() -> None:
    """Pages repaired through code pages (mostly wrong ones: U+FFFD and stray letters) and garbled pages
    repaired back (right ones), each weighed in its own language and others, answer as weighed whole;
    both ways of reading better are met, and so are repairs that read no better."""
    pairs = []
    for text, lang in _pages(corpus=True):
        if text.isascii():
            continue
        data = text.encode("utf-8")
        for code_page in ("cp1252", "gbk", "shift_jis", "cp1256", "euc_kr"):
            pairs.append((text.encode(code_page, errors="ignore").decode("utf-8", errors="replace"), text, lang))
            garbled = data.decode(code_page, errors="ignore")
            pairs.append((garbled.encode(code_page, errors="ignore").decode("utf-8", errors="replace"), garbled, lang))
    ways = {"fewer": 0, "more": 0, "no": 0}
    for repaired, garbled, lang in pairs:
        for reading in {lang, "fr", "ja"}:
            want = _plain_reads_better(repaired, garbled, reading, OURS)
            page = None if reading is None else mojibake._Garbled(garbled, non_ascii(garbled), reading, OURS)
            assert mojibake._reads_better(repaired, page) == want, (reading, garbled[:80])
            if reading is not None and want:
                bad_after, _ = _badness(repaired, reading, OURS)
                ways["fewer" if bad_after * 2 <= _badness(garbled, reading, OURS)[0] else "more"] += 1
            ways["no"] += not want
    assert min(ways.values()) > 20, ways


def test_letters_a_code_page_cannot_write_are_no_evidence_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page suspect only for letters foreign to its language weighs the weak evidence of a code page
    that writes one of them, not of the others: UTF-8 read through a code page gives only characters
    it has. On our pages, the fixtures and the random texts, garbled or not, with a word of another
    script added before and after the garbling, the answers are those of weighing every code page."""
    arabic = mojibake._writers("ثانيتان")
    assert arabic is not None and {"cp1256", "gb18030"} <= arabic
    assert not {"shift_jis", "gbk", "big5", "euc_kr", "cp1252"} & arabic
    assert mojibake._writers("") is None  # junk or a page that reads unlike its language: every code page
    rng = random.Random(8)
    texts = list(TEXTS)
    for text, lang in _pages():
        quoted = f"{text} {rng.choice(OTHER_SCRIPTS)}"
        texts += [(quoted.encode("utf-8").decode(page, errors="replace"), lang) for page in rng.sample(GARBLING, 3)]
    found = [mojibake.check_text(text, lang) for text, lang in texts]
    monkeypatch.setattr(mojibake, "_writers", lambda foreign: None)
    assert found == [mojibake.check_text(text, lang) for text, lang in texts]
    assert sum(problem is not None for problem in found) > 150


def _found_anew() -> tuple[tuple[str, ...], list[int]]:
    for cached in (codepages._kept, codepages.code_pages, codepages.encodable_in):
        cached.cache_clear()
    return codepages.code_pages(), [codepages.encodable_in(char) for char in _KEPT_CHARS]


_KEPT_CHARS = "aé€ثЖ中かｱ\u309a\ud800"


def test_code_pages_and_the_characters_they_write_kept_on_disk_are_those_the_codecs_tell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next run reads them from the file (without asking the codecs; the code pages are written as
    soon as they are found, for a worker of a parallel run runs no exit handler); a damaged file, or
    caching turned off, gives them as the codecs tell, and with caching off nothing is written."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("CHECK_DOCS_CACHE", raising=False)
    pages = codepages._find_code_pages()
    told = (pages, [codepages._encodable_in(char, pages) for char in _KEPT_CHARS])
    try:
        assert _found_anew() == told
        (kept,) = (tmp_path / "check-docs").glob("codepages-*.marshal")  # (the code pages: written at once)
        with monkeypatch.context() as reading:
            reading.setattr(codepages, "_find_code_pages", lambda: pytest.fail("the codecs were asked"))
            for cached in (codepages._kept, codepages.code_pages):
                cached.cache_clear()
            assert codepages.code_pages() == pages
        assert _found_anew() == told
        codepages._kept().save()  # (the characters: at exit)
        with monkeypatch.context() as reading:
            reading.setattr(codepages, "_find_code_pages", lambda: pytest.fail("the codecs were asked"))
            reading.setattr(codepages, "_encodable_in", lambda char, pages: pytest.fail("the codecs were asked"))
            assert _found_anew() == told
        kept.write_bytes(kept.read_bytes()[:-9])
        assert _found_anew() == told
        monkeypatch.setenv("CHECK_DOCS_CACHE", "0")
        kept.unlink()
        assert _found_anew() == told
        codepages._kept().save()
        assert not kept.exists()
    finally:
        codepages._kept().changed = False  # (nothing written at exit)
        monkeypatch.undo()
        _found_anew()
