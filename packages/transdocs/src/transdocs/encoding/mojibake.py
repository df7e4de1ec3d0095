"""Pages whose text went through the wrong encoding.

Signs, each reported with the first line that shows it:

- the file is not valid UTF-8 (saved in a legacy code page; found by the page reader);
- U+FFFD replacement characters (bytes that a wrong decoder could not map);
- mojibake: UTF-8 bytes decoded with a legacy code page and saved again. Re-encoding the
  text with that code page gives back UTF-8 (every code page Python knows is tried:
  ``codepages.py``), and the text read back is better language than the page holds
  (fewer letters foreign to it, more of its common words). Code pages that have no
  character for some bytes lose them; the rest of each character still re-encodes;
- letters that belong to no script of the page's language dominate its prose, or a CJK
  page's letters form none of its language's words, and the text is in no known language
  either (a page in another known language is ``untranslated``, not broken).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property

from transdocs import regex_cache
from transdocs.encoding.codepages import code_pages, encodable_in, one_byte, undefined_bytes
from transdocs.languages.detect import (
    MIN_RATE,
    MIN_UNITS,
    Reading,
    common_word_hits,
    common_word_rate,
    prose_of,
    quick_census,
    read_language,
)
from transdocs.languages.scripts import ascii_words, count, foreign_letters, letters, non_ascii, outside, utf8
from transdocs.languages.words import OURS, LanguageFiles

# Re-encoded non-ASCII bytes forming UTF-8: always mojibake above STRONG (our real pages
# reach 0.44 with some CJK code pages); between WEAK and STRONG, only if the text read
# back is better language.
WEAK_SHARE, STRONG_SHARE, LINE_SHARE = 0.3, 0.75, 0.5
# Re-encoded bytes forming UTF-8 below which a strong share alone proves nothing (about six characters).
_ENOUGH_BYTES = 16
_HIGH_BYTES = bytes(range(128, 256))
# Byte kinds for finding UTF-8 sequences cut short: "E" a three-byte lead (E0-EF), "F" a four-byte lead
# (F0-F4), "c" a continuation byte (80-BF), "x" any other.
_CUT_KINDS = b"x" * 0x80 + b"c" * 0x40 + b"x" * 0x20 + b"E" * 0x10 + b"F" * 5 + b"x" * 0x0B
# ASCII bytes become spaces (bytes.split splits at a run of them), the others stay.
_ASCII_TO_SPACE = b" " * 0x80 + _HIGH_BYTES
_HAS_LETTER = re.compile(r"[^\W\d_]")
# A run of :func:`_letter_runs` holding no letter (none of ``_HAS_LETTER``; no run holds ASCII, so no "_"),
# with the "a" before it, followed by the next "a".
_LETTERLESS_RUN = re.compile(r"a[\W\d]++(?=a)")
# Characters no language's prose holds: replacement, C1 controls, private use.
_JUNK = re.compile("[\ufffd\u0080-\u009f\ue000-\uf8ff]")
_SAMPLE = 1200  # non-ASCII characters looked at to pick code pages
_HEAD = 150  # characters that rule out most code pages before the whole sample is tried
_TOP_SAMPLE = 400  # of which the first ones give the most frequent characters
_TOP = 6  # the page's most frequent non-ASCII characters a code page must all have
_CJK = ("Han", "Hiragana", "Katakana")


@dataclass(frozen=True)
class EncodingProblem:
    line: int
    message: str


def _utf8_share(text: str, code_page: str, cut: bool = False) -> tuple[float, int]:
    """Share of the re-encoded non-ASCII bytes that form UTF-8 sequences, and their count.

    All in C: the UTF-8 decoder finds the valid sequences (a regex took 4x longer). With
    ``cut``, sequences cut short by a byte the code page dropped count too.
    """
    high, valid, cut_bytes = _utf8_bytes(text.encode(code_page, errors="ignore"), cut)
    if not high:
        return 0.0, 0
    return (valid + cut_bytes) / high, valid + cut_bytes


def _utf8_bytes(data: bytes, cut: bool) -> tuple[int, int, int]:
    """(non-ASCII bytes of a re-encoded text, those forming UTF-8 sequences, with ``cut`` those of sequences
    cut short by a byte the code page dropped; else 0): :func:`_utf8_share` both ways from one encoding."""
    ascii_bytes = len(data.translate(None, _HIGH_BYTES))
    high = len(data) - ascii_bytes
    if not high:
        return 0, 0, 0
    valid = len(data.decode("utf-8", errors="ignore").encode("utf-8")) - ascii_bytes
    # A 3- or 4-byte sequence that lost a byte the code page has no character for still
    # shows its lead byte and a continuation byte.
    return high, valid, _cut_bytes(data) if cut else 0


def _evidence(written: bytes, weak: bool, drops: bool) -> tuple[float, int] | None:
    """(share, count) of the sample's re-encoded non-ASCII bytes (``written``) forming UTF-8 when they are
    enough to weigh a repair, else None: a share of at least STRONG_SHARE, or where weak evidence is
    weighed, with the sequences cut short by a byte the code page dropped (``drops``), at least
    WEAK_SHARE (both counted from one encoding), and at least three bytes."""
    high, valid, cut_bytes = _utf8_bytes(written, weak and drops)
    share = valid / high if high else 0.0
    if share < STRONG_SHARE:
        if not weak:
            return None
        share, valid = ((valid + cut_bytes) / high, valid + cut_bytes) if high else (0.0, 0)
    if share < WEAK_SHARE or valid < 3:
        return None
    return share, valid


def _cut_bytes(data: bytes) -> int:
    """Bytes of the three- and four-byte sequences in ``data`` whose lead byte has fewer continuation
    bytes than it needs (then another byte or the end): a lead followed by one (two) but not two (three)
    continuation bytes, counted in the bytes' kinds (a lead is no continuation byte, so no two
    occurrences of a kind sequence overlap: ``count`` finds them all). A regex over the bytes took
    twenty times as long."""
    kinds = data.translate(_CUT_KINDS)
    three_cut = kinds.count(b"Ec") - kinds.count(b"Ecc")
    four, four_two, four_three = kinds.count(b"Fc"), kinds.count(b"Fcc"), kinds.count(b"Fccc")
    return 2 * three_cut + 2 * (four - four_two) + 3 * (four_two - four_three)


def _paired(runs: list[str]) -> bool:
    """Most non-ASCII characters stand next to another one, as every character of UTF-8 read
    through a single-byte code page does ("Ã©" for "é"); accented letters in real Latin-script
    prose mostly stand alone."""
    lengths = list(map(len, runs))
    total = sum(lengths)
    # (every run holds a character: those in runs of two or more are all but the runs of one)
    return total > 0 and (total - lengths.count(1)) * 2 >= total


def _sample(runs: list[str]) -> str:
    joined = " ".join(runs)
    if len(joined) <= _SAMPLE:
        return joined
    third = _SAMPLE // 3
    middle = len(joined) // 2
    return " ".join((joined[:third], joined[middle : middle + third], joined[-third:]))


def _top(sample: str) -> str:
    """The sample's most frequent characters (junk left out), which every candidate code page writes."""
    return "".join(char for char, _ in Counter(_JUNK.sub("", sample[:_TOP_SAMPLE].replace(" ", ""))).most_common(_TOP))


