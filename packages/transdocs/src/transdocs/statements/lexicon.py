"""Compiled regular expressions for one docs language (built once per language, then cached).

A page's words are read with its own language's vocabulary plus English (setting
names, ``true``, ``ms`` and English words pasted into translations are common).
A page whose language is unknown is read with every language's words.

The pattern's words are built in ``word_patterns``, its branches in ``token_parts``, and
``dispatch`` rewrites it so that ``re`` tries only the branches that can start at a position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, reduce

from transdocs import regex_cache
from transdocs.fastscan import trie
from transdocs.languages import LANGUAGES
from transdocs.languages.words import LanguageFiles, Words, merge
from transdocs.statements.dispatch import dispatched, guarded
from transdocs.statements.targets import Targets
from transdocs.statements.token_parts import token_parts, value_screens
from transdocs.statements.values import Value
from transdocs.statements.word_patterns import CJK_CHAR, WORDISH, alternation, normalize, strip_marks


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
    Like ``hints``, it opens with characters without another case ("_", "{", "`") when it can,
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


@dataclass(frozen=True)
class Lexicon:
    """Everything the prose, table and code readers need for one language."""

    lang: str | None
    targets: Targets  # the settings it names (each reader asks it which setting a name is)
    languages: LanguageFiles  # the language files its words come from
    tokens: re.Pattern[str]
    # Found wherever ``tokens`` can give a setting token, and in far fewer texts than ``hints``: a
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
    # Where a setting is named: one text names one exactly where one of these branches matches, each with
    # a string all its matches hold ("" for names that share none): it is searched only where that is.
    hints: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # The groups ``tokens`` names kinds with besides the kinds' own (``end_1``: ``end``), see dispatch.dispatched.
    token_kinds: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # The setting each heading or parent item names (see subject.named_setting): they repeat.
    named: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    # The tokens of each inline code read (see tokens._code_tokens): pages repeat their codes.
    code_tokens: dict[str, tuple[tuple[str, int, int, str | None, Value | None], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def may_name(self, text: str) -> bool:
        """Whether ``text`` names a setting (one of ``hints`` matches): most blocks hold none of the
        strings a name is found by, and ``in`` tells that faster than a regex. Each branch alone opens
        with one character, which ``re`` skips to in a tight loop (all of them at once it tested each
        character against a set, and tried ``.env }}`` at every full stop of the prose)."""
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
        return len(WORDISH.findall(text)) + (0.0 if text.isascii() else len(CJK_CHAR.findall(text)) / 2)

    def says_default(self, text: str) -> bool:
        """A default word is in ``text``: a table header, the prose before a code block."""
        return bool(self.default.search(strip_marks(text)[0]))

    def has_blocker(self, text: str) -> bool:
        return bool(self.blocker.search(strip_marks(text)[0]))

    def unit_factor(self, unit: str | None) -> float | None:
        return self.units.get(normalize(unit)) if unit else None


def says_default(text: str, lex: Lexicon) -> bool:
    """A default word and no blocker word (condition, instruction, example, other owner): a list's
    introduction, a code block's, a comment."""
    return lex.says_default(text) and not lex.has_blocker(text)


@lru_cache(maxsize=64)  # a run needs a few languages of one project
def lexicon(lang: str | None, targets: Targets, files: LanguageFiles) -> Lexicon:
    """The lexicon for ``lang`` (plus English) naming ``targets``' settings, with words from
    ``files``; every language's words when ``lang`` is None."""
    languages = list(LANGUAGES) if lang is None else sorted({lang, "en"})
    words = _merge(languages, files)
    decimal_comma = lang is not None and files.words(lang).decimal_mark != "."
    parts = token_parts(words, decimal_comma, targets)
    token_pattern, token_kinds = dispatched(parts, words, targets)
    flags = re.IGNORECASE
    # Only ever asked whether they match: the names as a trie match the same strings, faster. A name is
    # where one of the branches matches: a name (env var, key holding "_"), a placeholder ``.env }}``,
    # or a key in code. "}" alone: `in` finds one character at memchr speed, two a hundred times slower.
    named = [*targets.env_names, *(k for k in targets.key_names if "_" in k)]
    hints = [("}", regex_cache.compile(r"\.(?:env|key)\s*\}\}", flags))]
    # A key holding "_" is in ``named``, found by the branch of names wherever it is in code: the code
    # branch needs only the others, and tries two words at each backtick of a block, not every key.
    bare = [key for key in targets.key_names if "_" not in key] if named else list(targets.key_names)
    if bare:
        hints.append(("`", regex_cache.compile(rf"`{trie(bare)}\b", flags)))
    if named and all("_" in name for name in named):  # the branch opens with a character without case
        hints.insert(0, ("_", regex_cache.compile(_from_underscore(named), flags)))
    elif named:  # a name without "_" (``PORT``): the names share no string, they are searched in any text
        hints.append(("", guarded(trie(named), flags)))
    return Lexicon(
        lang=lang,
        targets=targets,
        languages=files,
        tokens=guarded(token_pattern, flags, token_kinds),
        token_kinds=token_kinds,
        setting_token=regex_cache.compile(_setting_token(targets), flags),
        value_tokens=tuple(guarded(screen, flags) for screen in value_screens(parts, targets)),
        names=guarded(trie([*targets.env_names, *targets.key_names]), flags),
        hints=tuple(hints),
        default=guarded(alternation([*words.default, *words.default_header]), flags),
        blocker=guarded(alternation([*words.blocker, *words.foreign]), flags),
        glue=guarded(alternation(words.glue), flags),
        units={normalize(k): v for k, v in words.units.items()},
        dual_units={normalize(k): v for k, v in words.dual_units.items()},
        number_words={normalize(k): v for k, v in words.number_words.items()},
        counter=regex_cache.compile(rf"[ \u00a0]?(?:{alternation(words.counters)})", flags),
        number_word=regex_cache.compile(parts["worded.wnum"], flags),
    )
