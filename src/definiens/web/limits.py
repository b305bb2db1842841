"""ASGI middleware that guards the server: body limit, time limit, security headers.

:class:`BodyLimit` refuses a body over the limit with 413, first by its ``Content-Length`` and
then by counting the bytes actually received (a chunked upload has no length to trust). It sits
inside Starlette's error middleware, so the app's own handling of a cut-off body never leaks out:
once the limit is passed, whatever the app answers is replaced by the 413.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from definiens.errors import InputError

__all__ = ["SECURITY_HEADERS", "BodyLimit", "SecurityHeaders", "TimeLimit"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# No inline script anywhere (KaTeX sets inline *styles*, hence 'unsafe-inline' for styles only).
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


async def _send_json(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return -1
    return None


class BodyLimit:
    """Answer 413 to any request whose body is over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> dict[str, Any]:
        return {"detail": f"request body over the limit of {self.max_bytes} bytes"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _content_length(scope)
        if length is not None and (length < 0 or length > self.max_bytes):
            if length < 0:
                await _send_json(send, 400, {"detail": "invalid Content-Length"})
            else:
                await _send_json(send, 413, self._too_large())
            return
        state = {"received": 0, "over": False, "started": False}

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > self.max_bytes:
                    state["over"] = True
                    raise InputError(self._too_large()["detail"])
            return message

        async def guarded_send(message: Message) -> None:
            if state["over"]:
                return  # the app's answer to a cut-off body is replaced by the 413
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except InputError:
            if not state["over"]:
                raise
        if state["over"] and not state["started"]:
            await _send_json(send, 413, self._too_large())


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        headers = list(self._headers)
        path = scope.get("path", "")
        if not path.startswith("/static/vendor/"):
            headers.append((b"cache-control", b"no-cache"))  # revalidate (ETag) after upgrades

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + headers
            await send(message)

        await self.app(scope, receive, with_headers)


class TimeLimit:
    """Answer 503 to a request not answered within ``seconds`` (a slow upload, a stuck query).

    The annotate pool keeps its own, equal limit and kills the worker that overran; this is the
    backstop for everything else. A response already started is only cut short.
    """

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            async with asyncio.timeout(self.seconds):
                await self.app(scope, receive, tracking_send)
        except TimeoutError:
            if not started:
                detail = "the request took longer than the server's time limit"
                await _send_json(send, 503, {"detail": detail})
