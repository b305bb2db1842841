"""Open an input file as a binary stream, decompressing ``.bz2`` on all cores when possible.

Python's :mod:`bz2` decompresses on one core, several times slower than ``lbzip2`` on a
multi-core machine, and a Wikipedia dump run is bounded by decompression. :func:`open_binary`
therefore pipes a ``.bz2`` file through ``lbzip2 -dc`` (or ``pbzip2 -dc``) when one is on PATH,
and falls back to :func:`bz2.open` (which reads multistream files, as Wikipedia dumps are).

The compressed file is handed to the decompressor as its standard input, so the parent and the
child share one file offset: :func:`position` reads how many compressed bytes have been consumed
so far, which a progress bar turns into an ETA.
"""

from __future__ import annotations

import bz2
import io
import logging
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import IO, BinaryIO

from definiens.errors import InputError

__all__ = ["decompressor", "open_binary", "position"]

logger = logging.getLogger(__name__)

DECOMPRESSORS = ("lbzip2", "pbzip2")

_lock = threading.Lock()
_open_files: dict[str, IO[bytes]] = {}


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
    """The standard output of a decompressor process, read as a raw binary stream."""

    def __init__(self, path: Path, raw: IO[bytes], command: list[str]) -> None:
        super().__init__()
        self._path = path
        self._raw = raw
        self._process = subprocess.Popen(
            command, stdin=raw, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert self._process.stdout is not None
        self._stdout: BinaryIO = self._process.stdout  # type: ignore[assignment]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = self._stdout.readinto(buffer)  # type: ignore[attr-defined]
        if count == 0:
            self._check_exit()
        return count

    def _check_exit(self) -> None:
        status = self._process.wait()
        if status != 0:
            assert self._process.stderr is not None
            message = self._process.stderr.read().decode("utf-8", "replace").strip()
            raise InputError(
                f"cannot decompress: {message or f'exit status {status}'}",
                location=str(self._path),
            )

    def close(self) -> None:
        if self.closed:
            return
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        for stream in (self._stdout, self._process.stderr, self._raw):
            if stream is not None:
                stream.close()
        super().close()


class _Bz2Stream(io.RawIOBase):
    """:mod:`bz2` decompression whose damage errors name the file (as :class:`InputError`)."""

    def __init__(self, path: Path, raw: IO[bytes]) -> None:
        super().__init__()
        self._path = path
        self._raw = raw
        self._bz2 = bz2.BZ2File(raw, "rb")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            return self._bz2.readinto(buffer)
        except (EOFError, OSError) as exc:
            raise InputError(f"cannot decompress: {exc}", location=str(self._path)) from exc

    def close(self) -> None:
        if not self.closed:
            self._bz2.close()
            self._raw.close()
        super().close()


def _open_raw(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", location=str(path)) from exc


def open_binary(path: str | os.PathLike[str]) -> BinaryIO:
    """Open ``path`` for reading bytes; ``.bz2`` files come out decompressed.

    A damaged ``.bz2`` raises :class:`InputError` (naming the file) when the stream ends.
    """
    path = Path(path)
    raw = _open_raw(path)
    with _lock:
        for key in [key for key, f in _open_files.items() if f.closed]:
            del _open_files[key]
        _open_files[str(path)] = raw
    if path.suffix != ".bz2":
        return raw  # type: ignore[return-value]
    tool = decompressor()
    if tool is None:
        return io.BufferedReader(_Bz2Stream(path, raw), 1 << 20)
    logger.debug("decompressing %s with %s", path, tool)
    return io.BufferedReader(_PipedStream(path, raw, [tool, "-dc"]), 1 << 20)


def position(path: str | os.PathLike[str]) -> int | None:
    """How many bytes of ``path`` (as stored, compressed) have been consumed, or None.

    Only files opened by :func:`open_binary` are known; a closed file reports None.
    """
    with _lock:
        raw = _open_files.get(str(Path(path)))
    if raw is None or raw.closed:
        return None
    try:
        return os.lseek(raw.fileno(), 0, os.SEEK_CUR)
    except (OSError, ValueError):
        return None
