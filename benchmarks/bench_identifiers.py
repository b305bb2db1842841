"""Identifier extraction speed over all PlanetMath formulas, on one core, with a baseline.

    .venv/bin/python benchmarks/bench_identifiers.py [--data ../shared/data] [--repeat 3]

Reads every formula of the PlanetMath tarball (``$…$``, ``$$…$$``, ``\\[…\\]``, display
environments) and of the two wiki files, then, in the same run:

1. baseline: one ``re.findall`` with the tokenizer's master expression per formula (the cost
   of merely cutting the TeX into tokens), so figures from a noisy machine can be compared;
2. ``extract_identifiers`` on every formula, uncached (the figure that counts);
3. the same through an ``lru_cache`` (repeated formulas such as ``$n$`` are common), for
   reference only;
4. robustness: every formula of PlanetMath, the 50 dev pages and the 31-page dump fragment
   goes through; exceptions (there must be none) and flags are counted.

Best of ``--repeat`` runs; the process is pinned to one CPU where the OS allows it.
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from definiens.formulas import extract_identifiers
from definiens.formulas.tokens import TOKEN_PATTERN
from formula_corpus import DEFAULT_DATA, planetmath_formulas, wiki_formulas


def rate(function: Callable[[str], object], formulas: Sequence[str], repeat: int) -> float:
    """Formulas per second, best of ``repeat`` passes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for tex in formulas:
            function(tex)
        best = min(best, time.perf_counter() - start)
    return len(formulas) / best


def robustness(corpora: dict[str, list[str]]) -> None:
    for name, formulas in corpora.items():
        failures = 0
        flags: collections.Counter[str] = collections.Counter()
        for tex in formulas:
            try:
                result = extract_identifiers(tex)
            except Exception as exc:  # counted and shown: there must be none
                failures += 1
                print(f"  EXCEPTION {type(exc).__name__}: {exc} on {tex[:80]!r}")
                continue
            flags.update(flag.split(":")[0] for flag in result.flags)
        flagged = ", ".join(f"{flag} {count}" for flag, count in flags.most_common())
        print(f"  {name:22} {len(formulas):7} formulas  {failures} exceptions  ({flagged})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best is kept)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    data = args.data.resolve()
    planetmath = list(planetmath_formulas(data / "planetmath-tex.tar.gz"))
    characters = sum(map(len, planetmath))
    print(f"PlanetMath: {len(planetmath)} formulas, {characters / len(planetmath):.1f} chars each")

    baseline = rate(TOKEN_PATTERN.findall, planetmath, args.repeat)
    uncached = rate(extract_identifiers, planetmath, args.repeat)
    cached = rate(functools.lru_cache(maxsize=None)(extract_identifiers), planetmath, 2)
    print(f"baseline regex tokenization   {baseline:10,.0f} formulas/s")
    print(f"extract_identifiers, uncached {uncached:10,.0f} formulas/s  (target >= 20,000)")
    print(f"extract_identifiers, cached   {cached:10,.0f} formulas/s  (lru_cache, warm; reference)")
    print(f"ratio uncached / baseline     {uncached / baseline:10.3f}")

    print("robustness:")
    robustness(
        {
            "planetmath": planetmath,
            "ntcir11 dev pages": list(wiki_formulas(data / "ntcir11-wiki" / "pages-dev.xml")),
            "enwiki 31-page dump": list(wiki_formulas(data / "enwiki-sample-31.xml")),
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
