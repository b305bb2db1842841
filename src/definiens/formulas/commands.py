"""Commands with arguments: fonts, accents, text, fractions, roots, environments, delimiters.

Each ``cmd_<class>`` method reads the arguments of a command of that class (see
:mod:`definiens.formulas.vocabulary`) and returns its node, ``None`` for no output, or
:data:`~definiens.formulas.reader.STOP` when it consumed the rest of its group (``\\rm``,
``\\over``).
"""

from __future__ import annotations

import re

from definiens.formulas import nodes as n
from definiens.formulas.nodes import Node, canonical
from definiens.formulas.reader import CHAR_KINDS, MAX_DEPTH, STOP, Reader, unwrap
from definiens.formulas.vocabulary import (
    ARRAY_ENVIRONMENTS,
    FUNCTION_NAMES,
    UPRIGHT_TEXT_WORDS,
)

__all__ = ["Parser"]

_PLAIN = frozenset({n.LETTER, n.NUM})
_UPRIGHT = frozenset({"\\mathrm", "\\mathit", "\\mathsf"})
_BOLD = frozenset({"\\mathbf", "\\boldsymbol"})
_UNITS = frozenset({"pt", "mu", "em", "ex", "cm", "mm", "in", "bp", "pc", "dd", "sp"})
_DIMENSION = re.compile(
    r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:" + "|".join(sorted(_UNITS)) + ")"
)


def _upright_name(content: str, raw: str) -> bool:
    """Whether text set in a formula (``\\text{SS}``) is a name, read as ``\\mathrm{SS}``:
    one word (no space inside), of Latin letters and digits, with a capital or a digit or at
    most three letters (``SS``, ``CO2``, ``rpm``), and not a word of prose (``for``, ``odd``).
    A longer lower-case word (``\\text{even}``) stays prose."""
    if len(raw.split()) != 1 or not (content.isascii() and content.isalnum()):
        return False
    if content.lower() in UPRIGHT_TEXT_WORDS or content[0].isdigit():
        return False
    return len(content) <= 3 or not content.islower()


class Parser(Reader):
    """The reader with every command handler."""

    def cmd_font(self, font: str, start: int, out: list[Node], closer: str | None) -> Node:
        arg = self.argument()
        return self.styled(font, unwrap(arg), start)

    def cmd_oldfont(self, font: str, start: int, out: list[Node], closer: str | None) -> object:
        rest = self.nested(closer)
        if rest is None:
            return None
        out.append(self.styled(font, rest, start))
        return STOP

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
        children = unwrap(self.argument())
        end = self.ends[self.i - 1]
        if len(children) == 1 and children[0].kind in n.SYMBOLS:
            return Node(n.IDENT, accent + "{" + canonical(children[0]) + "}", start, end)
        if children and all(c.kind == n.LETTER and not c.scripted for c in children):
            word = "".join(c.tex for c in children)
            return Node(n.IDENT, accent + "{" + word + "}", start, end)
        return Node(n.GROUP, "", start, end, children)

    def cmd_text(self, font: str, start: int, out: list[Node], closer: str | None) -> Node:
        raw = ""
        if self.i < self.size and (self.toks[self.i] == "{" or self.toks[self.i].isalnum()):
            raw = self.raw_argument()
        content = "".join(raw.split())
        end = self.ends[self.i - 1]
        if not content or any(c in content for c in "\\{}$"):
            return Node(n.TEXT, "", start, end)  # nothing, or text too odd to be a label
        if content.isdigit():
            return Node(n.NUM, content, start, end)
        if len(content) == 1 or _upright_name(content, raw):  # \text{k} is \mathrm{k}
            chars = [Node(CHAR_KINDS.get(c, n.OP), c, start, end) for c in content]
            return self.styled(font, chars, start, end)
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

    def cmd_linebreak(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        """``\\\\``, and the size that may follow it (``\\\\[.5em]``): not mathematics."""
        if self.i < self.size and self.toks[self.i] == "[":
            close = self.i + 1
            while close < self.size and close - self.i < 6 and self.toks[close] != "]":
                close += 1
            if close < self.size and _DIMENSION.fullmatch("".join(self.toks[self.i + 1 : close])):
                self.i = close + 1
        return Node(n.OP, name, start, self.ends[self.i - 1])

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
        end = self.ends[self.i - 1]
        if content.isascii() and content.isalpha() and len(content) > 1:
            letters = [Node(n.LETTER, c, start, end) for c in content]
            node = self.styled("\\mathrm", letters, start, end)
            if node.kind == n.WORD:  # \operatorname{rpm}: a function only before its argument
                return node
        if any(c in content for c in "\\{}$"):
            content = ""
        return Node(n.OPNAME, name + "{" + content + "}", start, end)

    def cmd_mathop(self, name: str, start: int, out: list[Node], closer: str | None) -> Node:
        arg = self.argument()
        return Node(n.OPNAME, name + "{" + canonical(arg) + "}", start, self.ends[self.i - 1])

    def cmd_over(self, name: str, start: int, out: list[Node], closer: str | None) -> object:
        if self.depth >= MAX_DEPTH:  # before the numerator is copied: a long \over chain
            self.flag("too_deep")  # nested too deep stays linear
            return Node(n.OP, name, start, self.ends[self.i - 1])
        numerator = Node(n.GROUP, "", start, start, list(out))
        denominator = self.nested(closer)
        if denominator is None:
            return Node(n.OP, name, start, self.ends[self.i - 1])
        end = self.ends[self.i - 1]
        out[:] = [
            Node(n.FRAC, name, start, end, [numerator, Node(n.GROUP, "", start, end, denominator)])
        ]
        return STOP

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
        if env in ARRAY_ENVIRONMENTS:
            self.raw_argument()
        children = self.nested("\\end")
        if children is None:
            return Node(n.GROUP, "", start, start, [])
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
