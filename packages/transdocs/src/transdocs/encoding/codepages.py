"""Every legacy code page Python knows that a UTF-8 page can be mis-read with.

Single-byte code pages that keep ASCII (Windows, ISO 8859, DOS, Mac, KOI8, TIS-620...)
and the East-Asian multi-byte ones (GBK, Big5, Shift-JIS, EUC...). Code pages that
decode the high bytes the same way are tried once. Built on first use, then cached.

Finding them imports every codec module Python has (about 80 M instructions, as much as checking
five pages), and telling which code pages write a character encodes it with every one of them: a
run that asks keeps both on disk (:mod:`transdocs.cache_folder`, one file per Python and check-docs,
which both are part of its name), so the next runs import only the codecs they encode with.
"""

from __future__ import annotations

import atexit
import codecs
import encodings.aliases
import hashlib
import marshal
import os
import re
from functools import cache
from pathlib import Path

from transdocs.cache_folder import folder, prune, toolkit, used

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


_MAX_CHARS = 4096  # characters whose code pages the file keeps (a run's pages ask for a few dozen)
_KEEP_FILES = 2  # Python builds and versions of check-docs whose file is kept


class _Kept:
    """What the file holds: the code pages (empty until found), and for characters, which write them.
    (A plain class: defining a dataclass cost 2 M instructions at every start.)"""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.pages: tuple[str, ...] = ()
        self.masks: dict[str, int] = {}
        self.changed = False

    def save(self) -> None:
        """Write the file when this run found something new (called at exit)."""
        if not self.changed or self.path is None:
            return
        body = marshal.dumps((self.pages, self.masks))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            temporary.write_bytes(body)
            os.replace(temporary, self.path)
        except OSError:
            return  # a read-only home: the next run finds them again
        self.changed = False
        prune(self.path.parent, "codepages-*.marshal", _KEEP_FILES)

    def change(self) -> None:
        """Mark it for writing at exit (the characters: a worker of a parallel run, which runs no exit
        handler, finds them again; the code pages cost more and are written at once)."""
        if not self.changed:
            self.changed = True
            atexit.register(self.save)


@cache
def _kept() -> _Kept:
    """The file's code pages and characters (none when it is missing, damaged or caching is off)."""
    place = folder()
    if place is None:
        return _Kept(None)
    path = place / f"codepages-{hashlib.blake2b(toolkit(), digest_size=8).hexdigest()}.marshal"
    kept = _Kept(path)
    try:
        pages, masks = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return kept
    if isinstance(pages, tuple) and all(isinstance(name, str) for name in pages) and isinstance(masks, dict):
        kept.pages = pages
        kept.masks = {char: mask for char, mask in masks.items() if isinstance(char, str) and isinstance(mask, int)}
        used(path)
    return kept


@cache
def code_pages() -> tuple[str, ...]:
    """Distinct code pages, the common ones first (kept on disk)."""
    kept = _kept()
    if not kept.pages:
        kept.pages = _find_code_pages()
        kept.change()
        kept.save()
    return kept.pages


def _find_code_pages() -> tuple[str, ...]:
    """Distinct code pages, the common ones first, as the codecs Python has tell them."""
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
def one_byte(code_page: str) -> bool:
    """Whether ``code_page`` writes the space as itself and every non-ASCII character it has as one byte
    above 0x7F: a single-byte code page (its low half reads as ASCII) but MacArabic, which writes the
    space and some other ASCII characters as high bytes too."""
    return code_page not in _ALL_MULTI and " ".encode(code_page, errors="ignore") == b" "


@cache
def encodable_in(char: str) -> int:
    """Bit i set when ``code_pages()[i]`` can encode ``char`` (kept on disk, for a few thousand characters)."""
    pages, kept = code_pages(), _kept()
    if char in kept.masks:
        return kept.masks[char]
    mask = _encodable_in(char, pages)
    if len(kept.masks) < _MAX_CHARS:
        kept.masks[char] = mask
        kept.change()
    return mask


def _encodable_in(char: str, pages: tuple[str, ...]) -> int:
    mask = 0
    for bit, name in enumerate(pages):
        try:
            char.encode(name)
        except UnicodeEncodeError:
            continue
        mask |= 1 << bit
    return mask
