"""Step three: walk the node tree and collect the identifiers in canonical TeX.

The rules (documented with examples in ``docs/identifiers.md``):

- a symbol with a subscript is one identifier (``x_{0}``, ``E_{\\mathrm{k}}``), and a running index
  in the subscript, one of the letters i, j, k, l, m, n, is also an identifier of its own
  (``x_{i}`` and ``i``; ``y_{i,j}``, ``x_{n-1}``; not the ``ma`` of ``v_{ma}``); a superscript
  is kept when it indexes (``u^{\\mu}``, ``f^{(n)}``), dropped when it decorates (``V^*``,
  ``A^\\top``), and is a power otherwise (``x^2``: ``x``, and the identifiers of the exponent);
- the limits of operators and functions hold identifiers (``\\sum_{j}``, ``\\log_c``);
- differentials are not identifiers: ``d`` or ``\\mathrm{d}`` before a symbol, the ``d``, ``D``,
  ``\\delta``, ``\\partial`` that open both parts of a fraction, ``\\Delta``/``\\delta`` before a
  symbol;
- a run of plain letters that spells a function (``sin``) is a function, one that spells a
  word of prose (``if``) is dropped, and a longer lowercase word (``seqs``) is one identifier
  ``\\mathrm{seqs}``; any other run is a product of one-letter identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from definiens.formulas import nodes as n
from definiens.formulas.nodes import Memo, Node, canonical
from definiens.formulas.structure import Tree
from definiens.formulas.vocabulary import (
    DECORATION_SUPERSCRIPTS,
    FUNCTION_NAMES,
    GREEK_LOWER,
    INDEX_GREEK,
    STAR_SUPERSCRIPTS,
    SUPERSCRIPT_LABELS,
    TEXT_WORDS,
)

__all__ = ["Emit", "Index", "Star", "collect"]

Emit = Callable[[str, int, int], None]
#: A starred occurrence (``x^{*}``): its canonical TeX, the symbol alone and the symbol's span.
#: It stays starred when the symbol also occurs without the star, else it is read as the
#: symbol (:func:`settle_stars`).
Star = tuple[str, str, int, int]
#: A running index read in a subscript (``i`` of ``x_{i}``): its letter and span.
Index = tuple[str, int, int]

_DIFFERENTIALS = frozenset({"d", "D", "\\delta", "\\Delta", "\\partial", "\\mathrm{d}"})
_DROPPED_SUBSCRIPTS = frozenset({"*", "\\ast", "\\star"})
#: The letters that, alone in a subscript or beside arithmetic or another of them, are indices.
INDEX_LETTERS = frozenset("ijklmn")
_INDEX_LIKE_WORDS = frozenset({"in", "ink", "kin", "nil", "mil", "mini"})  # labels: \lambda_{in}
_DIFFERENTIAL_PRODUCT = re.compile(r"(?:d[a-z])+")
_VOWELS = frozenset("aeiou")
_PRODUCT_LETTERS = frozenset("abcxyz")  # letters of products more than of words
_DELIMITERS = frozenset({"|", "\\|", "\\rangle", "\\rvert", "\\rVert", "\\vert", "\\Vert"})
_PREFIX_FUNCTIONS = sorted((f for f in FUNCTION_NAMES if len(f) >= 3), key=len, reverse=True)
_WORD_SPACES = frozenset({"\\ ", "~", "\\\n", "\\\t"})  # spaces between words of prose


def collect(tree: Tree, emit: Emit) -> tuple[list[Star], list[Index]]:
    """Call ``emit(canonical_tex, start, end)`` for each identifier occurrence, in order.

    Returned: the starred occurrences (emitted starred), to be settled by the caller once every
    occurrence is known (:func:`settle_stars`), and the running indices read inside subscripts
    (not emitted: their spans lie inside their symbol's).
    """
    walker = _Walker(emit, tree.greek_subscripts)
    walker.walk(tree.nodes)
    return walker.stars, walker.indices


class _Walker:
    def __init__(self, emit: Emit, greek_subscripts: bool) -> None:
        self.emit = emit
        self.stars: list[Star] = []
        self.indices: list[Index] = []
        self.greek_subscripts = greek_subscripts
        self.memo: Memo = {}  # cleared whenever scripts move from one node to another

    def tex(self, node: Node) -> str:
        if node.children is None and node.sub is None and node.sup is None and not node.primes:
            return node.tex  # an atom alone: most scripts
        return canonical(node, self.memo)

    def walk(self, nodes: list[Node]) -> None:
        i = 0
        size = len(nodes)
        while i < size:
            node = nodes[i]
            kind = node.kind
            if kind == n.LETTER and not (i + 1 < size and nodes[i + 1].kind == n.GROUP):
                i = self.letters(nodes, i)
                continue
            following = nodes[i + 1] if i + 1 < size else None
            if following is not None and kind in n.SYMBOLS and _merge_empty_group(node, following):
                self.memo.clear()
            if kind == n.IDENT or kind == n.CONST:
                self.symbol_or_operator(node, following)
            elif kind == n.LETTER:
                self.letter(node, following)
            elif kind == n.WORD:
                if _is_argument(_after_spaces(nodes, i + 1)):  # \mathrm{rank}(A), \mathrm{rad}\,A
                    self.limits(node)
                else:
                    self.symbol(node)
            elif kind == n.GROUP:
                self.group(node)
            elif kind == n.FRAC:
                _mark_fraction_differentials(node)
                self.walk(node.children or [])
                self.limits(node)
            elif kind == n.DIFF:
                pass
            else:
                self.limits(node, labels=kind == n.CLOSE or node.tex in _DELIMITERS)
            i += 1

    def symbol_or_operator(self, node: Node, following: Node | None) -> None:
        if node.kind == n.CONST and (node.sub is None or not self.tex(node.sub)):
            self.limits(node)
        elif node.tex in _DIFFERENTIALS and not node.scripted and _is_symbol(following):
            return  # \Delta x, \delta x: an operator on the next symbol
        else:
            self.symbol(node)

    def group(self, node: Node) -> None:
        children = node.children or []
        if node.scripted and len(children) == 1 and children[0].kind in n.SYMBOLS:
            inner = children[0]  # {x}_i is x_i, {R^{\mu}}_{\nu} is R_{\nu}^{\mu}
            if _merge_scripts(inner, node):
                self.memo.clear()
                self.walk([inner])
                return
        self.walk(children)
        self.limits(node)

    def limits(self, node: Node, labels: bool = False) -> None:
        """Identifiers in the scripts of something that is not itself an identifier."""
        for script in (node.sub, node.sup):
            if script is None or (labels and _is_label(script)):
                continue
            if self.greek_subscripts and _greek_only(script):
                continue  # \partial_\mu F^{\mu\nu}: a tensor index, not an identifier
            self.walk([script])

    # -- symbols ----------------------------------------------------------------------------

    def symbol(self, node: Node) -> None:
        base = node.tex + "'" * node.primes
        sub = node.sub
        if sub is not None:
            sub_tex = self.tex(sub)
            if sub_tex and sub_tex not in _DROPPED_SUBSCRIPTS:
                base += "_{" + sub_tex + "}"
                self.indices += _index_letters(sub)
        sup = node.sup
        if sup is None:
            self.emit(base, node.start, node.end)
            return
        sup_tex = self.tex(sup)
        if sup_tex in STAR_SUPERSCRIPTS or (sup_tex[:1] == "*" and not sup_tex.strip("*")):
            starred = base + "^{" + sup_tex + "}"  # x^{*}: another object if x occurs too
            self.stars.append((starred, base, node.start, node.base_end))
            self.emit(starred, node.start, node.end)
        elif not sup_tex or sup_tex in DECORATION_SUPERSCRIPTS:
            self.emit(base, node.start, node.base_end)
        elif label := _label_word(sup):
            self.emit(base + "^{\\mathrm{" + label + "}}", node.start, node.end)
        elif self.is_index(sup, sup_tex):
            self.emit(base + "^{" + sup_tex + "}", node.start, node.end)
        else:
            self.emit(base, node.start, node.base_end)
            self.walk([sup])

    def is_index(self, sup: Node, sup_tex: str) -> bool:
        """Is a superscript an index (``u^{\\mu}``, ``f^{(n)}``) rather than a power?"""
        if sup_tex[:1] in "([" and sup_tex[-1:] in ")]" and len(sup_tex) > 2:
            return True
        children = sup.children if sup.kind == n.GROUP and not sup.scripted else [sup]
        if not children:
            return False
        if len(children) == 1 and children[0].kind in (n.WORD, n.TEXT):
            return not sup_tex.endswith("{}")  # E^{\mathrm{tot}}: a label, not a power
        if not _greek_only(sup):
            return False
        return self.greek_subscripts or all(c.tex in INDEX_GREEK for c in children)

    # -- runs of plain letters --------------------------------------------------------------

    def letters(self, nodes: list[Node], i: int) -> int:
        """Handle the run of plain letters starting at ``i``; return the index after it."""
        j = i
        size = len(nodes)
        while j < size and nodes[j].kind == n.LETTER:
            j += 1
            if nodes[j - 1].scripted:
                break
        if j - i > 1 and _in_phrase(nodes, i, j):
            return j  # work\ done: words of prose
        if j - i > 1:
            i = self.word(nodes, i, j)
        while i < j:
            self.letter(nodes[i], nodes[i + 1] if i + 1 < size else None)
            i += 1
        return j

    def letter(self, node: Node, following: Node | None) -> None:
        if node.tex != "d" or not _is_differential(node, following):
            self.symbol(node)

    def word(self, nodes: list[Node], i: int, j: int) -> int:
        """Consume a leading function name or a whole word of the run ``nodes[i:j]``."""
        text = "".join(node.tex for node in nodes[i:j])
        last = nodes[j - 1]
        if text in FUNCTION_NAMES or text.lower() in TEXT_WORDS:
            self.limits(last)
            return j
        for name in _PREFIX_FUNCTIONS:
            if text.startswith(name):
                return i + len(name)
        if _is_word(text):
            word = Node(n.IDENT, "\\mathrm{" + text + "}", nodes[i].start, last.end)
            word.sub, word.sup, word.primes = last.sub, last.sup, last.primes
            word.base_end = last.base_end
            self.symbol(word)
            return j
        return i


def _index_letters(sub: Node) -> list[Index]:
    """The running indices of a subscript: its letters i, j, k, l, m, n, unless they are part
    of a longer run of letters that is not all indices (``v_{ma}``: a label)."""
    while sub.kind == n.GROUP and not sub.scripted and len(sub.children or []) == 1:
        inner = (sub.children or [sub])[0]
        if inner.kind != n.GROUP:
            break
        sub = inner  # x_{{i}}, a macro's {#1}
    children = sub.children if sub.kind == n.GROUP and not sub.scripted else [sub]
    found: list[Index] = []
    run: list[Node] = []
    for child in [*(children or []), None]:
        if child is not None and child.kind == n.LETTER:
            run.append(child)
            continue
        if _indices(run):
            found += [(c.tex, c.start, c.end) for c in run]
        run = []
    return found


def _indices(run: list[Node]) -> bool:
    """Is a run of letters in a subscript a run of indices (``i``, ``ij``), not a word
    (``in``, ``min``)?"""
    if not run or len(run) > 3 or any(c.tex not in INDEX_LETTERS or c.scripted for c in run):
        return False
    word = "".join(c.tex for c in run)
    return len(run) == 1 or (word not in FUNCTION_NAMES and word not in _INDEX_LIKE_WORDS)


def _label_word(sup: Node) -> str:
    """The word a superscript of plain letters spells when it is a label (``A^{op}``), or
    an empty string."""
    children = sup.children if sup.kind == n.GROUP and not sup.scripted else [sup]
    if not children or len(children) < 2:
        return ""
    if any(c.kind != n.LETTER or c.scripted for c in children):
        return ""
    word = "".join(c.tex for c in children)
    return word if word in SUPERSCRIPT_LABELS else ""


def _word_space(node: Node) -> bool:
    return node.kind == n.SPACE and node.tex in _WORD_SPACES


def _in_phrase(nodes: list[Node], i: int, j: int) -> bool:
    """Whether the run of letters ``nodes[i:j]`` is a word of a phrase written with spaces
    (``work\\ done``): a word space joins it to a word of two letters or more."""

    def letters(*at: int) -> bool:
        return all(0 <= k < len(nodes) and nodes[k].kind == n.LETTER for k in at)

    after = j < len(nodes) and _word_space(nodes[j]) and letters(j + 1, j + 2)
    return after or (i > 0 and _word_space(nodes[i - 1]) and letters(i - 2, i - 3))


def _is_symbol(node: Node | None) -> bool:
    return node is not None and node.kind in n.SYMBOLS


def _is_differential(node: Node, following: Node | None) -> bool:
    """``d`` before a symbol (``dx``, ``d^3x``, ``d\\Theta``) is a differential."""
    if node.sub is not None or node.primes or not _is_symbol(following):
        return False
    return node.sup is None or canonical(node.sup).isdigit()


def _is_word(text: str) -> bool:
    """Does a run of plain letters spell a word (``seqs``) rather than a product (``abab``)?"""
    return (
        len(text) >= 4
        and text.islower()
        and len(set(text)) >= 3
        and not _VOWELS.isdisjoint(text)
        and 2 * sum(c in _PRODUCT_LETTERS for c in text) < len(text)
        and not _DIFFERENTIAL_PRODUCT.fullmatch(text)
    )


def _greek_only(script: Node) -> bool:
    children = [script]
    if script.kind == n.GROUP and not script.scripted:
        children = script.children or []
    return bool(children) and all(
        c.kind == n.IDENT and c.tex in GREEK_LOWER and not c.scripted for c in children
    )


def _after_spaces(nodes: list[Node], i: int) -> Node | None:
    while i < len(nodes) and nodes[i].kind == n.SPACE:
        i += 1
    return nodes[i] if i < len(nodes) else None


def _is_argument(node: Node | None) -> bool:
    return node is not None and (node.kind in n.SYMBOLS or node.tex == "(")


def _merge_scripts(node: Node, donor: Node) -> bool:
    """Move ``donor``'s scripts onto ``node`` if they do not clash; return whether done."""
    if (node.sub is not None and donor.sub is not None) or (
        node.sup is not None and donor.sup is not None
    ):
        return False
    node.sub = node.sub if donor.sub is None else donor.sub
    node.sup = node.sup if donor.sup is None else donor.sup
    node.primes += donor.primes
    node.end = max(node.end, donor.end)
    node.base_end = node.end if node.sup is None else node.base_end
    donor.sub = donor.sup = None
    donor.primes = 0
    return True


def _merge_empty_group(node: Node, following: Node) -> bool:
    """``R^d{}_{abc}``: scripts on an empty group belong to the symbol before it; whether
    they moved."""
    if following.kind == n.GROUP and not following.children and following.scripted:
        return _merge_scripts(node, following)
    return False


def _is_label(script: Node) -> bool:
    """A subscript of several plain letters on a bracket names it: ``\\{f, g\\}_{DB}``."""
    if script.kind in (n.WORD, n.TEXT):
        return True
    children = script.children if script.kind == n.GROUP and script.children else [script]
    return len(children) > 1 and all(c.kind == n.LETTER for c in children)


def _first(node: Node) -> Node | None:
    while node.kind == n.GROUP and node.children:
        node = node.children[0]
    return None if node.kind == n.GROUP else node


def _mark_fraction_differentials(node: Node) -> None:
    """``\\frac{d y}{d x}``, ``\\frac{D u}{D t}``: the operators opening both parts."""
    children = node.children or []
    if len(children) != 2:
        return
    top, bottom = _first(children[0]), _first(children[1])
    if top is None or bottom is None or top.tex != bottom.tex or top.tex not in _DIFFERENTIALS:
        return
    for part in (top, bottom):
        part.kind = n.DIFF
