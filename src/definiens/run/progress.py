"""The progress bar of a corpus run: pages read, processed, skipped, failed; rate and ETA.

When every input is a file, the bar counts the bytes of the inputs as stored (compressed) that
have been consumed, so tqdm shows an ETA; the position inside a file comes from
:attr:`Progress.position`, a :class:`~definiens.ingest.decompress.ReadPosition` the runner hands
to the reader. Otherwise it counts pages, without an ETA.
"""

from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tqdm import tqdm

from definiens.ingest.decompress import ReadPosition

__all__ = ["Progress"]

logger = logging.getLogger(__name__)

_REFRESH_SECONDS = 0.5


class Progress:
    """Counts of a run, shown on stderr (or only counted when ``show`` is false)."""

    def __init__(self, paths: list[Path], *, show: bool = True) -> None:
        self.counts: Counter[str] = Counter()
        self._sizes = {str(p): p.stat().st_size for p in paths if p.is_file()}
        self._by_bytes = len(self._sizes) == len(paths) and bool(paths)
        self._done_bytes = 0
        self._current: str | None = None
        #: Follows the file being read; give it to the reader (``read_inputs(position=…)``).
        self.position = ReadPosition()
        self._last = 0.0
        self._start = time.monotonic()
        self._bar: Any = None
        if show:
            self._bar = tqdm(
                total=sum(self._sizes.values()) if self._by_bytes else None,
                unit="B" if self._by_bytes else " pages",
                unit_scale=self._by_bytes,
                unit_divisor=1024,
                file=sys.stderr,
                dynamic_ncols=True,
                smoothing=0.1,
            )

    def start_input(self, path: Path) -> None:
        """Reading of ``path`` begins."""
        self._current = str(path)

    def end_input(self, path: Path) -> None:
        """Reading of ``path`` is over."""
        self._done_bytes += self._sizes.get(str(path), 0)
        self._current = None
        self.refresh(force=True)

    def add(self, key: str, n: int = 1) -> None:
        """Count ``n`` more pages under ``key`` (read, processed, skipped, failed, done)."""
        self.counts[key] += n
        self.refresh()

    def refresh(self, *, force: bool = False) -> None:
        """Redraw the bar, at most twice a second unless forced."""
        now = time.monotonic()
        if self._bar is None or (not force and now - self._last < _REFRESH_SECONDS):
            return
        self._last = now
        if self._by_bytes:
            here = self.position() if self._current else None
            self._bar.n = self._done_bytes + (here or 0)
        else:
            self._bar.n = self.counts["read"]
        rate = self.counts["read"] / max(now - self._start, 1e-9)
        c = self.counts
        postfix = f"read={c['read']} processed={c['processed']} skipped={c['skipped']}"
        postfix += f" failed={c['failed']}"
        if c["done"]:
            postfix += f" already={c['done']}"
        self._bar.set_postfix_str(f"{postfix} ({rate:.0f} pages/s)", refresh=False)
        self._bar.refresh()

    def close(self) -> None:
        """Draw the final counts and release the terminal line."""
        self.refresh(force=True)
        if self._bar is not None:
            self._bar.close()
