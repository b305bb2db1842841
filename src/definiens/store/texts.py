"""How the ``texts`` table keeps a document's plain text and offset map: zlib-compressed.

The text is UTF-8; the offset map is its segments ``(text_start, source_start, length)`` as
compact JSON. Compressing happens where records are made (in the worker processes of a run),
so the one writer only inserts bytes.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence

__all__ = ["pack_offsets", "pack_text", "unpack_offsets", "unpack_text"]

_LEVEL = 6


def pack_text(text: str) -> bytes:
    """``text`` as stored."""
    return zlib.compress(text.encode("utf-8"), _LEVEL)


def unpack_text(stored: bytes) -> str:
    """The text :func:`pack_text` stored."""
    return zlib.decompress(stored).decode("utf-8")


def pack_offsets(segments: Sequence[tuple[int, int, int]]) -> bytes:
    """The segments of an offset map as stored."""
    data = json.dumps([list(segment) for segment in segments], separators=(",", ":"))
    return zlib.compress(data.encode("ascii"), _LEVEL)


def unpack_offsets(stored: bytes) -> list[tuple[int, int, int]]:
    """The segments :func:`pack_offsets` stored."""
    return [(int(t), int(s), int(n)) for t, s, n in json.loads(zlib.decompress(stored))]
