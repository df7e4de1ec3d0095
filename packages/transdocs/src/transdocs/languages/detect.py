"""Which language a page is really written in, from its prose.

A page's folder says which language it should be in; its text says which it is in.
Two measures decide, both cheap: how much of the prose is written in the scripts of a
language (``scripts`` in its file), and how often the language's most common words
(``common_words``) occur. Code, URLs, placeholders and HTML are not prose and are left
out. Text whose letters form no known language is not an untranslated page: it is
broken (see ``transdocs.encoding``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from transdocs import regex_cache
from transdocs.languages.scripts import (
    SCRIPTS,
    ascii_words,
    count,
    foreign_letters,
    letters,
    non_ascii,
    script_of,
    utf8,
)
from transdocs.languages.tags import base_language
from transdocs.languages.words import OURS, LanguageFiles
from transdocs.spans import Kind, Scanner

# Below this many words of prose a page is too short to tell its language.
MIN_UNITS = 60
# A language's common words are at least this share of the words of its prose (our pages:
# 0.19 to 0.45; see bench/languages.py), and a page's scripts cover at least this much of it.
MIN_RATE, MIN_COVERAGE = 0.08, 0.5
# Scripts written without spaces: each letter counts as this much of a word.
_CJK_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Halfwidth Katakana"})
_CJK_UNIT, _LETTER_UNIT = 0.5, 0.2

_CLOSE_ON_LINE = r"|(?P<stop>\n)"  # a closer not found on the opener's line: no span
_FENCES = ("```", "~~~")
_RAW = ("script", "style", "pre", "code")

# Front matter: YAML (--- to --- or ...) or Hugo's TOML (+++), after a BOM, with CRLF too: one
# attempt, at the start (apart from the scanner, which would stop at every - and + of the page).
_FRONT = re.compile(
    r"\A\ufeff?(?:---[ \t]*\r?\n.*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n.*?\n\+\+\+)[ \t]*\r?$",
    re.DOTALL | re.MULTILINE,
)
# Not prose: fenced code, code and scripts in HTML, inline code, placeholders, template tags, URLs,
# link targets, tags, entities and heading anchors (linear: see spans). A fence opens at a line start
# (``^[ \t]*```...``); it is found from the line end before it, so the search stops at every line
# end and not at every space and tab (the text read is given a line end first, see prose_of).
_FENCE = "fence"
_NOT_PROSE = Scanner(
    [
        *(
            Kind(
                _FENCE,
                re.compile(rf"\n[ \t]*{mark}[^\n]*\n"),
                re.compile(rf"^[ \t]*{mark}[ \t]*$", re.MULTILINE),
            )
            for mark in _FENCES
        ),
        *(Kind("raw", re.compile(rf"<{tag}\b", re.IGNORECASE), re.compile(f"</{tag}>", re.IGNORECASE)) for tag in _RAW),
        Kind("code", re.compile("`[^`\n]*`")),
        Kind("placeholder", re.compile(r"\{\{"), re.compile(r"\}\}")),
        Kind("template", re.compile(r"\{%"), re.compile(r"%\}")),
        Kind("url", re.compile(r"[hH](?i:ttps?)://\S+")),  # [hH]: what (?i:h) matches, told to the scanner's guard
        Kind("target", re.compile(r"\]\("), re.compile(r"\)" + _CLOSE_ON_LINE)),
        Kind("tag", re.compile("<"), re.compile(">" + _CLOSE_ON_LINE)),
        Kind("entity", re.compile(r"&\w+;")),
        Kind("anchor", re.compile(r"\{\s*#[\w-]+\s*\}")),
    ]
)
# The same spans as _NOT_PROSE, found by one regular expression in C (no Python work a span): each
# kind is a branch opening with its first character (so re skips to those characters in C), in the
# scanner's order among the kinds that share it; a closer is searched lazily and kept once found (an
# atomic group, as the scanner's search; a fence's a line at a time, see _fence_body), a closer that
# stops at its line end is the class up to it.
# A fence is found at its mark, where the line before it holds nothing but spaces and tabs (see
# _fence_at), not at the line end before it: a search stopping at every line end tried a match there,
# a sixth of prose_of's work. An indented fence's span is marked by a group ``split`` hands back:
# its line's indentation goes with it, as the scanner's span from the line end takes it. A URL is
# found at its "://", and marked by a group too: its scheme, behind it, goes with it (_without_scheme).
# Where re would search again and again (a closer missing to the end of the text: every later opener
# of its kind searches to the end; a second tag or link target opened before the first one's line
# stops), the branch instead takes the rest of the text, marked by a NUL after a line end that no span
# can reach (:data:`_END`): the page is then read by the scanner (linear in any text). So each
# character is read a bounded number of times and the spans are the scanner's.
_END = "\n\0"


def _fence_body(mark: str) -> str:
    """A fence's lines after its opening line, up to its closing line (``mark`` alone on a line, but for
    spaces and tabs), as :func:`transdocs.spans.lazily_closed` reads them, but a line at a time: the
    lines before the closing one are passed over whole (``[^\\n]*``, a count in C), where a lazy search
    tried the closer after every character (about 100 instructions a character of code, a third of
    prose_of on the real corpus's pages). The closer opens a line, so the first line it matches is the
    first place the lazy search found; a fence never closed takes the rest of the text, as there."""
    closing = rf"[ \t]*{mark}[ \t]*$"
    return rf"(?m:(?:(?!{closing})[^\n]*\n)*+{closing}|[\s\S]*)"


def _up_to(first: str, rest: str) -> str:
    """A closer (``first``, one character escaped for a class, then ``rest``) as
    :func:`transdocs.spans.lazily_closed` finds it, but a run of other characters at a time
    (``[^first]++``, a count in C): a lazy search tried the closer after every character of a raw
    block or a placeholder's inside. The first place the closer's first character is followed by the
    rest is the first place the lazy search found; with no closer, the rest of the text, as there."""
    return rf"(?:(?:[^{first}]++|{first}(?!{rest}))*+{first}{rest}|[\s\S]*)"


# A fence mark indented by more spaces and tabs than this is left to the scanner (our docs and the real
# corpus indent fences by up to 8).
_FENCE_INDENT = 16


def _fence_at(mark: str, depth: int) -> str:
    """A fence found at its ``mark`` (a branch opening with the mark's first character, as the other
    kinds), as the scanner finds it from the line end before it: the mark opens its line (a
    look-behind), or follows only spaces and tabs (a look-behind for each indentation up to ``depth``,
    then an empty group that marks the span); deeper, or after spaces and tabs that may not open the
    line, the branch takes the rest of the text (:data:`_END`: the scanner reads the page). The look-
    behinds are tried only after the whole mark: an inline code's backtick is passed at its second
    character."""
    opened = r"[^\n]*\n" + _fence_body(mark)
    mark = re.escape(mark)
    branches = [rf"(?<=\n{mark}){opened}"]
    if depth:
        indents = "|".join(rf"(?<=\n[ \t]{{{k}}}{mark})" for k in range(1, depth + 1))
        branches.append(f"(?:{indents})(){opened}")
    branches.append(rf"(?<=[ \t]{{{depth + 1}}}{mark})[\s\S]*")
    return "|".join(branches)


_NOT_PROSE_AT_ONCE = regex_cache.compile(  # (kept on disk: its compiling cost 2 M instructions a run)
    "|".join(
        [
            "`(?:``(?:" + _fence_at("```", _FENCE_INDENT) + r")|[^`\n]*`)",  # a fence, else inline code
            "~~~(?:" + _fence_at("~~~", 0) + ")",  # (an indented ~~~ is left to the scanner: one group)
            "<(?:"  # raw blocks, then a tag to its line's end (a second "<" first: the rest)
            + "".join(rf"(?i:{tag}\b)" + _up_to("<", f"(?i:/{tag}>)") + "|" for tag in _RAW)
            + r"[^<>\n]*+(?:>|(?=<)[\s\S]*))",
            r"\{(?:\{" + _up_to(r"\}", r"\}") + "|%" + _up_to("%", r"\}") + r"|\s*#[\w-]+\s*\})",
            r"://(?:(?<=[hH](?i:ttp)://)|(?<=[hH](?i:ttps)://))()\S+",  # a URL, found at its "://" (see prose_of)
            r"\]\([^)\n\]]*+(?:\)|(?=\])[\s\S]*)",  # a link target to its line's end (a "]" first: the rest)
            r"&\w+;",
        ]
    )
)


_NON_ASCII_LETTER = re.compile(r"(?![A-Za-z])[^\W\d_]")
# A word between spaces (with its apostrophes: "d'attente" holds "d'" in no list, "attente" in none).
_WORD = re.compile(r"[^\W\d_]+")


def prose_of(text: str) -> str:
    """``text`` without code, front matter, URLs, placeholders and markup, each replaced by a space.

    Front matter is YAML (``---`` to ``---`` or ``...``) or Hugo's TOML (``+++``), after a byte
    order mark or with Windows line ends too: its keys are English whatever the page's language.
    """
    front = _FRONT.match(text)
    # Read after a line end, where a fence on the first line opens as on any other (the line end
    # before a fence is kept: the fence's span starts after it). Front matter is a span of its own.
    body = "\n" + (text[front.end() :] if front else text)
    pieces = _NOT_PROSE_AT_ONCE.split(body + _END)  # (a test compares it with the scanner's reading)
    if not pieces[-1].endswith(_END):
        return _prose_by_spans(body, front is not None)  # a branch took the rest of the text
    pieces[-1] = pieces[-1][: -len(_END)]
    indented, urls = pieces[1::3], pieces[2::3]  # (an indented fence's group, a URL's: "", else None)
    if indented.count(None) < len(indented):
        for at, mark in enumerate(indented):
            if mark is not None:  # the line before it ends with its indentation, which goes with it
                pieces[3 * at] = pieces[3 * at].rstrip(" \t")
    if urls.count(None) < len(urls):
        for at, mark in enumerate(urls):
            if mark is not None:
                pieces[3 * at] = _without_scheme(pieces[3 * at])
    return (" " if front else "") + " ".join(pieces[::3])[1:]


def _without_scheme(text: str) -> str:
    """``text`` (the prose before a URL) without the URL's scheme. A URL is found at its ``://``
    (seldom in prose), its scheme looked for behind it: found at its ``h`` or ``H``, re tried a match
    at every one of them (about 160 an English page of the bench tree). The scheme is the ``http``
    or ``https`` just before, as the scanner's ``[hH](?i:ttps?)`` reads it (no span ends on a letter
    but a URL, which ends at a space, so the scheme is all in the text before; ``(?i:p)`` matches
    ``p`` and ``P`` alone)."""
    return text[:-4] if text[-1] in "pP" else text[:-5]


def _prose_by_spans(body: str, front: bool) -> str:
    """:func:`prose_of` of ``body`` (the text after its front matter, behind a line end) by the scanner."""
    gaps, last = ([""] if front else []), 1
    for span in _NOT_PROSE.finditer(body):
        gaps.append(body[last : span.start + 1] if span.kind == _FENCE else body[last : span.start])
        last = span.end
    gaps.append(body[last:])
    return " ".join(gaps)


@dataclass(frozen=True)
class Census:
    """How much of a prose text is written in each script, in words (CJK letters count half)."""

    units: dict[str, float]
    total: float

    def coverage(self, scripts: tuple[str, ...]) -> float:
        return sum(self.units.get(s, 0.0) for s in scripts) / self.total if self.total else 0.0

    def dominant(self) -> str | None:
        return max(self.units, key=self.units.__getitem__) if self.units else None


@cache
def _script(char: str) -> str:
    return script_of(char) or "other"


def census(prose: str) -> Census:
    units: dict[str, float] = {}
    encoded = utf8(prose)
    words = ascii_words(prose, encoded)
    if words:
        units["Latin"] = float(words)
    for char, times in Counter(_NON_ASCII_LETTER.findall(non_ascii(prose, encoded))).items():
        script = _script(char)
        units[script] = units.get(script, 0.0) + times * (_CJK_UNIT if script in _CJK_SCRIPTS else _LETTER_UNIT)
    return Census(dict(units), sum(units.values()))


@lru_cache(maxsize=256)
def _common_words(lang: str, files: LanguageFiles) -> tuple[frozenset[str], tuple[str, ...]]:
    """``lang``'s common words: those written between spaces, and those found anywhere (CJK)."""
    found = files.words(lang).common_words
    unspaced = tuple(w for w in found if any(_script(c) in _CJK_SCRIPTS for c in w))
    return frozenset(w.lower() for w in found if w not in unspaced), unspaced


