"""The one way every part of the toolkit reads a page: checker, stamps, site build, status.

UTF-8 with or without a byte order mark; the mark is removed from the text and
remembered, so a page written back keeps it. Newlines are kept as they are (CRLF pages
stay CRLF). A page that is not UTF-8 is still returned (decoded with replacement
characters) with its ``problem`` set, so the checker can report it and others refuse it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from transdocs.encoding.mojibake import EncodingProblem
from transdocs.errors import InputError
from transdocs.pages.walk import file_problem

BOM = codecs.BOM_UTF8.decode("utf-8")
# The largest page the checker reads, in bytes. Real pages stay far below (the largest in our
# corpus of four projects is 85 KB); a bigger file is generated or hostile, and is reported
# (``page-too-large``) instead of read.
MAX_PAGE_BYTES = 1_000_000


def too_large(path: Path) -> str | None:
    """Why the checker does not read ``path`` when it is over :data:`MAX_PAGE_BYTES`, else None."""
    try:
        size = path.stat().st_size
    except OSError:
        return None  # read_page says why it cannot be read
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
        return PageText(path, body.decode("utf-8"), bom)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start + (3 if bom else 0)) + 1
        byte = body[exc.start]
        problem = EncodingProblem(line, f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8")
        return PageText(path, body.decode("utf-8", errors="replace"), bom, problem)


def read_page(path: Path | str) -> PageText:
    """Read a page file. Raises :class:`InputError` (one line, naming the path) when it cannot be read."""
    path = Path(path)
    problem = file_problem(path)
    if problem is not None:
        raise InputError(f"{path}: {problem}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode_page(path, raw)


def read_text(path: Path | str) -> str:
    """The text of a page that must be UTF-8 (stamps, the site build); raises :class:`InputError` otherwise."""
    page = read_page(path)
    if page.problem is not None:
        raise InputError(f"{path}:{page.problem.line}: {page.problem.message}")
    return page.text
