"""The branches of the token pattern, one per kind of token (names, numbers, the language's words,
code, links, sentence ends), and the screens that tell where it can give a value."""

from __future__ import annotations

from collections.abc import Iterable

from transdocs.fastscan import trie
from transdocs.languages.words import Words
from transdocs.placeholders import PLACEHOLDER
from transdocs.statements.targets import Targets
from transdocs.statements.word_patterns import alternation, arabic_screen, script_of

# A number: not glued to a word, a path, a version or an expression on its left...
BEFORE_NUMBER = r"[0-9A-Za-z_\u00c0-\u024f.\-/^*+×$#@]"
_NUMBER_START = rf"(?<!{BEFORE_NUMBER})(?<!\d)"
# ... and not followed by more digits of a version, an expression or a percent sign.
_NUMBER_END = r"(?![.,٫]\d)(?!\d)(?!\s?[\^*×/%％٪])"
_PERCENT_WORDS = r"(?!\s*(?:percent|per\s?cent|pour\s?cent|por\s?cento|بالمئة|بالمائة|في\s?المئة))"
_AFTER_NUMBER = r"(?![0-9A-Za-z_\u00c0-\u024f])"


# The parts of the token pattern that are words of one kind and nothing else, in the order they are
# tried (before the copulas: "is set to" must win over "is"), with the signs a kind also holds.
KIND_WORDS = (
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
SIGN_CHARS = {"E": "=:：＝"}
# Abbreviations whose dot ends no sentence (each alternative opens with a letter).
ABBREVIATIONS = r"etc|i\.e|cf|vs|approx|env|ex"
_SIGNS = {kind: f"[{chars}]|" for kind, chars in SIGN_CHARS.items()}


def word_kinds(words: Words) -> list[tuple[str, list[str]]]:
    return [(kind, list(getattr(words, name))) for kind, name in KIND_WORDS]


def token_parts(words: Words, decimal_comma: bool, targets: Targets) -> dict[str, str]:
    """The branches of the token pattern by group name (``worded`` holds the word groups behind their
    Arabic screen), in the order they are tried; :func:`value_screens` reads the same strings."""
    units = alternation(words.units, glued=True)
    cjk_units = alternation(u for u in words.units if script_of(u) == "cjk")
    cjk_counters = alternation(c for c in words.counters if script_of(c) == "cjk")
    number = r"\d+(?:[.,٫]\d+)?" if decimal_comma else r"\d+(?:[.٫]\d+)?"
    # No names, no branch: an empty alternation would match the empty string between any two non-word
    # characters (a match for each, and a pattern that can match empty gets no guard, see fastscan).
    envs = "|".join(targets.env_names) or NEVER
    # Bare keys only when they cannot be an ordinary word ("timeout", "model" need backticks).
    keys = "|".join(k for k in targets.key_names if "_" in k) or NEVER
    worded = {  # the parts made of the language's words, behind one screen for Arabic words
        "dual": rf"(?P<dual>{alternation(words.dual_units)})",
        "cjk": rf"(?P<cjk>(?P<cjknum>(?!十分(?!钟|鐘|間))[{CJK_NUMERALS}]+)[ ]?"
        rf"(?:(?P<cjkunit>{cjk_units})(?!别|別)|(?={cjk_counters})))",
        "wnum": rf"(?P<wnum>(?P<wnumber>{alternation(words.number_words)}){after_number_word(words, named=True)})",
        **{kind: rf"(?P<{kind}>{_SIGNS.get(kind, '')}{alternation(listed)})" for kind, listed in word_kinds(words)},
    }
    worded_lists: list[Iterable[str]] = [words.dual_units, words.number_words, words.neutral, words.false_words]
    worded_lists += [words.true_words, words.default, words.respectively, words.foreign, words.blocker]
    worded_lists += [words.set_copula, words.copula, words.conjunction]
    screen = arabic_screen([word for listed in worded_lists for word in listed])
    return {
        "code": r"(?P<code>`[^`\n]+`)",
        "url": r"(?P<url>https?://[^\s)>\]]+|\]\([^)\s]*\))",
        "ph": rf"(?P<ph>{PLACEHOLDER.pattern})",
        "env": rf"(?P<env>(?<!\w)(?:{envs})(?!\w))",
        "key": rf"(?P<key>(?<![\w.])(?:{keys})(?!\w))",
        "abbr": rf"(?P<abbr>(?<!\w)(?:{ABBREVIATIONS})\.)",
        "num": rf"(?P<num>{_NUMBER_START}(?P<digits>{number}){_NUMBER_END}{_PERCENT_WORDS}"
        rf"(?:[ \u00a0\u202f]?-?[ \u00a0]?(?P<unit>{units}))?{_AFTER_NUMBER})",
        "worded": rf"{screen}(?:{'|'.join(worded.values())})",
        **{f"worded.{name}": part for name, part in worded.items()},
        "open": r"(?P<open>[(（])",
        "close": r"(?P<close>[)）])",
        "end": r"(?P<end>[。！？؟；;]|[.!?](?=\s|$))",
    }


def after_number_word(words: Words, *, named: bool) -> str:
    """What must follow a number word for it to be a value (the ``wnum`` part): a unit ("two
    minutes", named ``wunit`` in the plain pattern) or a counter ("three times")."""
    units = alternation(words.units, glued=True)
    unit = f"(?P<wunit>{units})" if named else f"(?:{units})"
    return rf"(?:[ \u00a0-]+{unit}|(?=[ \u00a0]+(?:{alternation(words.counters)})))"


def joined(parts: dict[str, str]) -> str:
    """The token pattern made of :func:`token_parts`."""
    return "|".join(part for name, part in parts.items() if not name.startswith("worded."))


NEVER = r"(?!x)x"  # what alternation() gives for no words
CJK_NUMERALS = "〇零一二两兩三四五六七八九十百"  # what the ``cjk`` part starts with


def number_by_digit(part: str) -> str:
    """The ``num`` part of :func:`token_parts` opening with its first digit (``re`` skips it in one
    test where no digit is), the look-behinds after that digit, ``digits`` the rest of the number and
    the kind an empty group at its end: a number's digits are ``string[start():end("digits")]``."""
    head = rf"(?P<num>{_NUMBER_START}(?P<digits>\d+"
    if not part.startswith(head) or not part.endswith(")"):
        return part
    after = rf"(?<!{BEFORE_NUMBER}\d)(?<!\d\d)"
    return rf"\d{after}(?P<digits>\d*{part[len(head) : -1]}(?P<num>)"


def value_screens(parts: dict[str, str], targets: Targets) -> list[str]:
    """Patterns that together are found wherever the token pattern can give a value token (``V``),
    cheapest first: the value branches of :func:`token_parts` (the same strings, so they cannot
    drift), searched alone. Two are narrowed to what can give a value (see ``tokens._code_tokens``
    and ``tokens._placeholder``): inline code is none when it is a setting's name as written or a
    placeholder (one giving a value is found by the next pattern, inside the code too); a
    placeholder is one only as ``{{ retry.x }}`` or ``{{ <setting>.default }}``. A class that must
    match as the token pattern's does is the same text under the same flags; the names and
    placeholders that make code no value are case-sensitive, as ``re`` folds more than ``str.lower``.
    The first three open with a character ``re`` skips to on its own (the number as the token pattern
    reads it, from its first digit), so they go unguarded (:func:`dispatch_guard`)."""
    names = trie([*targets.env_names, *targets.key_names])
    placeholder = r"\{\{\s*(?-i:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*\}\}"  # PLACEHOLDER, as tokens reads code
    code = rf"`(?!(?-i:\s*{names}\s*`))(?!\s*{placeholder}\s*`)[^`\n]+`"
    valued = rf"(?-i:retry)\.[A-Za-z_]\w*|(?-i:{trie(targets.by_setting)}\.default)"
    words_part = "|".join(parts[f"worded.{name}"] for name in ("dual", "cjk", "wnum", "false", "true"))
    return [code, rf"\{{\{{\s*(?:{valued})\s*\}}\}}", number_by_digit(parts["num"]), words_part]
