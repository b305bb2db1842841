"""define stage: rank what each identifier of a document means, from the text around it.

:func:`define` is the stage (a :class:`Definer` with the shipped ranker); ``evaluation`` holds
the NTCIR-11 scoring protocol, ``queries`` the ident CSV of query formulas and ``training`` the
rebuilding of the ranker.
"""

from __future__ import annotations

from definiens.define.evaluation import Score, load_gold, load_ident_csv, score
from definiens.define.nlp import load_pipeline
from definiens.define.queries import load_queries, query_rows, write_ident_csv
from definiens.define.ranker import RankerModel, load_model
from definiens.define.stage import Definer, define

__all__ = [
    "Definer",
    "RankerModel",
    "Score",
    "define",
    "load_gold",
    "load_ident_csv",
    "load_model",
    "load_pipeline",
    "load_queries",
    "query_rows",
    "score",
    "write_ident_csv",
]
