"""Stream the pages of a MediaWiki XML export or dump, in constant memory.

Reads ``.xml`` and ``.xml.bz2`` (single-stream and multistream) files, whole exports with a
``<mediawiki>`` root and fragments made of bare ``<page>`` elements. Each page becomes one
item: a raw :class:`~definiens.model.Document` (not yet parsed), or a
:class:`~definiens.ingest.items.Skipped` page (redirect, other namespace, no math). A file that
breaks off (malformed XML, truncated bz2) yields one :class:`~definiens.ingest.items.Failed`
naming the line and the page, after the pages read before the damage.

Most pages of a dump have no mathematics, so the reader works on bytes first: it cuts the
stream at ``<page>`` … ``</page>`` and settles a page from its bytes alone when it can prove
the XML parser would find it well-formed and skip it (:mod:`definiens.ingest.pagebytes`):
title, id and namespace come from its tags, and the math markers are searched in the raw text.
Every other page, and everything between pages, goes through the XML parser as before, which
also reports damage with its line.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

from definiens.errors import InputError
from definiens.ingest.decompress import ReadPosition, open_binary
from definiens.ingest.items import Failed, Item, Skipped, has_math
from definiens.ingest.pagebytes import namespace_number, page_names, plain_gap, quick_skip
from definiens.ingest.wikisyntax import categories
from definiens.model import Document, Problem

__all__ = ["CHUNK_SIZE", "read_dump"]

logger = logging.getLogger(__name__)

CHUNK_SIZE = 1 << 20
# A page longer than this is handed to the XML parser in pieces instead of being buffered whole.
MAX_PAGE_BYTES = 1 << 26
_FRAGMENT_ROOT = "<definiens-fragment>"
_PAGE_START = re.compile(rb"<page[\s>]")
_PAGE_END = b"</page>"


@dataclass
class _State:
    """Where the reader is: for locating damage and invalid bytes."""

    source: str
    line: int = 1
    pages: int = 0
    title: str = ""
    id: str = ""
    fragment: bool = False
    depth: int = 0
    root: ET.Element | None = None
    bad_lines: list[int] = field(default_factory=list)

    def where(self, line: int | None = None) -> str:
        line = self.line if line is None else line
        page = f", in page {self.title!r}" if self.title else ""
        return f"{self.source}: line {line}{page}"


class _Broken(Exception):
    """Reading stopped: ``message`` says why, ``line`` where (None: at the end of the data)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _Buffer:
    """The bytes read and not yet consumed, with the file line of any position in them."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.data = bytearray()
        self.eof = False
        self._counted = 0  # data[:_counted] has been counted: it ends on line _line
        self._line = 1
        self.dropped = 0  # bytes of the file before data[0]

    def fill(self) -> None:
        """Read one more chunk (sets ``eof`` at the end); :class:`_Broken` on damage."""
        try:
            chunk = self.stream.read(CHUNK_SIZE) or b""  # a raw stream: what one step yields
        except (EOFError, OSError, InputError) as exc:
            reason = exc.message if isinstance(exc, InputError) else str(exc)
            raise _Broken(f"damaged or truncated compressed stream ({reason})") from exc
        self.data += chunk
        self.eof = not chunk

    def line_at(self, index: int) -> int:
        """The line of ``data[index]`` (positions asked for never decrease)."""
        if index > self._counted:
            self._line += self.data.count(b"\n", self._counted, index)
            self._counted = index
        return self._line

    def drop(self, index: int) -> None:
        """Forget ``data[:index]``."""
        self.line_at(index)
        del self.data[:index]
        self._counted = 0
        self.dropped += index

    def line_start(self, index: int) -> bool:
        """Whether ``data[index]`` starts a line of the file."""
        return index + self.dropped == 0 or (index > 0 and self.data[index - 1] == 0x0A)


class _Xml:
    """The XML parser, fed the parts of the file that are not settled from their bytes."""

    def __init__(self, state: _State) -> None:
        self.state = state
        self.parser = ET.XMLPullParser(events=("start", "end"))
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.lines_fed = 0
        self.offset = 0  # file line = parser line + offset, for what was fed last
        # whether the parser's columns on the first line of what was fed last are the file's
        self.aligned = (1, True)

    def feed(
        self, data: bytes | bytearray, line: int, *, final: bool = False, aligned: bool = True
    ) -> None:
        """Parse ``data``, which starts on file line ``line``; ``aligned``: at a line start, or
        right after what was fed before on that line."""
        text = self.decoder.decode(bytes(data), final=final)
        self.offset = line - (self.lines_fed + 1)
        self.aligned = (self.lines_fed + 1, aligned)
        if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
            self.state.bad_lines.append(line + text.count("\n", 0, text.index("\ufffd")))
        self.lines_fed += text.count("\n")
        self._parse(text)

    def close(self) -> None:
        self._parse(f"</{_FRAGMENT_ROOT[1:]}" if self.state.fragment else "", close=True)

    def _parse(self, text: str, *, close: bool = False) -> None:
        try:
            self.parser.feed(text)
            if close:
                self.parser.close()
        except ET.ParseError as exc:
            raise self.broken(exc) from exc

    def broken(self, exc: ET.ParseError) -> _Broken:
        """The error of the parser, located in the file."""
        line, column = getattr(exc, "position", (self.lines_fed + 1, 0))
        exact = line != self.aligned[0] or self.aligned[1]
        line += self.offset
        at = f"line {line}, column {column}" if exact else f"line {line}"
        return _Broken(f"malformed XML at {at}", line)


def _open(path: Path, position: ReadPosition | None) -> BinaryIO:
    """The file's bytes, ``.bz2`` decompressed (by lbzip2 on all cores when installed)."""
    return open_binary(path, position)


