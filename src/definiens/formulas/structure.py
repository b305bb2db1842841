"""Step two: build the node tree from the token stream, best effort, never failing.

A recursive-descent reader in TeX's own terms (:mod:`~definiens.formulas.reader`, with the
command handlers of :mod:`~definiens.formulas.commands`). Fonts (``\\mathbf{x}``,
``{\\rm x}``), accents (``\\hat x``), text (``\\text{k}``), fractions, environments and
``\\left``/``\\right`` become the nodes of :mod:`definiens.formulas.nodes`. Malformed input
(unbalanced braces, unknown commands, ``\\begin`` without ``\\end``, missing arguments, absurd
nesting) is recorded as flags.
"""

from __future__ import annotations

from collections.abc import Mapping

from definiens.formulas.commands import Parser
from definiens.formulas.macros import Macro
from definiens.formulas.nodes import Node
from definiens.formulas.reader import MAX_DEPTH

__all__ = ["MAX_DEPTH", "Tree", "build"]


class Tree:
    """The parsed formula: top-level nodes, flags, and facts the rules need."""

    __slots__ = ("flags", "greek_subscripts", "nodes")

    def __init__(self, nodes: list[Node], flags: list[str], greek_subscripts: bool) -> None:
        self.nodes = nodes
        self.flags = flags
        self.greek_subscripts = greek_subscripts


def build(tex: str, macros: Mapping[str, Macro] | None = None, tensors: bool = False) -> Tree:
    """Parse ``tex`` into a :class:`Tree`; malformed input gives flags, never an exception.

    ``macros`` are the document's own macros (:func:`~definiens.formulas.macros.find_macros`),
    expanded where they are used. ``tensors``: the document writes tensor indices, so a Greek
    superscript is an index even where this formula has no Greek subscript.
    """
    parser = Parser(tex, macros)
    nodes = parser.sequence(None)
    return Tree(nodes, parser.flags, parser.greek_subscripts or tensors)
