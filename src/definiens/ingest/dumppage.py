"""A ``<page>`` element of a dump as an item: a raw document, or a skipped page."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from definiens.ingest.dumpstate import DumpState
from definiens.ingest.items import Item, Skipped, has_math
from definiens.ingest.pagebytes import namespace_number
from definiens.ingest.wikisyntax import categories
from definiens.model import Document

__all__ = ["page_item"]


def _child_text(element: ET.Element, *path: str) -> str:
    """The text of the element at ``path``; a ``revision`` step takes the last revision (a
    history export lists them oldest first: the last is the current page)."""
    node: ET.Element | None = element
    for name in path:
        if node is None:
            break
        found = [c for c in node if c.tag.rpartition("}")[2] == name]
        node = (found[-1] if name == "revision" else found[0]) if found else None
    return (node.text or "") if node is not None else ""


def page_item(page: ET.Element, state: DumpState, namespaces: set[int], redirects: bool) -> Item:
    """The item of a parsed ``<page>``: skipped (another namespace, a redirect unless
    ``redirects``, no math) or a raw wikitext document with its metadata."""
    title = _child_text(page, "title")
    page_id = _child_text(page, "id") or title
    namespace = namespace_number(_child_text(page, "ns").strip())
    text = _child_text(page, "revision", "text")
    if namespace not in namespaces:
        return Skipped(state.source, page_id, title, f"namespace {namespace}")
    redirect = any(c.tag.rpartition("}")[2] == "redirect" for c in page)
    if not redirects and (redirect or text.lstrip()[:9].upper() == "#REDIRECT"):
        return Skipped(state.source, page_id, title, "redirect")
    if not has_math(text):
        return Skipped(state.source, page_id, title, "no math")
    document = Document(
        id=page_id,
        title=title,
        source=state.source,
        format="wikitext",
        source_text=text,
        metadata={
            "namespace": namespace,
            "revision_id": _child_text(page, "revision", "id"),
            "categories": categories(text),
        },
    )
    if state.bad_lines and "\ufffd" in text + title:
        line = state.bad_lines.pop(0)
        document.report("invalid-utf8", "invalid UTF-8 bytes replaced", f"file line {line}")
    return document
