"""The site's languages and the docs layout (``docs/<lang>/<page>.md``) shared by build and check."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

DEFAULT_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "zh", "ja", "fr", "pt", "ar")
RIGHT_TO_LEFT = frozenset({"ar"})


def split_docs_path(path: Path | str, docs_dir: Path | str) -> tuple[str, PurePosixPath] | None:
    """``docs/zh/retries.md`` -> ``("zh", "retries.md")``; None outside a language folder."""
    try:
        relative = PurePosixPath(Path(path).resolve().relative_to(Path(docs_dir).resolve()).as_posix())
    except ValueError:
        return None
    if len(relative.parts) < 2 or relative.parts[0] not in LANGUAGES:
        return None
    return relative.parts[0], PurePosixPath(*relative.parts[1:])
