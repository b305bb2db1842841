"""formulas stage: the identifiers of every formula, in canonical TeX, in pure Python.

:func:`extract_identifiers` reads one formula; :func:`identify` is the stage that fills
``Formula.identifiers`` and ``Formula.flags`` for every formula of a document.
"""

from __future__ import annotations

from definiens.formulas.identifiers import (
    IdentifierResult,
    canonical_identifier,
    extract_identifiers,
)
from definiens.formulas.stage import identify
from definiens.formulas.tokens import TokenStream, tokenize

__all__ = [
    "IdentifierResult",
    "TokenStream",
    "canonical_identifier",
    "extract_identifiers",
    "identify",
    "tokenize",
]
