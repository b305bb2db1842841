"""The ``definiens`` command: parses options, configures logging, turns errors into one line.

Each sub-command lives in its own module of this package with a ``register(subparsers)``
function; the module parses options and calls a plain function of the library.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import logging
import sys
from collections.abc import Sequence

from definiens import __version__
from definiens.cli.terminal import printable
from definiens.errors import DefiniensError

__all__ = ["build_parser", "main"]

COMMANDS = [
    "definiens.cli.extract",
    "definiens.cli.evaluate",
    "definiens.cli.train",
    "definiens.cli.identifiers",
    "definiens.cli.run",
    "definiens.cli.stats",
    "definiens.cli.define",
    "definiens.cli.export",
    "definiens.cli.serve",
    "definiens.cli.html",
    "definiens.cli.namespaces",
]

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="definiens",
        description="Find what every identifier in a formula means, from the text around it.",
    )
    parser.add_argument("--version", action="version", version=f"definiens {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    for command in subparsers.choices.values():
        _add_common_options(command)
    return parser


def _add_common_options(parser: argparse.ArgumentParser) -> None:
    """``-v``, ``-q`` and ``--debug`` after the command as well as before it.

    Their defaults are suppressed, so an option given only before the command stands; ``-v``
    counts on both sides.
    """
    add = functools.partial(parser.add_argument, default=argparse.SUPPRESS)
    # A command that defines one of these itself keeps its own (argparse refuses the second).
    with contextlib.suppress(argparse.ArgumentError):
        add("-v", "--verbose", action="count", dest="verbose_after", help="more log output")
    with contextlib.suppress(argparse.ArgumentError):
        add("-q", "--quiet", action="store_true", help="only errors")
    with contextlib.suppress(argparse.ArgumentError):
        add("--debug", action="store_true", help="show tracebacks of internal errors")


class _Formatter(logging.Formatter):
    """``definiens: warning: ...``: the prefix the command prints its own messages with."""

    def format(self, record: logging.LogRecord) -> str:
        return f"definiens: {record.levelname.lower()}: {printable(super().format(record))}"


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR
        if quiet
        else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter("%(message)s"))
    root = logging.getLogger("definiens")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``definiens`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose + getattr(args, "verbose_after", 0), args.quiet)
    try:
        status = args.func(args)
    except DefiniensError as exc:
        print(f"definiens: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("definiens: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"definiens: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    return int(status or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
