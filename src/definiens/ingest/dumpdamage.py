"""Damage in a dump: a page the parser cannot read, and a file that breaks off.

A damaged page becomes a :class:`~definiens.ingest.items.Failed` item (one per page in the cut-out
piece, if an end tag was lost) and reading goes on with a fresh parser, resynchronised inside an
element like the root (:func:`resynced_feed`). A file that breaks off ends with the page being
read as a failed item and an :class:`~definiens.errors.InputError` (:func:`broken_off`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from definiens.errors import InputError
from definiens.ingest.dumpstate import Broken, DumpState
from definiens.ingest.items import Failed
from definiens.ingest.pagebytes import page_names
from definiens.ingest.xmlfeed import FRAGMENT_ROOT, XmlFeed, page_events
from definiens.model import Problem

__all__ = ["PAGE_START", "broken_off", "damaged_pages", "resynced_feed"]

logger = logging.getLogger(__name__)

PAGE_START = re.compile(rb"<page[\s>]")


def damaged_pages(piece: bytes, broken: Broken, state: DumpState) -> Iterator[Failed]:
    """A failed item for the cut-out page ``piece`` the parser cannot read (for each page in
    it, if its end tag was lost)."""
    starts = [m.start() for m in PAGE_START.finditer(piece)] or [0]
    for k, at in enumerate(starts):
        page_id, title = page_names(piece[at : starts[k + 1] if k + 1 < len(starts) else None])
        state.title = title
        problem = Problem("damaged-page", broken.message, state.where(broken.line))
        logger.debug("%s", problem)
        state.pages += 1
        yield Failed(state.source, page_id or title, title, problem)


def resynced_feed(state: DumpState, line: int) -> XmlFeed:
    """A new parser to go on after a damaged page, inside an element like the root (fed at file
    line ``line``)."""
    root = state.root
    if state.fragment or root is None:
        opening = FRAGMENT_ROOT
    else:
        namespace, _, name = root.tag[1:].rpartition("}") if "}" in root.tag else ("", "", root.tag)
        opening = f'<{name} xmlns="{namespace}">' if namespace else f"<{name}>"
    state.depth, state.root = 0, None
    state.title, state.id = "", ""
    feed = XmlFeed(state)
    feed.feed(opening.encode(), line)
    for _ in page_events(feed.parser, state, set(), False):  # the root's start: no page ends
        pass
    return feed


def broken_off(state: DumpState, message: str, line: int | None = None) -> Iterator[Failed]:
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
