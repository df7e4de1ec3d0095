"""Compiled patterns kept on disk (transdocs.regex_cache) match exactly what re.compile's match."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from transdocs import regex_cache
from transdocs.fastscan import guard

SRE_INFO_CHARSET = 4  # re._constants: the info block holds a charset

TEXTS = ["timeout is 600 s, LLM_TIMEOUT=30", "默认值为 60 秒", "Par défaut : 2 nouvelles tentatives", ""]
PATTERNS = [r"(?P<num>\d+)\s*(?P<unit>s|秒)?", r"(?<!\w)(?:default|by default|défaut)(?!\w)", r"LLM_[A-Z]+"]


def _spans(pattern: re.Pattern[str]) -> list[list[tuple[object, ...]]]:
    return [[(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text)] for text in TEXTS]


@pytest.fixture
def fresh() -> Iterator[None]:
    """A process that has not read the file yet (as the next run of check-docs)."""
    regex_cache._entries = None
    yield
    regex_cache._entries = None


def _files() -> list[Path]:
    return list(Path(regex_cache._path() or "/nonexistent").parent.glob("regex-*.marshal"))


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_pattern_read_back_from_the_file_matches_what_re_compile_matches(fresh: None, flags: int) -> None:
    first = [regex_cache.compile(p, flags, rewrite=guard) for p in PATTERNS]
    regex_cache.save()
    assert _files()
    regex_cache._entries = None  # the next run
    again = [regex_cache.compile(p, flags, rewrite=guard) for p in PATTERNS]
    assert regex_cache._entries  # read from the file, not compiled
    for pattern, one, two in zip(PATTERNS, first, again, strict=True):
        plain = re.compile(pattern, flags)
        assert two.pattern == one.pattern == guard(pattern, flags)
        assert two.groupindex == plain.groupindex and two.flags == plain.flags
        assert _spans(one) == _spans(two) == _spans(plain)


def test_a_damaged_file_is_ignored(fresh: None) -> None:
    regex_cache.compile(PATTERNS[0])
    regex_cache.save()
    (path,) = _files()
    path.write_bytes(path.read_bytes()[:-7] + b"garbage")
    regex_cache._entries = None
    assert _spans(regex_cache.compile(PATTERNS[0])) == _spans(re.compile(PATTERNS[0]))
    assert regex_cache._entries == {(PATTERNS[0], 0, ""): regex_cache._entries[PATTERNS[0], 0, ""]}


def test_a_bad_pattern_raises_re_error_as_re_compile_does(fresh: None) -> None:
    with pytest.raises(re.error):
        regex_cache.compile("(unclosed")


def test_check_docs_cache_0_writes_no_file(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECK_DOCS_CACHE", "0")
    assert regex_cache._path() is None
    assert _spans(regex_cache.compile(PATTERNS[1], re.IGNORECASE)) == _spans(re.compile(PATTERNS[1], re.I))
    regex_cache.save()
    monkeypatch.delenv("CHECK_DOCS_CACHE")
    assert not _files()


def test_a_changed_rewrite_is_a_miss_not_a_stale_pattern(fresh: None, tmp_path: Path) -> None:
    """A new checker (or an edited editable install) whose rewrite gives another pattern for the
    same text must not get the pattern the old one kept."""
    import importlib.util

    def load(body: str) -> object:
        path = tmp_path / "rewrites.py"
        path.write_text(f"def rewrite(pattern, flags):\n    return {body}\n")
        spec = importlib.util.spec_from_file_location("rewrites", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["rewrites"] = module
        spec.loader.exec_module(module)
        return module.rewrite

    try:
        old = load("pattern")
        assert regex_cache.compile("ab", 0, rewrite=old).pattern == "ab"  # type: ignore[arg-type]
        regex_cache.save()
        regex_cache._entries = None  # the next run, with the new checker
        new = load("'(?=a)' + pattern")
        assert regex_cache.compile("ab", 0, rewrite=new).pattern == "(?=a)ab"  # type: ignore[arg-type]
    finally:
        sys.modules.pop("rewrites", None)


def _saved_keys() -> set[tuple[str, int, str]]:
    regex_cache._entries = None
    return set(regex_cache._load())


def test_a_run_decodes_only_the_patterns_it_asks_for(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file also holds other projects' and other versions' patterns: kept as bytes until asked
    for, they cost a run their size in memory, not the lists of integers they decode to."""
    for pattern in PATTERNS:
        regex_cache.compile(pattern)
    regex_cache.save()
    regex_cache._entries = None  # the next run
    decoded: list[object] = []
    loads = regex_cache.marshal.loads

    def counting(data: bytes) -> object:
        found = loads(data)
        decoded.append(found)
        return found

    monkeypatch.setattr(regex_cache.marshal, "loads", counting)
    assert _spans(regex_cache.compile(PATTERNS[2])) == _spans(re.compile(PATTERNS[2]))
    assert regex_cache._entries is not None and len(regex_cache._entries) == len(PATTERNS)
    assert all(isinstance(view, memoryview) for view, _ in regex_cache._entries.values())
    assert len(decoded) == 2  # the file's index, then the one entry asked for


