"""``python -m definiens``: the same as the ``definiens`` command."""

from __future__ import annotations

import sys

from definiens.cli.main import main

sys.exit(main())
