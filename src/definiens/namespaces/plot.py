"""Pictures of a clustering: the documents in 2-D coloured by namespace, and the coherence of
the largest clusters with their names, namespaces in their colour and the others in grey, so
that a corpus without labels (or without a namespace) still shows what was found
(matplotlib, Agg backend, PNG)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from definiens.errors import UsageError
from definiens.namespaces.data import Clustering, Namespace

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_clustering", "top_identifiers"]

logger = logging.getLogger(__name__)


def top_identifiers(space: Namespace, count: int = 4) -> list[str]:
    """The ``count`` best-supported "identifier: meaning" entries of a namespace."""
    best: dict[str, tuple[int, float, str]] = {}
    for row in space.table:
        current = best.get(row.identifier)
        if current is None or (row.support, row.score) > current[:2]:
            best[row.identifier] = (row.support, row.score, row.definiens)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
    return [f"{ident}: {meaning}" for ident, (_, _, meaning) in ranked[:count]]


def _colour(i: int) -> tuple[float, ...]:
    """The i-th colour of tab20 without its two greys (grey is for the rest)."""
    import matplotlib.pyplot as plt

    cmap = plt.get_cmap("tab20")
    palette = [cmap(j) for j in range(20) if j not in (14, 15)]
    return tuple(palette[i % len(palette)])


def _xy(points: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    return [p[0] for p in points], [p[1] for p in points]


def _scatter(ax: Axes, clustering: Clustering, largest: list[Namespace]) -> None:
    coords = clustering.coordinates
    inside = {doc for space in clustering.namespaces for doc in space.documents}
    rest = [coords[d] for d in coords if d not in inside]
    if rest:
        ax.scatter(*_xy(rest), s=3, c="#cccccc", label="no namespace")
    small = [coords[d] for s in clustering.namespaces[len(largest) :] for d in s.documents]
    if small:
        ax.scatter(*_xy(small), s=4, c="#444444", label="other namespaces")
    for i, space in enumerate(largest):
        points = [coords[d] for d in space.documents if d in coords]
        ax.scatter(*_xy(points), s=6, color=_colour(i), label=space.name)
    ax.set_title(f"{clustering.summary.clustered} documents, method {clustering.method}")
    ax.legend(fontsize=6, markerscale=2, loc="best")
    ax.set_xticks([])
    ax.set_yticks([])


def _bars(ax: Axes, clustering: Clustering, largest: list[Namespace], count: int) -> None:
    from definiens.namespaces.coherence import MIN_COHERENCE

    colours = {space.cluster: _colour(i) for i, space in enumerate(largest)}
    inside = {space.cluster for space in clustering.namespaces}
    shown = clustering.clusters[:count]
    positions = list(range(len(shown)))[::-1]
    values = [space.coherence for space in shown]
    ax.barh(
        positions,
        values,
        color=[
            colours.get(s.cluster, "#444444" if s.cluster in inside else "#cccccc") for s in shown
        ],
    )
    for pos, space in zip(positions, shown, strict=True):
        text = f"{space.name} ({len(space.documents)} documents)"
        if space.label:
            text += f", {space.label} {space.purity:.2f}"
        ax.text(0.005, pos, text[:90], va="center", fontsize=6)
    ax.axvline(MIN_COHERENCE, color="#888888", linestyle="--", linewidth=0.8)
    ax.set_xlim(min(0.0, *values) - 0.02 if values else 0.0, max(1.0, *values) if values else 1.0)
    ax.set_yticks([])
    ax.set_xlabel(f"coherence (namespaces: >= {MIN_COHERENCE}, dashed)")
    ax.set_title(
        f"the {len(shown)} largest of {len(clustering.clusters)} clusters: "
        f"{clustering.summary.namespaces} namespaces in all"
    )


def plot_clustering(
    clustering: Clustering, path: str | Path, *, largest: int = 15, clusters: int = 25
) -> Path:
    """Draw the clustering into a PNG file and return its path: the ``largest`` namespaces in
    colour on the left, the coherence of the ``clusters`` largest clusters on the right."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    top = clustering.namespaces[:largest]
    figure, (left, right) = plt.subplots(1, 2, figsize=(16, 7), dpi=110)
    try:
        _scatter(left, clustering, top)
        _bars(right, clustering, top, clusters)
        figure.tight_layout()
        figure.savefig(path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the plot: {exc}") from exc
    finally:
        plt.close(figure)
    logger.info("plot written to %s", path)
    return path