def read_dump(
    path: Path,
    source: str,
    *,
    namespaces: Collection[int] = (0,),
    include_redirects: bool = False,
    scan_bytes: bool = True,
    position: ReadPosition | None = None,
) -> Iterator[Item]:
    """Yield one item per ``<page>`` of the dump at ``path`` (``source`` names it in reports).

    ``scan_bytes=False`` sends every page through the XML parser (the same items, slower).
    ``position`` follows how far the file is read (:class:`ReadPosition`).
    """
    state = _State(source=source)
    with _open(path, position) as stream:
        reader = _Reader(stream, state, set(namespaces), include_redirects, scan_bytes)
        yield from reader.items()


class _Reader:
    """Cuts the byte stream into pages and settles each from its bytes or with the parser."""

    def __init__(
        self,
        stream: BinaryIO,
        state: _State,
        namespaces: set[int],
        include_redirects: bool,
        scan_bytes: bool,
    ) -> None:
        self.buffer = _Buffer(stream)
        self.state = state
        self.xml = _Xml(state)
        self.namespaces = namespaces
        self.redirects = include_redirects
        self.plain = scan_bytes  # pages may be settled from their bytes
        self.pos = 0  # buffer.data[:pos] is consumed
        self.searched = 0  # no "</page>" before this position in the buffer

    def items(self) -> Iterator[Item]:
        try:
            yield from self._read()
        except _Broken as broken:
            if broken.line is None:  # the stream broke off: the parser reads what came
                with contextlib.suppress(_Broken):
                    yield from self._gap(self.pos, len(self.buffer.data))
                self.state.line = self.buffer.line_at(len(self.buffer.data))
            with contextlib.suppress(_Broken):
                yield from self._events()
            yield from _broken(self.state, broken.message, broken.line)

    def _read(self) -> Iterator[Item]:
        buffer = self.buffer
        self.pos = self._start()
        while True:
            data, pos = buffer.data, self.pos
            found = _PAGE_START.search(data, pos)
            start = found.start() if found else max(pos, len(data) - (0 if buffer.eof else 6))
            if not self._blank(pos, start):
                yield from self._gap(pos, start)
                self.pos = pos = start
            end = data.find(_PAGE_END, max(start, self.searched)) if found else -1
            if end >= 0:
                self.pos = end + len(_PAGE_END)
                self.searched = 0
                yield from self._page(pos, start, self.pos)
                continue
            if buffer.eof:
                if not self._blank(pos, len(data)):
                    yield from self._gap(pos, len(data))
                self.xml.close()
                yield from self._events()
                return
            if len(data) - pos > MAX_PAGE_BYTES:  # a page without end in sight: parse it
                yield from self._gap(pos, len(data))
                pos = len(data)
            # a long page arrives in several chunks: search on from where the last search ended
            self.searched = max(0, len(data) - len(_PAGE_END) - pos) if found else 0
            buffer.drop(pos)
            self.pos = 0
            buffer.fill()

    def _start(self) -> int:
        """Read up to the first element: check it is XML, wrap a fragment in a root."""
        buffer = self.buffer
        while True:
            start = _first_element(buffer.data, self.state, final=buffer.eof)
            if start is not None:
                break
            buffer.fill()
        if self.state.fragment:
            self.xml.feed(buffer.data[:start] + _FRAGMENT_ROOT.encode(), 1)
            return start
        return 0

    def _blank(self, start: int, end: int) -> bool:
        """Whether ``data[start:end]`` is white space between pages (the parser needs not
        read it)."""
        return self.state.depth <= 1 and not self.buffer.data[start:end].strip()

    def _aligned(self, start: int) -> bool:
        """Whether bytes fed from ``start`` begin a line of the file: the parser's columns are
        then the file's (after a piece that starts mid-line they depend on what was fed before
        on that line, which differs with the pages settled from their bytes: left out)."""
        return self.buffer.data[start : start + 1] == b"\n" or self.buffer.line_start(start)

    def _gap(self, start: int, end: int) -> Iterator[Item]:
        """Bytes outside the pages (the header, the end): the XML parser reads them."""
        piece = self.buffer.data[start:end]
        aligned = self._aligned(start)
        self.plain = self.plain and plain_gap(piece)
        self.xml.feed(piece, self.buffer.line_at(start), final=self.buffer.eof, aligned=aligned)
        yield from self._events()

    def _page(self, gap: int, start: int, end: int) -> Iterator[Item]:
        """The page at ``data[start:end]``, after white space from ``gap``."""
        data = self.buffer.data
        if self.plain and self.state.depth == 1:
            found = quick_skip(data[start:end], self.state.source, self.namespaces, self.redirects)
            if found is not None:
                self.state.pages += 1
                yield found
                return
        newline = data.rfind(b"\n", gap, start)  # from there the parser counts columns right
        fed = newline if newline >= 0 else start
        try:
            self.xml.feed(data[fed:end], self.buffer.line_at(fed), aligned=self._aligned(fed))
            yield from self._events()
        except _Broken as broken:
            yield from self._damaged(bytes(data[start:end]), broken)

    def _damaged(self, piece: bytes, broken: _Broken) -> Iterator[Item]:
        """A cut-out page the parser cannot read: a failed item for it (for each page in it,
        if its end tag was lost), then a fresh parser for the rest of the file."""
        starts = [m.start() for m in _PAGE_START.finditer(piece)] or [0]
        for k, at in enumerate(starts):
            page_id, title = page_names(piece[at : starts[k + 1] if k + 1 < len(starts) else None])
            self.state.title = title
            problem = Problem("damaged-page", broken.message, self.state.where(broken.line))
            logger.debug("%s", problem)
            self.state.pages += 1
            yield Failed(self.state.source, page_id or title, title, problem)
        self._resync()

    def _resync(self) -> None:
        """Go on after a damaged page with a new parser, inside an element like the root."""
        root = self.state.root
        if self.state.fragment or root is None:
            opening = _FRAGMENT_ROOT
        else:
            namespace, _, name = (
                root.tag[1:].rpartition("}") if "}" in root.tag else ("", "", root.tag)
            )
            opening = f'<{name} xmlns="{namespace}">' if namespace else f"<{name}>"
        self.state.depth, self.state.root = 0, None
        self.state.title, self.state.id = "", ""
        self.xml = _Xml(self.state)
        self.xml.feed(opening.encode(), self.buffer.line_at(self.pos))
        for _ in self._events():  # the root's start: no page ends here
            pass

    def _events(self) -> Iterator[Item]:
        """The items of the pages the parser has finished (its errors come out here)."""
        try:
            yield from _events(self.xml.parser, self.state, self.namespaces, self.redirects)
        except ET.ParseError as exc:
            raise self.xml.broken(exc) from exc


