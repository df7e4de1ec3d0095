"""A value as a page writes it: a number with an optional time unit, a bool, a string."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ValueKind = Literal["number", "bool", "str", "placeholder"]


@dataclass(frozen=True)
class Value:
    """``number`` is in ``unit`` seconds when ``unit`` is set ("2 minutes" -> 2, 60.0)."""

    kind: ValueKind
    text: str
    number: float | None = None
    unit: float | None = None
    flag: bool | None = None
    # Written with a counter ("1 回", "5 times"): a count, so never a number of seconds.
    count: bool = False

    def with_unit(self, unit: float) -> Value:
        return Value(self.kind, self.text, self.number, unit, self.flag, self.count)


def number_value(digits: str, text: str, unit: float | None = None) -> Value:
    """Any decimal digits (ASCII, Arabic-Indic, full-width) and ``.``/``,``/``٫`` as decimal mark."""
    plain = digits.replace(",", ".").replace("٫", ".").replace("．", ".")
    return Value("number", text, float(plain), unit)


_CJK_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CJK_TENS = {"十": 10, "百": 100}


def cjk_number(text: str) -> int | None:
    """Chinese/Japanese numerals up to the hundreds: 五 -> 5, 六十 -> 60, 一百二十 -> 120."""
    total, digit = 0, None
    for char in text:
        if char in _CJK_DIGITS:
            if digit is not None:
                return None
            digit = _CJK_DIGITS[char]
        elif char in _CJK_TENS:
            total += (1 if digit is None else digit) * _CJK_TENS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


_LITERAL_NUMBER = re.compile(r"[+]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_LITERAL_STRING = re.compile(r"""^(?:"([^"]*)"|'([^']*)')$""")


def literal_value(text: str) -> Value | None:
    """A value written in TOML, an env file or a shell line: ``30``, ``30.0``, ``true``, ``"gpt-4o"``."""
    text = text.strip()
    if not text:
        return None
    quoted = _LITERAL_STRING.match(text)
    inner = quoted.group(1) if quoted and quoted.group(1) is not None else (quoted.group(2) if quoted else text)
    if inner.lower() in ("true", "false"):
        return Value("bool", text, flag=inner.lower() == "true")
    if _LITERAL_NUMBER.fullmatch(inner):
        return Value("number", text, float(inner))
    if quoted or re.fullmatch(r"[\w./:@-]+", inner):
        return Value("str", inner)
    return None