@lru_cache(maxsize=256)
def _unspaced_firsts(lang: str, files: LanguageFiles) -> re.Pattern[str]:
    """The first characters of ``lang``'s common words found anywhere (CJK): a text holding none of
    them holds none of the words."""
    _, unspaced = _common_words(lang, files)
    return re.compile("[" + "".join(sorted({re.escape(w[0]) for w in unspaced})) + "]")


def _unspaced_hits(prose: str, lang: str, files: LanguageFiles, hits: int = 0, total: float = 0.0) -> int:
    """``hits`` plus the occurrences of ``lang``'s common words found anywhere (CJK), each word counted on
    its own. One search first: a text with none of their first characters (a page read through a wrong
    code page, weighed by the encoding check, holds no kana at all) is then not read once a word.

    With ``total``, the count stops once ``hits`` reach :data:`MIN_RATE` of it (hits only grow, so
    :func:`_reaches_rate` answers as with the whole count): a CJK page reaches it within its first few
    words (の, 的), where each of its twenty-odd words was counted in the piece."""
    _, unspaced = _common_words(lang, files)
    if not unspaced or _unspaced_firsts(lang, files).search(prose) is None:
        return hits
    for word in unspaced:
        hits += prose.count(word)
        if total and hits / total >= MIN_RATE:
            break
    return hits


