"""The HTTP API and the web page: ``definiens serve``.

:func:`create_app` builds the ASGI application (FastAPI); :class:`WebSettings` holds its
options (database, time limit, body limit, worker processes).
"""

from __future__ import annotations

from definiens.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
