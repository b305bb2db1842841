"""The routes: the JSON API under ``/api`` and the HTML pages.

The pages are static files with no server-side templating: every piece of user data reaches the
browser as JSON and is written into the page by ``static/app.js`` with ``textContent`` or KaTeX.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, Response

from definiens import __version__
from definiens.web.results import Results
from definiens.web.schemas import AnnotateRequest, AnnotateResponse, ErrorOut

__all__ = ["api", "pages"]

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
NO_DATABASE = "no results database is open: start the server with 'definiens serve --db RESULTS'"

api = APIRouter(prefix="/api", tags=["api"])
pages = APIRouter(include_in_schema=False)

_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorOut, "description": "request body over 2 MB"},
    422: {"model": ErrorOut, "description": "the text cannot be read"},
    503: {"model": ErrorOut, "description": "over the time limit, or no database"},
}


def _database(request: Request) -> Results:
    database: Results | None = request.app.state.database
    if database is None:
        raise HTTPException(status_code=503, detail=NO_DATABASE)
    return database


async def _read(request: Request, method: str, *args: Any) -> Any:
    """Run a read-only database query in a thread, under the request time limit."""
    database = _database(request)
    limit = request.app.state.settings.time_limit
    async with asyncio.timeout(limit):
        return await asyncio.to_thread(getattr(database, method), *args)


@api.get("/status", summary="server status")
async def status(request: Request) -> dict[str, Any]:
    settings = request.app.state.settings
    database: Results | None = request.app.state.database
    return {
        "version": __version__,
        "database": database is not None,
        "workers": request.app.state.pool.alive,
        "time_limit": settings.time_limit,
        "max_body": settings.max_body,
    }


@api.post(
    "/annotate",
    summary="find the identifiers of every formula and their meanings",
    response_model=AnnotateResponse,
    responses=_ERRORS,
)
async def annotate(body: AnnotateRequest, request: Request) -> Response:
    payload: bytes = await request.app.state.pool.annotate(body.text, body.format, body.title)
    return Response(content=payload, media_type="application/json")


@api.get("/define/{identifier:path}", summary="an identifier's meanings across the database")
async def define(
    identifier: str,
    request: Request,
    namespace: str | None = Query(None, description="read the meanings this namespace inherits"),
    limit: int = Query(10, ge=1, le=100),
) -> dict[str, Any]:
    from definiens.formulas import canonical_identifier

    identifier = canonical_identifier(identifier)  # α, {\alpha}, $\alpha$: \alpha
    meanings = await _read(request, "define", identifier, namespace, limit)
    return {"identifier": identifier, "namespace": namespace, "meanings": meanings}


@api.get("/documents", summary="documents of the database whose title contains q")
async def documents(
    request: Request,
    q: str = Query("", max_length=500),
    limit: int = Query(50, ge=1, le=500),
) -> dict[str, Any]:
    return {"documents": await _read(request, "documents", q, limit)}


@api.get(
    "/documents/{doc}",
    summary="one document of the database, as annotate answers it",
    response_model=AnnotateResponse,
    responses={404: {"model": ErrorOut, "description": "no such document"}},
)
async def document(request: Request, doc: int = PathParam(ge=1, le=2**63 - 1)) -> Response:
    # encoded once, by the thread that reads it: a long chapter's answer is megabytes, which
    # FastAPI's own encoding of a returned dict would take most of a second to walk through
    found: bytes | None = await _read(request, "document_json", doc)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no document {doc} in the database")
    return Response(content=found, media_type="application/json")


@api.get("/namespaces", summary="namespaces with their identifier tables")
async def namespaces(request: Request) -> dict[str, Any]:
    return {"namespaces": await _read(request, "namespaces")}


def _page(name: str) -> FileResponse:
    return FileResponse(STATIC / name, media_type="text/html; charset=utf-8")


@pages.get("/")
async def index() -> FileResponse:
    return _page("index.html")


@pages.get("/doc/{doc}")
async def document_page(doc: int = PathParam(ge=1, le=2**63 - 1)) -> FileResponse:
    """A document of the database, by its address (the page asks the API for it)."""
    return _page("index.html")


@pages.get("/namespaces")
async def namespaces_page() -> FileResponse:
    return _page("namespaces.html")


@pages.get("/docs")
async def docs_page() -> FileResponse:
    return _page("docs.html")


@pages.get("/favicon.ico")
async def favicon() -> FileResponse:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
