"""``definiens run``: process a corpus into a results database, on all cores or a Dask cluster."""

from __future__ import annotations

import argparse
import functools
import json
import logging
import sys
from typing import Any

from definiens.api import default_stages
from definiens.cli.meanings import add_meaning_options
from definiens.cli.terminal import printable
from definiens.errors import UsageError
from definiens.run import (
    DaskExecutor,
    Executor,
    InProcessExecutor,
    PoolExecutor,
    StageFactory,
    check_inputs,
    default_workers,
    run_corpus,
)
from definiens.store import Database

__all__ = ["register", "run"]

logger = logging.getLogger(__name__)

RUNNER_LOGGER = "definiens.run.runner"


class _DeferErrors(logging.Filter):
    """Holds back the runner's error records: the command prints each error once, at the end,
    on a clean line after the progress bar (the runner also lists them in its summary)."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.ERROR:
            return True
        self.messages.append(record.getMessage())
        return False


def _print_errors(errors: list[str]) -> None:
    for error in dict.fromkeys(errors):  # each once, in order
        print(f"definiens: error: {printable(error)}", file=sys.stderr)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="process a corpus (a Wikipedia dump, folders of LaTeX files) into a database",
        description=(
            "Read every page or file of the inputs, find formulas, identifiers and their "
            "meanings, and store everything in a SQLite results database. Pages without "
            "mathematics are recorded as skipped; damaged ones as failed, with the reason."
        ),
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a dump (.xml or .xml.bz2), a file or a folder"
    )
    parser.add_argument("--db", required=True, metavar="RESULTS", help="the database file")
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help=f"worker processes (default: all cores, here {default_workers()}); "
        "1 runs in this process",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a dask.distributed cluster (e.g. tcp://host:8786)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="skip documents already processed or skipped in the database (after an "
        "interrupted run); failed ones are tried again",
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=8,
        metavar="N",
        help="documents sent to a worker at a time (default 8)",
    )
    parser.add_argument(
        "--no-definitions",
        action="store_true",
        help="only formulas and identifiers (no definitions stage)",
    )
    add_meaning_options(parser)
    parser.add_argument(
        "--include-redirects",
        action="store_true",
        help="read redirect pages too (default: record them as skipped)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def _executor(args: argparse.Namespace, factory: StageFactory) -> Executor:
    if args.scheduler:
        if args.workers is not None:
            raise UsageError(
                "--workers and --scheduler do not go together "
                "(the cluster decides how many workers run)"
            )
        return DaskExecutor(factory, args.scheduler)
    workers = default_workers() if args.workers is None else args.workers
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if workers == 1:
        return InProcessExecutor(factory)
    # the workers' forkserver loads the define stage's model once, for all of them
    preload = () if args.no_definitions else ("definiens.run.preload_define",)
    return PoolExecutor(factory, workers, preload=preload)


def _reader(args: argparse.Namespace) -> Any:
    from definiens.ingest import read_inputs

    return functools.partial(read_inputs, include_redirects=args.include_redirects)


def run(args: argparse.Namespace) -> int:
    if args.chunk_size < 1:
        raise UsageError(f"--chunk-size must be at least 1, not {args.chunk_size}")
    inputs = check_inputs(args.inputs)  # each once: run_corpus then has no repeat to warn of
    factory = functools.partial(
        default_stages, definitions=not args.no_definitions, top=args.top, min_score=args.min_score
    )
    options = {
        "definitions": not args.no_definitions,
        "scheduler": args.scheduler,
        "top": args.top,
        "min_score": args.min_score,
    }
    deferred = _DeferErrors()
    runner_logger = logging.getLogger(RUNNER_LOGGER)
    runner_logger.addFilter(deferred)
    try:
        with Database(args.db) as database, _executor(args, factory) as executor:
            summary = run_corpus(
                inputs,
                database,
                executor,
                chunk_size=args.chunk_size,
                resume=args.resume,
                show_progress=not args.no_progress and not args.quiet,
                read=_reader(args),
                options=options,
            )
    except BaseException:
        _print_errors(deferred.messages)
        raise
    finally:
        runner_logger.removeFilter(deferred)
    json.dump(
        {"run": summary.run, **summary.counts, "seconds": round(summary.seconds, 3)}, sys.stdout
    )
    print()
    _print_errors([*summary.input_errors, *deferred.messages])
    return 0 if summary.ok else 1
