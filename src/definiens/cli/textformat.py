"""The human-readable output of ``definiens extract --format text``.

For each document: its title and source, then each formula (``<math>``, ``$…$``, environments;
the italic letters of wiki prose are counted but not listed) with its identifiers and, for each,
the best meanings found in the document. Control characters of the inputs are written as
``\\xNN`` (see :mod:`definiens.cli.terminal`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from definiens.cli.terminal import printable
from definiens.model import Definiens, Document, Formula

__all__ = ["write_text"]

TEX_WIDTH = 70


def _meanings(items: list[Definiens]) -> str:
    if not items:
        return "-"
    # every meaning kept: as many as --top and --min-score let through
    return "; ".join(f"{d.text} ({d.score:.2f}, {d.method})" for d in items)


def _scope_note(document: Document, scope: int) -> str:
    """Where an occurrence's meaning holds, when not in the whole document: " [in Lemma]"."""
    if scope < 0 or scope >= len(document.scopes):
        return ""
    return f"  [in {document.scopes[scope].title or document.scopes[scope].kind}]"


def _tex(formula: Formula) -> str:
    tex = " ".join(formula.tex.split())
    return tex if len(tex) <= TEX_WIDTH else tex[: TEX_WIDTH - 1] + "…"


def _write_document(document: Document, out: TextIO) -> None:
    shown = [f for f in document.formulas if f.markup != "italic"]
    line = f"{document.title}  [{document.source}, id {document.id}]"
    out.write(f"{printable(line)}\n")
    out.write(
        f"  {len(document.formulas)} formulas ({len(shown)} listed), "
        f"{len(document.definitions)} identifiers with meanings\n"
    )
    for formula in shown:
        out.write(f"  ({formula.index}) {printable(_tex(formula))}\n")
        for identifier in formula.identifiers:
            meanings = _meanings(document.meanings(identifier))
            where = _scope_note(document, identifier.scope)
            out.write(printable(f"      {identifier.tex:<16} {meanings}{where}") + "\n")
    out.write("\n")


def write_text(documents: Iterable[Document], out: TextIO) -> None:
    """Write each document's formulas, identifiers and best meanings for a person to read."""
    for document in documents:
        _write_document(document, out)
