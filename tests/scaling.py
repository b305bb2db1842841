"""Growth of CPU time with input size, for the tests that check a stage is linear.

The families of pathological inputs are those of the scaling harness
(``benchmarks/pathological.py``, loaded from its file: the benchmarks are not a package). A
test times a family's input at a size ``n`` (raised until the work takes a few milliseconds)
and at ``8n`` (CPU time, best of three) and checks the ratio: about 8 for linear work, 64 for
quadratic. No wall-clock limit is asserted.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

__all__ = ["LIMIT", "cpu_time", "fresh_growths", "growth", "pathological", "runner"]

#: The largest acceptable ratio over three doublings (x2.3 per doubling, as the harness).
LIMIT = 2.3**3
_MIN_SECONDS = 0.003
_MAX_INPUT = 1_000_000
_BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def pathological() -> ModuleType:
    """``benchmarks/pathological.py`` as a module."""
    name = "definiens_pathological"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _BENCHMARKS / "pathological.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def cpu_time(work: Callable[[], object], repeat: int = 3) -> float:
    """The best CPU time of ``repeat`` runs of ``work``, in seconds, the cyclic garbage
    collector paused meanwhile: its passes cost with the whole heap of the test session, not
    with the work measured."""
    best = float("inf")
    enabled = gc.isenabled()
    for _ in range(repeat):
        gc.disable()
        try:
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
        finally:
            if enabled:
                gc.enable()
    return best


def growth(
    make: Callable[[int], str],
    run: Callable[[str], object],
    n: int,
    baseline: Callable[[str], object] | None = None,
) -> float:
    """The CPU time ratio of ``run(make(8n))`` to ``run(make(n))``, ``n`` first doubled until
    the work takes a few milliseconds or the larger input would pass 1 MB (beyond, caches
    rather than the code set the growth). Measured again (up to three times, with more runs)
    when it looks superlinear, so that a moment of load on a shared machine does not decide;
    the smallest ratio counts (quadratic work stays near 64 on every measure).

    With a ``baseline`` (plain linear work on the same inputs, measured in the same run), a
    baseline ratio above 8 divides the result by its excess: the growth that the machine's
    caches and the process's heap give any work over these sizes is not the code's."""
    unit = len(make(64)) / 64  # characters per step of n
    while n < 1 << 24 and unit * 16 * n <= _MAX_INPUT:
        text = make(n)
        if cpu_time(lambda text=text: run(text), 1) >= _MIN_SECONDS:
            break
        n *= 2
    small, large = make(n), make(8 * n)
    ratio = _ratio(run, small, large, 3)
    for _ in range(3):  # quadratic work stays near 64 however often it is measured
        if ratio <= LIMIT:
            break
        ratio = min(ratio, _ratio(run, small, large, 7))
        if baseline is not None:
            ratio = min(ratio, ratio / max(_ratio(baseline, small, large, 7) / 8, 1.0))
    return ratio


def _ratio(run: Callable[[str], object], small: str, large: str, repeat: int) -> float:
    """CPU time of ``run(large)`` over that of ``run(small)``, each the best of ``repeat``
    measures taken in turn (a burst of load on the machine falls on both); a measure of the
    small input runs it eight times, so that both last about as long."""
    best_small = best_large = float("inf")
    for _ in range(repeat):
        best_small = min(best_small, cpu_time(lambda: [run(small) for _ in range(8)], 1) / 8)
        best_large = min(best_large, cpu_time(lambda: run(large), 1))
    return best_large / max(best_small, 1e-9)


def runner(
    target: str, work: Path
) -> tuple[Callable[[str], object], Callable[[str], object] | None]:
    """The work measured for a family of ``target`` (a reader, a dump read from a file written
    in ``work``, or the identifier parser) and its plain linear baseline, if any (a regex
    tokenisation of the same formulas for the parser: its token lists outgrow the caches)."""
    from definiens.formulas import extract_identifiers
    from definiens.ingest import from_text, parse, read_inputs
    from definiens.model import Document

    if target == "identifiers":
        return extract_identifiers, re.compile(r"\\[A-Za-z]+|\S").findall
    if target != "xmldump":
        return (lambda text: parse(from_text(text, target))), None
    files: dict[str, Path] = {}

    def read_dump(text: str) -> None:
        path = files.get(text)
        if path is None:
            path = files[text] = work / f"dump-{len(files)}.xml"
            path.write_text(text, encoding="utf-8")
        for item in read_inputs([path]):
            if isinstance(item, Document):
                parse(item)

    return read_dump, None


def fresh_growths(targets: tuple[str, ...]) -> dict[str, float]:
    """:func:`growth` of every family of ``targets`` (by label), measured in a fresh
    interpreter: in the heap of a long test session, its free blocks scattered by a thousand
    tests, the same parser on the same input grew x12-x14 where a fresh process measures x10
    (reproduced by fragmenting a heap on purpose)."""
    done = subprocess.run(
        [sys.executable, "-c", _FRESH, str(Path(__file__).resolve().parent), ",".join(targets)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=True,
    )
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


_FRESH = """
import json, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from scaling import growth, pathological, runner
targets = sys.argv[2].split(",")
found = {}
with tempfile.TemporaryDirectory() as work:
    for family in pathological().FAMILIES:
        if family.target in targets:
            run, baseline = runner(family.target, Path(work))
            n = max(1, family.size // 8)
            found[family.label] = growth(family.make, run, n, baseline=baseline)
print(json.dumps(found))
"""
