"""A ``sitemap.xml`` in each language's folder, cut from the site-wide one.

Material's language selector fetches ``sitemap.xml`` next to every alternate language
link of the page (``/zh/sitemap.xml``...). mkdocs-static-i18n writes only the site-wide
``/sitemap.xml`` (every page in every language, with hreflang alternates), so the
others would be 404s. Each language folder gets the ``<url>`` entries of its own pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def language_of(loc: str, site_path: str, languages: Iterable[str], default: str) -> str:
    """``https://x/docs/zh/retries/`` with site path ``/docs/`` -> ``zh``."""
    path = urlsplit(loc).path
    relative = PurePosixPath(path).relative_to(site_path) if path.startswith(site_path) else PurePosixPath(path)
    first = relative.parts[0] if relative.parts else ""
    return first if first in set(languages) and first != default else default


def write_language_sitemaps(site_dir: Path, site_url: str, languages: Iterable[str], default: str) -> None:
    """Write ``<site_dir>/<lang>/sitemap.xml`` for every language but the default (it has the root)."""
    languages = list(languages)
    site_path = urlsplit(site_url).path or "/"
    tree = ET.parse(site_dir / "sitemap.xml")
    by_language: dict[str, list[ET.Element]] = {language: [] for language in languages}
    for url in tree.getroot().findall(f"{{{SITEMAP_NS}}}url"):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", default="").strip()
        by_language.setdefault(language_of(loc, site_path, languages, default), []).append(url)
    for language in languages:
        if language == default:
            continue
        root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
        root.extend(by_language[language])
        ET.indent(root)
        path = site_dir / language / "sitemap.xml"
        path.parent.mkdir(parents=True, exist_ok=True)
        ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