@lru_cache(maxsize=256)
def _spaced_bytes(lang: str, files: LanguageFiles) -> frozenset[bytes]:
    """``lang``'s common words written between spaces, in UTF-8: those a word (:data:`_WORD`) can be."""
    spaced, _ = _common_words(lang, files)
    return frozenset(w.encode("utf-8", "surrogatepass") for w in spaced if _WORD.fullmatch(w))


def _word_counts(prose: str) -> Counter[str]:
    return Counter(_WORD.findall(prose.lower()))


# ASCII letters are lowered, every other ASCII byte becomes a space; the bytes of other characters stay.
_WORD_BYTES = bytes(low if chr(low).isalpha() else 0x20 for low in bytes(range(128)).lower()) + bytes(range(128, 256))
# A character that is not a letter (not in _WORD's class), looked for among the non-ASCII ones.
_NON_LETTER = re.compile(r"[\W\d_]")  # (searched among the non-ASCII characters only)
# Scripts whose letters are listed for the non-letter search (see _non_letters): listing Han's or
# Hangul's tens of thousands would cost more than any page's search, and their pages count no words
# between spaces in our languages.
_LISTED = 4096


@lru_cache(maxsize=64)
def _non_letters(scripts: tuple[str, ...]) -> re.Pattern[str]:
    """:data:`_NON_LETTER` for a text mostly in ``scripts``: the class of every character but ASCII and
    the letters of ``scripts`` (in the BMP, found with :data:`_WORD` on this Python, so the list is
    exact) comes first, tested as a table, and the letter test (a Unicode category) runs only where
    it matched. In an Arabic page, where nearly every character is non-ASCII, the category test at
    every character was a third of the common-word count; a page mostly in ASCII keeps the plain
    search (the listing, once a run, costs more than its few non-ASCII characters' tests)."""
    blocks = [
        "".join(map(chr, range(ord(first), ord(last or first) + 1)))
        for name in scripts
        for first, last in re.findall(r"(.)(?:-(.))?", SCRIPTS[name], re.DOTALL)
        if first < "\U00010000"
    ]
    if not blocks or sum(map(len, blocks)) > _LISTED:
        return _NON_LETTER
    listed = "".join(
        f"\\u{ord(block[run.start()]):04x}-\\u{ord(block[run.end() - 1]):04x}"
        for block in blocks
        for run in _WORD.finditer(block)
    )
    return regex_cache.compile(f"[^\\x00-\\x7f{listed}](?<=[\\W\\d_])")


