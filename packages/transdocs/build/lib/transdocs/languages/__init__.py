"""The site's languages, language tags, and the docs layout (``docs/<lang>/<page>.md``).

The words check-docs reads in each language live in ``data/<lang>.toml`` (loaded by
:mod:`transdocs.languages.words`, only for the languages a run meets); scripts and
language detection are in ``scripts.py`` and ``detect.py``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from transdocs.languages.tags import base_language

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "base_language", "split_docs_path"]

DEFAULT_LANGUAGE = "en"
# The languages we ship words for: one file each in data/ (a new file is a new language), the default first.
# Direction, word segmentation and other codes are in the files too (see words.py).
LANGUAGES: tuple[str, ...] = (
    DEFAULT_LANGUAGE,
    *sorted(p.stem for p in (Path(__file__).parent / "data").glob("*.toml") if p.stem != DEFAULT_LANGUAGE),
)


def split_docs_path(path: Path | str, docs_dir: Path | str) -> tuple[str, PurePosixPath] | None:
    """``docs/zh/retries.md`` -> ``("zh", "retries.md")``; None outside a language folder."""
    try:
        relative = PurePosixPath(Path(path).resolve().relative_to(Path(docs_dir).resolve()).as_posix())
    except ValueError:
        return None
    if len(relative.parts) < 2 or relative.parts[0] not in LANGUAGES:
        return None
    return relative.parts[0], PurePosixPath(*relative.parts[1:])
