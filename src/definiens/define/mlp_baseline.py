"""The MLP ranking of Pagel & Schubotz (2014), the baseline the learned ranker builds on.

MLP is their "Mathematical Language Processing" (not a multilayer perceptron): a hand-set score
of how near a candidate stands to the identifier. Its value is the ranker's ``mlp`` feature, and
``Definer(method="mlp")`` ranks by it alone.

R(Δ, n, t) = (α·R_σd(Δ) + β·R_σs(n) + γ·tf(t)) / (α + β + γ) with α = β = 1, γ = 0.1:
R_σd is a Gaussian of the token distance Δ between identifier and candidate falling to ½ at
5 tokens, R_σs a Gaussian of the sentence distance n (from the identifier's first mention)
falling to ½ at 3 sentences, tf the candidate's frequency in the document (scaled to [0, 1]).
A candidate is kept when R ≥ 0.4.
"""

from __future__ import annotations

import functools
import math

__all__ = ["ALPHA", "BETA", "GAMMA", "THRESHOLD", "mlp_score", "sentence_weight", "token_weight"]

ALPHA = 1.0
BETA = 1.0
GAMMA = 0.1
THRESHOLD = 0.4
TOKEN_HALF = 5.0
SENTENCE_HALF = 3.0


def _gaussian(x: float, half: float) -> float:
    """exp(-x²/2σ²) with σ chosen so that the value at ``half`` is ½."""
    return math.exp(-math.log(2.0) * (x / half) ** 2)


@functools.lru_cache(maxsize=1024)
def token_weight(distance: int) -> float:
    """R_σd: 1 for an adjacent candidate (Δ = 1), ½ at Δ = 5 tokens."""
    return _gaussian(max(distance - 1, 0), TOKEN_HALF - 1)


@functools.lru_cache(maxsize=1024)
def sentence_weight(sentences: int) -> float:
    """R_σs: 1 in the sentence of the first mention, ½ three sentences later."""
    return _gaussian(sentences, SENTENCE_HALF)


@functools.lru_cache(maxsize=65536)
def mlp_score(distance: int, sentences: int, tf: float) -> float:
    """The MLP relevance of a candidate at ``distance`` tokens, ``sentences`` sentences away."""
    total = ALPHA * token_weight(distance) + BETA * sentence_weight(sentences) + GAMMA * tf
    return total / (ALPHA + BETA + GAMMA)
