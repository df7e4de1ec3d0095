"""Compiled regular expressions for one docs language (built once per language, then cached).

A page's words are read with its own language's vocabulary plus English (setting
names, ``true``, ``ms`` and English words pasted into translations are common).
A page whose language is unknown is read with every language's words.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache, reduce
from typing import Any

from transdocs import regex_cache
from transdocs.fastscan import first_classes, guard, skips_to_starts, trie
from transdocs.languages import LANGUAGES
from transdocs.languages.words import LanguageFiles, Words, merge
from transdocs.placeholders import PLACEHOLDER
from transdocs.statements.targets import Targets
from transdocs.statements.values import Value

# How re compares letters under IGNORECASE (private: missing means the words are not grouped).
_tolower: Any
_extra_cases: dict[int, tuple[int, ...]] | None
try:
    _tolower = importlib.import_module("_sre").unicode_tolower
    _extra_cases = importlib.import_module("re._casefix")._EXTRA_CASES
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _tolower, _extra_cases = None, None

ARABIC_MARKS = "\u064b-\u065f\u0670\u0640"  # harakat, superscript alef, tatweel
_ARABIC_MARK = re.compile(f"[{ARABIC_MARKS}]")
_ARABIC_MARKS_RUN = re.compile(f"[{ARABIC_MARKS}]+")
_ARABIC_LETTER = "\u0620-\u064a\u066e-\u06d3"
_ARABIC_LETTER_CHAR = re.compile(f"[{_ARABIC_LETTER}]")
# An Arabic word: not inside another, with or without a prefix ("and", "by", "the"...).
ARABIC_PREFIX = "(?:[وفبل]|ال)?"
_ARABIC_LEAD = rf"(?<![{_ARABIC_LETTER}]){ARABIC_PREFIX}"
_ARABIC_TAIL = rf"(?![{_ARABIC_LETTER}])"
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# What counts as one word when measuring how far apart a setting and a value are.
_WORDISH = re.compile(rf"[A-Za-z\u00c0-\u024f{_ARABIC_LETTER}0-9]+")
_CJK_CHAR = re.compile(f"[{_CJK}]")


def normalize(word: str) -> str:
    """Lower case, Arabic marks removed, spaces collapsed: the key of the word tables."""
    return " ".join(_ARABIC_MARK.sub("", unicodedata.normalize("NFC", word)).lower().split())


@cache  # every lexicon merges English words with its own: each word is asked again
def _script(word: str) -> str:
    if _CJK_CHAR.search(word):
        return "cjk"
    if _ARABIC_LETTER_CHAR.search(word):
        return "arabic"
    return "latin"


@cache
def _flex(word: str) -> str:
    """Pattern for ``word`` that tolerates any spaces and both apostrophes.

    Arabic marks are removed from the entry here and from the text by :func:`strip_marks`,
    so patterns stay plain (tolerating marks inside every word made them 4x slower to compile).
    """
    parts = []
    for char in _ARABIC_MARK.sub("", word):
        if char.isspace():
            parts.append(r"\s+")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def strip_marks(text: str) -> tuple[str, list[int] | None]:
    """``text`` without Arabic harakat and tatweel, and where each kept character came from
    (None when nothing was removed, the usual case; ``isascii`` tells it at once for an ASCII text)."""
    if text.isascii() or not _ARABIC_MARK.search(text):
        return text, None
    kept: list[int] = []
    start = 0
    for mark in _ARABIC_MARKS_RUN.finditer(text):  # the runs of marks, not every character
        kept.extend(range(start, mark.start()))
        start = mark.end()
    kept.extend(range(start, len(text)))
    return _ARABIC_MARKS_RUN.sub("", text), kept


def word_pattern(word: str, *, glued: bool = False) -> str:
    """One vocabulary entry as a regex (see the conventions in languages/words.py).

    ``glued`` drops the left word boundary, for units written against the number ("60s").
    """
    if word.startswith("~"):
        return _flex(word[1:])
    script = _script(word)
    if script == "cjk":
        return _flex(word)
    if script == "arabic":
        lead = "" if glued else _ARABIC_LEAD
        return rf"{lead}{_flex(word)}{_ARABIC_TAIL}"
    lead = "" if glued else r"(?<!\w)"
    tail = "" if word[-1] in "'’." else r"(?!\w)"
    return rf"{lead}{_flex(word)}{tail}"


def alternation(words: Iterable[str], *, glued: bool = False) -> str:
    """Longest first, so "by default" wins over "default" and "不启用" over "启用".

    Whole Latin words share one pair of word-boundary checks: the regex then rejects a
    position inside a word once, not once per word (this is most of the checker's time).
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    latin = [w for w in unique if not w.startswith("~") and _script(w) == "latin" and w[-1] not in "'’."]
    whole = set(latin)
    others = [w for w in unique if w not in whole]
    branches = [word_pattern(w, glued=glued) for w in others]
    if not glued:
        branches = _arabic_screened(others, branches)
    if latin:
        lead = "" if glued else r"(?<!\w)"
        branches.insert(0, rf"{lead}{_first_letters(latin)}(?:{_by_first_letter(latin)})(?!\w)")
    return "|".join(branches) or r"(?!x)x"


def _first_letters(words: list[str]) -> str:
    """A look-ahead on the letters ``words`` start with: one test rejects a word start that none of
    them can match, where ``re`` entered the branch of each first letter in turn (under
    ``IGNORECASE`` a class matches a character exactly when one of its letters written alone does)."""
    firsts = {_ARABIC_MARK.sub("", word)[:1] for word in words}  # as _flex writes them
    if len(firsts) < 2 or any(not c or c.isspace() for c in firsts):
        return ""  # one letter: the branch starts with it; a space: _flex reads any space there
    if firsts & set("'’"):
        firsts |= set("'’")  # _flex matches both apostrophes
    return f"(?=[{''.join(sorted(_class_char(c) for c in firsts))}])"


def _class_char(char: str) -> str:
    return "\\" + char if char in "-]\\^[" else char


def _by_first_letter(words: list[str]) -> str:
    """``words`` as alternatives, those starting with the same letter together in one branch.

    With ``re.IGNORECASE`` a branch cannot be skipped on its first letter: ``re`` enters every
    word at every word start (most of the time of reading prose). Grouped, it enters one branch
    per first letter, and ``re`` factors the shared letter out of the group. Words starting with
    different letters never match at one position, so each match is the one of the plain
    alternation; where two first letters could (``s`` and ``ſ`` are one letter to ``re``), the
    words stay as they were.
    """
    groups: dict[int, list[str]] = {}
    for word in words:
        groups.setdefault(_ignorecase_key(word[0]), []).append(_flex(word))
    if len(groups) == len(words) or not _distinct_letters(set(groups)):
        return "|".join(_flex(w) for w in words)
    return "|".join(group[0] if len(group) == 1 else f"(?:{'|'.join(group)})" for group in groups.values())


def _ignorecase_key(char: str) -> int:
    """The letter ``re.IGNORECASE`` compares ``char`` as (apostrophes are one: ``_flex`` matches both)."""
    if char in "'’":
        return ord("'")
    return int(_tolower(ord(char))) if _tolower is not None else ord(char)


def _distinct_letters(keys: set[int]) -> bool:
    """No two of ``keys`` match one character under ``re.IGNORECASE`` (its extra cases: s/ſ, i/ı...)."""
    if _extra_cases is None:
        return False
    return not any(other in keys for key in keys for other in _extra_cases.get(key, ()))


def _arabic_screened(words: list[str], branches: list[str]) -> list[str]:
    """The Arabic words' branches behind one look-ahead that any of them must pass.

    Each Arabic branch opens with a look-behind and an optional prefix, so ``re`` cannot skip
    it on its first letter: at every Arabic word it tried every word in full. The look-ahead
    tries the words once, each rejected on its first letter, and the branches run (unchanged,
    in order) only where one of them can match. They move next to each other, which keeps
    every match only when no other branch can start on an Arabic letter; otherwise the
    branches stay as they are.
    """
    arabic = [i for i, word in enumerate(words) if not word.startswith("~") and _script(word) == "arabic"]
    chosen = set(arabic)
    if len(arabic) < 2:
        return branches
    starts = (_ARABIC_MARK.sub("", word.removeprefix("~"))[:1] for i, word in enumerate(words) if i not in chosen)
    if any(_ARABIC_LETTER_CHAR.match(start) for start in starts):
        return branches
    screen = f"(?={_ARABIC_LEAD}(?:{'|'.join(_flex(words[i]) for i in arabic)}){_ARABIC_TAIL})"
    group = f"{screen}(?:{'|'.join(branches[i] for i in arabic)})"
    rest = [branch for i, branch in enumerate(branches) if i not in chosen]
    return [*rest[: arabic[0]], group, *rest[arabic[0] :]]


_NOT_ARABIC = f"(?:(?![{_ARABIC_LETTER}])|"  # how _arabic_screen opens


def _arabic_screen(words: list[str]) -> str:
    """A look-ahead that any of ``words`` starting with an Arabic letter passes where it matches.

    The word parts of the token pattern each open their Arabic words with a look-behind, so at
    every Arabic word ``re`` tried each part's words: one look-ahead over all of them
    (necessary for any to match) lets a word that is none of them past all the parts at once.
    """
    plain: set[str] = set()
    led: set[str] = set()
    for word in words:
        core = _ARABIC_MARK.sub("", word.removeprefix("~"))
        if _ARABIC_LETTER_CHAR.match(core[:1]):
            (led if not word.startswith("~") and _script(word) == "arabic" else plain).add(core)
    if not plain and not led:
        return ""
    branches = [f"{_ARABIC_LEAD}(?:{_by_first_letter(sorted(led))})"] if led else []
    branches += [_flex(word) for word in sorted(plain)]
    return f"{_NOT_ARABIC}(?=(?:{'|'.join(branches)})))"


def _from_underscore(names: list[str]) -> str:
    """A pattern found where ``names`` are (each holds "_"), its matches starting at a name's first
    underscore, the part before it checked behind: for asking *whether* one of them is there.

    Under ``IGNORECASE`` a pattern starting with a letter gives ``re`` no first character to skip to,
    so it tried the names at every letter of a page's prose; an underscore has no other case, so
    ``re`` skips from one to the next, and a text holds a name exactly where this matches.
    """
    tails: dict[str, list[str]] = {}
    for name in names:
        head, _, tail = name.partition("_")
        tails.setdefault(head, []).append(tail)
    branches = [f"(?<={re.escape(head)}_){trie(rest)}" for head, rest in sorted(tails.items())]
    return f"_(?:{'|'.join(branches)})"


@lru_cache(maxsize=64)  # the same for every language of a run
def _setting_token(targets: Targets) -> str:
    """Where the token pattern can give a setting token (``M``), or a superset of it: an env var or
    key (``env``, ``key``, and the same inside inline code), a placeholder ``{{ x.env }}`` or
    ``{{ x.key }}`` of one of ``targets``' settings (alone or in code), or a key that is an
    ordinary word in code (``timeout``; any case and spaces, as ``Targets.lookup`` reads it).
    Like ``hint``, it opens with characters without another case ("_", "{", "`") when it can,
    so ``re`` skips from one to the next."""
    named = [*targets.env_names, *(k for k in targets.key_names if "_" in k)]
    parts = [rf"\{{\{{\s*{trie(targets.by_setting)}\.(?:env|key)\s*\}}\}}"]
    if named:
        parts.insert(0, _from_underscore(named) if all("_" in name for name in named) else trie(named))
    bare = [key for key in targets.key_names if "_" not in key]
    if bare:
        parts.append(rf"`\s*{trie(bare)}\s*`")
    return "|".join(parts)


def _merge(languages: Iterable[str], files: LanguageFiles) -> Words:
    return reduce(merge, (files.words(lang) for lang in languages), Words())


# A number: not glued to a word, a path, a version or an expression on its left...
_BEFORE_NUMBER = r"[0-9A-Za-z_\u00c0-\u024f.\-/^*+×$#@]"
_NUMBER_START = rf"(?<!{_BEFORE_NUMBER})(?<!\d)"
# ... and not followed by more digits of a version, an expression or a percent sign.
_NUMBER_END = r"(?![.,٫]\d)(?!\d)(?!\s?[\^*×/%％٪])"
_PERCENT_WORDS = r"(?!\s*(?:percent|per\s?cent|pour\s?cent|por\s?cento|بالمئة|بالمائة|في\s?المئة))"
_AFTER_NUMBER = r"(?![0-9A-Za-z_\u00c0-\u024f])"


@dataclass(frozen=True)
class Lexicon:
    """Everything the prose, table and code readers need for one language."""

    lang: str | None
    targets: Targets  # the settings it names (each reader asks it which setting a name is)
    languages: LanguageFiles  # the language files its words come from
    tokens: re.Pattern[str]
    hint: re.Pattern[str]  # where a setting is named (use :meth:`may_name`, which screens first)
    # Found wherever ``tokens`` can give a setting token, and in far fewer texts than ``hint``: a
    # placeholder of a setting that is not compared (a secret: ``{{ api_key.env }}``) names none.
    setting_token: re.Pattern[str]
    # Together found wherever ``tokens`` can give a value token (``V``); each searched alone, cheapest first.
    value_tokens: tuple[re.Pattern[str], ...]
    names: re.Pattern[str]  # every env var and config key, anywhere, any case (code blocks' lines)
    default: re.Pattern[str]
    blocker: re.Pattern[str]
    glue: re.Pattern[str]
    units: dict[str, float]
    dual_units: dict[str, tuple[float, float]]
    number_words: dict[str, int]
    # A counter right after a number ("1 回", "5 times"): a count, never a duration.
    counter: re.Pattern[str] = re.compile(r"(?!x)x")
    # The plain ``wnum`` part, whose groups tell a number word and its unit where ``tokens`` found one.
    number_word: re.Pattern[str] = re.compile(r"(?!x)x")
    # The branches of ``hint``, each with a string all its matches hold, when every name holds "_"
    # (empty otherwise): a text is searched for a branch only where it holds that string.
    hints: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # The groups ``tokens`` names kinds with besides the kinds' own (``end_1``: ``end``), see _dispatched.
    token_kinds: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # The setting each heading or parent item names (see subject.named_setting): they repeat.
    named: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    # The tokens of each inline code read (see tokens._code_tokens): pages repeat their codes.
    code_tokens: dict[str, tuple[tuple[str, int, int, str | None, Value | None], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def may_name(self, text: str) -> bool:
        """Whether ``text`` names a setting (``hint`` matches): most blocks hold none of the strings
        a name is found by, and ``in`` tells that faster than a regex. Each branch alone opens with
        one character, which ``re`` skips to in a tight loop (all three at once it tested each
        character against a set, and tried ``.env }}`` at every full stop of the prose)."""
        if not self.hints:
            return self.hint.search(text) is not None
        for mark, branch in self.hints:  # noqa: SIM110 - a generator in any() costs more than the tests
            if mark in text and branch.search(text) is not None:
                return True
        return False

    def may_hold_setting(self, text: str) -> bool:
        """Whether :func:`~transdocs.statements.tokens.tokenize` may find a setting (``M``) in ``text``;
        False means it finds none."""
        return self.setting_token.search(text) is not None

    def may_hold_value(self, text: str) -> bool:
        """Whether :func:`~transdocs.statements.tokens.tokenize` may find a value (``V``) in ``text``;
        False means it finds none."""
        for pattern in self.value_tokens:  # noqa: SIM110 - a generator in any() costs more than most searches
            if pattern.search(text) is not None:
                return True
        return False

    def units_between(self, text: str, *, skip_glue: bool = False) -> float:
        """How many words apart: a Latin or Arabic word is 1, a CJK character 1/2 (none in ASCII)."""
        if skip_glue:
            text = self.glue.sub(" ", text)
        return len(_WORDISH.findall(text)) + (0.0 if text.isascii() else len(_CJK_CHAR.findall(text)) / 2)

    def says_default(self, text: str) -> bool:
        """A default word is in ``text``: a table header, the prose before a code block."""
        return bool(self.default.search(strip_marks(text)[0]))

    def has_blocker(self, text: str) -> bool:
        return bool(self.blocker.search(strip_marks(text)[0]))

    def unit_factor(self, unit: str | None) -> float | None:
        return self.units.get(normalize(unit)) if unit else None


# The parts of the token pattern that are words of one kind and nothing else, in the order they are
# tried (before the copulas: "is set to" must win over "is"), with the signs a kind also holds.
_KIND_WORDS = (
    ("neutral", "neutral"),
    ("false", "false_words"),
    ("true", "true_words"),
    ("D", "default"),
    ("R", "respectively"),
    ("F", "foreign"),
    ("B", "blocker"),
    ("E", "set_copula"),
    ("C", "copula"),
    ("conj", "conjunction"),
)
_SIGN_CHARS = {"E": "=:：＝"}
# Abbreviations whose dot ends no sentence (each alternative opens with a letter).
_ABBREVIATIONS = r"etc|i\.e|cf|vs|approx|env|ex"
_SIGNS = {kind: f"[{chars}]|" for kind, chars in _SIGN_CHARS.items()}


def _word_kinds(words: Words) -> list[tuple[str, list[str]]]:
    return [(kind, list(getattr(words, name))) for kind, name in _KIND_WORDS]


def _token_parts(words: Words, decimal_comma: bool, targets: Targets) -> dict[str, str]:
    """The branches of the token pattern by group name (``worded`` holds the word groups behind their
    Arabic screen), in the order they are tried; :func:`_value_screens` reads the same strings."""
    units = alternation(words.units, glued=True)
    cjk_units = alternation(u for u in words.units if _script(u) == "cjk")
    cjk_counters = alternation(c for c in words.counters if _script(c) == "cjk")
    number = r"\d+(?:[.,٫]\d+)?" if decimal_comma else r"\d+(?:[.٫]\d+)?"
    # No names, no branch: an empty alternation would match the empty string between any two non-word
    # characters (a match for each, and a pattern that can match empty gets no guard, see fastscan).
    envs = "|".join(targets.env_names) or _NEVER
    # Bare keys only when they cannot be an ordinary word ("timeout", "model" need backticks).
    keys = "|".join(k for k in targets.key_names if "_" in k) or _NEVER
    worded = {  # the parts made of the language's words, behind one screen for Arabic words
        "dual": rf"(?P<dual>{alternation(words.dual_units)})",
        "cjk": rf"(?P<cjk>(?P<cjknum>(?!十分(?!钟|鐘|間))[{_CJK_NUMERALS}]+)[ ]?"
        rf"(?:(?P<cjkunit>{cjk_units})(?!别|別)|(?={cjk_counters})))",
        "wnum": rf"(?P<wnum>(?P<wnumber>{alternation(words.number_words)}){_after_number_word(words, named=True)})",
        **{kind: rf"(?P<{kind}>{_SIGNS.get(kind, '')}{alternation(listed)})" for kind, listed in _word_kinds(words)},
    }
    worded_lists: list[Iterable[str]] = [words.dual_units, words.number_words, words.neutral, words.false_words]
    worded_lists += [words.true_words, words.default, words.respectively, words.foreign, words.blocker]
    worded_lists += [words.set_copula, words.copula, words.conjunction]
    screen = _arabic_screen([word for listed in worded_lists for word in listed])
    return {
        "code": r"(?P<code>`[^`\n]+`)",
        "url": r"(?P<url>https?://[^\s)>\]]+|\]\([^)\s]*\))",
        "ph": rf"(?P<ph>{PLACEHOLDER.pattern})",
        "env": rf"(?P<env>(?<!\w)(?:{envs})(?!\w))",
        "key": rf"(?P<key>(?<![\w.])(?:{keys})(?!\w))",
        "abbr": rf"(?P<abbr>(?<!\w)(?:{_ABBREVIATIONS})\.)",
        "num": rf"(?P<num>{_NUMBER_START}(?P<digits>{number}){_NUMBER_END}{_PERCENT_WORDS}"
        rf"(?:[ \u00a0\u202f]?-?[ \u00a0]?(?P<unit>{units}))?{_AFTER_NUMBER})",
        "worded": rf"{screen}(?:{'|'.join(worded.values())})",
        **{f"worded.{name}": part for name, part in worded.items()},
        "open": r"(?P<open>[(（])",
        "close": r"(?P<close>[)）])",
        "end": r"(?P<end>[。！？؟；;]|[.!?](?=\s|$))",
    }


def _after_number_word(words: Words, *, named: bool) -> str:
    """What must follow a number word for it to be a value (the ``wnum`` part): a unit ("two
    minutes", named ``wunit`` in the plain pattern) or a counter ("three times")."""
    units = alternation(words.units, glued=True)
    unit = f"(?P<wunit>{units})" if named else f"(?:{units})"
    return rf"(?:[ \u00a0-]+{unit}|(?=[ \u00a0]+(?:{alternation(words.counters)})))"


def _token_pattern(words: Words, decimal_comma: bool, targets: Targets) -> str:
    return _joined(_token_parts(words, decimal_comma, targets))


def _joined(parts: dict[str, str]) -> str:
    """The token pattern made of :func:`_token_parts`."""
    return "|".join(part for name, part in parts.items() if not name.startswith("worded."))


_NEVER = r"(?!x)x"  # what alternation() gives for no words
_CJK_NUMERALS = "〇零一二两兩三四五六七八九十百"  # what the ``cjk`` part starts with
# The characters whose lower case (as re folds them) is not reached from it by str.upper() or
# str.title(): with those, the cases of a lower-case letter are known without a search of every
# code point (test_check_docs_token_dispatch checks the list against every code point).
_ODD_CASES = "\u0130\u03f4\u1e9e\u2126\u212a\u212b"


@cache  # asked for each first letter of every lexicon's words and names
def _cases(char: str) -> str | None:
    """Every character ``re.IGNORECASE`` matches ``char`` with (for a class matched case-sensitively);
    None when ``re``'s case tables are not at hand."""
    if _tolower is None or _extra_cases is None:
        return None
    if char in "'’":
        return "'’"  # _flex matches both apostrophes
    lower = int(_tolower(ord(char)))
    folds = {lower, *_extra_cases.get(lower, ())}
    candidates = {char, *_ODD_CASES}
    for code in folds:
        candidates.update(c for c in (chr(code), chr(code).upper(), chr(code).title()) if len(c) == 1)
    return "".join(c for c in sorted(candidates) if int(_tolower(ord(c))) in folds)


def _latin_word(word: str) -> bool:
    r"""A word written with the look-behind ``(?<!\w)`` in front (see word_pattern)."""
    return not word.startswith("~") and _script(word) == "latin"


def _dispatched(parts: dict[str, str], words: Words, targets: Targets) -> tuple[str, dict[str, str]]:
    """The token pattern of :func:`_joined`, rewritten so that ``re`` tries at a position only the
    branches that can start there; and the group names it adds, with the kind each stands for.

    ``re`` tries every branch of an alternation at every position it reaches, except a branch that
    opens with a case-sensitive character or class: that one it skips in one test when the
    character differs. A branch opening with a named group (every kind) or a look-behind (every
    word) it enters, which costs as much as a few characters of matching. So here:

    - a kind that opens with its character (code, placeholder, parentheses, sentence end, link
      target) names itself with an empty group at its end (``re.Match.lastgroup`` is the last group
      closed); a URL opens with the cases of ``h``;
    - env vars, config keys and abbreviations (each opening with a look-behind), then number words
      (``wnum``) and the kinds made of words only (``_KIND_WORDS``) give their Latin words to one
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
    h = _cases("h")
    if h is not None:
        fast["url"] = rf"(?-i:[{h}])ttps?://[^\s)>\]]+(?P<url>)|\]\([^)\s]*\)(?P<url_1>)"
        renamed["url_1"] = "url"
    names = _names_by_letter(targets, renamed)
    worded = [name for name in parts if name.startswith("worded.")]
    kept = [name for name in worded if parts[name] != f"(?P<{name[7:]}>{_NEVER})"]
    if all(_script(word) != "cjk" for word in [*words.units, *words.counters]):
        kept.remove("worded.cjk")  # no CJK unit or counter: a CJK number is never read
    # What the words' branch is tried before: CJK numbers and Arabic duals (and numbers, see _by_letter).
    passed = [*(_CJK_NUMERALS if "worded.cjk" in kept else ""), *_starts(words.dual_units)]
    flat = _by_letter(words, renamed, names or {}, passed)
    branches: list[tuple[bool | None, str]] = [(None, fast[name]) for name in kept]
    letters: str | None = None
    if flat is not None:
        letters, others = flat
        simple = [name for name in kept if name[7:] in {"wnum", *(kind for kind, _ in _KIND_WORDS)}]
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
    fast["num"] = _number_by_digit(parts["num"])
    screen = parts["worded"][: parts["worded"].index("(?:(?P<dual>")]
    ahead = screen.removeprefix(_NOT_ARABIC)[:-1]
    if screen and None not in {
        place for place, _ in branches
    }:  # the Arabic words alone behind the screen, the others before it
        arabic = "|".join(branch for place, branch in branches if place)
        branches = [(False, branch) for place, branch in branches if not place]
        branches += [(True, f"{ahead}(?:{arabic})")] if arabic else []
        screen = ""
    fast["worded"] = f"{screen}(?:{'|'.join(branch for _, branch in branches)})" if branches else _NEVER
    return _joined(fast), renamed


def _on_arabic(word: str) -> bool | None:
    """Whether ``word`` starts only on an Arabic letter in the token pattern (True), never (False), or
    may do both (None: a word of Arabic script led by a Latin letter, which an Arabic prefix may open)."""
    if _ARABIC_LETTER_CHAR.match(_ARABIC_MARK.sub("", word.removeprefix("~"))[:1]):
        return True
    return None if not word.startswith("~") and _script(word) == "arabic" else False


def _words_on_arabic(words: Iterable[str]) -> bool | None:
    """:func:`_on_arabic` of all ``words`` together (None when they differ)."""
    places = {_on_arabic(word) for word in words}
    return places.pop() if len(places) == 1 else None if places else False


def _starts(words: Iterable[str]) -> set[str]:
    """The characters ``words`` can start with in the token pattern (an Arabic word's prefix too)."""
    starts = {_ARABIC_MARK.sub("", word.removeprefix("~"))[:1] for word in words}
    if any(_script(word) == "arabic" for word in words):
        starts.update("وفبلا")  # ARABIC_PREFIX
    return starts


def _number_by_digit(part: str) -> str:
    """The ``num`` part of :func:`_token_parts` opening with its first digit (``re`` skips it in one
    test where no digit is), the look-behinds after that digit, ``digits`` the rest of the number and
    the kind an empty group at its end: a number's digits are ``string[start():end("digits")]``."""
    head = rf"(?P<num>{_NUMBER_START}(?P<digits>\d+"
    if not part.startswith(head) or not part.endswith(")"):
        return part
    after = rf"(?<!{_BEFORE_NUMBER}\d)(?<!\d\d)"
    return rf"\d{after}(?P<digits>\d*{part[len(head) : -1]}(?P<num>)"


def _names_by_letter(targets: Targets, renamed: dict[str, str]) -> dict[int, list[str]] | None:
    """The ``env``, ``key`` and ``abbr`` parts of :func:`_token_parts` by first letter (keyed as in
    :func:`_letter_branches`, see :func:`_dispatched`); None when a name is more than word characters
    (it is a pattern there) or two first letters fold together."""
    listed = [
        ("env", list(targets.env_names), ""),
        ("key", [k for k in targets.key_names if "_" in k], r"(?<!\.(?s:.))"),
        ("abbr", _ABBREVIATIONS.split("|"), ""),
    ]
    letters: dict[int, list[str]] = {}
    for kind, alternatives, behind in listed:
        if kind != "abbr" and (not alternatives or not all(re.fullmatch(r"\w+", n, re.ASCII) for n in alternatives)):
            return None
        by_letter: dict[int, list[str]] = {}
        for name in alternatives:
            by_letter.setdefault(_ignorecase_key(name[0]), []).append(name[1:])
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
    Latin words, as one branch per first letter (see :func:`_dispatched`), and each kind with its
    other words, each told by whether it starts on an Arabic letter (:func:`_on_arabic`; a kind's
    words split in two when that is told); None when that would change a match. The branch is
    tried before the number and the branches whose words start with a character of ``passed``:
    none of them may start where a word of the branch does."""
    letters: dict[int, list[tuple[str, list[str]]]] = {}
    cjk: dict[int, list[tuple[str, list[str]]]] = {}  # the words starting with a CJK character, the same way
    others: list[tuple[bool | None, str]] = []  # True: starts only on an Arabic letter, False: never, None: both
    other_starts: set[str] = set()
    after = {"wnum": _after_number_word(words, named=False)}  # a number word is one only before a unit or counter
    for kind, listed in [("wnum", list(words.number_words)), *_word_kinds(words)]:
        unique = sorted(set(listed), key=lambda w: (-len(w), w))
        for word in unique:
            if not word.startswith("~") and _CJK_CHAR.match(word):
                entry = cjk.setdefault(_ignorecase_key(word[0]), [])
                if not entry or entry[-1][0] != kind:
                    entry.append((kind, []))
                entry[-1][1].append(_flex(word)[len(_flex(word[0])) :])
        latin = [w for w in unique if _latin_word(w)]
        # In alternation(): the whole words first, then the others in order (those ending in ' or .).
        ordered = [w for w in latin if w[-1] not in "'’."] + [w for w in latin if w[-1] in "'’."]
        for word in ordered:
            first = _ARABIC_MARK.sub("", word)[:1]
            if not first or first.isspace():
                return None
            tail = "" if word[-1] in "'’." else r"(?!\w)"
            entry = letters.setdefault(_ignorecase_key(first), [])
            if not entry or entry[-1][0] != kind:
                entry.append((kind, []))
            entry[-1][1].append(_flex(word)[len(_flex(first)) :] + tail)
        rest = [w for w in unique if not _latin_word(w) and (w.startswith("~") or not _CJK_CHAR.match(w))]
        other_starts |= _starts(rest)
        other_starts.update(_SIGN_CHARS.get(kind, ""))
        places = {_on_arabic(w) for w in rest}
        parts: list[tuple[bool | None, list[str]]] = [(None, rest)]
        if None not in places:  # those never starting on an Arabic letter (and signs), then those that do
            parts = [(False, [w for w in rest if not _on_arabic(w)]), (True, [w for w in rest if _on_arabic(w)])]
        name = kind
        for on_arabic, listed in parts:
            signs = f"[{_SIGN_CHARS[kind]}]" if kind in _SIGN_CHARS and not on_arabic else ""
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
    if any(c.isdecimal() for key in named for c in _cases(chr(key)) or ""):
        return None  # a word could start where a number does
    merged = {key: [*names.get(key, []), *named.get(key, [])] for key in {**names, **named}}
    branches = _letter_branches(merged)
    if branches is None:
        return None
    # The CJK words are tried where the kinds' other words were, before those (no look-behind: see word_pattern).
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
    """One branch per first letter (keyed by :func:`_ignorecase_key`), opening with that letter's cases
    matched case-sensitively, then its alternatives; None when a letter's cases are not known, two
    letters fold together, or a word of ``other_starts`` can start where one of them does (the order
    of the plain pattern would change)."""
    classes = {key: _cases(chr(key)) for key in letters}
    starts = "".join(cases or "" for cases in classes.values())
    if not letters or not _distinct_letters(set(letters)) or None in classes.values() or len(set(starts)) < len(starts):
        return None
    for start in other_starts:
        cases = _cases(start)
        if cases is None or set(cases) & set(starts):
            return None
    return [
        f"(?-i:[{''.join(_class_char(c) for c in str(classes[key]))}])(?:{'|'.join(alternatives)})"
        for key, alternatives in letters.items()
    ]


# Class pieces fastscan reads that are the same set with or without IGNORECASE.
_UNCASED_PIECES = frozenset({r"\d", r"\D", r"\s", r"\S", r"\w", r"\W"})


def _cased_class(pieces: set[str]) -> str | None:
    """The class body matching case-sensitively what ``[pieces]`` matches under IGNORECASE (each
    character with its cases, ``_cases``); None for a range too long to spell out."""
    chars: set[str] = set()
    kept: list[str] = []
    for piece in sorted(pieces):
        if piece in _UNCASED_PIECES:
            kept.append(piece)
            continue
        spans = re.fullmatch(r"(\\?.)(?:-(\\?.))?", piece, re.DOTALL)
        if spans is None:
            return None
        low, high = (ord(end[-1]) for end in (spans.group(1), spans.group(2) or spans.group(1)))
        if high - low > 2000:
            return None
        for code in range(low, high + 1):
            cases = _cases(chr(code))
            if cases is None:
                return None
            chars.update(cases)
    return "".join(kept) + "".join(_class_char(c) for c in sorted(chars))


def _dispatch_guard(pattern: str, flags: int = 0) -> str:
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


def _guarded(pattern: str, flags: int) -> re.Pattern[str]:
    """``pattern`` compiled behind :func:`_dispatch_guard` (kept on disk, as fastscan.guarded)."""
    return regex_cache.compile(pattern, flags, rewrite=_dispatch_guard)


def _value_screens(parts: dict[str, str], targets: Targets) -> list[str]:
    """Patterns that together are found wherever the token pattern can give a value token (``V``),
    cheapest first: the value branches of :func:`_token_parts` (the same strings, so they cannot
    drift), searched alone. Two are narrowed to what can give a value (see ``tokens._code_tokens``
    and ``tokens._placeholder``): inline code is none when it is a setting's name as written or a
    placeholder (one giving a value is found by the next pattern, inside the code too); a
    placeholder is one only as ``{{ retry.x }}`` or ``{{ <setting>.default }}``. A class that must
    match as the token pattern's does is the same text under the same flags; the names and
    placeholders that make code no value are case-sensitive, as ``re`` folds more than ``str.lower``.
    The first three open with a character ``re`` skips to on its own (the number as the token pattern
    reads it, from its first digit), so they go unguarded (:func:`_dispatch_guard`)."""
    names = trie([*targets.env_names, *targets.key_names])
    placeholder = r"\{\{\s*(?-i:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*\}\}"  # PLACEHOLDER, as tokens reads code
    code = rf"`(?!(?-i:\s*{names}\s*`))(?!\s*{placeholder}\s*`)[^`\n]+`"
    valued = rf"(?-i:retry)\.[A-Za-z_]\w*|(?-i:{trie(targets.by_setting)}\.default)"
    words_part = "|".join(parts[f"worded.{name}"] for name in ("dual", "cjk", "wnum", "false", "true"))
    return [code, rf"\{{\{{\s*(?:{valued})\s*\}}\}}", _number_by_digit(parts["num"]), words_part]


@lru_cache(maxsize=64)  # a run needs a few languages of one project
def lexicon(lang: str | None, targets: Targets, files: LanguageFiles) -> Lexicon:
    """The lexicon for ``lang`` (plus English) naming ``targets``' settings, with words from
    ``files``; every language's words when ``lang`` is None."""
    languages = list(LANGUAGES) if lang is None else sorted({lang, "en"})
    words = _merge(languages, files)
    decimal_comma = lang is not None and files.words(lang).decimal_mark != "."
    parts = _token_parts(words, decimal_comma, targets)
    token_pattern, token_kinds = _dispatched(parts, words, targets)
    flags = re.IGNORECASE
    # Only ever asked whether it matches: the names as a trie match the same strings, faster.
    named = [*targets.env_names, *(k for k in targets.key_names if "_" in k)]
    # Each branch holds "_", "}" or "`" when every name holds "_" (no names: the empty one matches);
    # "}" alone: `in` finds one character at memchr speed, two a hundred times slower.
    branches = [r"\.(?:env|key)\s*\}\}", rf"`{trie(targets.key_names)}\b"]
    hints: tuple[tuple[str, re.Pattern[str]], ...] = ()
    if named and all("_" in name for name in named):  # every branch opens with a character without case
        branches.insert(0, _from_underscore(named))
        hints = tuple(zip(("_", "}", "`"), (regex_cache.compile(b, flags) for b in branches), strict=True))
        hint = regex_cache.compile("|".join(branches), flags)
    else:
        hint = _guarded(rf"{trie(named)}|{'|'.join(branches)}", flags)
    return Lexicon(
        lang=lang,
        targets=targets,
        languages=files,
        tokens=_guarded(token_pattern, flags),
        token_kinds=token_kinds,
        hint=hint,
        setting_token=regex_cache.compile(_setting_token(targets), flags),
        value_tokens=tuple(_guarded(screen, flags) for screen in _value_screens(parts, targets)),
        names=_guarded(trie([*targets.env_names, *targets.key_names]), flags),
        hints=hints,
        default=_guarded(alternation([*words.default, *words.default_header]), flags),
        blocker=_guarded(alternation([*words.blocker, *words.foreign]), flags),
        glue=_guarded(alternation(words.glue), flags),
        units={normalize(k): v for k, v in words.units.items()},
        dual_units={normalize(k): v for k, v in words.dual_units.items()},
        number_words={normalize(k): v for k, v in words.number_words.items()},
        counter=regex_cache.compile(rf"[ \u00a0]?(?:{alternation(words.counters)})", flags),
        number_word=regex_cache.compile(parts["worded.wnum"], flags),
    )
