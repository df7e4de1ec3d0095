"""Pages whose text went through the wrong encoding.

Four signs, each reported with the first line that shows it:

- the file is not valid UTF-8 (saved in a legacy code page);
- U+FFFD replacement characters (bytes that a wrong decoder could not map);
- mojibake: UTF-8 bytes decoded with a legacy code page (cp1252, latin-1, cp1256, gbk,
  shift_jis...) and saved again. Re-encoding such text with that code page gives back
  valid multi-byte UTF-8 almost everywhere, which real text in any of our languages
  never does (measured on the page's non-ASCII bytes);
- letters of a script that does not belong to the page's language outnumber its own
  letters (an Arabic page full of Latin-1 letters, halfwidth katakana on a Japanese page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Code pages a UTF-8 page is typically mis-read with, most common first.
CODE_PAGES = ("cp1252", "latin-1", "cp1256", "cp1251", "gbk", "shift_jis", "mac_roman")
# Share of non-ASCII bytes that must form valid UTF-8 sequences once re-encoded.
PAGE_SHARE, LINE_SHARE = 0.5, 0.5
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTES = bytes(range(128, 256))

_LATIN = r"A-Za-z\u00c0-\u024f"
_SCRIPTS = {
    "Latin": re.compile(f"[{_LATIN}]"),
    "Latin-1": re.compile(r"[\u00c0-\u024f]"),
    "Han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "halfwidth katakana": re.compile(r"[\uff61-\uff9f]"),
    "Arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"),
    "Cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "Greek": re.compile(r"[\u0370-\u03ff]"),
    "Hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
}
# A page's own scripts; ASCII letters belong to every language (code, names).
_NATIVE = {
    "en": ("Latin",),
    "fr": ("Latin",),
    "pt": ("Latin",),
    "zh": ("Han",),
    "ja": ("Han", "kana"),
    "ar": ("Arabic",),
}
_FOREIGN = {
    "en": ("Han", "kana", "halfwidth katakana", "Arabic", "Cyrillic", "Greek", "Hangul"),
    "zh": ("Latin-1", "kana", "halfwidth katakana", "Arabic", "Cyrillic", "Greek", "Hangul"),
    "ja": ("Latin-1", "halfwidth katakana", "Arabic", "Cyrillic", "Greek", "Hangul"),
    "ar": ("Latin-1", "Han", "kana", "halfwidth katakana", "Cyrillic", "Greek", "Hangul"),
}
_FOREIGN["fr"] = _FOREIGN["pt"] = _FOREIGN["en"]


@dataclass(frozen=True)
class EncodingProblem:
    line: int
    message: str


def _utf8_share(text: str, code_page: str) -> tuple[float, int]:
    """Share of the re-encoded non-ASCII bytes that form UTF-8 sequences, and their count."""
    data = text.encode(code_page, errors="ignore")
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if not high:
        return 0.0, 0
    valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return valid / high, valid


def _mojibake(lines: list[str], text: str) -> EncodingProblem | None:
    for code_page in CODE_PAGES:
        share, valid = _utf8_share(text, code_page)
        if share < PAGE_SHARE or valid < 3:
            continue
        for number, line in enumerate(lines, start=1):
            if line.isascii():
                continue
            line_share, line_valid = _utf8_share(line, code_page)
            if line_share >= LINE_SHARE and line_valid >= 2:
                repaired = line.encode(code_page, errors="ignore").decode("utf-8", errors="replace")
                return EncodingProblem(
                    number,
                    f"mojibake: UTF-8 text was read as {code_page} and saved again "
                    f"(this line should read: {repaired.strip()[:60]})",
                )
    return None


def _count(script: str, text: str) -> int:
    return len(_SCRIPTS[script].findall(text))


_ANY_FOREIGN = {
    lang: re.compile("|".join(_SCRIPTS[name].pattern for name in names)) for lang, names in _FOREIGN.items()
}


def _foreign_script(lines: list[str], text: str, lang: str) -> EncodingProblem | None:
    if lang not in _NATIVE or len(_ANY_FOREIGN[lang].findall(text)) < 10:
        return None
    foreign = {name: _count(name, text) for name in _FOREIGN[lang]}
    native = sum(_count(name, text) for name in _NATIVE[lang])
    worst = max(foreign, key=foreign.__getitem__)
    if foreign[worst] < 10 or foreign[worst] <= native:
        return None
    for number, line in enumerate(lines, start=1):
        count = _count(worst, line)
        if count >= 2 and count > sum(_count(name, line) for name in _NATIVE[lang]):
            return EncodingProblem(
                number, f"{worst} letters dominate a page in '{lang}': the text went through a wrong encoding"
            )
    return None


def check_text(text: str, lang: str | None) -> EncodingProblem | None:
    """The earliest sign of a wrong encoding in decoded text, if any."""
    if text.isascii():
        return None
    lines = text.split("\n")
    problems = []
    if "\ufffd" in text:
        first = next(n for n, line in enumerate(lines, start=1) if "\ufffd" in line)
        problems.append(
            EncodingProblem(
                first, "U+FFFD replacement characters: the text was decoded with a wrong encoding and saved again"
            )
        )
    problems.append(_mojibake(lines, text))
    if lang is not None:
        problems.append(_foreign_script(lines, text, lang))
    found = [p for p in problems if p is not None]
    return min(found, key=lambda p: p.line) if found else None
