"""The ASGI application: HTTP API, web page and static files, with its guards.

>>> from definiens.web import create_app
>>> app = create_app(db=None, time_limit=5.0)   # serve it with uvicorn.run(app)

Nothing is loaded from the network: KaTeX and Swagger UI are vendored under ``static/vendor``
(see ``scripts/vendor-frontend``), and FastAPI's CDN-based ``/docs`` is replaced by a local page.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from definiens import __version__
from definiens.errors import DefiniensError, ModelError, StoreError
from definiens.web.budget import Budget
from definiens.web.limits import BodyLimit, SecurityHeaders, TimeLimit
from definiens.web.results import Results
from definiens.web.routes import STATIC, api, pages
from definiens.web.workers import AnnotatePool

__all__ = ["STATIC", "WebSettings", "create_app"]

logger = logging.getLogger(__name__)

MAX_BODY = 2 * 1024 * 1024

mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("font/woff", ".woff")
mimetypes.add_type("font/ttf", ".ttf")


@dataclass(frozen=True)
class WebSettings:
    """How the server runs.

    ``db``: a results database to read (opened read-only), or None; ``time_limit``: seconds a
    request may take before it answers 503; ``max_body``: bytes a request body may have before
    it answers 413; ``workers``: annotate worker processes; ``cache_size``: cached answers;
    ``warm_up``: workers load the pipeline as soon as they start; ``budget``: what a worker
    reads of one request (:class:`~definiens.web.budget.Budget`).
    """

    db: Path | None = None
    time_limit: float = 20.0
    max_body: int = MAX_BODY
    workers: int = 2
    cache_size: int = 64
    warm_up: bool = True
    budget: Budget = field(default_factory=Budget)


def _status_of(exc: DefiniensError) -> int:
    if isinstance(exc, ModelError | StoreError):
        return 503
    return 422


async def _definiens_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DefiniensError)
    return JSONResponse({"detail": str(exc)}, status_code=_status_of(exc))


async def _invalid_request(_request: Request, exc: Exception) -> JSONResponse:
    """422 with one line, as every other error: where and what (the input is not echoed: it
    may be large, or not encodable at all)."""
    assert isinstance(exc, RequestValidationError)
    parts = [
        f"{'.'.join(str(p) for p in error.get('loc', ()))}: {error.get('msg', 'invalid')}"
        for error in exc.errors()
    ]
    detail = "; ".join(parts).encode("utf-8", "replace").decode("utf-8")
    return JSONResponse({"detail": detail or "invalid request"}, status_code=422)


async def _timeout_error(_request: Request, _exc: Exception) -> JSONResponse:
    return JSONResponse(
        {"detail": "the request took longer than the server's time limit"},
        status_code=503,
        headers={"retry-after": "5"},
    )


async def _runtime_error(_request: Request, exc: Exception) -> JSONResponse:
    logger.error("internal error: %s", exc)
    return JSONResponse({"detail": f"internal error: {exc}"}, status_code=500)


def create_app(settings: WebSettings | None = None, **options: Any) -> FastAPI:
    """Build the application; ``options`` override fields of ``settings`` (see WebSettings).

    The results database, if any, is opened here, so a wrong path fails before serving.
    """
    settings = replace(settings or WebSettings(), **options)
    database = Results(settings.db) if settings.db is not None else None
    pool = AnnotatePool(
        settings.workers,
        time_limit=settings.time_limit,
        cache_size=settings.cache_size,
        warm_up=settings.warm_up,
        budget=settings.budget,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()
            if database is not None:
                database.close()

    app = FastAPI(
        title="definiens",
        version=__version__,
        description="Find what every identifier in a formula means, from the text around it.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.pool = pool
    app.state.database = database
    app.add_exception_handler(DefiniensError, _definiens_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(TimeoutError, _timeout_error)
    app.add_exception_handler(RuntimeError, _runtime_error)
    app.include_router(api)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # a long document's JSON is megabytes; a low level compresses it 8-fold in a few ms
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=3)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)
    # a little over the annotate limit, so that the pool answers (and kills its worker) first
    app.add_middleware(TimeLimit, seconds=settings.time_limit + 1.0)
    app.add_middleware(SecurityHeaders)
    return app
