"""A listwise (conditional logit) ranker: which candidate of an identifier is its meaning.

The candidates of one identifier compete: the model maximises, over the identifiers of the
training formulas that have a correct candidate, the softmax probability of the correct ones
among all, with an L2 penalty. Its linear score then passes through a logistic calibration,
fitted on the best-scored candidate of every training identifier (correct or not), so that the
result reads as the probability that the top candidate is right.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["calibrate", "fit_listwise"]


class _Stacked:
    """The useful groups stacked into one matrix, with where each group starts."""

    def __init__(self, groups: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
        self.x = np.vstack([x for x, _ in groups])
        self.good = np.concatenate([y == 1 for _, y in groups])
        sizes = np.asarray([len(y) for _, y in groups])
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.segment = np.repeat(np.arange(len(groups)), sizes)

    def log_sums(self, z: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """log(sum(exp(z))) per group, over the rows of ``mask`` only if given."""
        peak = np.maximum.reduceat(
            np.where(mask, z, -np.inf) if mask is not None else z, self.starts
        )
        shifted = np.exp(z - peak[self.segment])
        if mask is not None:
            shifted = np.where(mask, shifted, 0.0)
        return np.asarray(np.log(np.add.reduceat(shifted, self.starts)) + peak)


def _loss(weights: np.ndarray, stacked: _Stacked, penalty: float) -> tuple[float, np.ndarray]:
    z = stacked.x @ weights
    log_all = stacked.log_sums(z)
    log_good = stacked.log_sums(z, stacked.good)
    loss = penalty * float(weights @ weights) + float(np.sum(log_all - log_good))
    p_all = np.exp(z - log_all[stacked.segment])
    p_good = np.where(stacked.good, np.exp(z - log_good[stacked.segment]), 0.0)
    grad = 2.0 * penalty * weights + stacked.x.T @ (p_all - p_good)
    return loss, grad


def fit_listwise(
    groups: Sequence[tuple[np.ndarray, np.ndarray]],
    penalty: float,
    nonnegative: Sequence[bool] = (),
) -> np.ndarray:
    """Weights of a conditional logit over standardised candidate groups ``(x, labels)``; the
    weights of the features flagged in ``nonnegative`` are kept at or above zero."""
    from scipy.optimize import minimize

    useful = [(x, y) for x, y in groups if y.any() and len(y) > 1]
    width = groups[0][0].shape[1]
    if not useful:
        return np.zeros(width)
    flags = list(nonnegative) + [False] * (width - len(nonnegative))
    bounds = [(0.0, None) if flag else (None, None) for flag in flags]
    result = minimize(
        _loss,
        np.zeros(width),
        args=(_Stacked(useful), penalty),
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
    )
    return np.asarray(result.x)


def calibrate(
    groups: Sequence[tuple[np.ndarray, np.ndarray]], weights: np.ndarray, seed: int
) -> tuple[float, float]:
    """Slope and intercept mapping the top score of a group to P(top candidate is right)."""
    from sklearn.linear_model import LogisticRegression

    tops, right = [], []
    for x, y in groups:
        if len(y):
            z = x @ weights
            best = int(np.argmax(z))
            tops.append(z[best])
            right.append(int(y[best]))
    if len(set(right)) < 2:
        return 1.0, 0.0
    model = LogisticRegression(random_state=seed).fit(np.asarray(tops).reshape(-1, 1), right)
    return float(model.coef_[0][0]), float(model.intercept_[0])
