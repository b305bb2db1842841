"""Checks on output paths made before anything is opened for writing.

Opening an output truncates it, so a command that writes where it reads would destroy its input
before reading it. :func:`check_output` refuses that with one clear line.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from definiens.errors import UsageError

__all__ = ["STDOUT", "check_output", "same_file"]

STDOUT = "-"


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name the same file (links and hard links included)."""
    a, b = Path(a), Path(b)
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _inside(path: Path, folder: Path) -> bool:
    return folder.resolve() in path.resolve().parents


def check_output(output: str | Path, inputs: Sequence[str | Path], option: str = "-o") -> None:
    """:class:`UsageError` if ``output`` is one of ``inputs`` or lies inside an input folder."""
    out = Path(output)
    for source in map(Path, inputs):
        if source.is_dir():
            if same_file(out, source) or _inside(out, source):
                raise UsageError(
                    f"{option} {output}: lies inside the input folder {source}, which is read; "
                    "write the output elsewhere"
                )
        elif same_file(out, source):
            raise UsageError(
                f"{option} {output}: is the input {source}; writing it would destroy it "
                "before it is read"
            )
