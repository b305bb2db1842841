"""How the ``texts`` table keeps a document's plain text and its layout: zlib-compressed.

The text is UTF-8. The *layout* is what places the text: the offset map's segments
``(text_start, source_start, length)`` and each formula's placeholder span ``(text_start,
text_end)``, as compact JSON of differences (each segment from the end of the one before, each
span from the end of the one before), which compress to a fraction of the plain numbers.
Compressing happens where records are made (in the worker processes of a run), so the one
writer only inserts bytes.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence

__all__ = ["Layout", "pack_layout", "pack_text", "unpack_layout", "unpack_text"]

_LEVEL = 6

Segment = tuple[int, int, int]
Span = tuple[int, int]
Layout = tuple[list[Segment], list[Span]]


def pack_text(text: str) -> bytes:
    """``text`` as stored."""
    return zlib.compress(text.encode("utf-8"), _LEVEL)


def unpack_text(stored: bytes) -> str:
    """The text :func:`pack_text` stored."""
    return zlib.decompress(stored).decode("utf-8")


def _segment_steps(segments: Sequence[Segment]) -> list[int]:
    steps, text_at, source_at = [], 0, 0
    for text_start, source_start, length in segments:
        steps += [text_start - text_at, source_start - source_at, length]
        text_at, source_at = text_start + length, source_start + length
    return steps


def _span_steps(spans: Sequence[Span]) -> list[int]:
    steps, at = [], 0
    for start, end in spans:
        steps += [start - at, end - start]
        at = end
    return steps


def pack_layout(segments: Sequence[Segment], spans: Sequence[Span]) -> bytes:
    """The offset map's segments and the formulas' placeholder spans, as stored."""
    data = {"offsets": _segment_steps(segments), "formulas": _span_steps(spans)}
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode("ascii"), _LEVEL)


def unpack_layout(stored: bytes) -> Layout:
    """The segments and spans :func:`pack_layout` stored."""
    data = json.loads(zlib.decompress(stored))
    segments: list[Segment] = []
    text_at = source_at = 0
    steps = data["offsets"]
    for k in range(0, len(steps), 3):
        text_start, source_start = text_at + steps[k], source_at + steps[k + 1]
        segments.append((text_start, source_start, steps[k + 2]))
        text_at, source_at = text_start + steps[k + 2], source_start + steps[k + 2]
    spans: list[Span] = []
    at = 0
    steps = data["formulas"]
    for k in range(0, len(steps), 2):
        start = at + steps[k]
        spans.append((start, start + steps[k + 1]))
        at = start + steps[k + 1]
    return segments, spans
