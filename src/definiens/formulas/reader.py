"""The core of the structure reader: sequences, groups, arguments, atoms and scripts.

TeX's own reading rules: an atom takes its arguments (a braced group or one token, as TeX does:
``\\frac12``, ``\\tbinom Ni``), then subscripts, superscripts and primes attach to it. Commands
with arguments are read by :class:`definiens.formulas.commands.Parser`, which extends this
class; nesting deeper than :data:`MAX_DEPTH` is flagged ``too_deep`` and read flat.
"""

from __future__ import annotations

from collections.abc import Mapping

from definiens.formulas import nodes as n
from definiens.formulas.macros import Macro, expand
from definiens.formulas.nodes import Node
from definiens.formulas.tokens import tokenize
from definiens.formulas.vocabulary import COMMANDS, CONTROL_SYMBOLS, GREEK_LOWER

__all__ = ["CHAR_KINDS", "MAX_DEPTH", "MAX_EXPANSIONS", "STOP", "Reader", "unwrap"]

MAX_DEPTH = 60
MAX_EXPANSIONS = 200  # document macros expanded per formula (a guard against loops)
MAX_TOKENS = 5_000  # no expansion beyond this many tokens
CHAR_KINDS = {
    **{c: n.LETTER for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    **{c: n.NUM for c in "0123456789"},
    "(": n.OPEN,
    "[": n.OPEN,
    ")": n.CLOSE,
    "]": n.CLOSE,
    "~": n.SPACE,
}
STOP = object()  # returned by a command that consumed the rest of its group (\rm, \over)


class Reader:
    """Reads the tokens of one formula into nodes, recording flags; one use per formula."""

    def __init__(self, tex: str, macros: Mapping[str, Macro] | None = None) -> None:
        self.tex = tex
        self.macros = macros or {}
        self.expansions = 0
        self.toks, self.starts, self.ends = tokenize(tex)
        self.size = len(self.toks)
        self.i = 0
        self.depth = 0
        self.flat = 0  # braces opened beyond MAX_DEPTH (read flat) and not yet closed
        self.flags: list[str] = []
        self.greek_subscripts = False
        self._numbered: set[int] | None = None  # see number_index, computed when needed

    def expand(self, macro: Macro, start: int) -> bool:
        """Replace a document macro and its arguments by its body, in place; False if not."""
        self.expansions += 1
        if self.expansions > MAX_EXPANSIONS or self.size > MAX_TOKENS:
            self.flag("macro_loop")
            return False
        arguments = [self.raw_argument() for _ in range(macro.arguments)]
        end = self.ends[self.i - 1]
        texts = tokenize(expand(macro, arguments)).texts
        self.toks[self.i : self.i] = texts
        self.starts[self.i : self.i] = [start] * len(texts)
        self.ends[self.i : self.i] = [end] * len(texts)
        self.size += len(texts)
        return True

    def flag(self, flag: str) -> None:
        if flag not in self.flags:
            self.flags.append(flag)

    # -- sequences and groups ---------------------------------------------------------------

    def sequence(self, closer: str | None) -> list[Node]:
        """Nodes up to ``closer`` (not consumed) or the end of input."""
        out: list[Node] = []
        toks = self.toks
        while self.i < self.size:
            tok = toks[self.i]
            if tok == "}" and self.flat:  # closes a group read flat: not this sequence's
                self.flat -= 1
                self.i += 1
                continue
            if tok == closer:
                break
            if tok == "}":
                self.flag("unbalanced_braces")
                self.i += 1
                continue
            node = self.atom(out, closer)
            if node is STOP:
                break
            if node is not None:
                self.scripts(node)  # type: ignore[arg-type]
                out.append(node)  # type: ignore[arg-type]
        return out

    def nested(self, closer: str | None) -> list[Node] | None:
        """The rest of the current group one level deeper, or None (flagged) if too deep."""
        if self.depth >= MAX_DEPTH:
            self.flag("too_deep")
            return None
        self.depth += 1
        children = self.sequence(closer)
        self.depth -= 1
        return children

    def group(self) -> Node:
        """A braced group; the current token is ``{``."""
        start = self.starts[self.i]
        self.i += 1
        if self.depth >= MAX_DEPTH:
            self.flag("too_deep")
            self.flat += 1
            return Node(n.GROUP, "", start, start + 1, [])
        self.depth += 1
        children = self.sequence("}")
        self.depth -= 1
        if self.i < self.size:
            self.i += 1
        else:
            self.flag("unbalanced_braces")
        return Node(n.GROUP, "", start, self.ends[self.i - 1], children)

    def argument(self) -> Node:
        """A command's argument or a script: a braced group or a single atom."""
        while self.i < self.size:
            tok = self.toks[self.i]
            if tok == "{":
                return self.group()
            if tok == "}" and self.flat:  # closes a group read flat before this argument
                self.flat -= 1
                self.i += 1
                continue
            if tok in ("}", "^", "_", "&", "\\end", "\\right"):
                break
            if tok[0].isdigit() and len(tok) > 1:  # \frac12, x^23: one digit only
                start = self.starts[self.i]
                self.toks[self.i] = tok[1:]
                self.starts[self.i] = start + 1
                return Node(n.NUM, tok[0], start, start + 1)
            if self.depth >= MAX_DEPTH:
                self.flag("too_deep")
                self.i += 1
                continue
            self.depth += 1
            node = self.atom([], None)
            self.depth -= 1
            if isinstance(node, Node):
                return node
        self.flag("missing_argument")
        pos = self.starts[self.i] if self.i < self.size else len(self.tex)
        return Node(n.GROUP, "", pos, pos, [])

    def raw_argument(self) -> str:
        """The source text of a braced argument (or of one token), for text and names."""
        if self.i >= self.size:
            self.flag("missing_argument")
            return ""
        if self.toks[self.i] != "{":
            self.i += 1
            return self.toks[self.i - 1]
        open_at = self.i
        level = 0
        for j in range(open_at, self.size):
            tok = self.toks[j]
            if tok == "{":
                level += 1
            elif tok == "}":
                level -= 1
                if level == 0:
                    self.i = j + 1
                    return self.tex[self.ends[open_at] : self.starts[j]]
        self.flag("unbalanced_braces")
        self.i = self.size
        return self.tex[self.ends[open_at] :]

    # -- atoms ------------------------------------------------------------------------------

    def atom(self, out: list[Node], closer: str | None) -> Node | object | None:
        """One atom with its arguments (scripts not included), or None for no output."""
        tok = self.toks[self.i]
        start = self.starts[self.i]
        kind = CHAR_KINDS.get(tok)
        if kind is not None:
            self.i += 1
            end = self.ends[self.i - 1]
            if kind is n.NUM and out and self.number_index(out[-1], tok, start, end):
                return None
            return Node(kind, tok, start, end)
        first = tok[0]
        if first == "\\":
            self.i += 1
            return self.command(tok, start, out, closer)
        if first == "{":
            return self.group()
        if first.isdigit():
            self.i += 1
            end = self.ends[self.i - 1]
            if out and self.number_index(out[-1], tok, start, end):
                return None
            return Node(n.NUM, tok, start, end)
        if first in "^_'":  # a script with no base: attach it to an empty node
            return Node(n.OP, "", start, start)
        self.i += 1
        if first.isalpha():
            return Node(n.IDENT, tok, start, self.ends[self.i - 1])
        return Node(n.OP, tok, start, self.ends[self.i - 1])

    def number_index(self, letter: Node, number: str, start: int, end: int) -> bool:
        """``Q1`` beside ``Q2``: a number written right after a letter is its index when the
        letter has another number elsewhere in the formula; it is attached to ``letter`` (the
        node before it) and True returned."""
        if letter.kind != n.LETTER or letter.end != start or letter.scripted:
            return False
        if self._numbered is None:
            self._numbered = _numbered_letters(self.toks, self.starts, self.ends)
        if letter.start not in self._numbered or not number.isdigit():
            return False
        letter.sub = Node(n.NUM, number, start, end)
        letter.end = letter.base_end = end
        self.scripts(letter)  # Q1^2
        return True

    def scripts(self, node: Node) -> None:
        """Attach the subscripts, superscripts and primes that follow ``node``."""
        toks = self.toks
        while self.i < self.size:
            tok = toks[self.i]
            if tok == "'" or tok == "''":
                node.primes += len(tok)
                self.i += 1
                node.end = self.ends[self.i - 1]
            elif tok == "^" or tok == "_":
                self.i += 1
                arg = self.argument()
                self.script(node, tok, arg)
                end = self.ends[self.i - 1]
                if arg.kind == n.NUM and arg.end > end:
                    end = arg.end  # x_12: the digit split off the number ends the script
                node.end = end
            else:
                break
            if node.sup is None:
                node.base_end = node.end

    def script(self, node: Node, tok: str, arg: Node) -> None:
        if arg.kind == n.GROUP and not arg.children and not arg.scripted:
            return  # x_{} is x
        if tok == "_":
            if node.sub is not None:
                self.flag("double_subscript")
                return
            node.sub = arg
            if _all_greek(arg):
                self.greek_subscripts = True
            return
        primes = _prime_count(arg)
        if primes:
            node.primes += primes
        elif node.sup is not None:
            self.flag("double_superscript")
        else:
            node.sup = arg

    def command(self, tok: str, start: int, out: list[Node], closer: str | None) -> object:
        end = self.ends[self.i - 1]
        if tok in self.macros and self.expand(self.macros[tok], start):
            return None
        entry = COMMANDS.get(tok)
        if entry is None:
            if tok == "\\":  # a lone backslash at the end
                return None
            kind = CONTROL_SYMBOLS.get(tok)
            if kind is None:
                if len(tok) > 2 or tok[-1:].isalpha():
                    self.flag("unknown_macro:" + tok)
                kind = n.OP
            return None if kind == "ignore" else Node(kind, tok, start, end)
        cls, value = entry
        simple = _SIMPLE.get(cls)
        if simple is not None:
            return Node(simple, value, start, end)
        if cls == "ignore":
            return None
        return getattr(self, "cmd_" + cls)(value, start, out, closer)

    # -- commands with arguments ------------------------------------------------------------


_SIMPLE = {
    "ident": n.IDENT,
    "const": n.CONST,
    "op": n.OP,
    "opname": n.OPNAME,
    "space": n.SPACE,
}


def _numbered_letters(toks: list[str], starts: list[int], ends: list[int]) -> set[int]:
    """Where a letter is written with a number right after it (``Q1``) and the same letter has
    another number elsewhere in the formula (``Q2``), or one as a subscript (``Q_{2}``): the
    offsets of those letters, whose number is an index."""
    numbers: dict[str, set[str]] = {}
    written: dict[str, list[int]] = {}
    subscripted: set[str] = set()  # letters also written with a number as subscript: Q_{1}
    for i in range(len(toks) - 1):
        tok = toks[i]
        if CHAR_KINDS.get(tok) != n.LETTER:
            continue
        after = toks[i + 1]
        if after.isdigit() and starts[i + 1] == ends[i]:
            written.setdefault(tok, []).append(starts[i])
            numbers.setdefault(tok, set()).add(after)
        elif after == "_" and i + 2 < len(toks):
            index = toks[i + 2]
            if index == "{" and i + 4 < len(toks) and toks[i + 4] == "}":
                index = toks[i + 3]
            if index.isdigit():
                numbers.setdefault(tok, set()).add(index)
                subscripted.add(tok)
    return {
        at
        for tok, places in written.items()
        if len(numbers[tok]) > 1 or tok in subscripted
        for at in places
    }


def unwrap(node: Node) -> list[Node]:
    """The children of a plain braced group (nested braces removed), else the node alone."""
    while node.kind == n.GROUP and not node.scripted and node.children is not None:
        if len(node.children) != 1:
            return node.children
        node = node.children[0]
    return [node]


def _all_greek(node: Node) -> bool:
    children = unwrap(node)
    return bool(children) and all(
        c.kind == n.IDENT and c.tex in GREEK_LOWER and not c.scripted for c in children
    )


def _prime_count(node: Node) -> int:
    """How many primes a superscript like ``^\\prime`` or ``^{\\prime\\prime}`` stands for."""
    children = unwrap(node)
    if children and all(c.tex == "\\prime" and not c.scripted for c in children):
        return len(children)
    return 0
