"""The identifiers stage: fills ``Formula.identifiers`` and ``Formula.flags``."""

from __future__ import annotations

import logging
import re
from typing import Any

from definiens.formulas.identifiers import extract_identifiers
from definiens.formulas.macros import page_macros
from definiens.formulas.vocabulary import GREEK_LOWER
from definiens.memory import collector_paused
from definiens.model import Document

__all__ = ["REPORTED_FLAGS", "identify"]

logger = logging.getLogger(__name__)

#: Flags that mean the TeX is damaged (reported on the document); an unknown macro is only
#: recorded on the formula, since documents often define their own.
REPORTED_FLAGS = frozenset(
    {
        "unbalanced_braces",
        "unclosed_environment",
        "mismatched_environment",
        "unmatched_end",
        "missing_argument",
        "too_deep",
        "double_subscript",
        "double_superscript",
        "macro_loop",
    }
)


def identify(document: Document) -> Document:
    """Find the identifiers of every formula of ``document`` (any kind: math, template…).

    In a LaTeX document the macros it defines (``\\newcommand``, ``\\DeclareMathOperator``,
    ``\\def``) are expanded.

    Damaged TeX gives best-effort identifiers, flags on the formula and a
    :class:`~definiens.model.Problem` on the document; it never raises.
    """
    macros = page_macros(document)
    with collector_paused():  # a document's formulas: many objects, no cycles
        _identify_all(document, macros)
    logger.debug("identified %d formulas of %s", len(document.formulas), document.title)
    return document


def _identify_all(document: Document, macros: Any) -> None:
    for formula in document.formulas:
        result = extract_identifiers(formula.tex, macros)
        formula.identifiers, formula.flags = result.identifiers, list(result.flags)
    _read_tensor_indices(document, macros)
    for formula in document.formulas:
        damaged = [flag for flag in formula.flags if flag in REPORTED_FLAGS]
        if damaged:
            document.report(
                "tex",
                f"malformed TeX ({', '.join(damaged)}): {_excerpt(formula.tex)}",
                where=f"formula {formula.index}",
            )


_GREEK = "|".join(sorted((name[1:] for name in GREEK_LOWER), key=len, reverse=True))
#: A symbol with a Greek superscript kept as its index (``u^{\\alpha}``, ``T^{\\mu\\nu}``).
_TENSOR = re.compile(rf"^(?P<base>[^_^]+)(?:_\{{[^{{}}]*\}})?\^\{{(?:\\(?:{_GREEK}))+\}}$")
#: A symbol with a Greek subscript index (``u_{\\alpha}``).
_LOWER = re.compile(rf"^(?P<base>[^_^]+)_\{{(?:\\(?:{_GREEK}))+\}}")
_GREEK_SUPERSCRIPT = re.compile(rf"\^\s*\{{?\s*\\(?:{_GREEK})(?![A-Za-z])")


def _read_tensor_indices(document: Document, macros: Any) -> None:
    """Where the page writes a symbol with Greek tensor indices, up and down ("$-u_\\alpha
    u^\\alpha T$"; not only up, as a sum over multi-indices $c_\\alpha x^\\alpha$ writes
    powers), the same symbol with a Greek superscript is that symbol with its index, not a power:
    "where $u^{\\alpha}$ is the 4-velocity" names $u^{\\alpha}$, not $u$ and $\\alpha$."""
    written = {i.tex for formula in document.formulas for i in formula.identifiers}
    upper = {m.group("base") for tex in written if (m := _TENSOR.match(tex)) is not None}
    lower = {m.group("base") for tex in written if (m := _LOWER.match(tex)) is not None}
    bases = upper & lower  # indices up and down: tensor notation, not a sum over exponents
    if not bases:
        return
    for formula in document.formulas:
        if not _GREEK_SUPERSCRIPT.search(formula.tex):
            continue
        read = extract_identifiers(formula.tex, macros, tensors=True)
        before = {i.tex for i in formula.identifiers}
        new = [i.tex for i in read.identifiers if i.tex not in before]
        if new and all(_base(tex) in bases for tex in new):
            formula.identifiers, formula.flags = read.identifiers, list(read.flags)


def _base(tex: str) -> str:
    """The symbol of an identifier with a Greek superscript index ("" for any other)."""
    match = _TENSOR.match(tex)
    return match.group("base") if match else ""


def _excerpt(tex: str, limit: int = 60) -> str:
    tex = " ".join(tex.split())
    return tex if len(tex) <= limit else tex[: limit - 1] + "…"
