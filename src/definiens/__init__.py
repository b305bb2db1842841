"""definiens: find what every identifier in a formula means, from the text around it."""

from __future__ import annotations

from definiens.errors import (
    DefiniensError,
    InputError,
    ModelError,
    ParseError,
    StoreError,
    TexError,
    UsageError,
)
from definiens.model import Definiens, Document, Formula, Identifier, Link, Problem

__version__ = "0.1.0"

__all__ = [
    "Definiens",
    "DefiniensError",
    "Document",
    "Formula",
    "Identifier",
    "InputError",
    "Link",
    "ModelError",
    "ParseError",
    "Problem",
    "StoreError",
    "TexError",
    "UsageError",
    "__version__",
]
