"""``stamp-translation``: record in each translated page which English version it translates."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from transdocs.languages import DEFAULT_LANGUAGE
from transdocs.pages.discover import InputError, Page, discover
from transdocs.translations.frontmatter import stamped
from transdocs.translations.source_hash import source_hash


def _translations(paths: Iterable[Path]) -> list[Page]:
    pages, _ = discover([str(p) for p in paths], None)
    chosen = []
    for page in pages:
        if page.format != "md":
            continue
        if page.root is None or page.name is None:
            if Path(page.shown) in set(paths):
                raise InputError(f"{page.shown}: not in a docs/<lang>/ folder next to docs/en/")
            continue
        if page.lang == DEFAULT_LANGUAGE:
            if Path(page.shown) in set(paths):
                raise InputError(f"{page.shown}: an English page is the original, not a translation")
            continue
        chosen.append(page)
    return chosen


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8; fix the encoding first") from None


def stamp_paths(paths: Iterable[Path]) -> list[tuple[str, str]]:
    """Stamp every translated page under ``paths``; (page, hash) for each, in order.

    Everything is read and checked before the first page is written.
    """
    paths = list(paths)
    work = []
    for page in _translations(paths):
        assert page.root is not None and page.name is not None
        english_path = page.root / DEFAULT_LANGUAGE / page.name
        if not english_path.is_file():
            raise InputError(f"{page.shown}: no English page {english_path}")
        english = _read(english_path)
        work.append((page, english, _read(page.path)))
    done = []
    for page, english, translation in work:
        updated = stamped(translation, english)
        if updated != translation:
            page.path.write_bytes(updated.encode("utf-8"))
        done.append((page.shown, source_hash(english)))
    return done
