"""The labelled sets of the project's shared data folder, as :class:`GoldSet` objects.

The folder (``../shared/data`` beside the repository; its README gives sources and licences)
holds the NTCIR-11 Wikipedia dev gold (50 formulas of 50 pages, ``ntcir11-wiki/``) and the
annotated formulas (``annotated/``): 148 more formulas of the same pages, 78 of a 31-page dump
fragment, 109 of 55 PlanetMath entries (inside ``planetmath-tex.tar.gz``, unpacked on demand
into a work folder) and 45 of three Stacks project chapters (``latex/stacks/``).
"""

from __future__ import annotations

import tarfile
from pathlib import Path

from definiens.errors import InputError
from definiens.evaluate.examples import GoldSet
from definiens.evaluate.gold import load_gold

__all__ = ["ANNOTATED", "NTCIR", "shared_sets"]

NTCIR = "ntcir"
#: Name, gold file (in ``annotated/``) and inputs of each annotated set.
ANNOTATED = {
    "dev-pages": ("gold-dev-pages.json", ("ntcir11-wiki/pages-dev.xml",)),
    "fragment": ("gold-fragment.json", ("enwiki-sample-31.xml",)),
    "planetmath": ("gold-planetmath.json", ()),
    "stacks": ("gold-stacks.json", ()),
}
_TARBALL = "planetmath-tex.tar.gz"


def _require(path: Path) -> Path:
    if not path.exists():
        raise InputError("labelled data not found (the shared data folder)", location=str(path))
    return path


def _planetmath(data: Path, sources: list[str], workdir: Path) -> list[Path]:
    """The PlanetMath entries ``sources`` names, unpacked from the tarball into ``workdir``."""
    wanted = {s for s in sources if s.startswith("planetmath/")}
    missing = [s for s in wanted if not (workdir / s).exists()]
    if missing:
        with tarfile.open(_require(data / _TARBALL)) as archive:
            members = [m for m in archive.getmembers() if m.name in missing]
            archive.extractall(workdir, members=members, filter="data")
    return [workdir / s for s in sorted(wanted)]


def shared_sets(data: Path, workdir: Path, names: tuple[str, ...] | None = None) -> list[GoldSet]:
    """The NTCIR-11 dev gold and the annotated sets of the shared data folder ``data``
    (``names`` picks some); PlanetMath entries are unpacked into ``workdir``."""
    chosen = names or (NTCIR, *ANNOTATED)
    sets = []
    if NTCIR in chosen:
        wiki = data / "ntcir11-wiki"
        gold = load_gold(_require(wiki / "gold-dev.json"))
        # the NTCIR-11 gold lists x_{i}, never the running index i on its own
        sets.append(GoldSet(NTCIR, gold, [_require(wiki / "pages-dev.xml")], indices=False))
    for name, (file, inputs) in ANNOTATED.items():
        if name not in chosen:
            continue
        gold = load_gold(_require(data / "annotated" / file))
        paths = [_require(data / p) for p in inputs]
        sources = sorted({g.source for g in gold if g.source})
        paths += [_require(data / s) for s in sources if not s.startswith("planetmath/")]
        paths += _planetmath(data, sources, workdir)
        sets.append(GoldSet(name, gold, paths))
    return sets