_PROLOGUE = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*", re.S)
_START_BYTES = 4096  # the prologue is decided on at least this much data


def _first_element(data: bytearray, state: _State, *, final: bool) -> int | None:
    """Where the first element of ``data`` starts (None: read more); a bare ``<page>`` there
    makes the file a fragment. :class:`InputError` if the file is empty or not XML."""
    if len(data) < _START_BYTES and not final:
        return None
    prologue = _PROLOGUE.match(data)
    body_start = prologue.end() if prologue else 0
    body = bytes(data[body_start : body_start + 5])
    if len(body) < 5 and not final:
        return None
    if not body:
        raise InputError("empty file, no XML element", location=state.source)
    if not body.startswith(b"<"):
        raise InputError("not an XML file", location=state.source)
    state.fragment = body.startswith(b"<page")
    return body_start


def _broken(state: _State, message: str, line: int | None = None) -> Iterator[Failed]:
    """The file broke off: the page being read then (if any) as a failed item, after which
    :class:`InputError` says that reading the file stopped there."""
    where = state.where(line)
    if state.title or state.id:
        problem = Problem(kind="damaged-page", message=message, location=where)
        logger.debug("%s", problem)
        yield Failed(state.source, state.id or state.title, state.title, problem)
    if not state.pages and not state.title:  # nothing read: the file cannot be read at all
        raise InputError(message, location=state.source)
    raise InputError(f"{message}; reading stopped", location=where)


def _events(
    parser: ET.XMLPullParser, state: _State, namespaces: set[int], include_redirects: bool
) -> Iterator[Item]:
    for pair in parser.read_events():
        event, element = cast("tuple[str, ET.Element]", pair)
        name = element.tag.rpartition("}")[2]
        if event == "start":
            state.depth += 1
            if name == "page":
                state.title, state.id = "", ""
            elif state.root is None:
                state.root = element
            continue
        state.depth -= 1
        if name == "title" and not state.title:
            state.title = element.text or ""
        elif name == "id" and not state.id and state.depth == 2:
            state.id = (element.text or "").strip()
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
    """The text of the element at ``path``; a ``revision`` step takes the last revision (a
    history export lists them oldest first: the last is the current page)."""
    node: ET.Element | None = element
    for name in path:
        if node is None:
            break
        found = [c for c in node if c.tag.rpartition("}")[2] == name]
        node = (found[-1] if name == "revision" else found[0]) if found else None
    return (node.text or "") if node is not None else ""


def _item(page: ET.Element, state: _State, namespaces: set[int], redirects: bool) -> Item:
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
