"""``definiens serve``: the HTTP API and the web page, served by uvicorn."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from definiens.errors import UsageError

__all__ = ["register", "run"]

logger = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="HTTP API and web page",
        description=(
            "Serve the HTTP API (POST /api/annotate, GET /api/define/…, /openapi.json) and the "
            "web page where hovering an identifier in a formula shows its meanings."
        ),
    )
    parser.add_argument("--db", metavar="RESULTS", help="a results database, opened read-only")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default %(default)s)")
    parser.add_argument("--port", type=int, default=8000, help="port (default %(default)s)")
    parser.add_argument(
        "--workers",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="annotate worker processes (default %(default)s)",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="a request taking longer answers 503 (default %(default)s)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from definiens.web import create_app

    if args.workers < 1 or args.time_limit <= 0:
        raise UsageError("--workers must be at least 1 and --time-limit positive")
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port} is not a port number")
    db = Path(args.db) if args.db else None
    app = create_app(db=db, workers=args.workers, time_limit=args.time_limit)
    where = f"[{args.host}]" if ":" in args.host else args.host
    print(f"definiens: serving on http://{where}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0
