"""Where the benchmarks' data comes from, and one clear line when it is missing.

Most benchmarks read real data that is not in the repository: the 50 NTCIR-11 Math Wikipedia
dev pages with their gold standard and the mathosphere MLP output (``ntcir11-wiki/``), 31 pages
cut from an English Wikipedia dump (``enwiki-sample-31.xml``) and the 9,477 PlanetMath entries
(``planetmath-tex.tar.gz``). They live in the project's shared data folder, ``../shared/data``
beside the repository, whose README.md gives each file's source and licence; ``--data DIR``
points elsewhere. A benchmark whose files are missing stops with one line on stderr and exit
status 1, before any work.
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["DEFAULT_DATA", "add_data_option", "require"]

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SHOWN = "../shared/data beside the repository"


def add_data_option(parser: argparse.ArgumentParser, *files: str) -> None:
    """Add ``--data DIR`` and say in the help which ``files`` the benchmark reads there."""
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        metavar="DIR",
        help=f"the shared data folder (default: {SHOWN})",
    )
    note = (
        f"Data: {', '.join(files)} in the shared data folder (--data; default {SHOWN}; "
        "its README.md gives each file's source and licence)."
    )
    parser.epilog = f"{parser.epilog} {note}" if parser.epilog else note


def require(parser: argparse.ArgumentParser, *paths: Path, hint: str = "") -> None:
    """Stop with one line and exit status 1 when one of ``paths`` does not exist; ``hint``
    replaces the default advice (the shared data folder, ``--data``)."""
    missing = [path for path in paths if not path.exists()]
    if not missing:
        return
    more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
    hint = hint or f"it comes from the project's shared data folder ({SHOWN}), or pass --data DIR"
    parser.exit(1, f"{parser.prog}: error: benchmark data not found: {missing[0]}{more}; {hint}\n")
