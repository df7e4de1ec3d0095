"""Numbers with units in the reader's language, from CLDR data (Babel).

A translator never types the unit word after a value: "1 second", "2 secondes", Arabic
"ثانيتان" (the dual, with no digit) and "3 ثوان" (plural for 3 to 10) all come from the
CLDR patterns and plural rules, so any default reads right in any language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from babel.units import UnknownUnitError, format_unit, get_unit_name

from transdocs.site.settings_source import format_value

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


def format_quantity(quantity: Quantity, language: str, *, length: str = "long") -> str:
    """``Quantity(2, "second")`` in French -> ``2 secondes``; in Arabic -> ``ثانيتان``."""
    unit, locale = cldr_unit(quantity.unit), locale_of(language)
    return format_unit(quantity.amount, unit, length=length, format=NUMBER_PATTERN, locale=locale)  # type: ignore[arg-type]


def _with_number(quantity: Quantity, language: str) -> tuple[str, str, str]:
    """(before, number, after) of the long CLDR form, or of the short one where the long form
    has no digit (Arabic "ثانيتان" for 2): for tables and chart labels, where the number must show."""
    number = format_decimal(quantity.amount, format=NUMBER_PATTERN, locale=locale_of(language))
    for length in ("long", "short"):
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
