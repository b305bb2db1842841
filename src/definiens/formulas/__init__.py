"""formulas stage: the identifiers of every formula, in canonical TeX, in pure Python.

:func:`extract_identifiers` reads one formula; :func:`identify` is the stage that fills
``Formula.identifiers`` (with the spans of every occurrence) and ``Formula.flags`` for every
formula of a document. :func:`find_spans` finds the occurrences of identifiers known without
them (made by hand, or read from a record that has no spans).
"""

from __future__ import annotations

from definiens.formulas.identifiers import (
    IdentifierResult,
    canonical_identifier,
    extract_identifiers,
)
from definiens.formulas.spans import find_spans
from definiens.formulas.stage import identify
from definiens.formulas.tokens import TokenStream, tokenize

__all__ = [
    "IdentifierResult",
    "TokenStream",
    "canonical_identifier",
    "extract_identifiers",
    "find_spans",
    "identify",
    "tokenize",
]
