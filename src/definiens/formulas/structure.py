"""Step two: build the node tree from the token stream, best effort, never failing.

A recursive-descent reader in TeX's own terms: an atom takes its arguments (braced group or
one token, as TeX does: ``\\frac12``, ``\\tbinom Ni``), then subscripts, superscripts and primes
attach to it. Fonts (``\\mathbf{x}``, ``{\\rm x}``), accents (``\\hat x``), text
(``\\text{k}``), fractions, environments and ``\\left``/``\\right`` become the nodes of
:mod:`definiens.formulas.nodes`. Malformed input (unbalanced braces, unknown commands,
``\\begin`` without ``\\end``, missing arguments, absurd nesting) is recorded as flags.
"""

from __future__ import annotations

from definiens.formulas import nodes as n
from definiens.formulas.nodes import Node, canonical
from definiens.formulas.tokens import tokenize
from definiens.formulas.vocabulary import (
    COMMANDS,
    CONTROL_SYMBOLS,
    FUNCTION_NAMES,
    GREEK_LOWER,
    UPRIGHT_TEXT_WORDS,
)

__all__ = ["MAX_DEPTH", "Tree", "build"]

MAX_DEPTH = 60
_ARRAY_ENVS = frozenset({"array", "tabular", "subarray", "alignat", "alignat*", "alignedat"})
_CHAR_KINDS = {
    **{c: n.LETTER for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    **{c: n.NUM for c in "0123456789"},
    "(": n.OPEN,
    "[": n.OPEN,
    ")": n.CLOSE,
    "]": n.CLOSE,
    "~": n.SPACE,
}
_STOP = object()  # returned by a command that consumed the rest of its group (\rm, \over)


class Tree:
    """The parsed formula: top-level nodes, flags, and facts the rules need."""

    __slots__ = ("flags", "greek_subscripts", "nodes")

    def __init__(self, nodes: list[Node], flags: list[str], greek_subscripts: bool) -> None:
        self.nodes = nodes
        self.flags = flags
        self.greek_subscripts = greek_subscripts


def build(tex: str) -> Tree:
    """Parse ``tex`` into a :class:`Tree`; malformed input gives flags, never an exception."""
    parser = _Parser(tex)
    nodes = parser.sequence(None)
    return Tree(nodes, parser.flags, parser.greek_subscripts)


class _Parser:
    def __init__(self, tex: str) -> None:
        self.tex = tex
        self.toks, self.starts, self.ends = tokenize(tex)
        self.size = len(self.toks)
        self.i = 0
        self.depth = 0
        self.flags: list[str] = []
        self.greek_subscripts = False

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
            if tok == closer:
                break
            if tok == "}":
                self.flag("unbalanced_braces")
                self.i += 1
                continue
            node = self.atom(out, closer)
            if node is _STOP:
                break
            if node is not None:
                self.scripts(node)  # type: ignore[arg-type]
                out.append(node)  # type: ignore[arg-type]
        return out

    def group(self) -> Node:
        """A braced group; the current token is ``{``."""
        start = self.starts[self.i]
        self.i += 1
        if self.depth >= MAX_DEPTH:
            self.flag("too_deep")
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
        kind = _CHAR_KINDS.get(tok)
        if kind is not None:
            self.i += 1
            return Node(kind, tok, start, start + 1)
        first = tok[0]
        if first == "\\":
            self.i += 1
            return self.command(tok, start, out, closer)
        if first == "{":
            return self.group()
        if first.isdigit():
            self.i += 1
            return Node(n.NUM, tok, start, self.ends[self.i - 1])
        if first in "^_'":  # a script with no base: attach it to an empty node
            return Node(n.OP, "", start, start)
        self.i += 1
        if first.isalpha():
            return Node(n.IDENT, tok, start, self.ends[self.i - 1])
        return Node(n.OP, tok, start, self.ends[self.i - 1])

    def scripts(self, node: Node) -> None:
        """Attach the subscripts, superscripts and primes that follow ``node``."""
        toks = self.toks
        while self.i < self.size:
            tok = toks[self.i]
            if tok == "'" or tok == "''":
                node.primes += len(tok)
                self.i += 1
            elif tok == "^" or tok == "_":
                self.i += 1
                self.script(node, tok, self.argument())
            else:
                break
            node.end = self.ends[self.i - 1]
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

    def cmd_font(self, font: str, start: int, out: list[Node], closer: str | None) -> Node:
        arg = self.argument()
        return self.styled(font, _unwrap(arg), start)

    def cmd_oldfont(self, font: str, start: int, out: list[Node], closer: str | None) -> object:
        rest = self.sequence(closer)
        out.append(self.styled(font, rest, start))
        return _STOP

    def styled(self, font: str, children: list[Node], start: int, end: int = -1) -> Node:
        if end < 0:
            end = self.ends[self.i - 1] if self.i else start
        if not font:
            return Node(n.GROUP, "", start, end, children)
        word = "".join(c.tex for c in children)
        if word.isalnum() and all(c.kind in _PLAIN and not c.scripted for c in children):
            if all(c.kind == n.NUM for c in children):
                return Node(n.NUM, font + "{" + word + "}", start, end)
            if font == "\\mathrm" and word == "d":
                return Node(n.DIFF, "\\mathrm{d}", start, end)
            if font in _UPRIGHT:
                if word in FUNCTION_NAMES:
                    return Node(n.OPNAME, font + "{" + word + "}", start, end)
                if word in UPRIGHT_TEXT_WORDS:
                    return Node(n.TEXT, font + "{" + word + "}", start, end)
            if not (font in _BOLD and len(word) > 1 and word.isupper()):  # \mathbf{AX}: AX
                kind = n.WORD if len(children) > 1 else n.IDENT
                return Node(kind, font + "{" + word + "}", start, end)
        elif len(children) == 1 and children[0].kind in n.SYMBOLS:
            child = children[0]  # \mathbf{x_i} is \mathbf{x}_{i}
            if child.kind != n.WORD:
                child.kind = n.DIFF if font == "\\mathrm" and child.tex == "d" else n.IDENT
                child.tex, child.start = font + "{" + child.tex + "}", start
            return child
        if font == "\\mathrm" and any(c.kind == n.SPACE for c in children):
            return Node(n.TEXT, "", start, end)  # spaced upright words: prose or chemistry
        styled = [  # an expression: style each of its symbols
            self.styled(font, [c], c.start, c.end) if c.kind in n.SYMBOLS else c for c in children
        ]
        return Node(n.GROUP, "", start, end, styled)

    def cmd_accent(self, accent: str, start: int, out: list[Node], closer: str | None) -> Node:
        children = _unwrap(self.argument())
        end = self.ends[self.i - 1]
        if len(children) == 1 and children[0].kind in n.SYMBOLS:
            return Node(n.IDENT, accent + "{" + canonical(children[0]) + "}", start, end)
        if children and all(c.kind == n.LETTER and not c.scripted for c in children):
            word = "".join(c.tex for c in children)
            return Node(n.IDENT, accent + "{" + word + "}", start, end)
        return Node(n.GROUP, "", start, end, children)

    def cmd_text(self, font: str, start: int, out: list[Node], closer: str | None) -> Node:
        content = ""
        if self.i < self.size and (self.toks[self.i] == "{" or self.toks[self.i].isalnum()):
            content = "".join(self.raw_argument().split())
        end = self.ends[self.i - 1]
        if not content or any(c in content for c in "\\{}$"):
            return Node(n.TEXT, "", start, end)  # nothing, or text too odd to be a label
        if content.isdigit():
            return Node(n.NUM, content, start, end)
        if len(content) == 1:  # \text{k} is \mathrm{k}
            return self.styled(
                font, [Node(_CHAR_KINDS.get(content, n.OP), content, start, end)], start
            )
        return Node(n.TEXT, font + "{" + content + "}", start, end)

    def cmd_frac(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        children = [self.argument(), self.argument()]
        return Node(n.FRAC, name, start, self.ends[self.i - 1], children)

    def cmd_generic(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        arg = self.argument()
        return Node(n.GROUP, "", start, self.ends[self.i - 1], [arg])

    def cmd_skip(self, name: str, start: int, out: list[Node], closer: str | None) -> None:
        self.raw_argument()

    def cmd_skip2(self, name: str, start: int, out: list[Node], closer: str | None) -> None:
        self.optional()
        self.raw_argument()
        self.raw_argument()

    def cmd_skipfirst(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        self.raw_argument()
        return self.cmd_generic(name, start, out, closer)

    def cmd_dimen(self, name: str, start: int, out: list[Node], closer: str | None) -> None:
        while self.i < self.size and (self.toks[self.i] in "+-." or self.toks[self.i][0].isdigit()):
            self.i += 1
        if self.i + 1 < self.size and (self.toks[self.i] + self.toks[self.i + 1]) in _UNITS:
            self.i += 2

    def optional(self) -> list[Node]:
        """An optional ``[...]`` argument, if present."""
        if self.i >= self.size or self.toks[self.i] != "[":
            return []
        self.i += 1
        self.depth += 1
        children = self.sequence("]") if self.depth < MAX_DEPTH else []
        self.depth -= 1
        if self.i < self.size and self.toks[self.i] == "]":
            self.i += 1
        return children

    def cmd_sqrt(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        children = self.optional()
        children.append(self.argument())
        return Node(n.GROUP, "", start, self.ends[self.i - 1], children)

    cmd_arrow = cmd_sqrt

    def cmd_operatorname(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        if self.i < self.size and self.toks[self.i] == "*":
            self.i += 1
        content = "".join(self.raw_argument().split())
        if any(c in content for c in "\\{}$"):
            content = ""
        return Node(n.OPNAME, name + "{" + content + "}", start, self.ends[self.i - 1])

    def cmd_mathop(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        arg = self.argument()
        return Node(n.OPNAME, name + "{" + canonical(arg) + "}", start, self.ends[self.i - 1])

    def cmd_over(self, name: str, start: int, out: list[Node], closer: str | None) -> object:
        numerator = Node(n.GROUP, "", start, start, list(out))
        denominator = self.sequence(closer)
        end = self.ends[self.i - 1]
        out[:] = [
            Node(n.FRAC, name, start, end, [numerator, Node(n.GROUP, "", start, end, denominator)])
        ]
        return _STOP

    def cmd_left(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        return Node(n.OPEN, name + self.delimiter(), start, self.ends[self.i - 1])

    def cmd_right(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        return Node(n.CLOSE, name + self.delimiter(), start, self.ends[self.i - 1])

    def delimiter(self) -> str:
        """The delimiter token after ``\\left``/``\\right`` (consumed)."""
        if self.i >= self.size or self.toks[self.i] in ("{", "}"):
            self.flag("missing_argument")
            return ""
        self.i += 1
        return self.toks[self.i - 1]

    def cmd_begin(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        env = "".join(self.raw_argument().split())
        if env in _ARRAY_ENVS:
            self.raw_argument()
        if self.depth >= MAX_DEPTH:
            self.flag("too_deep")
            return Node(n.GROUP, "", start, start, [])
        self.depth += 1
        children = self.sequence("\\end")
        self.depth -= 1
        if self.i < self.size:
            self.i += 1
            if "".join(self.raw_argument().split()) != env:
                self.flag("mismatched_environment")
        else:
            self.flag("unclosed_environment")
        return Node(n.GROUP, "", start, self.ends[self.i - 1], children)

    def cmd_end(self, name: str, start: int, out: list[Node], closer: str | None) -> None:
        self.flag("unmatched_end")
        self.raw_argument()


_SIMPLE = {
    "ident": n.IDENT,
    "const": n.CONST,
    "op": n.OP,
    "opname": n.OPNAME,
    "space": n.SPACE,
}
_PLAIN = frozenset({n.LETTER, n.NUM})
_UPRIGHT = frozenset({"\\mathrm", "\\mathit", "\\mathsf"})
_BOLD = frozenset({"\\mathbf", "\\boldsymbol"})
_UNITS = frozenset({"pt", "mu", "em", "ex", "cm", "mm", "in", "bp", "pc", "dd", "sp"})


def _unwrap(node: Node) -> list[Node]:
    """The children of a plain braced group (nested braces removed), else the node alone."""
    while node.kind == n.GROUP and not node.scripted and node.children is not None:
        if len(node.children) != 1:
            return node.children
        node = node.children[0]
    return [node]


def _all_greek(node: Node) -> bool:
    children = _unwrap(node)
    return bool(children) and all(
        c.kind == n.IDENT and c.tex in GREEK_LOWER and not c.scripted for c in children
    )


def _prime_count(node: Node) -> int:
    """How many primes a superscript like ``^\\prime`` or ``^{\\prime\\prime}`` stands for."""
    children = _unwrap(node)
    if children and all(c.tex == "\\prime" and not c.scripted for c in children):
        return len(children)
    return 0
