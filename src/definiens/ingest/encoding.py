"""The encoding of an input file, and a dump in any encoding read as UTF-8 bytes.

XML allows any encoding its declaration names, with a byte order mark deciding UTF-16 and
UTF-32. The dump reader works on UTF-8 bytes (it settles most pages from their bytes), so
:func:`utf8_stream` looks at the start of a dump and, when it is not UTF-8, re-encodes the
stream on the fly; line breaks are kept, so lines in reports stay those of the file.
:func:`bom_encoding` tells the encoding a text file's byte order mark gives.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO, cast

from definiens.errors import InputError

__all__ = ["bom_encoding", "utf8_stream", "xml_encoding"]

#: Byte order marks, the longer first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: The start of ``<?xml`` in UTF-16 without a byte order mark.
_BARE_UTF16 = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))
_DECLARATION = re.compile(rb"\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([A-Za-z][\w.:-]*)[\"']")
_HEAD_BYTES = 1024  # the declaration is looked for in this many bytes
_CHUNK = 1 << 20


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """The encoding a byte order mark at the start of ``head`` gives, and the mark's length."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, len(bom)
    return None


def xml_encoding(head: bytes, source: str) -> tuple[str, int]:
    """The encoding of an XML file from its first bytes, and how many bytes of a byte order
    mark to skip. :class:`InputError` when the declaration names an unknown encoding."""
    found = bom_encoding(head)
    if found is not None:
        return found
    for start, name in _BARE_UTF16:
        if head.startswith(start):
            return name, 0
    declared = _DECLARATION.match(head)
    if declared is None:
        return "utf-8", 0
    name = declared.group(1).decode("ascii")
    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):  # base64 is a codec too
        message = f"unknown encoding {name!r} in the XML declaration"
        raise InputError(message, location=source)
    encoding = info.name
    if encoding.startswith(("utf-16", "utf-32")):  # a declaration read as ASCII: it is not
        return "utf-8", 0
    return encoding, 0


class _Recoded(io.RawIOBase):
    """The bytes of ``stream`` after ``head``, decoded from ``encoding``, as UTF-8."""

    def __init__(self, stream: BinaryIO, head: bytes, encoding: str) -> None:
        super().__init__()
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder(encoding)("replace")
        self._pending = self._decoder.decode(head).encode("utf-8")
        self._used = 0  # bytes of _pending already read
        self._eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self._used == len(self._pending) and not self._eof:
            chunk = self._stream.read(_CHUNK) or b""
            self._eof = not chunk
            self._pending = self._decoder.decode(chunk, final=self._eof).encode("utf-8")
            self._used = 0
        count = min(len(buffer), len(self._pending) - self._used)
        buffer[:count] = self._pending[self._used : self._used + count]
        self._used += count
        return count


class _Prefixed(io.RawIOBase):
    """``head``, then the rest of ``stream``: the bytes looked at are not lost."""

    def __init__(self, stream: BinaryIO, head: bytes) -> None:
        super().__init__()
        self._stream = stream
        self._head = head
        self._used = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._used < len(self._head):
            count = min(len(buffer), len(self._head) - self._used)
            buffer[:count] = self._head[self._used : self._used + count]
            self._used += count
            return count
        data = self._stream.read(len(buffer)) or b""
        buffer[: len(data)] = data
        return len(data)


def utf8_stream(stream: BinaryIO, source: str) -> BinaryIO:
    """``stream`` (an XML file's bytes) as UTF-8 bytes, whatever its encoding: UTF-16 or
    UTF-32 by their byte order mark or their first characters, or the encoding its
    declaration names (a UTF-8 byte order mark is kept: the reader skips it)."""
    head = b""
    while len(head) < _HEAD_BYTES:
        chunk = stream.read(_HEAD_BYTES) or b""
        if not chunk:
            break
        head += chunk
    encoding, skip = xml_encoding(head, source)
    if encoding == "utf-8":
        return cast(BinaryIO, _Prefixed(stream, head))
    return cast(BinaryIO, _Recoded(stream, head[skip:], encoding))
