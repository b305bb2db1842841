"""Stream the pages of a MediaWiki XML export or dump, in constant memory.

Reads ``.xml`` and ``.xml.bz2`` (single-stream and multistream) files, whole exports with a
``<mediawiki>`` root and fragments made of bare ``<page>`` elements, in UTF-8 or any encoding
XML allows (UTF-16 and UTF-32 by their byte order mark, others as declared: re-encoded on the
fly by :mod:`definiens.ingest.encoding`). Each page becomes one
item: a raw :class:`~definiens.model.Document` (not yet parsed), or a
:class:`~definiens.ingest.items.Skipped` page (redirect, other namespace, no math). A file that
breaks off (malformed XML, truncated bz2) yields one :class:`~definiens.ingest.items.Failed`
naming the line and the page, after the pages read before the damage.

Most pages of a dump have no mathematics, so the reader works on bytes first: it cuts the
stream at ``<page>`` … ``</page>`` and settles a page from its bytes alone when it can prove
the XML parser would find it well-formed and skip it (:mod:`definiens.ingest.pagebytes`):
title, id and namespace come from its tags, and the math markers are searched in the raw text.
Every other page, and everything between pages, goes through the XML parser
(:mod:`definiens.ingest.xmlfeed`), which also reports damage with its line
(:mod:`definiens.ingest.dumpdamage`). The bytes wait in a :class:`~.bytebuffer.ByteBuffer`;
:mod:`definiens.ingest.dumppage` turns a parsed ``<page>`` into its item.
"""

from __future__ import annotations

import contextlib
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import BinaryIO

from definiens.ingest.bytebuffer import ByteBuffer
from definiens.ingest.decompress import ReadPosition, open_binary
from definiens.ingest.dumpdamage import PAGE_START, broken_off, damaged_pages, resynced_feed
from definiens.ingest.dumpstate import Broken, DumpState
from definiens.ingest.encoding import utf8_stream
from definiens.ingest.items import Item
from definiens.ingest.pagebytes import plain_gap, quick_skip
from definiens.ingest.xmlfeed import FRAGMENT_ROOT, XmlFeed, first_element, page_events

__all__ = ["read_dump"]

# A page longer than this is handed to the XML parser in pieces instead of being buffered whole.
MAX_PAGE_BYTES = 1 << 26
_PAGE_END = b"</page>"


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
    state = DumpState(source=source)
    with _open(path, position) as raw:
        stream = utf8_stream(raw, source)
        reader = _Reader(stream, state, set(namespaces), include_redirects, scan_bytes)
        yield from reader.items()


class _Reader:
    """Cuts the byte stream into pages and settles each from its bytes or with the parser."""

    def __init__(
        self,
        stream: BinaryIO,
        state: DumpState,
        namespaces: set[int],
        include_redirects: bool,
        scan_bytes: bool,
    ) -> None:
        self.buffer = ByteBuffer(stream)
        self.state = state
        self.xml = XmlFeed(state)
        self.namespaces = namespaces
        self.redirects = include_redirects
        self.plain = scan_bytes  # pages may be settled from their bytes
        self.pos = 0  # buffer.data[:pos] is consumed
        self.searched = 0  # no "</page>" before this position in the buffer

    def items(self) -> Iterator[Item]:
        try:
            yield from self._read()
        except Broken as broken:
            if broken.line is None:  # the stream broke off: the parser reads what came
                with contextlib.suppress(Broken):
                    yield from self._gap(self.pos, len(self.buffer.data))
                self.state.line = self.buffer.line_at(len(self.buffer.data))
            with contextlib.suppress(Broken):
                yield from self._events()
            yield from broken_off(self.state, broken.message, broken.line)

    def _read(self) -> Iterator[Item]:
        buffer = self.buffer
        self.pos = self._start()
        while True:
            data, pos = buffer.data, self.pos
            found = PAGE_START.search(data, pos)
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
            start = first_element(buffer.data, self.state, final=buffer.eof)
            if start is not None:
                break
            buffer.fill()
        if self.state.fragment:
            self.xml.feed(buffer.data[:start] + FRAGMENT_ROOT.encode(), 1)
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
        except Broken as broken:
            yield from damaged_pages(bytes(data[start:end]), broken, self.state)
            self.xml = resynced_feed(self.state, self.buffer.line_at(self.pos))

    def _events(self) -> Iterator[Item]:
        """The items of the pages the parser has finished (its errors come out here)."""
        try:
            yield from page_events(self.xml.parser, self.state, self.namespaces, self.redirects)
        except ET.ParseError as exc:
            raise self.xml.broken(exc) from exc