def _spaced_hits(prose: str, lang: str, files: LanguageFiles) -> int:
    """How many words of ``prose`` (:data:`_WORD`, lower-cased) are ``lang``'s common words written
    between spaces, as :func:`_word_counts` counts them. The words are split in the UTF-8 bytes:
    non-ASCII characters that are not letters become spaces (a few kinds a page: ``’``, ``«``, an
    Arabic comma; the text is encoded again only when it held one), then ASCII ones, and the rest
    splits at the spaces (``findall`` of the words tests a letter class at every character: three
    times slower in a page mostly in ASCII, a third slower in an Arabic one). The text is lowered
    only when lowering changes one of its non-ASCII characters (the bytes' mapping lowers ASCII
    letters): ``str.lower`` of a text not in ASCII looks every character up, ASCII ones too, and
    most pages hold no capital but ASCII ones."""
    encoded = utf8(prose)
    rest = non_ascii(prose, encoded)
    if rest != rest.lower():  # (a Greek capital sigma, lowered by its neighbours, is always changed)
        prose = prose.lower()
        encoded = utf8(prose)
        rest = non_ascii(prose, encoded)
    if rest:
        # (a text mostly in ASCII has few others to test: listing its scripts' letters costs more)
        search = _non_letters(files.words(lang).scripts) if 2 * len(rest) > len(prose) else _NON_LETTER
        non_letters = set(search.findall(rest))
        if non_letters:
            for char in non_letters:
                prose = prose.replace(char, " ")
            encoded = utf8(prose)
    words = encoded.translate(_WORD_BYTES).split()
    return sum(map(_spaced_bytes(lang, files).__contains__, words))


