"""Importing this module readies the default define stage (spaCy pipeline and ranker).

It is meant for process pools: a forkserver that imports it before forking its workers loads
the model once, and every worker starts with it (shared copy-on-write) instead of spending a
second or more of CPU loading its own. A model that cannot be loaded is only logged here; the
stage reports it, as a :class:`~definiens.errors.ModelError`, when it runs.
"""

from __future__ import annotations

import logging

__all__ = ["warm"]

logger = logging.getLogger(__name__)


def warm() -> bool:
    """Load the default define stage's pipeline and ranker now; whether that worked."""
    try:
        from definiens.define.stage import define

        define.definer.nlp  # noqa: B018 - loading is the point
        define.definer.model  # noqa: B018
    except Exception as exc:  # a preload must never break the process that imports it
        logger.debug("the define stage could not be readied: %s", exc)
        return False
    return True


warm()
