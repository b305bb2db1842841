"""The command-line interface: ``definiens COMMAND ...``.

The entry point is :func:`definiens.cli.main.main`; each command is a module of this package.
Nothing is imported here, so that ``python -m definiens.cli.main`` runs cleanly.
"""

from __future__ import annotations

__all__: list[str] = []
