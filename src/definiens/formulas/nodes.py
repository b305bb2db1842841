"""The structure built from the tokens: a small tree of :class:`Node`, and its canonical TeX.

A node is an atom (a letter, a symbol, a number, an operator, a piece of text) or a group of
nodes, with the subscript, superscript and primes attached to it. :func:`canonical` writes any
node back as canonical TeX: scripts braced (``x_{0}``), subscript before superscript, font and
accent commands kept, whitespace only where TeX needs it (``\\alpha b``).
"""

from __future__ import annotations

import re

__all__ = [
    "CLOSE",
    "CONST",
    "DIFF",
    "FRAC",
    "GROUP",
    "IDENT",
    "LETTER",
    "NUM",
    "OP",
    "OPEN",
    "OPNAME",
    "SPACE",
    "TEXT",
    "WORD",
    "Node",
    "canonical",
]

LETTER = "letter"  # a plain Latin letter: an identifier unless a rule says otherwise
IDENT = "ident"  # a symbol that is an identifier: \alpha, \mathbf{x}, \hat{y}, \mathbb{R}
CONST = "const"  # a constant, an identifier only with a subscript: \pi
WORD = "word"  # a styled word, \mathrm{rpm}: a function before "(", else an identifier
NUM = "num"
OP = "op"  # operators, relations, punctuation, symbols that are not identifiers
OPEN = "open"
CLOSE = "close"
OPNAME = "opname"  # \sin, \sum, \partial, \operatorname{…}: identifiers only in its limits
TEXT = "text"  # \text{…}: prose, but a label inside a subscript
DIFF = "diff"  # a differential d, \mathrm{d}, D
SPACE = "space"  # explicit spacing: breaks a run of letters
GROUP = "group"  # braces, environment bodies, the arguments of \sqrt…
FRAC = "frac"  # \frac, \binom…: children are the two arguments

SYMBOLS = frozenset({LETTER, IDENT, CONST, WORD})

_CONTROL_WORD_END = re.compile(r"(?:^|[^\\])(?:\\\\)*\\[A-Za-z]+\Z")


class Node:
    """An atom or a group, with its scripts, spanning ``[start, end)`` of the input TeX."""

    __slots__ = ("base_end", "children", "end", "kind", "primes", "start", "sub", "sup", "tex")

    def __init__(
        self, kind: str, tex: str, start: int, end: int, children: list[Node] | None = None
    ) -> None:
        self.kind = kind
        self.tex = tex
        self.start = start
        self.end = end
        self.base_end = end
        self.children = children
        self.sub: Node | None = None
        self.sup: Node | None = None
        self.primes = 0

    @property
    def scripted(self) -> bool:
        return self.sub is not None or self.sup is not None or self.primes > 0

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Node({self.kind}, {canonical(self)!r})"


def join_tex(parts: list[str]) -> str:
    """Concatenate TeX pieces, keeping a space where a control word meets a letter."""
    out: list[str] = []
    last = ""  # the last piece that is not empty: a control word ends in it, if anywhere
    for part in parts:
        if not part:
            continue
        if last and part[0].isalpha() and _CONTROL_WORD_END.search(last[-200:]):
            out.append(" ")
        out.append(part)
        last = part
    return "".join(out)


#: Canonical TeX already written, by node (the node kept beside it, so that its id is not
#: reused while the memo lives).
Memo = dict[int, tuple["Node", str]]


def canonical(node: Node, memo: Memo | None = None) -> str:
    """The canonical TeX of ``node`` with its scripts. With ``memo``, each node is written
    once (a walk that asks for nested scripts level by level stays linear); the caller
    clears it when it changes a node."""
    if memo is not None:
        known = memo.get(id(node))
        if known is not None and known[0] is node:
            return known[1]
    kind = node.kind
    if kind == GROUP:
        body = join_tex([canonical(child, memo) for child in node.children or ()])
    elif kind == FRAC:
        body = node.tex + "".join(
            "{" + canonical(child, memo) + "}" for child in node.children or ()
        )
    else:
        body = node.tex
    if node.primes:
        body += "'" * node.primes
    # an empty script (``x^{}``, ``x^\sqrt`` with its argument missing) is not written
    sub = canonical(node.sub, memo) if node.sub is not None else ""
    if sub:
        body += "_{" + sub + "}"
    sup = canonical(node.sup, memo) if node.sup is not None else ""
    if sup:
        body += "^{" + sup + "}"
    if memo is not None:
        memo[id(node)] = (node, body)
    return body
