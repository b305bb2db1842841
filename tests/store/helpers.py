"""Helpers of the store tests: the real test pages as raw documents."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from definiens.model import Document

DATA = Path(__file__).parents[1] / "data" / "store"
PAGES = DATA / "pages.xml"
_NS = "{http://www.mediawiki.org/xml/export-0.10/}"


def raw_pages() -> list[Document]:
    """The test pages as raw (unparsed) wikitext documents, read with ElementTree."""
    return [
        Document(
            id=page.findtext(f"{_NS}id") or "",
            title=page.findtext(f"{_NS}title") or "",
            source=str(PAGES),
            format="wikitext",
            source_text=page.findtext(f"{_NS}revision/{_NS}text") or "",
        )
        for page in ET.parse(PAGES).getroot().iter(f"{_NS}page")
    ]
