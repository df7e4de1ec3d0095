"""Every legacy code page Python knows that a UTF-8 page can be mis-read with.

Single-byte code pages that keep ASCII (Windows, ISO 8859, DOS, Mac, KOI8, TIS-620...)
and the East-Asian multi-byte ones (GBK, Big5, Shift-JIS, EUC...). Code pages that
decode the high bytes the same way are tried once. Built on first use, then cached.
"""

from __future__ import annotations

import codecs
import encodings.aliases
import re
from functools import cache

# Not text code pages, or not ASCII-compatible (EBCDIC, 7-bit ISO 2022, HZ, UTF-*).
_NOT_CODE_PAGES = re.compile(
    r"utf|unicode|punycode|idna|raw|escape|base64|hex|zlib|bz2|quopri|uu|rot|mbcs|oem|charmap|palmos|"
    r"ascii|undefined|tactis|iso2022|^hz$|^cp(037|273|424|500|875|1026|1140)$|^cp864$"
)
# Code pages the Windows and web world actually meets first: tried first, named in messages.
_PREFERRED = ("cp1252", "latin_1", "cp1256", "cp1251", "cp874", "cp1255", "gbk", "shift_jis", "big5", "euc_kr")
_MULTI_BYTE = ("gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950", "shift_jis", "cp932", "euc_jp")
_MULTI_BYTE_MORE = ("shift_jis_2004", "shift_jisx0213", "euc_jis_2004", "euc_jisx0213", "euc_kr", "cp949", "johab")
_HIGH = bytes(range(0x80, 0x100))


@cache
def code_pages() -> tuple[str, ...]:
    """Distinct code pages, the common ones first."""
    names = sorted({*encodings.aliases.aliases.values(), "cp874", "cp1125", "koi8_u", "kz1048", "mac_arabic"})
    single: dict[str, str] = {}
    for name in names:
        if _NOT_CODE_PAGES.search(name):
            continue
        try:
            codecs.lookup(name)
            table = _HIGH.decode(name, errors="replace")
            low = bytes(range(0x80)).decode(name)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
        if len(table) == 0x80 and low.isascii() and len(low) == 0x80:
            single.setdefault(table, name)
    found = [*single.values(), *_MULTI_BYTE, *_MULTI_BYTE_MORE]
    preferred = [name for name in _PREFERRED if name in found or name == "latin_1"]
    return tuple(dict.fromkeys([*preferred, *found]))


@cache
def undefined_bytes(code_page: str) -> bool:
    """Whether some high bytes mean nothing in ``code_page`` (a reader drops or replaces them)."""
    return "\ufffd" in _HIGH.decode(code_page, errors="replace") if code_page not in _ALL_MULTI else True


_ALL_MULTI = frozenset({*_MULTI_BYTE, *_MULTI_BYTE_MORE})


@cache
def encodable_in(char: str) -> int:
    """Bit i set when ``code_pages()[i]`` can encode ``char``."""
    mask = 0
    for bit, name in enumerate(code_pages()):
        try:
            char.encode(name)
        except UnicodeEncodeError:
            continue
        mask |= 1 << bit
    return mask
