"""The bytes of a dump read and not yet consumed, with the file line of any position in them."""

from __future__ import annotations

from typing import BinaryIO

from definiens.errors import InputError
from definiens.ingest.dumpstate import Broken

__all__ = ["CHUNK_SIZE", "ByteBuffer"]

#: How many bytes one read of the (decompressed) stream asks for.
CHUNK_SIZE = 1 << 20


class ByteBuffer:
    """The bytes read and not yet consumed, with the file line of any position in them."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.data = bytearray()
        self.eof = False
        self._counted = 0  # data[:_counted] has been counted: it ends on line _line
        self._line = 1
        self.dropped = 0  # bytes of the file before data[0]

    def fill(self) -> None:
        """Read one more chunk (sets ``eof`` at the end); :class:`Broken` on damage."""
        try:
            chunk = self.stream.read(CHUNK_SIZE) or b""  # a raw stream: what one step yields
        except (EOFError, OSError, InputError) as exc:
            reason = exc.message if isinstance(exc, InputError) else str(exc)
            raise Broken(f"damaged or truncated compressed stream ({reason})") from exc
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
