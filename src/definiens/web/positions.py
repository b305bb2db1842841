"""Offsets of a document's source mapped into its plain text, quickly and in both directions.

``Document.offsets`` maps each text offset back to the source. The page needs the other way
round: where in the text a source span (a meaning, a ``\\section`` title) lies. A
:class:`TextPositions` sorts the segments once, so each look-up is a binary search.
"""

from __future__ import annotations

import bisect

from definiens.model import OffsetMap

__all__ = ["TextPositions"]


class TextPositions:
    """Source offsets → text offsets, and which text offsets come from the source at all."""

    def __init__(self, offsets: OffsetMap, text_length: int) -> None:
        self.offsets = offsets
        self.by_source = sorted(offsets.segments, key=lambda seg: seg[1])
        self.source_starts = [seg[1] for seg in self.by_source]
        self.by_text = sorted(offsets.segments)
        self.text_starts = [seg[0] for seg in self.by_text]
        self.length = text_length

    def after(self, position: int) -> int:
        """The text offset of source ``position``; a source offset no text comes from (markup,
        a formula) maps to the start of the next text segment (:meth:`OffsetMap.to_text`, which
        keeps its segments sorted by source once). -1 for a negative position."""
        if position < 0:
            return -1
        if not self.by_source:
            return min(position, self.length)
        return self.offsets.to_text(position)

    def before(self, position: int) -> int:
        """The text offset just past the last text character that comes from source before
        ``position`` (0 when none does)."""
        segments = self.by_source
        if not segments:
            return min(max(position, 0), self.length)
        i = bisect.bisect_left(self.source_starts, position) - 1
        if i < 0:
            return 0
        text_start, source_start, length = segments[i]
        return text_start + min(length, position - source_start)

    def mapped(self, text_offset: int) -> bool:
        """Whether text offset ``text_offset`` comes from the source (else a reader inserted
        it: the line breaks around a heading, before an environment or an item)."""
        i = bisect.bisect_right(self.text_starts, text_offset) - 1
        if i < 0:
            return False
        text_start, _, length = self.by_text[i]
        return text_offset < text_start + length