def test_a_run_checks_only_the_entries_it_asks_for(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each entry is checked against its own CRC-32 when asked: the file is not digested as a whole."""
    for pattern in PATTERNS:
        regex_cache.compile(pattern)
    regex_cache.save()
    regex_cache._entries = None  # the next run
    checked: list[int] = []
    crc32 = regex_cache.zlib.crc32

    def counting(data: memoryview) -> int:
        checked.append(len(data))
        return crc32(data)

    monkeypatch.setattr(regex_cache.zlib, "crc32", counting)
    regex_cache.compile(PATTERNS[1])
    assert regex_cache._entries is not None
    assert checked == [len(regex_cache._entries[PATTERNS[1], 0, ""][0])]


def test_a_damaged_entry_is_compiled_again_and_the_others_are_read(fresh: None) -> None:
    for pattern in PATTERNS:
        regex_cache.compile(pattern)
    regex_cache.save()
    (path,) = _files()
    blob = path.read_bytes()
    regex_cache._entries = None
    view, _crc = regex_cache._load()[PATTERNS[1], 0, ""]
    damaged = bytes(view).replace(b"default", b"defaulx")  # the entry's text: a pattern still, another one
    path.write_bytes(blob.replace(bytes(view), damaged))
    regex_cache._entries = None  # the next run
    compiled: list[str] = []
    fresh_of = regex_cache._fresh

    def counting(text: str, flags: int, kinds: object = None) -> object:
        compiled.append(text)
        return fresh_of(text, flags, kinds)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(regex_cache, "_fresh", counting)
        again = [regex_cache.compile(pattern) for pattern in PATTERNS]
    assert compiled == [PATTERNS[1]]
    assert [one.pattern for one in again] == PATTERNS
    assert [_spans(one) for one in again] == [_spans(re.compile(pattern)) for pattern in PATTERNS]


def test_a_file_of_an_older_checker_is_left_to_it(fresh: None) -> None:
    """The former format (a BLAKE2b digest, then every entry in one marshalled dict) lies in a file of
    another name: neither checker takes the other's file for a damaged one of its own."""
    import hashlib
    import marshal

    path = regex_cache._path()
    assert path is not None
    old_path = path.with_name(f"regex-{hashlib.sha256(regex_cache._BUILD.encode()).hexdigest()[:16]}.marshal")
    assert old_path != path
    old_path.parent.mkdir(parents=True, exist_ok=True)
    old = {(pattern, 0, ""): marshal.dumps(regex_cache._compile_code(pattern, 0)) for pattern in PATTERNS}
    body = marshal.dumps(old)
    old_path.write_bytes(hashlib.blake2b(body, digest_size=16).digest() + body)
    path.write_bytes(old_path.read_bytes())  # (as if the former format were in this file: not read)
    assert _spans(regex_cache.compile(PATTERNS[0])) == _spans(re.compile(PATTERNS[0]))
    assert regex_cache._entries is not None and regex_cache._load() == {}
    regex_cache.save()
    assert old_path.exists()
    regex_cache._entries = None
    regex_cache.compile(PATTERNS[0])
    assert regex_cache._entries is not None and list(regex_cache._entries) == [(PATTERNS[0], 0, "")]


def test_over_its_limit_the_file_keeps_what_the_last_run_used(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_cache.compile(PATTERNS[0])
    regex_cache.compile(PATTERNS[1])
    regex_cache.save()
    regex_cache._entries = None  # a run with other patterns, over the limit
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_MAX_BYTES", 1)
    regex_cache.compile(PATTERNS[1])
    regex_cache.compile(PATTERNS[2])
    regex_cache.save()
    assert _saved_keys() == {(PATTERNS[1], 0, ""), (PATTERNS[2], 0, "")}


def test_a_change_to_a_helper_the_rewrite_calls_is_a_miss(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """lexicon's rewrites call fastscan's helpers: an edit of fastscan alone gives other patterns,
    so every rewrite's entries are keyed by check-docs as a whole, not by the rewrite's module alone."""
    from transdocs import cache_folder

    calls: list[str] = []

    def rewrite(pattern: str, flags: int) -> str:
        calls.append(pattern)
        return guard(pattern, flags)

    regex_cache.compile(PATTERNS[0], 0, rewrite=rewrite)
    regex_cache.save()
    regex_cache._entries = None
    regex_cache.compile(PATTERNS[0], 0, rewrite=rewrite)
    assert len(calls) == 1  # the same checker: read back from the file
    regex_cache._entries = None
    original = cache_folder.toolkit()
    monkeypatch.setattr(regex_cache, "toolkit", lambda: original + b"fastscan edited")
    regex_cache._rewrite_name.cache_clear()  # (the next run, with the edited checker)
    regex_cache.compile(PATTERNS[0], 0, rewrite=rewrite)
    assert len(calls) == 2
    regex_cache._rewrite_name.cache_clear()


def test_a_rewrite_s_entries_of_another_version_go_when_the_file_is_written(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each edit of an editable install (or each upgrade) keys a rewrite's patterns anew: the old
    entries can never be asked for again, and filled the file to its limit. A rewrite the run did
    not use keeps its entries (another project may use it), as do plain patterns."""
    from transdocs import cache_folder

    def rewrite(pattern: str, flags: int) -> str:
        return guard(pattern, flags)

    def other(pattern: str, flags: int) -> str:
        return pattern

    regex_cache.compile(PATTERNS[0], 0, rewrite=rewrite)
    regex_cache.compile(PATTERNS[1], 0, rewrite=other)
    regex_cache.compile(PATTERNS[2])
    regex_cache.save()
    before = _saved_keys()
    regex_cache._entries = None  # the next run, with an edited checker, using one of the rewrites
    monkeypatch.setattr(regex_cache, "_used", set())
    original = cache_folder.toolkit()
    monkeypatch.setattr(regex_cache, "toolkit", lambda: original + b"edited")
    regex_cache._rewrite_name.cache_clear()
    try:
        regex_cache.compile(PATTERNS[0], 0, rewrite=rewrite)
        regex_cache.save()
        after = _saved_keys()
    finally:
        regex_cache._rewrite_name.cache_clear()
    old = {key for key in before if key[2].startswith(f"{rewrite.__module__}.{rewrite.__qualname__}:")}
    assert len(old) == 1 and not old & after  # the old version's entry went...
    assert (before - old) <= after  # ...the other rewrite's and the plain pattern's stayed
    assert len(after) == len(before)  # and the new version's entry came


# Guards as statements.dispatch writes them (classes matched case-sensitively, look-behinds after the
# character), and look-aheads whose first characters cannot be told: a case-blind class, a negated
# class, a look-behind, a branch opening with something else.
GUARDED = [
    r"(?=(?-i:[0-9`h])|(?-i:[Kk\u212aSsſ])(?<!\w(?s:.)))(?:`[^`]+`|h\w+|\d+|(?<!\w)(?:kelvin|sun))",
    r"(?=(?-i:[ab])|(?-i:[x]))(?:(?:a|b)c?|x)",
    r"(?=(?-i:[ab]))(?:a|b)c?|x",
    r"(?=(?-i:[_])|(?-i:[ab])(?<!\w(?s:.)))(?:_\w|a|b)",
    r"(?=[k])k\w*",
    r"(?=(?-i:[^ab]))\w",
    r"(?=(?-i:[a])|\b)(?:a|\w+)",
    r"(?<=(?-i:[a]))\w",
    r"(?=(?-i:[a]))(?i:(?=[k]))\w*|k",
    r"(?=(?-i:(?i:[k])))\w",
]


def test_a_guard_s_classes_are_where_re_skips_to_and_it_matches_what_re_compile_matches() -> None:
    rng = random.Random(3)
    pieces = ["a", "b", "c", "x", "_", "k", "K", "\u212a", "s", "S", "ſ", "h", "`", "7", " ", "_", "é", "kelvin", "sun"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    skipping = []
    for text in GUARDED:
        entry = regex_cache._compile_code(text, re.IGNORECASE)
        skipping.append(bool(entry[2][2] & SRE_INFO_CHARSET))
        fast, plain = regex_cache._pattern(entry), re.compile(text, re.IGNORECASE)
        assert [[m.span() for m in fast.finditer(t)] for t in texts] == [
            [m.span() for m in plain.finditer(t)] for t in texts
        ], text
    assert skipping == [True, True, False, True, False, False, False, False, False, False]


# Word starts as statements.dispatch writes them (a class, then a look-behind refusing a word character
# before it), with characters that are no word characters ("&"; "é" under re.ASCII), folded letters and
# "_"; and guards whose form must stay: another look-behind, an Arabic word start beside a Latin one, two
# characters before the look-behind. (pattern, flags, whether the word starts become \b)
WORD_STARTS = [
    (r"(?=(?-i:[0-9`])|(?-i:[&Kk\u212aSsſ_a])(?<!\w(?s:.)))(?:`\w+`|\d+|(?<!\w)(?:ks|sa|_k|&\w?|a))", re.I, True),
    (r"(?=(?-i:[ab])(?<!\w(?s:.)))(?:a|b)\w*", 0, True),
    (r"(?=(?-i:[&])(?<!\w(?s:.)))&\w*", 0, False),
    (r"(?=(?-i:[aé])(?<!\w(?s:.)))[aé]\w*", re.ASCII | re.I, True),
    (r"(?=(?-i:[ab])(?<![\w.](?s:.)))[ab]\w*", 0, False),
    (r"(?=(?-i:[a-z])(?<!\w(?s:.))|(?-i:[ب])(?<![ب-ي](?s:.)))\w+", 0, False),
    (r"(?=(?-i:[ab]c)(?<!\w(?s:.)))\w+", 0, False),
]


def test_a_guard_s_word_starts_are_told_by_a_boundary_and_match_what_re_compile_matches() -> None:
    rng = random.Random(5)
    pieces = ["a", "b", "c", "k", "K", "\u212a", "s", "ſ", "_", "&", "é", "ب", "ي", " ", ".", "`", "7", "-", "ks", "sa"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    bounded = []
    for text, flags, _ in WORD_STARTS:
        parsed = regex_cache._parser.parse(text, flags)
        regex_cache._word_boundaries(parsed, flags)
        bounded.append("AT_BOUNDARY" in repr(parsed.data))
        fast, plain = regex_cache._pattern(regex_cache._compile_code(text, flags)), re.compile(text, flags)
        for sample in texts:
            assert [m.span() for m in fast.finditer(sample)] == [m.span() for m in plain.finditer(sample)], text
            # match() at a position passes over the info block's charset: the guard alone decides
            assert [bool(fast.match(sample, at)) for at in range(len(sample))] == [
                bool(plain.match(sample, at)) for at in range(len(sample))
            ], text
    assert bounded == [expected for _, _, expected in WORD_STARTS]
