"""evaluate: how well definiens does on a gold standard, and the training of its ranker.

``gold`` reads NTCIR-11 gold (and queries) files, ``scoring`` the ident CSV and the scoring
protocol, ``queries`` turns query formulas and defined pages into ident rows (``matching`` finds
the formula a query names), ``identifier_accuracy`` scores identifier extraction against the
gold, and ``training`` (with the ``listwise`` ranker fit) rebuilds the shipped ranker. Nothing
in the product imports this package; it builds its documents with :mod:`definiens.pipeline`.
"""

from __future__ import annotations

from definiens.evaluate.gold import GoldFormula, load_gold
from definiens.evaluate.queries import ident_rows_for, load_queries, query_rows
from definiens.evaluate.scoring import IdentRow, Score, load_ident_csv, score, write_ident_csv

__all__ = [
    "GoldFormula",
    "IdentRow",
    "Score",
    "ident_rows_for",
    "load_gold",
    "load_ident_csv",
    "load_queries",
    "query_rows",
    "score",
    "write_ident_csv",
]