def common_word_rate(
    prose: str, lang: str, total: float, counts: Counter[str] | None = None, files: LanguageFiles = OURS
) -> float:
    """Occurrences of ``lang``'s common words (in ``files``) per word of prose."""
    spaced, unspaced = _common_words(lang, files)
    if not total or not (spaced or unspaced):
        return 0.0
    if counts is None:
        return common_word_hits(prose, lang, files) / total
    return (_unspaced_hits(prose, lang, files) + sum(counts[w] for w in spaced)) / total


def common_word_hits(prose: str, lang: str, files: LanguageFiles = OURS) -> int:
    """Occurrences of ``lang``'s common words in ``prose``: :func:`common_word_rate` times the total."""
    spaced, _ = _common_words(lang, files)
    hits = _unspaced_hits(prose, lang, files)
    return hits + _spaced_hits(prose, lang, files) if spaced else hits


class Reading:
    """What a page's prose says about its language. Its census may be given as the function that
    counts it, called when first asked for: only a page that does not read as expected has its
    census read (by the encoding check), and :func:`read_language` tells most pages from bounds."""

    def __init__(self, lang: str | None, reads_as_expected: bool, census: Census | Callable[[], Census]) -> None:
        self.lang = lang  # the known language it is written in; None when unsure or unknown
        self.reads_as_expected = reads_as_expected  # it reads as the expected language (or is too short to tell)
        self._census = census

    @property
    def census(self) -> Census:
        if not isinstance(self._census, Census):
            self._census = self._census()
        return self._census


def _fits(prose: str, found: Census, lang: str, files: LanguageFiles) -> float:
    """The common-word rate of ``lang`` when the page is in its scripts, else 0."""
    if found.coverage(files.words(lang).scripts) < MIN_COVERAGE:
        return 0.0
    return common_word_rate(prose, lang, found.total, files=files)


# Prose is counted in pieces of about this many characters, cut at line ends (no word spans one).
_PIECE = 1024


def _reaches_rate(prose: str, found: Census, lang: str, files: LanguageFiles) -> bool:
    """Whether :func:`_fits` gives at least :data:`MIN_RATE`: the common words are counted piece by
    piece, and the count stops once it is enough (most pages are well above the rate)."""
    if found.coverage(files.words(lang).scripts) < MIN_COVERAGE:
        return False
    spaced, unspaced = _common_words(lang, files)
    if not found.total or not (spaced or unspaced):
        return False  # a rate of 0
    hits, start = 0, 0
    while start < len(prose):
        end = prose.find("\n", start + _PIECE) + 1 or len(prose)
        piece = prose[start:end]
        hits = _unspaced_hits(piece, lang, files, hits, found.total)
        if spaced:
            hits += _spaced_hits(piece, lang, files)
        if hits / found.total >= MIN_RATE:
            return True
        start = end
    return hits / found.total >= MIN_RATE


