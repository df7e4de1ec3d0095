"""Which version of its English page a translation translates.

A translated page records ``source_hash: <hex>`` in its front matter (written by
``llm-backends stamp-translation``); when the English page changes, the hash no
longer matches and ``llm-backends check-docs`` reports the translation as outdated.
The hash ignores the English page's own front matter, so metadata edits do not
mark every translation outdated, and it ignores a byte order mark and the kind of
line endings, so a page saved on Windows or checked out with ``core.autocrlf`` still
matches. The stamp, the checker, ``translation-diff``, ``translation-status`` and the
site all use :func:`source_hash`, and nothing else.
"""

from __future__ import annotations

import hashlib

from transdocs.pages.front_matter import front_matter_span

_BOM = "\ufeff"

HASH_LENGTH = 12


def strip_front_matter(text: str) -> str:
    """The page without its leading ``---`` ... ``---`` block; the rest unchanged."""
    return text[front_matter_span(text) :]


def normalized(text: str) -> str:
    """The text as the hash sees it: no byte order mark, every line ending a ``\\n``."""
    return text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")


def source_hash(text: str) -> str:
    """First 12 hex digits of the sha256 of the page's UTF-8 text without front matter.

    A byte order mark and CRLF (or CR) line endings do not count: saving the English page
    with another editor does not make every translation outdated.
    """
    return hashlib.sha256(strip_front_matter(normalized(text)).encode("utf-8")).hexdigest()[:HASH_LENGTH]