def _candidates(top: str) -> list[str]:
    """Code pages that can encode every one of the sample's most frequent characters (``top``)."""
    mask = -1
    for char in top:
        mask &= encodable_in(char)
    return _named(mask)


def _mostly_alone(sample: str, top: str) -> bool:
    """Whether more than a quarter of the sample's characters are ``top`` ones standing alone (a run of one):
    then no code page writing them, a character in one byte and the space as itself (:func:`one_byte`),
    writes the sample with the strong share of UTF-8. Such a code page writes a lone character as one
    byte above 0x7F between ASCII ones, never UTF-8, and at most one non-ASCII byte a character: more
    than a quarter of its non-ASCII bytes are not UTF-8. A French or Portuguese page quoting a word of another script
    (a language menu) tried about twenty single-byte code pages that cannot weigh weak evidence, each
    written out to be passed by (about 1 M instructions a page)."""
    spaced = f" {sample.replace(' ', '  ')} "  # (each run between its own spaces: a run of one is counted at each)
    alone = sum(spaced.count(f" {char} ") for char in top)
    return 4 * alone > len(sample) - sample.count(" ")


@cache
def _named(mask: int) -> list[str]:
    return [name for bit, name in enumerate(code_pages()) if mask >> bit & 1]


def _foreign(prose: str, scripts: tuple[str, ...]) -> int:
    """Characters foreign to the language or junk."""
    return count(_JUNK, prose) + count(foreign_letters(scripts), prose)


