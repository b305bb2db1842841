"""define stage: rank what each identifier of a document means, from the text around it.

:func:`define` is the stage (a :class:`Definer` with the shipped ranker); :func:`warm_up` loads
its model ahead of time (for a process pool's forkserver). The stage finds the sentences that
mention an identifier (``context``), their mentions (``mentions``) and the identifier
occurrences they pair with (``pairing``), builds every candidate meaning with its features
(``build``: ``aggregate``, ``siblings``, ``object_types``, ``group_features``; the names are in
``feature_names``) and ranks them (``ranker``). Gold files, scoring and training live in
:mod:`definiens.evaluate`.
"""

from __future__ import annotations

from definiens.define.nlp import load_pipeline
from definiens.define.ranker import RankerModel, load_model
from definiens.define.stage import Definer, define, warm_up

__all__ = [
    "Definer",
    "RankerModel",
    "define",
    "load_model",
    "load_pipeline",
    "warm_up",
]
