"""Memory helpers shared by the stages.

:func:`collector_paused` keeps Python's cyclic garbage collector from running while a stage
makes many small objects that hold no reference cycles: each run of the collector scans every
object alive, so with a large document its passes cost more than linear time.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block, Python's cyclic garbage collector does not run (as it was after).

    Building candidates makes hundreds of thousands of small containers (mentions, evidence,
    feature dicts) that live until the document is done, and a reader as many tokens, formulas
    and offsets; each run of the collector scans all that is alive (a third of the candidates'
    CPU; a reader's time grew ×2.2 per doubling of a long document instead of ×2). They hold no
    reference cycles of their own: reference counting frees them as before, and the collector
    finds any other cycles once it runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