def _rate(prose: str, lang: str, scripts: tuple[str, ...], files: LanguageFiles) -> float:
    return common_word_rate(prose, lang, quick_census(prose, scripts).total, files=files)


class _Garbled:
    """A page in a language with scripts, weighed against a code page's repair at the first repair
    that asks, and only as far as one asks: most repairs through a wrong code page are told from
    the count of junk and foreign letters among the page's non-ASCII characters (``rest``) alone,
    without reading the page's prose (a census of a whole page: most of a repair's weighing)."""

    def __init__(self, text: str, rest: str, lang: str, files: LanguageFiles) -> None:
        self.text, self.rest, self.lang, self.files = text, rest, lang, files
        self.scripts = files.words(lang).scripts

    @cached_property
    def most_foreign(self) -> int:
        """At least :attr:`foreign`: the page's prose is pieces of the page between ASCII characters."""
        return _foreign(self.rest, self.scripts)

    @cached_property
    def prose(self) -> str:
        return prose_of(self.text)

    @cached_property
    def foreign(self) -> int:
        """Characters of its prose foreign to its language or junk: lower is better."""
        return _foreign(self.prose, self.scripts)

    @cached_property
    def rate(self) -> float:
        """Its prose's common-word rate: higher is better."""
        return _rate(self.prose, self.lang, self.scripts, self.files)


def _reads_better(repaired: str, garbled: _Garbled | None) -> bool:
    """Whether the repair has at most half the page's foreign letters and junk, or twice its common-word
    rate (:attr:`_Garbled.foreign`, :attr:`_Garbled.rate` of both; never for a page without a language
    with scripts: ``None``). The repair is weighed only as far as it takes to tell: most repairs through
    a wrong code page hold more U+FFFD (junk) than half the page's junk and foreign letters (more than
    half of those the whole page holds: its prose is not read then), and fewer common words per ASCII
    word than that rate (a census counts at least those words): counting their letters is then spared."""
    if garbled is None:
        return False
    lang, files, scripts = garbled.lang, garbled.files, garbled.scripts
    prose = prose_of(repaired)
    twice_junk = prose.count("\ufffd") * 2
    if (
        twice_junk <= garbled.most_foreign
        and garbled.foreign >= 2
        and twice_junk <= garbled.foreign
        and _foreign(prose, scripts) * 2 <= garbled.foreign
    ):
        return True  # fewer foreign letters
    hits = common_word_hits(prose, lang, files)
    if not hits:
        return False  # (most repairs through a wrong code page: their words are not counted then)
    least = float(ascii_words(prose))  # (the census's total is at least this: the rate at most hits / least)
    if least and (hits / least < MIN_RATE or hits / least < 2 * garbled.rate):
        return False
    rate_after = _rate(prose, lang, scripts, files)
    return rate_after >= MIN_RATE and rate_after >= 2 * garbled.rate  # more common words


