"""The command-line interface: ``definiens COMMAND ...``."""

from __future__ import annotations

from definiens.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
