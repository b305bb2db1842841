"""The exceptions definiens raises.

Every error the package raises on purpose derives from :class:`DefiniensError`, so a caller
(and the CLI) can catch one class. The hierarchy is small::

    DefiniensError
    ├── InputError       an input cannot be read at all (missing file, not XML, truncated bz2)
    ├── ParseError       one page, formula or passage is damaged; reported, counted, skipped
    │   └── TexError     a formula's TeX is malformed beyond best-effort recovery
    ├── ModelError       the trained ranker or the spaCy pipeline is missing or unusable
    ├── StoreError       the results database cannot be opened, read or written
    └── UsageError       a command or API call was given options that do not fit together

Each error carries a ``location``: the file and, where known, the page, line or formula, so the
message alone tells a user where to look.
"""

from __future__ import annotations

__all__ = [
    "DefiniensError",
    "InputError",
    "ModelError",
    "ParseError",
    "StoreError",
    "TexError",
    "UsageError",
]


class DefiniensError(Exception):
    """Base class of every error raised by definiens."""

    def __init__(self, message: str, *, location: str | None = None) -> None:
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class InputError(DefiniensError):
    """An input file or folder cannot be read at all."""


class ParseError(DefiniensError):
    """A page, passage or formula is damaged; the rest of the input goes on."""


class TexError(ParseError):
    """A formula's TeX is malformed beyond best-effort recovery."""


class ModelError(DefiniensError):
    """A model (spaCy pipeline, trained ranker) is missing or unusable."""


class StoreError(DefiniensError):
    """The results database cannot be opened, read or written."""


class UsageError(DefiniensError):
    """Options or arguments that do not fit together."""
