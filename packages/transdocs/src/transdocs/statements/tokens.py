"""Prose as a list of the tokens that matter: settings, values and the words that link them.

Settings: env vars (``APP_RETRY_MAX_WAIT``), config.toml keys (``retry_max_wait``; keys that
are ordinary words, ``timeout`` and ``model``, only in backticks), ``{{ x.env }}`` and
``{{ x.key }}``.

Values: numbers in any digits (ASCII, Arabic-Indic ٣٠, full-width ３０), with a decimal
point (or comma in French, Portuguese and Arabic), optionally with a time unit of the
language ("30 s", "30秒", "2 minutes", "2 分钟", "2分", "2 minutos", "2 دقائق", "1500 ms");
Arabic duals ("دقيقتان"); number words before a unit or counter ("two minutes", "两分钟",
"六十秒"); true/false and the language's words for on/off; inline code as text (a model
name); ``{{ x.default }}`` placeholders, which take a value's place but are right by
construction.

Not values: integers 400-599 without a unit (HTTP status codes), percentages, versions
(``1.103.7``), numbers glued to letters or paths (``gpt-4o``, ``v2``, ``5xx``, ``/v1``),
parts of expressions (``2^(n-1)``). Everything else is skipped;
``Lexicon.units_between`` measures it when distance matters.

Kinds: ``M`` a setting (env var, key, ``{{ x.env }}``/``{{ x.key }}``), ``V`` a value,
``D`` default, ``C`` copula, ``E`` ``=``/``:``, ``R`` respectively, ``B`` blocker,
``F`` foreign owner, ``&`` and, ``(`` ``)`` parentheses, ``END`` end of sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transdocs.placeholders import PLACEHOLDER
from transdocs.statements.default_match import looks_like
from transdocs.statements.lexicon import Lexicon
from transdocs.statements.values import Value, cjk_number, number_value
from transdocs.statements.word_patterns import ARABIC_PREFIX, normalize, word_pattern

_SKIPPED = frozenset({"url", "abbr", "neutral"})
_WORD_KINDS: dict[str | None, str] = {  # keyed by re.Match.lastgroup
    "D": "D",
    "R": "R",
    "F": "F",
    "B": "B",
    "C": "C",
    "E": "E",
    "conj": "&",
    "open": "(",
    "close": ")",
    "end": "END",
}
# Inline code worth reading token by token: digits, an assignment, a placeholder, a bool.
_MAY_HOLD_VALUE = re.compile(r"[\d=:{]|true|false", re.IGNORECASE)
# How many inline codes a lexicon keeps the tokens of (a project's distinct codes; a bound on memory).
_CODES_KEPT = 20_000
# Lowest and highest integer treated as an HTTP status code when written without a unit.
_STATUS_RANGE = (400, 599)


@dataclass(slots=True)
class Token:
    kind: str
    start: int
    end: int
    setting: str | None = None
    value: Value | None = None


@dataclass(slots=True)
class Group:
    """Settings or values in a row joined by commas or "and": ``X, Y and Z`` / ``3 and 60 s``."""

    kind: str
    members: list[Token] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.members[0].start

    @property
    def end(self) -> int:
        return self.members[-1].end


Item = Token | Group


def _placeholder(text: str, start: int, end: int, lex: Lexicon) -> Token | None:
    match = PLACEHOLDER.fullmatch(text)
    if not match:
        return None
    head, attribute = match.group(1), match.group(2)
    if head == "retry" and attribute:
        return Token("V", start, end, value=Value("placeholder", text))
    if head not in lex.targets.by_setting:
        return None
    if attribute in ("env", "key"):
        return Token("M", start, end, setting=head)
    if attribute == "default":
        return Token("V", start, end, value=Value("placeholder", text))
    return None


def _number_token(match: re.Match[str], lex: Lexicon) -> Token | None:
    unit_text = match.group("unit")
    digits = match.string[match.start() : match.end("digits")]  # the first digit may be outside the group
    value = number_value(digits, match.group(0), lex.unit_factor(unit_text))
    assert value.number is not None
    low, high = _STATUS_RANGE
    if unit_text is None and value.number.is_integer() and low <= value.number <= high:
        return None  # "429", "503": a status code, not a setting's value
    if unit_text is None and lex.counter.match(match.string, match.end()):
        value = Value("number", value.text, value.number, count=True)
    return Token("V", match.start(), match.end(), value=value)


def _code_tokens(code: str, lex: Lexicon) -> tuple[tuple[str, int, int, str | None, Value | None], ...]:
    """Inline code's tokens as tuples (kind, start, end, setting, value) at offset 0: a setting, a value,
    ``NAME=value``, or else a string value (a model name).

    Read once per lexicon and code: a page names its settings' placeholders in code again and again
    (``{{ timeout.env }}``), and the tokens depend on the code alone. :func:`tokenize` makes new tokens
    of them at each read (the readers move and change tokens); their values are frozen and shared."""
    read = tuple((t.kind, t.start, t.end, t.setting, t.value) for t in _read_code(code, lex))
    if len(lex.code_tokens) < _CODES_KEPT:
        lex.code_tokens[code] = read
    return read


def _read_code(code: str, lex: Lexicon) -> list[Token]:
    """The tokens of ``code`` (backticks included) at offset 0, see :func:`_code_tokens`."""
    inner = code[1:-1]
    stripped = inner.strip()
    whole = lex.targets.lookup(stripped)
    if whole is not None:
        return [Token("M", 0, len(code), setting=whole.info.name)]
    if PLACEHOLDER.fullmatch(stripped):
        token = _placeholder(stripped, 0, len(code), lex)
        return [token] if token else []
    if not _MAY_HOLD_VALUE.search(stripped) or looks_like(stripped, "list"):
        # A list literal (``['latin']``, ``[400, 700]``) is one value, not the numbers in it.
        return [Token("V", 0, len(code), value=Value("str", stripped))]
    found = [t for t in tokenize(inner, lex) if t.kind in ("M", "V", "E")]
    if looks_like(stripped, "object") and not any(t.kind == "M" for t in found):
        return [Token("V", 0, len(code), value=Value("str", stripped))]  # ``{ persist: true }``
    for token in found:
        token.start += 1
        token.end += 1
    if found or not stripped or re.fullmatch(r"[\d.\s]+", stripped):
        return found
    return [Token("V", 0, len(code), value=Value("str", stripped))]


def _one_word_quantity(word: str, lex: Lexicon) -> tuple[float, float] | None:
    """(count, seconds per unit) of an Arabic dual or bare singular, with or without a prefix.

    A prefixed singular is not a quantity: "الدقيقة" is "the minute" ("per minute"), "بثانية"
    is "by a second"; a prefixed dual still counts two ("بثانيتين", "in two seconds").
    """
    if word in lex.dual_units:
        return lex.dual_units[word]
    for prefix in ("ال", "و", "ف", "ب", "ل"):
        rest = word.removeprefix(prefix)
        if rest != word and rest in lex.dual_units and lex.dual_units[rest][0] != 1:
            return lex.dual_units[rest]
    return None


def _number_word(text: str, lex: Lexicon) -> int | None:
    """The number a number word matched by the token pattern stands for.

    The pattern reads more spellings than the table's keys: an Arabic word with a prefix
    ("بثلاث", "with three"), and letters ``re`` folds with others ("ſix", "fİve"). Those are
    looked up by the entry whose own pattern matches them, longest first as in the pattern.
    """
    number = lex.number_words.get(normalize(text))
    if number is not None:
        return number
    for word in sorted(lex.number_words, key=lambda w: (-len(w), w)):
        if re.fullmatch(rf"{ARABIC_PREFIX}{word_pattern(word, glued=True)}", text, re.IGNORECASE):
            return lex.number_words[word]
    return None  # pragma: no cover - the pattern reads only these words


def tokenize(text: str, lex: Lexicon) -> list[Token]:
    """Tokens of ``text`` in order; offsets index into ``text``."""
    tokens: list[Token] = []
    renamed, codes = lex.token_kinds, lex.code_tokens
    for match in lex.tokens.finditer(text):
        kind = match.lastgroup
        kind = renamed.get(kind, kind)  # type: ignore[arg-type]
        start, end = match.span()
        word = _WORD_KINDS.get(kind)  # two thirds of the matches: asked first
        if word is not None:
            tokens.append(Token(word, start, end))
            continue
        if kind == "code":  # a fifth of the matches: its tokens made here, not in a call returning a list
            code = match.group(0)
            read = codes.get(code)
            if read is None:
                read = _code_tokens(code, lex)
            for code_kind, at, to, setting, value in read:
                tokens.append(Token(code_kind, start + at, start + to, setting, value))
            continue
        token: Token | None = None
        if kind in _SKIPPED or kind is None:
            continue
        if kind == "ph":
            token = _placeholder(match.group(0), start, end, lex)
        elif kind in ("env", "key"):
            target = lex.targets.lookup(match.group(0))
            token = Token("M", start, end, setting=target.info.name) if target else None
        elif kind == "num":
            token = _number_token(match, lex)
        elif kind == "dual":
            found = _one_word_quantity(normalize(match.group(0)), lex)
            if found is not None:
                count, seconds = found
                token = Token("V", start, end, value=Value("number", match.group(0), count, seconds))
        elif kind == "cjk":
            number = cjk_number(match.group("cjknum"))
            unit = lex.unit_factor(match.group("cjkunit"))
            if number is not None:
                token = Token("V", start, end, value=Value("number", match.group(0), float(number), unit))
        elif kind == "wnum":
            # Dispatched on its first letter, a number word's match names no groups: the plain part's does.
            parts = lex.number_word.match(match.string, start)
            assert parts is not None and parts.end() == end
            number = _number_word(parts.group("wnumber"), lex)
            unit = lex.unit_factor(parts.group("wunit"))
            if number is not None:
                token = Token("V", start, end, value=Value("number", match.group(0), float(number), unit))
        elif kind in ("true", "false"):
            token = Token("V", start, end, value=Value("bool", match.group(0), flag=kind == "true"))
        if token is not None:
            tokens.append(token)
    return tokens


def group(tokens: list[Token], text: str, lex: Lexicon) -> list[Item]:
    """Join runs of settings (or of values) separated only by commas and "and"."""
    items: list[Item] = []
    pending: list[Token] = []  # "&" tokens not yet known to be inside a group
    for token in tokens:
        last = items[-1] if items else None
        # "3 seconds and respectively 90 seconds": "respectively" inside a run of values joins it.
        if token.kind == "&" or (token.kind == "R" and isinstance(last, Group) and last.kind == "V"):
            pending.append(token)
            continue
        if (
            token.kind in ("M", "V")
            and isinstance(last, Group)
            and last.kind == token.kind
            and gap_units(text, last.end, token.start, pending, lex) == 0
        ):
            last.members.append(token)
            pending.clear()
            continue
        items.extend(pending)
        pending.clear()
        items.append(Group(token.kind, [token]) if token.kind in ("M", "V") else token)
    items.extend(pending)
    for item in items:
        if isinstance(item, Group) and item.kind == "V":
            _share_unit(item)
    return items


def gap_units(text: str, start: int, end: int, inside: list[Token], lex: Lexicon, *, skip_glue: bool = False) -> float:
    """Words between ``start`` and ``end``, not counting the tokens ``inside`` that range."""
    total, cursor = 0.0, start
    for token in inside:
        total += lex.units_between(text[cursor : token.start], skip_glue=skip_glue)
        cursor = token.end
    return total + lex.units_between(text[cursor:end], skip_glue=skip_glue)


def _share_unit(values: Group) -> None:
    """ "3 and 60 seconds": the unit written once applies to every value of the group."""
    last = values.members[-1].value
    if last is None or last.unit is None:
        return
    for token in values.members:
        if token.value is not None and token.value.kind == "number" and token.value.unit is None:
            token.value = token.value.with_unit(last.unit)