def _convincing(share: float, valid: int, runs: list[str], repaired: str, text: str, garbled: _Garbled | None) -> bool:
    """Whether re-encoding through a code page shows mojibake rather than chance.

    A few characters that happen to re-encode as UTF-8 (``π`` or ``°`` alone, ``提示`` in an
    English page's code) prove nothing: with little evidence, the garbled characters must come
    in runs, as UTF-8 read through a code page always gives them, and the repair must lose no
    byte, unless the text read back is plainly better language.
    """
    if share >= STRONG_SHARE and valid >= _ENOUGH_BYTES:
        return True
    if _reads_better(repaired, garbled):
        return True
    return share >= STRONG_SHARE and _paired(runs) and repaired.count("\ufffd") <= text.count("\ufffd")


def _first_line(lines: list[str], code_page: str) -> int:
    cut = undefined_bytes(code_page)
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        share, valid = _utf8_share(line, code_page, cut)
        if share >= LINE_SHARE and valid >= 2:
            return number
    return next(n for n, line in enumerate(lines, start=1) if not line.isascii())


def _suspect(rest: str, lang: str | None, reading: Reading | None, files: LanguageFiles) -> str | None:
    """Why the page looks wrong for its language, or None when it does not: only then is weak evidence
    weighed. "" when it reads unlike its language or holds junk: for every code page. Else the letters
    foreign to its language it holds, one of each: weighed only for a code page that writes one of them
    (:func:`_writers`).

    ``rest``: the page's non-ASCII characters (:func:`non_ascii`), where junk and foreign letters
    (none of them ASCII) are looked for: a page in Latin script is a few of them.
    """
    if lang is None or not files.words(lang).scripts:
        return None
    if reading is not None and not reading.reads_as_expected:
        return ""
    odd = set(_junk_or_foreign(files.words(lang).scripts).findall(rest))
    if not odd:
        return None  # (most pages: one search of their non-ASCII characters, not one for each kind)
    return "" if _JUNK.search("".join(odd)) else "".join(sorted(odd))


@cache
def _junk_or_foreign(scripts: tuple[str, ...]) -> re.Pattern[str]:
    """A character that is junk (:data:`_JUNK`) or a letter foreign to ``scripts`` (:func:`foreign_letters`),
    found by one search: a character that is neither ASCII nor of ``scripts`` (no junk is: a test reads
    every script) nor a common mark that is neither junk nor a letter (:func:`_marks_apart`), then junk
    or a letter (tested only there, as in :func:`foreign_letters`). Kept on disk: the class of a CJK
    language's scripts cost about 30 M instructions to compile."""
    return regex_cache.compile(f"{outside(scripts)}(?<={_JUNK.pattern}|[^\\W\\d_])", rewrite=_marks_apart)


# Blocks of punctuation and symbols that pages in every script hold: Latin-1's, general punctuation,
# arrows, box drawing and other symbols, CJK punctuation, small and fullwidth forms.
_MARK_BLOCKS = ((0x80, 0xC0), (0x2000, 0x2C00), (0x3000, 0x3040), (0xFE10, 0xFE70), (0xFF00, 0xFFF0))


def _marks_apart(pattern: str, flags: int) -> str:
    """:func:`_junk_or_foreign`'s ``pattern`` with the characters of :data:`_MARK_BLOCKS` that are neither
    letters nor junk (as Python's own Unicode tables say) added to its first class, a negated one: the
    search passes them by as it passes the page's own letters. A Chinese or Japanese page's punctuation
    (、。「」（）) is not ASCII nor of its scripts, and the search tested each such mark for a letter, a
    match attempt each: it read such a page's characters at about three times the cost of an Arabic
    page's, whose punctuation is of its script. (A rewrite for the pattern cache: worked out, about
    4 M instructions, only when the pattern is compiled; none of these characters is ASCII, so none
    needs an escape in a class.)"""
    blocks = "".join(chr(code) for start, end in _MARK_BLOCKS for code in range(start, end))
    neither = _JUNK.sub("", _HAS_LETTER.sub("", blocks))
    end = pattern.index("](?<=")  # (the first class's end)
    return f"{pattern[:end]}{neither}{pattern[end:]}"


