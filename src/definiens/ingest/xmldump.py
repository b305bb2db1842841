"""Stream the pages of a MediaWiki XML export or dump, in constant memory.

Reads ``.xml`` and ``.xml.bz2`` (single-stream and multistream) files, whole exports with a
``<mediawiki>`` root and fragments made of bare ``<page>`` elements. Each page becomes one
item: a raw :class:`~definiens.model.Document` (not yet parsed), or a
:class:`~definiens.ingest.items.Skipped` page (redirect, other namespace, no math). A file that
breaks off (malformed XML, truncated bz2) yields one :class:`~definiens.ingest.items.Failed`
naming the line and the page, after the pages read before the damage.
"""

from __future__ import annotations

import codecs
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

from definiens.errors import InputError
from definiens.ingest.decompress import open_binary
from definiens.ingest.items import Failed, Item, Skipped, has_math
from definiens.ingest.wikisyntax import categories
from definiens.model import Document, Problem

__all__ = ["CHUNK_SIZE", "read_dump"]

logger = logging.getLogger(__name__)

CHUNK_SIZE = 1 << 18
_FRAGMENT_ROOT = "<definiens-fragment>"


@dataclass
class _State:
    """Where the reader is: for locating damage and invalid bytes."""

    source: str
    line: int = 1
    pages: int = 0
    title: str = ""
    id: str = ""
    fragment: bool = False
    root: ET.Element | None = None
    bad_lines: list[int] = field(default_factory=list)

    def where(self, line: int | None = None) -> str:
        line = self.line if line is None else line
        page = f", in page {self.title!r}" if self.title else ""
        return f"{self.source}: line {line}{page}"


def _open(path: Path) -> BinaryIO:
    """The file's bytes, ``.bz2`` decompressed (by lbzip2 on all cores when installed)."""
    return open_binary(path)


def read_dump(
    path: Path,
    source: str,
    *,
    namespaces: Collection[int] = (0,),
    include_redirects: bool = False,
) -> Iterator[Item]:
    """Yield one item per ``<page>`` of the dump at ``path`` (``source`` names it in reports)."""
    state = _State(source=source)
    with _open(path) as stream:
        yield from _pages(stream, state, set(namespaces), include_redirects)


def _pages(
    stream: BinaryIO, state: _State, namespaces: set[int], include_redirects: bool
) -> Iterator[Item]:
    parser = ET.XMLPullParser(events=("start", "end"))
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    head: str | None = ""  # text before the first element, until the start is known
    while True:
        try:
            chunk = stream.read(CHUNK_SIZE) or b""  # a raw stream: what one step yields
        except (EOFError, OSError, InputError) as exc:
            reason = exc.message if isinstance(exc, InputError) else str(exc)
            yield _broken(state, f"damaged or truncated compressed stream ({reason})")
            return
        text = decoder.decode(chunk, final=not chunk)
        if head is not None:
            head += text
            text = _start_document(head, state, final=not chunk)
            if not text:
                continue
            head = None
        _note_bad_bytes(text, chunk, state)
        try:
            parser.feed(text)
            if not chunk:
                parser.feed(f"</{_FRAGMENT_ROOT[1:]}" if state.fragment else "")
                parser.close()
            yield from _events(parser, state, namespaces, include_redirects)
        except ET.ParseError as exc:
            yield from _events_safe(parser, state, namespaces, include_redirects)
            line, column = getattr(exc, "position", (state.line, 0))
            yield _broken(state, f"malformed XML at line {line}, column {column}", line)
            return
        state.line += text.count("\n")
        if not chunk:
            return


_PROLOGUE = re.compile(r"\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*", re.S)


def _start_document(text: str, state: _State, *, final: bool) -> str:
    """``text`` ready to parse, a fragment of bare ``<page>``s wrapped in a root element;
    an empty string while the first element has not been read yet."""
    prologue = _PROLOGUE.match(text)
    body_start = prologue.end() if prologue else 0
    body = text[body_start : body_start + 5]
    if len(body) < 5 and not final:
        return ""
    if not body:
        raise InputError("empty file, no XML element", location=state.source)
    if not body.startswith("<"):
        raise InputError("not an XML file", location=state.source)
    if body.startswith("<page"):
        state.fragment = True
        return text[:body_start] + _FRAGMENT_ROOT + text[body_start:]
    return text


def _note_bad_bytes(text: str, chunk: bytes, state: _State) -> None:
    if "\ufffd" in text and b"\xef\xbf\xbd" not in chunk:
        state.bad_lines.append(state.line + text.count("\n", 0, text.index("\ufffd")))


def _broken(state: _State, message: str, line: int | None = None) -> Failed:
    if state.pages == 0 and not state.title:
        raise InputError(message, location=state.source)
    where = state.where(line)
    problem = Problem(kind="damaged-input", message=message, location=where)
    logger.debug("%s", problem)
    return Failed(source=state.source, id=state.id, title=state.title, problem=problem)


def _events_safe(
    parser: ET.XMLPullParser, state: _State, namespaces: set[int], include_redirects: bool
) -> Iterator[Item]:
    try:
        yield from _events(parser, state, namespaces, include_redirects)
    except ET.ParseError:
        return


def _events(
    parser: ET.XMLPullParser, state: _State, namespaces: set[int], include_redirects: bool
) -> Iterator[Item]:
    for pair in parser.read_events():
        event, element = cast("tuple[str, ET.Element]", pair)
        name = element.tag.rpartition("}")[2]
        if event == "start":
            if name == "page":
                state.title, state.id = "", ""
            elif state.root is None:
                state.root = element
            continue
        if name == "title" and not state.title:
            state.title = element.text or ""
        elif name == "page":
            state.pages += 1
            yield _item(element, state, namespaces, include_redirects)
            state.title, state.id = "", ""
            element.clear()
        elif name == "siteinfo":
            element.clear()
    if state.root is not None:
        state.root.clear()


def _child_text(element: ET.Element, *path: str) -> str:
    node: ET.Element | None = element
    for name in path:
        node = next((c for c in node if c.tag.rpartition("}")[2] == name), None) if node else None
    return (node.text or "") if node is not None else ""


def _item(page: ET.Element, state: _State, namespaces: set[int], redirects: bool) -> Item:
    title = _child_text(page, "title")
    page_id = _child_text(page, "id") or title
    ns_text = _child_text(page, "ns").strip()
    namespace = int(ns_text) if ns_text.lstrip("-").isdigit() else 0
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
