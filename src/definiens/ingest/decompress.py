"""Open an input file as a binary stream, decompressing ``.bz2`` on all cores when possible.

Python's :mod:`bz2` decompresses on one core, several times slower than ``lbzip2`` on a
multi-core machine, and a Wikipedia dump run is bounded by decompression. :func:`open_binary`
therefore pipes a ``.bz2`` file through ``lbzip2 -dc`` (or ``pbzip2 -dc``) when one is on PATH,
and falls back to :func:`bz2.open` (which reads multistream files, as Wikipedia dumps are).

The compressed file is handed to the decompressor as its standard input, so the parent and the
child share one file offset. A :class:`ReadPosition` given to :func:`open_binary` follows the
file it opens and tells how many bytes of it (as stored, compressed) have been consumed so far,
which a progress bar turns into an ETA; nothing is registered globally.
"""

from __future__ import annotations

import bz2
import io
import logging
import os
import shutil
import subprocess
from pathlib import Path
from typing import IO, BinaryIO, cast

from definiens.errors import InputError

__all__ = ["ReadPosition", "decompressor", "open_binary"]

logger = logging.getLogger(__name__)

DECOMPRESSORS = ("lbzip2", "pbzip2")


class ReadPosition:
    """How many bytes of the file last opened with it have been consumed (as stored).

    The caller that wants to know (a progress bar) makes one and passes it down to
    :func:`open_binary` (through :func:`definiens.ingest.read_inputs`); calling it gives the
    position, or None when no file is open.
    """

    def __init__(self) -> None:
        self._raw: IO[bytes] | None = None

    def follow(self, raw: IO[bytes]) -> None:
        """From now on, report the offset of ``raw``."""
        self._raw = raw

    def __call__(self) -> int | None:
        raw = self._raw
        if raw is None or raw.closed:
            return None
        try:
            return os.lseek(raw.fileno(), 0, os.SEEK_CUR)
        except (OSError, ValueError):
            return None


def decompressor() -> str | None:
    """The parallel bz2 decompressor found on PATH, or None (then :mod:`bz2` is used)."""
    if os.environ.get("DEFINIENS_NO_LBZIP2"):
        return None
    for name in DECOMPRESSORS:
        found = shutil.which(name)
        if found:
            return found
    return None


class _PipedStream(io.RawIOBase):
    """The standard output of a decompressor process, read as a raw binary stream.

    When the decompressor stops on damage, it may not have written out every block before the
    damage (lbzip2 works ahead); the stream then reads the file again with :mod:`bz2`, skips
    what was already delivered, and goes on up to the damage itself, so nothing readable is
    lost.
    """

    def __init__(
        self, path: Path, raw: IO[bytes], command: list[str], position: ReadPosition | None
    ) -> None:
        super().__init__()
        self._path = path
        self._raw = raw
        self._position = position
        self._delivered = 0
        self._fallback: _Bz2Stream | None = None
        self._process = subprocess.Popen(
            command, stdin=raw, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert self._process.stdout is not None
        self._stdout: BinaryIO = self._process.stdout  # type: ignore[assignment]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._fallback is not None:
            return self._fallback.readinto(buffer)
        count: int = self._stdout.readinto(buffer)  # type: ignore[attr-defined]
        self._delivered += count
        if count == 0:
            message = self._exit_message()
            if message is not None:
                self._fallback = self._reread(message)
                return self._fallback.readinto(buffer)
        return count

    def _exit_message(self) -> str | None:
        status = self._process.wait()
        if status == 0:
            return None
        assert self._process.stderr is not None
        message = self._process.stderr.read().decode("utf-8", "replace").strip()
        return message or f"exit status {status}"

    def _reread(self, message: str) -> _Bz2Stream:
        logger.warning(
            "%s: %s; reading it again with Python's bz2 up to the damage", self._path, message
        )
        stream = _Bz2Stream(self._path, _open_raw(self._path))
        if self._position is not None:
            self._position.follow(stream.raw)
        skip = bytearray(1 << 20)
        left = self._delivered
        while left > 0:
            count = stream.readinto(memoryview(skip)[: min(left, len(skip))])
            if count == 0:
                break
            left -= count
        return stream

    def close(self) -> None:
        if self.closed:
            return
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        for stream in (self._stdout, self._process.stderr, self._raw, self._fallback):
            if stream is not None:
                stream.close()
        super().close()


class _Bz2Stream(io.RawIOBase):
    """:mod:`bz2` decompression whose damage errors name the file (as :class:`InputError`)."""

    def __init__(self, path: Path, raw: IO[bytes]) -> None:
        super().__init__()
        self._path = path
        self.raw = raw
        self._bz2 = bz2.BZ2File(raw, "rb")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._bz2.read1(len(buffer))  # what one step yields: nothing is held back
        except (EOFError, OSError) as exc:
            raise InputError(f"cannot decompress: {exc}", location=str(self._path)) from exc
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._bz2.close()
            self.raw.close()
        super().close()


def _open_raw(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", location=str(path)) from exc


def open_binary(path: str | os.PathLike[str], position: ReadPosition | None = None) -> BinaryIO:
    """Open ``path`` for reading bytes; ``.bz2`` files come out decompressed.

    A damaged ``.bz2`` raises :class:`InputError` (naming the file) at the damage, after
    everything that could be decompressed before it. A ``.bz2`` stream is unbuffered: each
    ``read(n)`` returns what is available (at most ``n`` bytes, ``b""`` only at the end), so
    an error never swallows data already decompressed; read it in large chunks.
    ``position``, if given, follows the file from now on.
    """
    path = Path(path)
    raw = _open_raw(path)
    if position is not None:
        position.follow(raw)
    if path.suffix != ".bz2":
        return raw  # type: ignore[return-value]
    tool = decompressor()
    if tool is None:
        return cast(BinaryIO, _Bz2Stream(path, raw))
    logger.debug("decompressing %s with %s", path, tool)
    return cast(BinaryIO, _PipedStream(path, raw, [tool, "-dc"], position))