def _writers(foreign: str) -> frozenset[str] | None:
    """The code pages that write one of the ``foreign`` letters (None: any code page, for ""). UTF-8 read
    through a code page gives only characters it has, so letters it cannot write are no sign of it: a
    Japanese page quoting an Arabic word (an example, a language switcher) is no evidence that it went
    through Shift-JIS, which has no Arabic letter; the weak evidence of those code pages was weighed on
    every such page, a whole repair each."""
    if not foreign:
        return None
    mask = 0
    for char in foreign:
        mask |= encodable_in(char)
    return frozenset(_named(mask))


def _gives(code_page: str, foreign: str) -> bool:
    """Whether UTF-8 read through ``code_page`` (one of :func:`_writers`) can give one of the ``foreign``
    letters. GB18030 writes every character, those outside its one- and two-byte codes (Arabic, Thai,
    Hebrew...) in four bytes, the second and fourth an ASCII digit: in UTF-8 an ASCII byte is followed by
    ASCII or a lead byte, never by a lead byte and then ASCII, so no UTF-8 text holds such a code, and a
    letter GB18030 writes only so (it has one code a character) is no sign of it. A Chinese or Japanese
    page quoting an Arabic word weighed GB18030's weak evidence, a whole repair and its prose (about 3 M
    instructions), on every such page."""
    return code_page != "gb18030" or any(_gb18030_short(letter) for letter in foreign)


@cache
def _gb18030_short(letter: str) -> bool:
    """Whether GB18030 writes ``letter`` in one or two bytes (a letter it cannot write: yes, as if it could)."""
    return len(letter.encode("gb18030", errors="replace")) < 4


def _letter_runs(encoded: bytes) -> list[str]:
    """Runs of non-ASCII characters holding at least one letter, of a page in UTF-8 (``encoded``:
    :func:`utf8` of it).

    A run of symbols only (a file tree's ``├──``, arrows, check marks) is written on purpose:
    UTF-8 read through a code page gives letters among its symbols (``â”œâ”€â”€`` for
    ``├──``, ``Ã©`` for ``é``), so letterless runs are left out of the search.
    """
    # The runs are split in the bytes, every ASCII one a space (a regex read each character: three
    # to thirty times slower), and decoded at once, each after an "a" (no run holds ASCII) and one
    # closing them.
    pieces = encoded.translate(_ASCII_TO_SPACE).split()
    if not pieces:
        return []
    joined = b"a".join((b"", *pieces, b"")).decode("utf-8", "surrogatepass")
    # Letterless runs go with the "a" before them, found by one search that stops at a run's first
    # letter (a call a run, with a search in most runs of a Japanese page, took ten times as long).
    kept = _LETTERLESS_RUN.sub("", joined)
    return kept[1:-1].split("a") if len(kept) > 1 else []


# ASCII bytes become "a", UTF-8 continuation bytes "c", lead bytes "l": two non-ASCII characters side
# by side are a "cl" (every one ends with a continuation byte and starts with a lead byte).
_BYTE_KINDS = bytes(b"a"[0] if byte < 0x80 else b"c"[0] if byte < 0xC0 else b"l"[0] for byte in range(256))


def _plainly_unpaired(encoded: bytes, rest: str) -> bool:
    """Whether :func:`_paired` is surely false for the page's letter runs, told without gathering them:
    at most twice as many characters as there are pairs of non-ASCII characters side by side stand in
    runs of two or more, and the runs hold at least the page's non-ASCII letters (``encoded``: the page
    in UTF-8, ``rest``: its non-ASCII characters). Most pages in Latin script hold a few lone accented
    letters."""
    side_by_side = encoded.translate(_BYTE_KINDS).count(b"cl")
    return 4 * side_by_side < count(_HAS_LETTER, rest)


