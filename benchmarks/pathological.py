"""Pathological inputs for every reader, the identifier parser and the define stage.

Each :class:`Family` makes an input of size ``n`` (``make(n)``) out of one piece of damaged or
extreme markup: unclosed environments and braces, deep nesting, long lines without sentence
ends, many formulas per sentence, huge tables, repeated ``$``. ``size`` is the smallest ``n``
worth timing (a few milliseconds of work once the code is linear). ``benchmarks/bench_scaling.py``
times each family at ``n``, ``2n``, ``4n``, ``8n``; the tests (``tests/scaling.py``) check the
growth of the readers' and the parser's families, and fuzz the readers with :data:`PIECES`.

Targets: ``wikitext``, ``latex``, ``markdown`` (a string through the parse stage), ``xmldump``
(the text of a MediaWiki XML file, read and parsed), ``identifiers`` (one formula's TeX through
``extract_identifiers``), ``define`` (a Markdown text parsed and identified, then the define
stage).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["FAMILIES", "PIECES", "TARGETS", "Family", "dump_page", "dump_text"]

TARGETS = ("wikitext", "latex", "markdown", "xmldump", "identifiers", "define")


@dataclass(frozen=True)
class Family:
    """Inputs of one shape at any size: ``make(n)`` for the ``target`` stage."""

    target: str
    name: str
    make: Callable[[int], str]
    size: int

    @property
    def label(self) -> str:
        return f"{self.target}: {self.name}"


def _repeat(piece: str) -> Callable[[int], str]:
    return lambda n: piece * n


def _nest(opening: str, inner: str, closing: str) -> Callable[[int], str]:
    return lambda n: opening * n + inner + closing * n


def _around(head: str, piece: str, tail: str) -> Callable[[int], str]:
    return lambda n: head + piece * n + tail


def _numbered(template: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    return lambda n: head + "".join(template.format(k=k) for k in range(n)) + tail


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def dump_page(title: str, page_id: str, text: str) -> str:
    """One ``<page>`` of a MediaWiki export holding the wikitext ``text``."""
    return (
        f"<page><title>{_escape(title)}</title><ns>0</ns><id>{page_id}</id>"
        f"<revision><id>1</id><text>{_escape(text)}</text></revision></page>\n"
    )


def dump_text(pages: str) -> str:
    """A whole MediaWiki export around ``pages``."""
    return (
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n'
        f"{pages}</mediawiki>\n"
    )


def _one_page(text: Callable[[int], str]) -> Callable[[int], str]:
    return lambda n: dump_text(dump_page("Page", "1", "<math>x</math> " + text(n)))


def _pages(text: str) -> Callable[[int], str]:
    return lambda n: dump_text("".join(dump_page(f"P{k}", str(k), text) for k in range(n)))


Entry = tuple[str, Callable[[int], str]] | tuple[str, Callable[[int], str], int]


def _family(target: str, size: int, *entries: Entry) -> list[Family]:
    """The families of ``target``; an entry may give its own size (else ``size``)."""
    return [Family(target, entry[0], entry[1], (*entry, size)[2]) for entry in entries]


_WIKITEXT = _family(
    "wikitext",
    10_000,
    ("unclosed {{", _repeat("{{a ")),
    ("unclosed [[", _repeat("[[a ")),
    ("unclosed <math>", _repeat("<math>x ")),
    ("unclosed &lt;math&gt;", _repeat("&lt;math&gt;x ")),
    ("unclosed <ref>", _repeat("<ref>x ")),
    ("unclosed &lt;ref&gt;", _repeat("&lt;ref&gt;x ")),
    ("unclosed <!--", _repeat("<!--")),
    ("unclosed {{math|", _repeat("{{math|x ")),
    ("unclosed <nowiki>", _repeat("<nowiki>x ")),
    ("unclosed [http", _repeat("[http://a ")),
    ("unclosed ''", _repeat("''x ")),
    ("italic letters", _repeat("''x'' ")),
    ("unclosed tables", _repeat("{|\n")),
    ("nested [[", _nest("[[", "a", "]]")),
    ("nested {{", _nest("{{", "a", "}}")),
    ("nested {{math|", _nest("{{math|", "x", "}}")),
    ("nested [[ with math", _nest("[[a|", "<math>x</math>", "]]")),
    ("long line", _repeat("word and ")),
    ("many formulas per sentence", _repeat("<math>x_1</math>, ")),
    ("huge table", _around("{|\n", "|-\n| a || <math>x</math> || c\n", "|}\n")),
    ("repeated $", _repeat("$")),
    ("headings", _repeat("== a ==\n")),
)

_LATEX = _family(
    "latex",
    10_000,
    ("unclosed equation", _repeat("\\begin{equation} a ")),
    ("unclosed align*", _repeat("\\begin{align*} a ")),
    ("unclosed verbatim", _repeat("\\begin{verbatim} a ")),
    ("unclosed itemize", _repeat("\\begin{itemize} a ")),
    ("unmatched \\end", _repeat("\\end{equation} a ")),
    ("unclosed \\section{", _repeat("\\section{a ")),
    ("unclosed \\(", _repeat("\\( a ")),
    ("unclosed \\[", _repeat("\\[ a ")),
    ("unclosed {", _repeat("{")),
    ("unclosed \\PMlinkname", _repeat("\\PMlinkname{a}{")),
    ("unclosed $", _repeat("$ a ")),
    ("unclosed $$", _repeat("$$ a ")),
    ("repeated $", _repeat("$")),
    ("nested \\emph{", _nest("\\emph{", "a", "}")),
    ("nested \\section{", _nest("\\section{", "a", "}")),
    ("nested \\PMlinkname", _nest("\\PMlinkname{", "a", "}{b}")),
    ("long line", _repeat("word and ")),
    ("many formulas per sentence", _repeat("$x_1$, ")),
    ("huge table", _around("\\begin{tabular}{cc}\n", "a & $x$ \\\\\n", "\\end{tabular}\n")),
    ("comments", _repeat("% a\n")),
)

_MARKDOWN = _family(
    "markdown",
    10_000,
    ("unclosed $", _repeat("$ a ")),
    ("unclosed $a", _repeat("$a ")),
    ("unclosed $$", _repeat("$$ a ")),
    ("unclosed `", _repeat("`a ")),
    ("unclosed ```", _repeat("```\n")),
    ("repeated $", _repeat("$")),
    ("escaped \\$", _repeat("\\$a ")),
    ("long line", _repeat("word and ")),
    ("many formulas per sentence", _repeat("$x_1$, ")),
    ("huge table", _around("| a | b |\n|---|---|\n", "| $x$ | y |\n", "")),
    ("code spans and $", _repeat("`$` $x ")),
)

_XMLDUMP = _family(
    "xmldump",
    1_000,
    ("many pages with math", _pages("Let <math>x</math> be.")),
    ("many pages without math", _pages("Nothing to see here.")),
    ("one page of unclosed <math>", _one_page(_repeat("<math>x " * 10))),
    ("one page of nested [[", _one_page(_nest("[[" * 10, "a", "]]" * 10))),
    ("one page of unclosed {{", _one_page(_repeat("{{a " * 10))),
    ("entities", _one_page(_repeat("&amp; &lt; " * 10))),
    ("unclosed <page>", lambda n: dump_text("<page><title>a</title>" * n)),
    ("pages with one id", lambda n: dump_text(dump_page("P", "1", "<math>x</math>") * n)),
)

_IDENTIFIERS = _family(
    "identifiers",
    2_000,
    ("unclosed x^{", _repeat("x^{")),
    ("nested x^{", _nest("x^{", "y", "}")),
    ("nested x_{", _nest("x_{", "y", "}")),
    ("unclosed {", _repeat("{")),
    ("unmatched }", _repeat("}")),
    ("nested {", _nest("{", "x", "}")),
    ("unclosed \\frac{", _repeat("\\frac{")),
    ("nested \\frac", _nest("\\frac{", "x", "}{y}")),
    ("unclosed \\sqrt{", _repeat("\\sqrt{")),
    ("unclosed \\left(", _repeat("\\left(")),
    ("unclosed \\begin{matrix}", _repeat("\\begin{matrix}")),
    ("unmatched \\end{matrix}", _repeat("\\end{matrix}")),
    ("unclosed \\mathrm{", _repeat("\\mathrm{")),
    ("unclosed \\text{", _repeat("\\text{")),
    ("unclosed \\hat{", _repeat("\\hat{")),
    ("nested \\hat{", _nest("\\hat{", "x", "}")),
    ("script chain x^", _repeat("x^")),
    ("primes", _repeat("x'")),
    ("\\over chain", _repeat("a \\over ")),
    ("long sum", _numbered("x_{{{k}}} + ")),
    ("repeated identifier", _repeat("x + ")),
    ("cells and rows", _around("\\begin{matrix}", "a & b \\\\ ", "\\end{matrix}")),
    ("letters", _repeat("abc")),
)

_DEFINE = _family(
    "define",
    25,
    ("many formulas per sentence", _numbered("$x_{{{k}}}$, ", "Let ", " be the values.")),
    ("long line without sentence ends", _repeat("the energy $E$ of the body and ")),
    ("many sentences", _numbered("Let $x_{{{k}}}$ be the value of item {k}. ")),
    ("one identifier everywhere", _repeat("Here $x$ is the mass of the body. ")),
)

FAMILIES: tuple[Family, ...] = (
    *_WIKITEXT,
    *_LATEX,
    *_MARKDOWN,
    *_XMLDUMP,
    *_IDENTIFIERS,
    *_DEFINE,
)

#: Pieces of markup of every reader, for fuzzing: random mixtures of them.
PIECES = {
    "wikitext": [
        "<math>", "</math>", "&lt;math&gt;", "&lt;/math&gt;", "{{", "}}", "{{math|", "[[", "]]",
        "|", "''", "'''", "<ref>", "</ref>", "<!--", "-->", "<nowiki>", "{|", "|}", "|-",
        "||", "==", "\n", "*", ":", "&amp;", "[http://a ", "$", "x", "a b. ", "x_1", "<sup>",
    ],
    "latex": [
        "\\begin{equation}", "\\end{equation}", "\\begin{verbatim}", "\\end{verbatim}",
        "\\section{", "\\emph{", "{", "}", "$", "$$", "\\(", "\\)", "\\[", "\\]", "%", "\n",
        "\\PMlinkname{", "\\\\", "&", "\\begin{tabular}{cc}", "x", "a b. ", "x_1", "\\label{",
    ],
    "markdown": [
        "$", "$$", "\\$", "`", "```", "\n", "\n\n", "| a |", "x", "a b. ", "x_1", "E₀", "x²",
        "**", "[a](b)", "#", "    ",
    ],
}  # fmt: skip
