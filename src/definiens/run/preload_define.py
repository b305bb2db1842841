"""A forkserver preload hook: importing this module readies the default define stage.

A process pool's forkserver only imports the modules it is told to preload, so the call it needs
is made here, at import: :func:`definiens.define.warm_up` loads the spaCy pipeline and ranker
once, before the workers are forked, and every worker shares them. Nothing else imports this
module; it belongs with the pool (the corpus runner), not with the define stage.
"""

from __future__ import annotations

from definiens.define import warm_up

__all__: list[str] = []

warm_up()
