"""The XML parser of a dump, fed the parts of the file that are not settled from their bytes.

:class:`XmlFeed` decodes and parses the bytes it is given and locates its errors in the file;
:func:`page_events` turns the parser's events into one item per finished ``<page>``;
:func:`first_element` checks the start of the file and tells a fragment of bare ``<page>``
elements (read inside :data:`FRAGMENT_ROOT`) from a whole export.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import cast

from definiens.errors import InputError
from definiens.ingest.dumppage import page_item
from definiens.ingest.dumpstate import Broken, DumpState
from definiens.ingest.items import Item

__all__ = ["FRAGMENT_ROOT", "XmlFeed", "first_element", "page_events"]

#: The root element a fragment of bare ``<page>`` elements is read in.
FRAGMENT_ROOT = "<definiens-fragment>"


class XmlFeed:
    """The XML parser, fed the parts of the file that are not settled from their bytes."""

    def __init__(self, state: DumpState) -> None:
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
        self._parse(f"</{FRAGMENT_ROOT[1:]}" if self.state.fragment else "", close=True)

    def _parse(self, text: str, *, close: bool = False) -> None:
        try:
            self.parser.feed(text)
            if close:
                self.parser.close()
        except ET.ParseError as exc:
            raise self.broken(exc) from exc

    def broken(self, exc: ET.ParseError) -> Broken:
        """The error of the parser, located in the file."""
        line, column = getattr(exc, "position", (self.lines_fed + 1, 0))
        exact = line != self.aligned[0] or self.aligned[1]
        line += self.offset
        at = f"line {line}, column {column}" if exact else f"line {line}"
        return Broken(f"malformed XML at {at}", line)


_PROLOGUE = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*", re.S)
_START_BYTES = 4096  # the prologue is decided on at least this much data


def first_element(data: bytearray, state: DumpState, *, final: bool) -> int | None:
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


def page_events(
    parser: ET.XMLPullParser, state: DumpState, namespaces: set[int], include_redirects: bool
) -> Iterator[Item]:
    """The items of the pages the parser has finished since the last call (``ET.ParseError``
    when it met damage)."""
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
            yield page_item(element, state, namespaces, include_redirects)
            state.title, state.id = "", ""
            element.clear()
        elif name == "siteinfo":
            element.clear()
    if state.root is not None:
        state.root.clear()
