"""Query formulas to ident CSV rows: ``definiens extract PAGES --queries Q.json --format ident``.

A queries file has the gold file's form (``definitions`` may be absent). Each query names its
page by title (underscores for spaces) and gives the formula's TeX; the identifiers of the
formula (extracted from that TeX through the page's own LaTeX macros, else from the matching
formula of the page) get the meanings the define stage found on that page, one row
``qId,title,identifier,definiens`` each.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from definiens.evaluate.gold import GoldFormula, load_gold, normalise_identifier
from definiens.evaluate.matching import find_formula
from definiens.evaluate.scoring import IdentRow
from definiens.formulas import extract_identifiers
from definiens.formulas.macros import page_macros
from definiens.formulas.spans import outer
from definiens.model import Definiens, Document, Formula

__all__ = [
    "Ranker",
    "ident_rows_for",
    "load_queries",
    "page_key",
    "query_identifiers",
    "query_rows",
]

logger = logging.getLogger(__name__)

#: Ranks the meanings of one identifier of a document: (document, identifier) -> meanings.
Ranker = Callable[[Document, str], Sequence[Definiens]]


def load_queries(path: str | Path) -> list[GoldFormula]:
    """The query formulas of a queries (or gold) JSON file."""
    return load_gold(path)


def page_key(title: str) -> str:
    """A page title as matched between queries and pages: underscores as spaces, case-folded."""
    return " ".join(title.replace("_", " ").split()).casefold()


def _query_formula(query: GoldFormula, document: Document) -> Formula | None:
    """The formula of ``document`` the query names (by its TeX and number), or None."""
    return find_formula(document, query.tex, int(query.fid) if query.fid.isdigit() else None)


def query_identifiers(
    query: GoldFormula,
    document: Document | None,
    formula: Formula | None = None,
    indices: bool = True,
) -> list[str]:
    """The identifiers of a query formula in canonical TeX, in order, without repeats
    (``formula``: the page's formula for the query, when the caller has looked it up).

    ``indices=False`` leaves out the running indices read only inside subscripts (the ``i``
    of ``x_{i}``), which the NTCIR-11 gold never lists: there a row for one is a false
    positive whatever it says.
    """
    macros = page_macros(document) if document is not None else None
    found = list(extract_identifiers(query.tex, macros, indices=indices).tex)
    if not found and document is not None:
        formula = formula or _query_formula(query, document)
        if formula is not None:
            shown = formula.identifiers if indices else outer(formula.identifiers)
            found = [i.tex for i in shown]
    unique: dict[str, str] = {}
    for tex in found:
        unique.setdefault(normalise_identifier(str(tex)), str(tex))
    return list(unique.values())


def _stored(document: Document, identifier: str) -> Sequence[Definiens]:
    wanted = normalise_identifier(identifier)
    for key, items in document.definitions.items():
        if normalise_identifier(key) == wanted:
            return items
    return []


def _at_formula(
    document: Document, formula: Formula | None, identifier: str
) -> Sequence[Definiens]:
    """The meanings of ``identifier`` where the query's ``formula`` stands (its scope's, when
    the page reuses the letter), else over the whole page."""
    wanted = normalise_identifier(identifier)
    for occurrence in formula.identifiers if formula is not None else ():
        if normalise_identifier(occurrence.tex) == wanted:
            return document.meanings(occurrence)
    return _stored(document, identifier)


def query_rows(
    queries: Iterable[GoldFormula],
    documents: Mapping[str, Document],
    ranker: Ranker | None = None,
    indices: bool = True,
) -> list[IdentRow]:
    """Ident rows for ``queries`` from ``documents`` (keyed by :func:`page_key`).

    ``ranker`` defaults to the meanings the define stage left in the document for the query's
    formula (:meth:`Document.meanings` of its occurrence). A query whose page is missing gets
    no rows and a warning. ``indices``: as for :func:`query_identifiers`.
    """
    rows: list[IdentRow] = []
    seen: set[tuple[str, str, str]] = set()  # a query listed twice gets its rows once
    for query in queries:
        document = documents.get(page_key(query.title))
        if document is None:
            logger.warning("query %s: page %r not among the inputs", query.qid, query.title)
            continue
        # looked up once per query, not per identifier (a custom ranker needs it only when
        # the query's TeX gives no identifiers, and query_identifiers looks it up then)
        formula = _query_formula(query, document) if ranker is None else None
        for ident in query_identifiers(query, document, formula, indices):
            found = ranker(document, ident) if ranker else _at_formula(document, formula, ident)
            for item in found:
                key = (query.qid, normalise_identifier(ident), item.text.strip().lower())
                if key not in seen:
                    seen.add(key)
                    rows.append(IdentRow(query.qid, query.title, ident, item.text))
    return rows


def ident_rows_for(
    documents: Iterable[Document], queries: Sequence[GoldFormula], indices: bool = True
) -> list[IdentRow]:
    """Ident rows for ``queries`` from the (already defined) ``documents`` that they name
    (``indices``: as for :func:`query_identifiers`)."""
    wanted = {page_key(q.title) for q in queries}
    pages = {page_key(d.title): d for d in documents if page_key(d.title) in wanted}
    return query_rows(queries, pages, indices=indices)