# Characters that JIS X 0213 and HKSCS code pages write together with the one before (か + U+309A is
# one code): with none of them in a text, every code page writes it character by character.
PAIRED = frozenset("\u02e5\u02e9\u0300\u0301\u0304\u030c\u309a")
_ASCII_APART = "".join(chr(code) + "\0" for code in range(1, 128))


# How a code page writes the sample, whether its weak evidence is weighed, and whether it drops bytes.
_Key = tuple[bytes, bool, bool]


class _Tried:
    """The code pages tried on a page. Until a repair is built, the search reads only a code page's
    :data:`_Key`: a code page with the key of one passed by before a repair was built gives the same
    answer (a Japanese page's sample reads alike in GBK and GB18030, in Shift-JIS and CP932), and is
    passed by from the key alone (``passed``). A repair reads the whole page: a code page whose repair
    would be weighed repeats one weighed before (that gave no answer) only when it writes each of the
    page's characters alike (:meth:`again`; code pages that do have the same key).
    """

    def __init__(self, rest: str) -> None:
        self.rest = rest  # the page's non-ASCII characters
        self.passed: set[_Key] = set()
        self.weighed: dict[_Key, list[str]] = {}
        self.chars: str | None = None  # (read at the first code page compared)
        self.written: dict[str, bytes] = {}  # (how a code page compared writes them)

    def again(self, code_page: str, key: _Key) -> bool:
        """Whether ``code_page`` (of ``key``) writes every character of the page as one weighed before."""
        earlier = self.weighed.setdefault(key, [])
        if earlier and self._chars() and any(self._writes(page) == self._writes(code_page) for page in earlier):
            return True
        earlier.append(code_page)
        return False

    def _chars(self) -> str:
        """Each character once, apart (a NUL between two: every code page writes the NUL alike, and no NUL
        byte for another character): every ASCII one (the space joining the sample's runs too), then the
        others; "" when a code page may write two of them as one (:data:`PAIRED`): never compared then."""
        if self.chars is None:
            paired = any(char in self.rest for char in PAIRED)
            self.chars = "" if paired else _ASCII_APART + "\0".join(set(self.rest))
        return self.chars

    def _writes(self, code_page: str) -> bytes:
        if code_page not in self.written:
            self.written[code_page] = self._chars().encode(code_page, errors="ignore")
        return self.written[code_page]


def _mojibake(
    text: str, lang: str | None, reading: Reading | None, files: LanguageFiles, encoded: bytes
) -> EncodingProblem | None:
    rest = non_ascii(text, encoded)
    why = _suspect(rest, lang, reading, files)
    suspect = why is not None
    scripts = files.words(lang).scripts if lang else ()
    # A page that reads as its language, with no letter foreign to it, can only hide mojibake
    # in its own script's letters if it is written in Latin script (or unknown): skip the search
    # otherwise, which also spares loading every code page Python knows (and, asked first,
    # gathering the runs of a clean page in another script).
    if not suspect and scripts and set(scripts) != {"Latin"}:
        return None
    if not suspect and _plainly_unpaired(encoded, rest):
        return None
    runs = _letter_runs(encoded)
    if not runs or not (suspect or _paired(runs)):
        return None
    sample = _sample(runs)
    head = sample[:_HEAD]
    tried = _Tried(rest)
    garbled = _Garbled(text, rest, lang, files) if lang is not None and scripts else None
    writers = _writers(why) if why is not None else None
    top = _top(sample)
    alone: bool | None = None  # (:func:`_mostly_alone`, asked at the first code page it may spare)
    for code_page in _candidates(top):
        # Weak evidence is weighed (for foreign letters: of a code page that UTF-8 read through gives one).
        weak = suspect and (writers is None or (code_page in writers and _gives(code_page, why or "")))
        if not weak and one_byte(code_page):
            alone = _mostly_alone(sample, top) if alone is None else alone
            if alone:
                continue  # (its share of UTF-8 is below the strong share)
        if len(sample) > 2 * _HEAD and _utf8_share(head, code_page)[0] < WEAK_SHARE / 2:
            continue  # the first characters already show no UTF-8 in this code page
        written, drops = sample.encode(code_page, errors="ignore"), undefined_bytes(code_page)
        key = (written, weak, drops)
        if key in tried.passed:
            continue  # it writes the sample as a code page passed by before a repair: the same answer
        found = _evidence(written, weak, drops)
        if found is None:
            tried.passed.add(key)
            continue
        if tried.again(code_page, key):
            continue  # it writes every character of the page as a code page weighed before: the same answer
        share, valid = found
        repaired = text.encode(code_page, errors="ignore").decode("utf-8", errors="replace")
        if not _convincing(share, valid, runs, repaired, text, garbled):
            continue
        number = _first_line(text.split("\n"), code_page)
        fixed = repaired.split("\n")[number - 1] if repaired.count("\n") == text.count("\n") else ""
        lost = " (bytes it has no character for were lost)" if drops and "\ufffd" in repaired else ""
        hint = f" (this line should read: {fixed.strip()[:60]})" if fixed.strip() else ""
        return EncodingProblem(number, f"mojibake: UTF-8 text was read as {code_page} and saved again{lost}{hint}")
    return None


