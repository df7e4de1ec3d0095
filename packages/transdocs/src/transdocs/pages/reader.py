"""The one way every part of the toolkit reads a page: checker, stamps, site build, status.

UTF-8 with or without a byte order mark; the mark is removed from the text and
remembered, so a page written back keeps it. Newlines are kept as they are (CRLF pages
stay CRLF). A page that is not UTF-8 is still returned (decoded with replacement
characters) with its ``problem`` set, so the checker can report it and others refuse it.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field
from pathlib import Path

from transdocs.encoding.mojibake import EncodingProblem
from transdocs.errors import InputError
from transdocs.pages.walk import stat_page

BOM = codecs.BOM_UTF8.decode("utf-8")
# The largest page the checker reads, in bytes. Real pages stay far below (the largest in our
# corpus of four projects is 85 KB); a bigger file is generated or hostile, and is reported
# (``page-too-large``) instead of read.
MAX_PAGE_BYTES = 1_000_000


def _oversize(size: int) -> str | None:
    """Why the checker does not read a page of ``size`` bytes (over :data:`MAX_PAGE_BYTES`), else None."""
    if size <= MAX_PAGE_BYTES:
        return None
    return (
        f"not checked: {size / 1e6:.1f} MB, over the {MAX_PAGE_BYTES / 1e6:g} MB check-docs reads "
        "in a page (split the page, or leave generated files out of the checked paths)"
    )


@dataclass(frozen=True)
class PageText:
    """A page's text (without BOM), whether it had a BOM, and why it is not UTF-8 if it is not."""

    path: Path
    text: str
    bom: bool = False
    problem: EncodingProblem | None = None
    # The file's bytes after the BOM when it is UTF-8: ``text`` in UTF-8, which the encoding check
    # reads (encoding a page again costs as much as reading it); b"" otherwise.
    data: bytes = field(default=b"", repr=False, compare=False)

    @property
    def valid(self) -> bool:
        """Whether the file is UTF-8 (its text is the page, not a best effort)."""
        return self.problem is None

    def encode(self, text: str) -> bytes:
        """``text`` as the page's bytes, with the BOM back if the page had one."""
        return ((BOM if self.bom else "") + text).encode("utf-8")


def decode_page(path: Path, raw: bytes) -> PageText:
    bom = raw.startswith(codecs.BOM_UTF8)
    body = raw[len(codecs.BOM_UTF8) :] if bom else raw
    try:
        return PageText(path, body.decode("utf-8"), bom, data=body)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start + (3 if bom else 0)) + 1
        byte = body[exc.start]
        problem = EncodingProblem(line, f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8")
        return PageText(path, body.decode("utf-8", errors="replace"), bom, problem)


def read_page(path: Path | str) -> PageText:
    """Read a page file. Raises :class:`InputError` (one line, naming the path) when it cannot be read."""
    path = Path(path)
    return _read(path, *stat_page(path))


def read_within(path: Path) -> PageText | str:
    """:func:`read_page`, or why the checker does not read the page (over :data:`MAX_PAGE_BYTES`), asking the
    system for the file's status once (its kind and its size)."""
    found, problem = stat_page(path)
    oversize = _oversize(found.st_size) if found is not None else None
    return oversize if oversize is not None else _read(path, found, problem)


def _read(path: Path, found: os.stat_result | None, problem: str | None) -> PageText:
    """The page at ``path``, whose status was ``found`` (with ``problem``, why it cannot be read)."""
    if found is None or problem is not None:
        raise InputError(f"{path}: {problem}")
    try:
        raw = _read_bytes(path, found.st_size)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode_page(path, raw)


def _read_bytes(path: Path, size: int) -> bytes:
    """The bytes of the regular file at ``path``, ``size`` long when its status was asked (to its end
    if it has grown since). Plain system calls: a page is read whole, and Python's buffered file asks
    for the status again, and whether the file is a terminal, for no use here."""
    fd = os.open(path, _READ_FLAGS)
    try:
        data = os.read(fd, size + 1)
        more = os.read(fd, max(size, 1 << 16)) if data else b""
        if not more:  # (as it almost always is: the bytes read are the file, with no copy to join them)
            return data
        chunks = [data, more]
        while chunks[-1]:
            chunks.append(os.read(fd, max(size, 1 << 16)))
    finally:
        os.close(fd)
    return b"".join(chunks)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_text(path: Path | str) -> str:
    """The text of a page that must be UTF-8 (stamps, the site build); raises :class:`InputError` otherwise."""
    page = read_page(path)
    if page.problem is not None:
        raise InputError(f"{path}:{page.problem.line}: {page.problem.message}")
    return page.text