def identify(prose: str, found: Census | None = None, files: LanguageFiles = OURS) -> str | None:
    """The known language (of ``files``) the prose is written in, None when none fits clearly."""
    found = found or census(prose)
    if found.total < MIN_UNITS:
        return None
    rates = {lang: _fits(prose, found, lang, files) for lang in files.available() if files.words(lang).scripts}
    fitting = sorted((rate, lang) for lang, rate in rates.items() if rate >= MIN_RATE)
    if not fitting:
        return None
    # A clear winner only: twice the rate of the next language in the same scripts.
    best_rate, best = fitting[-1]
    if len(fitting) > 1 and fitting[-2][0] * 2 > best_rate:
        return None
    return best


def quick_census(prose: str, scripts: tuple[str, ...]) -> Census:
    """A census that only tells ``scripts`` from the rest (three counts instead of every script;
    letters are counted among the non-ASCII characters only, as none of them is ASCII)."""
    words, own, rest = _own_counts(prose, scripts)
    return _quick(words, own, count(foreign_letters(scripts), rest), scripts)


def _own_counts(prose: str, scripts: tuple[str, ...]) -> tuple[int, int, str]:
    """(ASCII words, letters of ``scripts``, the non-ASCII characters) of ``prose``."""
    encoded = utf8(prose)
    rest = non_ascii(prose, encoded)
    return ascii_words(prose, encoded), count(letters(scripts), rest), rest


def _quick(words: int, own: int, foreign: int, scripts: tuple[str, ...]) -> Census:
    """:func:`quick_census` of these counts (``foreign``: letters of no script in ``scripts``)."""
    units = {"Latin": float(words)}
    units[scripts[0]] = units.get(scripts[0], 0.0) + own * (
        _CJK_UNIT if _CJK_SCRIPTS.intersection(scripts) else _LETTER_UNIT
    )
    other = foreign * _LETTER_UNIT
    if other:
        units["other"] = other
    return Census(units, sum(units.values()))


def _judged(lang: str, files: LanguageFiles) -> bool:
    """Whether pages in ``lang`` can be judged: its file gives its scripts (and common words)."""
    return files.has_words(lang) and bool(files.words(lang).scripts)


def read_page_language(text: str, expected: str | None, files: LanguageFiles = OURS) -> Reading:
    """:func:`read_language` of a page's prose (:func:`prose_of` of ``text``), built only when read:
    a page in a language without a file is taken as written, and its census is seldom asked for."""
    if expected is not None and not _judged(expected, files):
        return Reading(None, True, lambda: census(prose_of(text)))
    return read_language(prose_of(text), expected, files)


def read_language(prose: str, expected: str | None, files: LanguageFiles = OURS) -> Reading:
    """Whether prose reads as ``expected``, and which known language it is in if not.

    A language without a file (no scripts, no common words) cannot be judged: it is taken
    as written. A page too short to tell reads as expected.
    """
    if expected is not None and not _judged(expected, files):
        return Reading(None, True, partial(census, prose))
    if expected is not None:
        # Most pages are in their language: tell that from three counts, the full census otherwise.
        # The letters of other scripts are first taken to be all the other non-ASCII characters (a
        # foreign letter is one of them), not counted: the total is then at its largest, and a
        # larger total makes a page neither short nor reach the rate more often (coverage and
        # rate are shares of it), so a page short or reaching the rate with it is so with the count.
        scripts = files.words(expected).scripts
        words, own, rest = _own_counts(prose, scripts)
        most = _quick(words, own, len(rest) - own, scripts)
        if most.total < MIN_UNITS or _reaches_rate(prose, most, expected, files):
            return Reading(expected, True, partial(quick_census, prose, scripts))
        quick = _quick(words, own, count(foreign_letters(scripts), rest), scripts)
        if quick.total < MIN_UNITS or _reaches_rate(prose, quick, expected, files):
            return Reading(expected, True, quick)
    found = census(prose)
    if found.total < MIN_UNITS:
        return Reading(expected, True, found)
    lang = identify(prose, found, files)
    same = expected is not None and lang is not None and base_language(lang) == base_language(expected)
    return Reading(lang, expected is None or same, found)


__all__ = [
    "SCRIPTS",
    "Census",
    "Reading",
    "census",
    "common_word_hits",
    "identify",
    "prose_of",
    "quick_census",
    "read_language",
    "read_page_language",
]
