"""A process pool: workers run at a lower priority, and preloaded modules are shared.

Each test runs in a fresh interpreter: a process has one forkserver, and modules are preloaded
only when it starts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import json, os, sys
from definiens.run.executors import PoolExecutor
from definiens.run.work import stages_for

def probe(_factory, batch):
    import sys
    from definiens.define.nlp import load_pipeline
    return [{
        "priority": os.getpriority(os.PRIO_PROCESS, 0),
        "warm": "definiens.run.preload_define" in sys.modules,
        "loaded": load_pipeline.cache_info().currsize,
    }]

if __name__ == "__main__":
    import definiens.run.executors as executors
    executors.process_batch = probe  # what each worker runs for a batch
    preload = sys.argv[1:]
    with PoolExecutor(list, 2, niceness=5, preload=preload) as pool:
        pool.submit([])
        (result,) = list(pool.drain())
    print(json.dumps({"main": os.getpriority(os.PRIO_PROCESS, 0), **result[0]}))
"""


def _run(tmp_path: Path, *preload: str) -> dict[str, int]:
    script = tmp_path / "pool_probe.py"
    script.write_text(SCRIPT)
    done = subprocess.run(
        [sys.executable, str(script), *preload], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_workers_run_below_the_main_process_priority(tmp_path: Path) -> None:
    seen = _run(tmp_path)
    assert seen["priority"] == min(seen["main"] + 5, 19)
    assert not seen["warm"] and seen["loaded"] == 0


@pytest.mark.slow
def test_a_preloaded_model_is_loaded_before_the_first_batch(tmp_path: Path) -> None:
    seen = _run(tmp_path, "definiens.run.preload_define")
    assert seen["warm"] and seen["loaded"] == 1
