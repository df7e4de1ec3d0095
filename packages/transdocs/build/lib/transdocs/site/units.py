"""Numbers with units in the reader's language, from CLDR data (Babel).

A translator never types the unit word after a value: "1 second", "2 secondes", Arabic
"ثانيتان" (the dual, with no digit) and "3 ثوان" (plural for 3 to 10) all come from the
CLDR patterns and plural rules, so any default reads right in any language. Prose takes
CLDR's long form unless the language writes another (Chinese: "2 秒", not "2秒钟"); a table
column takes one form for every row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from babel.units import UnknownUnitError, format_unit, get_unit_name

from transdocs.settings.reader import format_value

# Digits as a config file holds them, no grouping ("1500", never "1,500" or "1.500", which
# readers and the checker take for 1.5 in half the languages); the decimal mark is the language's.
NUMBER_PATTERN = "0.######"


@dataclass(frozen=True)
class Quantity:
    """A value with a unit, as placeholders give it: ``Quantity(60, "second")``."""

    amount: float
    unit: str


@lru_cache(maxsize=64)
def locale_of(language: str) -> Locale:
    """Babel's locale for a BCP 47 tag (``pt-BR``, ``zh-Hans``); English if CLDR has no data for it."""
    for tag in (language, language.split("-")[0]):
        try:
            return Locale.parse(tag, sep="-")
        except (UnknownLocaleError, ValueError):
            continue
    return Locale("en")


@lru_cache(maxsize=64)
def cldr_unit(unit: str) -> str:
    """``"seconds"`` or ``"second"`` -> ``"duration-second"``; a unit CLDR lacks is an error naming it."""
    for candidate in (unit, unit.removesuffix("s")):
        try:
            get_unit_name(candidate, locale=Locale("en"))
        except UnknownUnitError:
            continue
        return candidate
    raise ValueError(f"unit {unit!r} is not a CLDR unit (for example 'second', 'minute', 'byte')")


# The CLDR length prose uses, where the long form is not what technical writing writes:
# Chinese "秒钟" is spoken Chinese, beside a page whose own sentences say "秒".
PROSE_LENGTH = {"zh": "short"}
# A space between a number and a unit in the language's own script ("300 秒"), as the pages
# around the value and the Chinese copywriting guidelines write it; CLDR's Chinese has none.
_DIGIT_BEFORE_HAN = re.compile(r"(?<=\d)(?=[\u3400-\u4dbf\u4e00-\u9fff])")
SPACED = {"zh"}
# Amounts that meet every plural form of a language (zero, one, two, few, many, other).
_PLURAL_SAMPLES = (0, 1, 2, 3, 11, 100, 1.5)


def _base(language: str) -> str:
    return language.split("-")[0].lower()


def format_quantity(quantity: Quantity, language: str, *, length: str | None = None) -> str:
    """``Quantity(2, "second")`` in French -> ``2 secondes``; in Arabic -> ``ثانيتان``; in
    Chinese -> ``2 秒``. ``length`` is CLDR's (``long``, ``short``); by default, the prose one."""
    unit, locale = cldr_unit(quantity.unit), locale_of(language)
    length = length or PROSE_LENGTH.get(_base(language), "long")
    text: str = format_unit(quantity.amount, unit, length=length, format=NUMBER_PATTERN, locale=locale)  # type: ignore[arg-type]
    return _DIGIT_BEFORE_HAN.sub(" ", text) if _base(language) in SPACED else text


@lru_cache(maxsize=64)
def _column_length(unit: str, language: str) -> str:
    """The one CLDR length a table column or a chart uses for ``unit``: the prose one when it
    shows the number for every amount, else the short one (Arabic's long form writes 2 seconds
    as "ثانيتان", no digit, so a column would mix "2 ث" with "60 ثانية")."""
    prose = PROSE_LENGTH.get(_base(language), "long")
    locale = locale_of(language)
    for amount in _PLURAL_SAMPLES:
        number = format_decimal(amount, format=NUMBER_PATTERN, locale=locale)
        if number not in format_quantity(Quantity(amount, unit), language, length=prose):
            return "short"
    return prose


def _with_number(quantity: Quantity, language: str) -> tuple[str, str, str]:
    """(before, number, after) of the column's CLDR form: for tables and chart labels, where the
    number must show and every row must write the unit the same way."""
    number = format_decimal(quantity.amount, format=NUMBER_PATTERN, locale=locale_of(language))
    length = _column_length(quantity.unit, language)
    before, found, after = format_quantity(quantity, language, length=length).partition(number)
    if found:
        return before, number, after
    return "", number, " " + format_quantity(quantity, language, length="short")


def quantity_label(quantity: Quantity, language: str) -> str:
    """Plain text that always shows the number: ``2 secondes``, Arabic ``2 ث``."""
    return "".join(_with_number(quantity, language))


def quantity_with_code(quantity: Quantity, language: str) -> str:
    """HTML for a table cell: the CLDR form with the number as code (``<code>60</code> seconds``).

    The code keeps the value as it is written in a config file (``0.5``), whatever the
    language's decimal mark.
    """
    before, _, after = _with_number(quantity, language)
    return f"{escape(before)}<code>{escape(format_value(quantity.amount))}</code>{escape(after)}"
