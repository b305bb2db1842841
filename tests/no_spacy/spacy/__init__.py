"""Stands in for spaCy in a test session that runs no slow test (the fast lane).

``tests/spacy_guard.py`` puts this folder first on ``sys.path`` and on ``PYTHONPATH`` (for the
processes the tests start), so any import of spaCy lands here: it notes which process tried in
the guard's log and fails with ImportError. The guard then fails the test that was running.
"""

import os
import sys

_log = os.environ.get("DEFINIENS_SPACY_GUARD_LOG")
if _log:
    with open(_log, "a", encoding="utf-8") as _handle:
        _handle.write(f"pid {os.getpid()}: {' '.join(sys.argv)[:200]}\n")

raise ImportError(
    "spaCy imported in a session of fast tests (pytest -m 'not slow'): "
    "a test that loads spaCy must be marked @pytest.mark.slow"
)
