"""The token pattern rewritten so that ``re`` tries at a position only the branches that can start
there, and the guard in front of a pattern; both find exactly what the plain pattern finds
(tests/test_check_docs_token_dispatch.py holds them to it)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from transdocs import regex_cache
from transdocs.fastscan import first_classes, guard, skips_to_starts
from transdocs.languages.words import Words
from transdocs.placeholders import PLACEHOLDER
from transdocs.statements.letter_cases import cases_of, class_char, distinct_letters, ignorecase_key
from transdocs.statements.targets import Targets
from transdocs.statements.token_parts import (
    ABBREVIATIONS,
    CJK_NUMERALS,
    KIND_WORDS,
    NEVER,
    SIGN_CHARS,
    after_number_word,
    joined,
    number_by_digit,
    word_kinds,
)
from transdocs.statements.word_patterns import (
    ARABIC_LETTER_CHAR,
    ARABIC_MARK,
    CJK_CHAR,
    NOT_ARABIC,
    alternation,
    flex,
    script_of,
)


def _latin_word(word: str) -> bool:
    r"""A word written with the look-behind ``(?<!\w)`` in front (see word_patterns.word_pattern)."""
    return not word.startswith("~") and script_of(word) == "latin"


def dispatched(parts: dict[str, str], words: Words, targets: Targets) -> tuple[str, dict[str, str]]:
    """The token pattern of :func:`joined`, rewritten so that ``re`` tries at a position only the
    branches that can start there; and the group names it adds, with the kind each stands for.

    ``re`` tries every branch of an alternation at every position it reaches, except a branch that
    opens with a case-sensitive character or class: that one it skips in one test when the
    character differs. A branch opening with a named group (every kind) or a look-behind (every
    word) it enters, which costs as much as a few characters of matching. So here:

    - a kind that opens with its character (code, placeholder, parentheses, sentence end, link
      target) names itself with an empty group at its end (``re.Match.lastgroup`` is the last group
      closed); a URL opens with the cases of ``h``;
    - env vars, config keys and abbreviations (each opening with a look-behind), then number words
      (``wnum``) and the kinds made of words only (``KIND_WORDS``) give their Latin words to one
      branch per first letter, each opening with that letter's cases, all behind one look-behind,
      in the place of the names: in a letter's branch, each kind's words in its order, in kind
      order, each kind named by an empty group at its end (a key's look-behind also refuses a dot;
      a letter's number words are followed by the unit or counter they need, and their match names
      no ``wnumber``/``wunit`` group: ``Lexicon.number_word`` reads them). The words starting with
      a CJK character are one branch per first character the same way (without the look-behind),
      where the kinds' other words were, before those (Arabic), which stay in their kinds. No two
      branches share a first letter, no other word can start with one, nor a number, an Arabic
      dual or a CJK number (the parts the Latin words now come before), so at any position the
      words that can match are tried in the plain pattern's order;
    - the parts left in the word group (Arabic duals, CJK numbers, the kinds' other words, the
      signs) that never start on an Arabic letter come first, each kind's Arabic words after them,
      behind the Arabic screen's look-ahead alone: the screen let every other position through to
      all of them (a named group, a look-ahead and a look-behind each). A kind with both gets two
      groups (``<kind>_a``); a word that may start on both keeps the screen as it was. Signs open
      with their class;
    - parts that cannot match (no words) are left out.

    When that cannot be told (a letter re folds with another first letter, a word's first
    character a space, no case tables), the word kinds stay as they are (and the names, when they
    are patterns: then the words' branch follows them).
    """
    renamed: dict[str, str] = {}
    fast = dict(parts)
    fast["code"] = r"`[^`\n]+`(?P<code>)"
    fast["ph"] = rf"{PLACEHOLDER.pattern}(?P<ph>)"
    fast["open"] = r"[(（](?P<open>)"
    fast["close"] = r"[)）](?P<close>)"
    fast["end"] = r"[。！？؟；;](?P<end>)|[.!?](?=\s|$)(?P<end_1>)"
    renamed["end_1"] = "end"
    h = cases_of("h")
    if h is not None:
        fast["url"] = rf"(?-i:[{h}])ttps?://[^\s)>\]]+(?P<url>)|\]\([^)\s]*\)(?P<url_1>)"
        renamed["url_1"] = "url"
    names = _names_by_letter(targets, renamed)
    worded = [name for name in parts if name.startswith("worded.")]
    kept = [name for name in worded if parts[name] != f"(?P<{name[7:]}>{NEVER})"]
    if all(script_of(word) != "cjk" for word in [*words.units, *words.counters]):
        kept.remove("worded.cjk")  # no CJK unit or counter: a CJK number is never read
    # What the words' branch is tried before: CJK numbers and Arabic duals (and numbers, see _by_letter).
    passed = [*(CJK_NUMERALS if "worded.cjk" in kept else ""), *_starts(words.dual_units)]
    flat = _by_letter(words, renamed, names or {}, passed)
    branches: list[tuple[bool | None, str]] = [(None, fast[name]) for name in kept]
    letters: str | None = None
    if flat is not None:
        letters, others = flat
        simple = [name for name in kept if name[7:] in {"wnum", *(kind for kind, _ in KIND_WORDS)}]
        first = kept.index(simple[0]) if simple else len(kept)
        places = {"worded.dual": _words_on_arabic(words.dual_units), "worded.cjk": False}
        branches = [(places[name], fast[name]) for name in kept[:first] if name not in simple]
        branches += others
        branches += [(places[name], fast[name]) for name in kept[first:] if name not in simple]
    elif names is not None:
        letters = rf"(?<!\w)(?:{'|'.join(_letter_branches(names) or [])})"
    if letters is not None and names is not None:  # one branch where the three names were
        fast = {
            name: (letters if name == "env" else part) for name, part in fast.items() if name not in ("key", "abbr")
        }
    elif letters is not None:  # right after them
        items = list(fast.items())
        after = [name for name, _ in items].index("abbr") + 1
        fast = dict([*items[:after], ("letters", letters), *items[after:]])
    fast["num"] = number_by_digit(parts["num"])
    screen = parts["worded"][: parts["worded"].index("(?:(?P<dual>")]
    ahead = screen.removeprefix(NOT_ARABIC)[:-1]
    if screen and None not in {
        place for place, _ in branches
    }:  # the Arabic words alone behind the screen, the others before it
        arabic = "|".join(branch for place, branch in branches if place)
        branches = [(False, branch) for place, branch in branches if not place]
        branches += [(True, f"{ahead}(?:{arabic})")] if arabic else []
        screen = ""
    fast["worded"] = f"{screen}(?:{'|'.join(branch for _, branch in branches)})" if branches else NEVER
    return joined(fast), renamed


def _on_arabic(word: str) -> bool | None:
    """Whether ``word`` starts only on an Arabic letter in the token pattern (True), never (False), or
    may do both (None: a word of Arabic script led by a Latin letter, which an Arabic prefix may open)."""
    if ARABIC_LETTER_CHAR.match(ARABIC_MARK.sub("", word.removeprefix("~"))[:1]):
        return True
    return None if not word.startswith("~") and script_of(word) == "arabic" else False


def _words_on_arabic(words: Iterable[str]) -> bool | None:
    """:func:`_on_arabic` of all ``words`` together (None when they differ)."""
    places = {_on_arabic(word) for word in words}
    return places.pop() if len(places) == 1 else None if places else False


def _starts(words: Iterable[str]) -> set[str]:
    """The characters ``words`` can start with in the token pattern (an Arabic word's prefix too)."""
    starts = {ARABIC_MARK.sub("", word.removeprefix("~"))[:1] for word in words}
    if any(script_of(word) == "arabic" for word in words):
        starts.update("وفبلا")  # ARABIC_PREFIX
    return starts


def _names_by_letter(targets: Targets, renamed: dict[str, str]) -> dict[int, list[str]] | None:
    """The ``env``, ``key`` and ``abbr`` parts of :func:`token_parts` by first letter (keyed as in
    :func:`_letter_branches`, see :func:`dispatched`); None when a name is more than word characters
    (it is a pattern there) or two first letters fold together."""
    listed = [
        ("env", list(targets.env_names), ""),
        ("key", [k for k in targets.key_names if "_" in k], r"(?<!\.(?s:.))"),
        ("abbr", ABBREVIATIONS.split("|"), ""),
    ]
    letters: dict[int, list[str]] = {}
    for kind, alternatives, behind in listed:
        if kind != "abbr" and (not alternatives or not all(re.fullmatch(r"\w+", n, re.ASCII) for n in alternatives)):
            return None
        by_letter: dict[int, list[str]] = {}
        for name in alternatives:
            by_letter.setdefault(ignorecase_key(name[0]), []).append(name[1:])
        for key, rests in by_letter.items():
            name = f"{kind}_{len(renamed)}"
            renamed[name] = kind
            tail = r"\." if kind == "abbr" else r"(?!\w)"
            letters.setdefault(key, []).append(f"{behind}(?:{'|'.join(rests)}){tail}(?P<{name}>)")
    return None if _letter_branches(letters) is None else letters


def _by_letter(
    words: Words, renamed: dict[str, str], names: dict[int, list[str]], passed: Iterable[str]
) -> tuple[str, list[tuple[bool | None, str]]] | None:
    """The names (``names``, from :func:`_names_by_letter`), then the number words' and word kinds'
    Latin words, as one branch per first letter (see :func:`dispatched`), and each kind with its
    other words, each told by whether it starts on an Arabic letter (:func:`_on_arabic`; a kind's
    words split in two when that is told); None when that would change a match. The branch is
    tried before the number and the branches whose words start with a character of ``passed``:
    none of them may start where a word of the branch does."""
    letters: dict[int, list[tuple[str, list[str]]]] = {}
    cjk: dict[int, list[tuple[str, list[str]]]] = {}  # the words starting with a CJK character, the same way
    others: list[tuple[bool | None, str]] = []  # True: starts only on an Arabic letter, False: never, None: both
    other_starts: set[str] = set()
    after = {"wnum": after_number_word(words, named=False)}  # a number word is one only before a unit or counter
    for kind, listed in [("wnum", list(words.number_words)), *word_kinds(words)]:
        unique = sorted(set(listed), key=lambda w: (-len(w), w))
        for word in unique:
            if not word.startswith("~") and CJK_CHAR.match(word):
                entry = cjk.setdefault(ignorecase_key(word[0]), [])
                if not entry or entry[-1][0] != kind:
                    entry.append((kind, []))
                entry[-1][1].append(flex(word)[len(flex(word[0])) :])
        latin = [w for w in unique if _latin_word(w)]
        # In alternation(): the whole words first, then the others in order (those ending in ' or .).
        ordered = [w for w in latin if w[-1] not in "'’."] + [w for w in latin if w[-1] in "'’."]
        for word in ordered:
            first = ARABIC_MARK.sub("", word)[:1]
            if not first or first.isspace():
                return None
            tail = "" if word[-1] in "'’." else r"(?!\w)"
            entry = letters.setdefault(ignorecase_key(first), [])
            if not entry or entry[-1][0] != kind:
                entry.append((kind, []))
            entry[-1][1].append(flex(word)[len(flex(first)) :] + tail)
        rest = [w for w in unique if not _latin_word(w) and (w.startswith("~") or not CJK_CHAR.match(w))]
        other_starts |= _starts(rest)
        other_starts.update(SIGN_CHARS.get(kind, ""))
        places = {_on_arabic(w) for w in rest}
        parts: list[tuple[bool | None, list[str]]] = [(None, rest)]
        if None not in places:  # those never starting on an Arabic letter (and signs), then those that do
            parts = [(False, [w for w in rest if not _on_arabic(w)]), (True, [w for w in rest if _on_arabic(w)])]
        name = kind
        for on_arabic, listed in parts:
            signs = f"[{SIGN_CHARS[kind]}]" if kind in SIGN_CHARS and not on_arabic else ""
            if not listed and not signs:
                continue
            alternatives = "|".join(filter(None, [signs, alternation(listed) if listed else ""]))
            if kind in after:
                alternatives = f"(?:{alternatives}){after[kind]}"
            # Signs alone open with their class, the kind named at the end: re skips them in one test.
            others.append((on_arabic, f"{signs}(?P<{name}>)" if not listed else rf"(?P<{name}>{alternatives})"))
            name = f"{kind}_a"  # the kind's second group
            renamed[name] = kind
    named, cjk_named = _named(letters, "", after, renamed), _named(cjk, "c", after, renamed)
    cjk_branches = _letter_branches(cjk_named, other_starts) if cjk_named else []
    if cjk_branches is None:
        return None
    # The words' letters against the words tried after them in the plain pattern, and those they pass.
    if _letter_branches(named, {*other_starts, *passed, *map(chr, cjk_named)}) is None:
        return None
    if any(c.isdecimal() for key in named for c in cases_of(chr(key)) or ""):
        return None  # a word could start where a number does
    merged = {key: [*names.get(key, []), *named.get(key, [])] for key in {**names, **named}}
    branches = _letter_branches(merged)
    if branches is None:
        return None
    # The CJK words are tried where the kinds' other words were, before those (no look-behind, see
    # word_patterns.word_pattern).
    return rf"(?<!\w)(?:{'|'.join(branches)})", [*((False, b) for b in cjk_branches), *others]


def _named(
    letters: dict[int, list[tuple[str, list[str]]]], mark: str, after: dict[str, str], renamed: dict[str, str]
) -> dict[int, list[str]]:
    """Each letter's alternatives: each kind's words (then what must follow them, ``after``) named by an
    empty group at their end, ``<kind>_<mark><n>``, recorded in ``renamed``."""
    named: dict[int, list[str]] = {}
    for index, (key, kinds) in enumerate(letters.items()):
        for kind, rests in kinds:
            name = f"{kind}_{mark}{index}"
            renamed[name] = kind
            named.setdefault(key, []).append(f"(?:{'|'.join(rests)}){after.get(kind, '')}(?P<{name}>)")
    return named


def _letter_branches(letters: dict[int, list[str]], other_starts: Iterable[str] = ()) -> list[str] | None:
    """One branch per first letter (keyed by :func:`ignorecase_key`), opening with that letter's cases
    matched case-sensitively, then its alternatives; None when a letter's cases are not known, two
    letters fold together, or a word of ``other_starts`` can start where one of them does (the order
    of the plain pattern would change)."""
    classes = {key: cases_of(chr(key)) for key in letters}
    starts = "".join(cases or "" for cases in classes.values())
    if not letters or not distinct_letters(set(letters)) or None in classes.values() or len(set(starts)) < len(starts):
        return None
    for start in other_starts:
        cases = cases_of(start)
        if cases is None or set(cases) & set(starts):
            return None
    return [
        f"(?-i:[{''.join(class_char(c) for c in str(classes[key]))}])(?:{'|'.join(alternatives)})"
        for key, alternatives in letters.items()
    ]


# Class pieces fastscan reads that are the same set with or without IGNORECASE.
_UNCASED_PIECES = frozenset({r"\d", r"\D", r"\s", r"\S", r"\w", r"\W"})


@lru_cache(maxsize=1)
def _digits() -> str:
    r"""``\d`` in a guard's class: the decimal digits of the BMP spelt out, then every character past it.

    ``re`` puts a class's BMP characters in one table and tests a category (``\d``) after it, a
    Unicode lookup, at every character the table lacks: most of a page's, at every position of the
    token scan. Spelt out, the BMP digits join the table; the 25 runs of digits past the BMP, as
    many ranges tested one by one, would cost more than the lookup, so one range holds them all
    (rare in a page; the guard only lets ``re`` try the pattern there, whose own ``\d`` decides).
    """
    codes = [code for code in range(0x10000) if chr(code).isdecimal()]  # what re's \d is: Nd
    runs = [code for index, code in enumerate(codes) if index == 0 or codes[index - 1] != code - 1]
    ends = [code for index, code in enumerate(codes) if index == len(codes) - 1 or codes[index + 1] != code + 1]
    return "".join(f"{chr(low)}-{chr(high)}" for low, high in zip(runs, ends, strict=True)) + r"\U00010000-\U0010ffff"


def _cased_class(pieces: set[str]) -> str | None:
    """The class body matching case-sensitively what ``[pieces]`` matches under IGNORECASE (each
    character with its cases, ``cases_of``); None for a range too long to spell out."""
    chars: set[str] = set()
    kept: list[str] = []
    for piece in sorted(pieces):
        if piece in _UNCASED_PIECES:
            kept.append(_digits() if piece == r"\d" else piece)
            continue
        spans = re.fullmatch(r"(\\?.)(?:-(\\?.))?", piece, re.DOTALL)
        if spans is None:
            return None
        low, high = (ord(end[-1]) for end in (spans.group(1), spans.group(2) or spans.group(1)))
        if high - low > 2000:
            return None
        for code in range(low, high + 1):
            cases = cases_of(chr(code))
            if cases is None:
                return None
            chars.update(cases)
    return "".join(kept) + "".join(class_char(c) for c in sorted(chars))


def dispatch_guard(pattern: str, flags: int = 0) -> str:
    r"""``pattern`` behind one look-ahead that holds where :func:`~transdocs.fastscan.guard`'s does,
    written so ``re`` skips most of it on the character: each start class matched case-sensitively
    (its cases spelt out), and a look-behind after that character (``(?<!\w(?s:.))`` where the guard
    has ``(?<!\w)`` before it). The guard's own form enters each of its branches at every position
    (a look-ahead or look-behind first), which was half of reading prose once the branches were
    dispatched. Falls back to :func:`~transdocs.fastscan.guard` when a class cannot be spelt out.
    A pattern ``re`` already skips to the starts of (a literal or a class first) is left as it is."""
    if skips_to_starts(pattern, flags):
        return pattern
    firsts = first_classes(pattern, flags)
    if firsts is None or not flags & re.IGNORECASE:
        return guard(pattern, flags)
    branches = []
    for behind, pieces in sorted(firsts.items(), key=lambda item: item[0] or ""):
        cased = _cased_class(pieces)
        if cased is None:
            return guard(pattern, flags)
        rejected = "" if behind is None else rf"(?<!{behind}(?s:.))" if behind == r"\w" else rf"(?<![{behind}](?s:.))"
        branches.append(f"(?-i:[{cased}]){rejected}")
    return f"(?={'|'.join(branches)})(?:{pattern})"


def guarded(pattern: str, flags: int, kinds: dict[str, str] | None = None) -> re.Pattern[str]:
    """``pattern`` compiled behind :func:`dispatch_guard` (kept on disk, as fastscan.guarded); with
    ``kinds`` (:func:`dispatched`'s names), each kind's empty groups as one (regex_cache.compile)."""
    return regex_cache.compile(pattern, flags, rewrite=dispatch_guard, kinds=kinds)