def _foreign_script(text: str, lang: str, reading: Reading, files: LanguageFiles) -> EncodingProblem | None:
    """Letters outside the language's scripts dominate, or a CJK page's letters form no words."""
    scripts = files.words(lang).scripts
    if not scripts or reading.reads_as_expected or reading.lang is not None:
        return None
    found = reading.census
    native = found.coverage(scripts)
    cjk = found.coverage(tuple(s for s in scripts if s in _CJK))
    if native >= 0.5 and not (cjk >= 0.5 and found.total >= 2 * MIN_UNITS):
        return None
    foreign, own = foreign_letters(scripts), letters(scripts)
    worst = max(
        (s for s in found.units if s not in scripts and s != "Latin"), key=found.units.__getitem__, default=None
    )
    for number, line in enumerate(text.split("\n"), start=1):
        prose = prose_of(line)
        if native < 0.5:
            if len(foreign.findall(prose)) >= 2 and len(foreign.findall(prose)) > len(own.findall(prose)):
                what = f"{worst} letters" if worst else "letters of other scripts"
                return EncodingProblem(
                    number, f"{what} dominate a page in '{lang}': the text went through a wrong encoding"
                )
        elif len(own.findall(prose)) >= 4:
            return EncodingProblem(
                number,
                f"the letters are '{lang}' script but form none of its words: the text went through a wrong encoding",
            )
    return None


def check_text(
    text: str,
    lang: str | None,
    reading: Reading | None = None,
    files: LanguageFiles = OURS,
    encoded: bytes | None = None,
) -> EncodingProblem | None:
    """The earliest sign of a wrong encoding in decoded text, if any.

    ``reading`` is what :func:`transdocs.languages.detect.read_language` says of the page
    (computed here when not given); ``files``: the language files the run reads; ``encoded``:
    ``text`` in UTF-8 (:func:`utf8`), when the caller has it (a page's bytes as read: the steps of
    the search read them, and encoding a page not in ASCII costs as much as reading it).
    """
    if text.isascii():
        return None
    problems = [_mojibake(text, lang, reading, files, utf8(text) if encoded is None else encoded)]
    if "\ufffd" in text:
        first = text.count("\n", 0, text.index("\ufffd")) + 1
        message = "U+FFFD replacement characters: the text was decoded with a wrong encoding and saved again"
        problems.append(EncodingProblem(first, message))
    if lang is not None:
        reading = reading or read_language(prose_of(text), lang, files)
        problems.append(_foreign_script(text, lang, reading, files))
    found = [p for p in problems if p is not None]
    return min(found, key=lambda p: p.line) if found else None
