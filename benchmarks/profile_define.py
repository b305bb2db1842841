"""CPU time of the define stage per math page, by part, and its cProfile top entries.

Corpora (each page read, parsed and identified first; only the define stage is timed, with the
spaCy model and the ranker already loaded):

* ``dev``: the 50 NTCIR-11 dev pages (``ntcir11-wiki/pages-dev.xml``), defined in one batch;
* ``long``: the longest pages we have, each defined alone: the three Stacks project chapters
  (``latex/stacks/*.tex``) and the five longest dev pages.

For each corpus it prints the CPU seconds per page of the whole stage (best of ``--repeat``)
and of its parts (sentence selection, spaCy, candidates, ranking); with ``--profile N`` the N
top entries of a cProfile run (by own time and by cumulative time); with ``--dump FILE`` every
page's definitions and candidate feature vectors as JSON, to compare two versions of the code
exactly (``--compare OLD.json`` prints how many pages differ).

Usage: ``.venv/bin/python benchmarks/profile_define.py [--data DIR] [--corpus dev long]
[--repeat 3] [--candidates] [--profile 25] [--dump out.json] [--compare old.json]``

``--candidates`` times only :func:`build_candidates` (spaCy run once before it). To compare
two versions of the code in one run, put the old one first on ``PYTHONPATH``
(``git archive BASE src | tar -x -C /tmp/base``, then ``PYTHONPATH=/tmp/base/src``) and run the
two alternately.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from definiens.define import Definer
from definiens.define.build import build_candidates
from definiens.define.context import parse_many, select_sentences
from definiens.formulas import identify
from definiens.ingest import parse, read_inputs
from definiens.model import Document
from shared_data import add_data_option, require

DEV_PAGES = "ntcir11-wiki/pages-dev.xml"
STACKS = "latex/stacks"
LONGEST_DEV = 5


def _read(paths: Sequence[Path]) -> list[Document]:
    items = read_inputs([str(p) for p in paths])
    return [identify(parse(item)) for item in items if isinstance(item, Document)]


def corpora(data: Path) -> dict[str, list[list[Document]]]:
    """Corpus name -> its batches of documents (each batch defined in one call)."""
    dev = _read([data / DEV_PAGES])
    stacks = _read(sorted((data / STACKS).glob("*.tex")))
    longest = sorted(dev, key=lambda d: -len(d.text))[:LONGEST_DEV]
    return {"dev": [dev], "long": [[d] for d in [*stacks, *longest]]}


def _cpu(work: Callable[[], Any]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _parts(definer: Definer, batch: list[Document]) -> dict[str, float]:
    """CPU seconds of each part of the stage on one batch."""
    times: dict[str, float] = {}
    times["select"] = _cpu(lambda: [select_sentences(d) for d in batch])
    parsed: list[Any] = []
    times["select+spacy"] = _cpu(lambda: parsed.extend(parse_many(batch, definer.nlp)))
    built: list[Any] = []
    times["candidates"] = _cpu(
        lambda: built.extend(build_candidates(d, s) for d, s in zip(batch, parsed, strict=True))
    )
    times["rank"] = _cpu(lambda: [definer._fill(d, c) for d, c in zip(batch, built, strict=True)])
    times["spacy"] = times.pop("select+spacy") - times["select"]
    return times


def run(definer: Definer, name: str, batches: list[list[Document]], repeat: int) -> None:
    pages = sum(len(b) for b in batches)
    chars = sum(len(d.text) for b in batches for d in b)
    best = min(sum(_cpu(lambda b=b: definer.many(b)) for b in batches) for _ in range(repeat))
    parts: dict[str, float] = {}
    for batch in batches:
        for part, seconds in _parts(definer, batch).items():
            parts[part] = parts.get(part, 0.0) + seconds
    print(f"{name}: {pages} pages, {chars / 1e6:.2f} M characters")
    print(f"  define stage {best / pages:.4f} CPU-s per page ({best:.2f} CPU-s, best of {repeat})")
    shown = ", ".join(f"{part} {seconds / pages:.4f}" for part, seconds in parts.items())
    print(f"  parts, CPU-s per page: {shown}")


def candidates_only(
    definer: Definer, name: str, batches: list[list[Document]], repeat: int
) -> None:
    """CPU of :func:`build_candidates` alone (spaCy run once before), best of ``repeat``."""
    parsed = [(d, s) for b in batches for d, s in zip(b, parse_many(b, definer.nlp), strict=True)]
    times = [_cpu(lambda: [build_candidates(d, s) for d, s in parsed]) for _ in range(repeat)]
    print(f"{name}: candidates {min(times):.3f} CPU-s (best of {repeat}; all {times})")


def profile(definer: Definer, batches: list[list[Document]], top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for batch in batches:
        definer.many(batch)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def _definitions(found: dict[str, list[Any]]) -> dict[str, Any]:
    return {ident: [repr(d) for d in items] for ident, items in sorted(found.items())}


def _candidate(ident: str, c: Any, features: Sequence[str]) -> list[Any]:
    """Everything a candidate holds, floats exact (JSON writes them with ``repr``)."""
    best = None
    if c.best is not None:
        score, mention, sentence = c.best
        best = [score, repr(mention), sentence.index]
    return [ident, c.key, c.form, sorted(c.variants), c.vector(features), c.places, best]


def dump(definer: Definer, batches: list[list[Document]]) -> dict[str, Any]:
    """Every page's definitions (whole page and per scope) and candidates (identifier, key,
    form, variants, feature vector, places, best evidence), floats exact."""
    result: dict[str, Any] = {}
    features = definer.model.features
    for batch in batches:
        for document, sentences in zip(batch, parse_many(batch, definer.nlp), strict=True):
            candidates = build_candidates(document, sentences)
            definer._fill(document, candidates)
            result[document.title] = {
                "definitions": {
                    "page": _definitions(document.definitions),
                    "scoped": {
                        str(scope): _definitions(found)
                        for scope, found in sorted(document.scoped.items())
                    },
                },
                "candidates": sorted(
                    _candidate(ident, c, features)
                    for ident, items in candidates.items()
                    for c in items
                ),
            }
    return result


def compare(old: dict[str, Any], new: dict[str, Any]) -> None:
    missing = sorted(set(old) ^ set(new))
    print(f"pages in one dump only: {len(missing)} {missing[:5]}")
    for part in ("definitions", "candidates"):
        differ = [t for t in old if t in new and old[t][part] != new[t][part]]
        print(f"{part}: {len(differ)} of {len(old)} pages differ {differ[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, DEV_PAGES, STACKS)
    parser.add_argument("--corpus", nargs="+", default=["dev", "long"], choices=["dev", "long"])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument(
        "--candidates", action="store_true", help="time only the candidates (after spaCy)"
    )
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile top N")
    parser.add_argument("--dump", type=Path, help="write definitions and candidates as JSON")
    parser.add_argument("--compare", type=Path, help="compare the dump with an older one")
    args = parser.parse_args()
    require(parser, args.data / DEV_PAGES, args.data / STACKS)
    definer = Definer()
    definer.nlp  # loaded before timing  # noqa: B018
    definer.model  # noqa: B018
    chosen = {name: batches for name, batches in corpora(args.data).items() if name in args.corpus}
    for name, batches in chosen.items():
        if args.candidates:
            candidates_only(definer, name, batches, args.repeat)
        else:
            run(definer, name, batches, args.repeat)
        if args.profile:
            print(profile(definer, batches, args.profile))
    if args.dump or args.compare:
        found = {t: v for b in chosen.values() for t, v in dump(definer, b).items()}
        if args.dump:
            args.dump.write_text(json.dumps(found, indent=0) + "\n")
        if args.compare:
            compare(json.loads(args.compare.read_text()), json.loads(json.dumps(found)))


if __name__ == "__main__":
    main()
