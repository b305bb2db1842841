"""Identifier extraction speed over all PlanetMath formulas, on one core, with a baseline.

    .venv/bin/python benchmarks/bench_identifiers.py [--data ../shared/data] [--repeat 3]

Reads every formula of PlanetMath (the tarball, extracted to a temporary folder) and of the two
wiki files with the project's readers (``definiens.ingest``), then, in the same run:

1. baseline: one ``re.findall`` with the tokenizer's master expression per formula (the cost
   of merely cutting the TeX into tokens), so figures from a noisy machine can be compared;
2. ``extract_identifiers`` on every formula, uncached (the figure that counts);
3. the same through a warm ``lru_cache`` (repeated formulas such as ``$n$`` are common), for
   reference only;
4. robustness: the ``identify`` stage over every document of PlanetMath, the 50 dev pages and
   the 31-page dump fragment; exceptions (there must be none), flags and problems counted.

With ``--simple-reader`` the formulas are cut out with the regular expressions of
``benchmarks/formula_corpus.py`` instead. Best of ``--repeat`` runs; the process is pinned to
one CPU where the OS allows it.

Data: ``planetmath-tex.tar.gz``, ``ntcir11-wiki/pages-dev.xml`` and ``enwiki-sample-31.xml``
from the shared data folder (``--data``, default ``../shared/data`` beside the repository; see
benchmarks/shared_data.py).
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from definiens.formulas import extract_identifiers, identify
from definiens.formulas.tokens import TOKEN_PATTERN
from definiens.ingest import parse, read_inputs
from definiens.model import Document
from formula_corpus import planetmath_formulas
from shared_data import add_data_option, require

FILES = ("planetmath-tex.tar.gz", "ntcir11-wiki/pages-dev.xml", "enwiki-sample-31.xml")


def rate(function: Callable[[str], object], formulas: Sequence[str], repeat: int) -> float:
    """Formulas per second, best of ``repeat`` passes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for tex in formulas:
            function(tex)
        best = min(best, time.perf_counter() - start)
    return len(formulas) / best


def read_documents(paths: list[Path]) -> list[Document]:
    return [parse(item) for item in read_inputs(paths) if isinstance(item, Document)]


def robustness(corpora: dict[str, list[Document]]) -> None:
    for name, documents in corpora.items():
        failures = problems = formulas = 0
        flags: collections.Counter[str] = collections.Counter()
        for document in documents:
            try:
                identify(document)
            except Exception as exc:  # counted and shown: there must be none
                failures += 1
                print(f"  EXCEPTION {type(exc).__name__}: {exc} in {document.title}")
                continue
            problems += sum(problem.kind == "tex" for problem in document.problems)
            formulas += len(document.formulas)
            flags.update(flag.split(":")[0] for f in document.formulas for flag in f.flags)
        flagged = ", ".join(f"{flag} {count}" for flag, count in flags.most_common())
        print(
            f"  {name:20} {len(documents):5} documents {formulas:7} formulas  "
            f"{failures} exceptions  {problems} problems  ({flagged})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, *FILES)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best is kept)")
    parser.add_argument(
        "--simple-reader", action="store_true", help="time formulas cut out by regular expressions"
    )
    args = parser.parse_args(argv)
    require(parser, *(args.data / name for name in FILES))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    data = args.data.resolve()
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(data / "planetmath-tex.tar.gz") as archive:
            archive.extractall(folder, filter="data")
        planetmath_documents = read_documents([Path(folder)])
    wiki = {
        "ntcir11 dev pages": read_documents([data / "ntcir11-wiki" / "pages-dev.xml"]),
        "enwiki 31-page dump": read_documents([data / "enwiki-sample-31.xml"]),
    }
    if args.simple_reader:
        planetmath = list(planetmath_formulas(data / "planetmath-tex.tar.gz"))
    else:
        planetmath = [f.tex for d in planetmath_documents for f in d.formulas]
    characters = sum(map(len, planetmath))
    print(f"PlanetMath: {len(planetmath)} formulas, {characters / len(planetmath):.1f} chars each")

    baseline = rate(TOKEN_PATTERN.findall, planetmath, args.repeat)
    uncached = rate(extract_identifiers, planetmath, args.repeat)
    cached = rate(functools.lru_cache(maxsize=None)(extract_identifiers), planetmath, 2)
    print(f"baseline regex tokenization   {baseline:10,.0f} formulas/s")
    print(f"extract_identifiers, uncached {uncached:10,.0f} formulas/s  (target >= 20,000)")
    print(f"extract_identifiers, cached   {cached:10,.0f} formulas/s  (lru_cache, warm; reference)")
    print(f"ratio uncached / baseline     {uncached / baseline:10.3f}")

    print("robustness (identify stage):")
    robustness({"planetmath": planetmath_documents, **wiki})
    return 0


if __name__ == "__main__":
    sys.exit(main())
