"""Wikitext → plain text with formula placeholders, links and a map back to the source.

A single-pass scanner: one regular expression finds the next piece of markup, the prose before
it is copied verbatim (so it maps to its own source offsets), and the markup is handled:

* ``<math>`` (also the ``&lt;math&gt;`` escaped form), ``{{math|…}}``, ``{{mvar|…}}`` and
  ``''x''`` italic single letters become formulas (their placeholder goes in the text);
* ``[[target|anchor]]`` keeps its anchor in the text and becomes a :class:`~definiens.model.Link`;
  ``File:``/``Image:``/``Category:`` and interlanguage links are dropped; as in MediaWiki, a
  link whose anchor holds another link is not a link (its brackets stay text);
* comments, ``<ref>``, ``<nowiki>`` and other non-prose tags, templates, magic words, list
  markers and table markup are dropped (math inside comments, refs and nowiki is not math of the
  page text); table cells are kept as text;
* headings become their own paragraph; bold/italic quote marks are removed; entities decoded.
"""

from __future__ import annotations

import bisect
import html
import re

from definiens.ingest import wikisyntax as syn
from definiens.ingest.closing import Closings, NextMatch
from definiens.ingest.scanning import Scanner
from definiens.ingest.wikimath import GREEK, template_tex, wiki_to_tex
from definiens.model import Document

__all__ = ["MAX_NESTING", "parse_wikitext"]

#: Links, templates and external links nested deeper than this are read as text (their
#: brackets kept), so that no page exhausts the stack.
MAX_NESTING = 100
_NEWLINE = re.compile(r"\n")
#: The namespace of a link target (``File`` of ``[[File:a.png|…]]``), looked for in its first
#: characters only.
_NAMESPACE = re.compile(r"([^|:]{0,40}):")
_BRACKET_CLOSE = re.compile(r"\]")


def parse_wikitext(document: Document, *, max_formulas: int | None = None) -> Document:
    """Fill the text, offsets, formulas and links of a wikitext document (reading stops
    before formula number ``max_formulas + 1``, if given)."""
    scanner = _Scanner(document, max_formulas)
    return scanner.finish(scanner.read)


class _Scanner(Scanner):
    def __init__(self, document: Document, max_formulas: int | None = None) -> None:
        super().__init__(document, max_formulas)
        self.table_depth = 0
        self._pairs: dict[int, int] | None = None
        self._link_opens: list[int] | None = None
        self.closings = Closings(self.src)
        self.newlines = NextMatch(self.src, _NEWLINE)
        self.depth = 0
        self.refs: list[tuple[int, int]] = []
        self.in_ref = False

    def read(self) -> None:
        """The whole page, from its first line, then its footnotes."""
        first = syn.FIRST_LINE.match(self.src)
        start = self.line_start(first.group(0), 0, len(self.src)) if first else 0
        self.scan(start, len(self.src))
        self.footnotes()

    def scan(self, start: int, end: int) -> None:
        """Turn ``src[start:end]`` into text."""
        src = self.src
        pos = start
        self.depth += 1
        while pos < end:
            match = syn.TOKEN.search(src, pos, end)
            if match is None:
                self.out.copy(src, pos, end)
                break
            self.out.copy(src, pos, match.start())
            pos = self.handle(match, end)
        self.depth -= 1

    def too_deep(self, match: re.Match[str]) -> bool:
        """Whether the link or template of ``match`` is nested too deep to be read: then its
        brackets are text (reported once)."""
        if self.depth < MAX_NESTING:
            return False
        if not self.reports.seen("too-deep"):
            message = f"links and templates nested deeper than {MAX_NESTING} levels read as text"
            self.reports.report("too-deep", message, f"line {self.lines(match.start())}")
        self.out.copy(self.src, match.start(), match.end())
        return True

    def handle(self, match: re.Match[str], end: int) -> int:
        kind = match.lastgroup
        if kind in ("template", "link", "ext") and self.too_deep(match):
            return match.end()
        if kind == "line":
            self.out.copy(self.src, match.start(), match.start() + 1)
            return self.line_start(match.group("marker"), match.start() + 1, end)
        if kind == "comment":
            return self.comment(match, end)
        if kind == "tag":
            return self.tag(match, end)
        if kind == "template":
            return self.template(match.start(), end)
        if kind == "link":
            return self.link(match.start(), end)
        if kind == "ext":
            return self.external_link(match.start(), end)
        if kind == "quotes":
            return self.quotes(match, end)
        if kind == "entity":
            text = html.unescape(match.group(0)).replace("\u00a0", " ")
            self.out.replace(text, match.start(), match.end())
            return match.end()
        if kind == "cell" and self.table_depth > 0:
            self.out.replace(" ", match.start(), match.end())
            return self.skip_cell_attributes(match.end(), end)
        if kind == "cell":
            self.out.copy(self.src, match.start(), match.end())
        return match.end()

    def footnotes(self) -> None:
        """Append the content of ``<ref>``s as footnote paragraphs after the page text.

        A reader sees them in the list of references, not inside the sentence they are attached
        to; their formulas are flagged ``ref``.
        """
        self.in_ref = True
        first = len(self.out.formulas)
        for start, end in self.refs:
            self.out.insert("\n\n")
            self.table_depth = 0
            self.scan(start, end)
        for formula in self.out.formulas[first:]:
            formula.flags.append("ref")

    def comment(self, match: re.Match[str], end: int) -> int:
        """Skip a comment; markup after a comment that starts a line starts the line."""
        closer = "-->" if match.group(0) == "<!--" else "--&gt;"
        close = self.src.find(closer, match.end(), end)
        if close < 0:
            return end
        after = close + len(closer)
        if match.start() == 0 or self.src[match.start() - 1] == "\n":
            marker = syn.FIRST_LINE.match(self.src, after, end)
            if marker:
                return self.line_start(marker.group(0), after, end)
        return after

    # -- line starts: headings, lists, tables ------------------------------------------------

    def line_end(self, pos: int, end: int) -> int:
        return self.newlines.start(pos, end)

    def line_start(self, token: str, pos: int, end: int) -> int:
        """Handle the markup ``token`` that starts a line at ``pos``; return where to go on."""
        token_end = pos + len(token)
        if token[0] in " \t":  # indented table markup
            if self.table_depth == 0 and token.strip() != "{|":
                self.out.copy(self.src, pos, token_end)
                return token_end
            stripped = token.lstrip(" \t")
            return self.line_start(stripped, token_end - len(stripped), end)
        if token == "=":
            heading = syn.HEADING.match(self.src, pos, self.line_end(pos, end))
            if heading is None:
                self.out.copy(self.src, pos, token_end)
                return token_end
            self.out.insert("\n")
            self.scan(heading.start(2), heading.end(2))
            self.out.insert("\n")
            return heading.end()
        if token == "{|":
            self.table_depth += 1
            return self.line_end(pos, end)
        if token[0] in "*#:;":  # a list item or indented block may hold a table
            table = syn.INDENTED_TABLE.match(self.src, token_end, end)
            return self.line_start("{|", table.end() - 2, end) if table else token_end
        if self.table_depth == 0:
            if token[0] in "|!":
                self.out.copy(self.src, pos, token_end)
            return token_end
        if token == "|}":
            self.table_depth -= 1
            return token_end
        if token == "|-":
            return self.line_end(pos, end)
        if token[0] in "|!":
            return self.skip_cell_attributes(token_end, end)
        return token_end

    def skip_cell_attributes(self, pos: int, end: int) -> int:
        attrs = syn.CELL_ATTRS.match(self.src, pos, end)
        return attrs.end() if attrs else pos

    # -- tags ---------------------------------------------------------------------------------

    def tag(self, match: re.Match[str], end: int) -> int:
        name = match.group("name").lower()
        if match.group("close") or match.group("selfclose"):
            return match.end()
        if name == "br":
            self.out.replace(" ", match.start(), match.end())
            return match.end()
        if name not in syn.SKIP_CONTENT:
            return match.end()
        escaped = match.group(0).startswith("&")
        close = self.closing_tag(name, escaped, match.end(), end)
        if name == "math":
            return self.math(match, close, end, escaped)
        if close is None:
            return match.end()
        if name == "ref" and not self.in_ref:
            self.refs.append((match.end(), close.start()))
        return close.end()

    def closing_tag(self, name: str, escaped: bool, start: int, end: int) -> re.Match[str] | None:
        """The closing tag of ``name`` after ``start`` (before ``end``), or None."""
        closer = re.compile((r"&lt;/" if escaped else "</") + name + r"\s*(?:&gt;|>)", re.I)
        limit = min(end, start + syn.MAX_SPAN)
        return self.closings.find(f"{name}:{escaped}", closer, start, limit)

    def math(
        self, match: re.Match[str], close: re.Match[str] | None, end: int, escaped: bool
    ) -> int:
        start = match.start()
        if close is not None and syn.MATH_OPEN.search(self.src, match.end(), close.start()):
            close = None  # another <math> opens before this one is closed
        if close is None:
            self.reports.report("unclosed-math", "unclosed <math>", f"line {self.lines(start)}")
            content_end = stop = self.line_end(match.end(), end)
        else:
            content_end, stop = close.start(), close.end()
        tex = self.src[match.end() : content_end]
        if escaped:
            tex = html.unescape(tex)
        block = "block" in match.group("attrs").lower()
        display = block or syn.on_own_line(self.src, start, stop, end)
        formula = self.out.formula(tex.strip(), start, stop, display=display, kind="math")
        if close is None:
            formula.flags.append("unclosed")
        return stop

    def holds_link(self, start: int, close: int) -> bool:
        """Whether another ``[[`` opens between the ``[[`` at ``start`` and its ``]]``."""
        if self._link_opens is None:
            self.closing(start, close)  # pairs the brackets
            pairs = self._pairs or {}
            self._link_opens = sorted(k for k in pairs if self.src.startswith("[[", k))
        after = bisect.bisect_right(self._link_opens, start)
        return after < len(self._link_opens) and self._link_opens[after] < close

    def closing(self, start: int, end: int) -> int:
        """Where the ``{{`` or ``[[`` at ``start`` is closed before ``end``, or -1."""
        if self._pairs is None:
            self._pairs = syn.pair_brackets(self.src)
        close = self._pairs.get(start, -1)
        return close if close + 2 <= end else -1

    # -- templates and links ------------------------------------------------------------------

    def template(self, start: int, end: int) -> int:
        close = self.closing(start, end)
        if close < 0:
            return start + 2
        inner = self.src[start + 2 : close]
        match = syn.TEMPLATE_NAME.match(inner)
        name = match.group(1).lower() if match else ""
        if name in ("math", "mvar"):
            tex = template_tex(inner)
            if tex:
                self.out.formula(tex, start, close + 2, display=False, kind="template")
        elif name in syn.INLINE_TEMPLATES:
            arguments = self.arguments(start + 2, close)
            if arguments:
                self.scan(*arguments[0])
        elif syn.MATH_OPEN.search(self.src, start, close):
            self.template_arguments(start + 2, close)
        return close + 2

    def link(self, start: int, end: int) -> int:
        close = self.closing(start, end)
        if close < 0:
            self.out.copy(self.src, start, start + 2)
            return start + 2
        inner_start = start + 2
        namespace = _NAMESPACE.match(self.src, inner_start, close)
        prefix = namespace.group(1).strip().lower() if namespace else ""
        if prefix in ("file", "image"):
            self.caption(inner_start, close)
            return close + 2
        if prefix in syn.DROPPED_NAMESPACES or syn.INTERLANGUAGE.fullmatch(prefix):
            return close + 2
        if self.holds_link(start, close):  # [[a|b [[c]] d]]: only the inner one is a link
            self.out.copy(self.src, start, start + 2)
            return start + 2
        bar = self.src.find("|", inner_start, close)
        target = self.src[inner_start : close if bar < 0 else bar].strip()
        target = target.lstrip(":").replace("_", " ").strip()
        trail = re.match(r"[a-z]+", self.src[close + 2 : min(end, close + 40)])
        stop = close + 2 + (trail.end() if trail else 0)
        mark = self.out.mark()
        if bar < 0:
            self.scan(inner_start, close)
        elif bar + 1 == close:  # pipe trick: [[Target (x)|]] shows "Target"
            shown = re.sub(r"\s*\(.*\)$", "", target)
            self.out.replace(shown, inner_start, bar)
        else:
            self.scan(bar + 1, close)
        if trail:
            self.out.copy(self.src, close + 2, stop)
        if target:
            self.out.link(target, mark, start, stop)
        return stop

    def arguments(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the ``|``-separated arguments in ``src[start:end]`` (after the name)."""
        bars = []
        depth = 0
        for match in syn.BRACKETS_BAR.finditer(self.src, start, end):
            token = match.group(0)
            if token == "|" and depth == 0:
                bars.append(match.start())
            elif token in ("{{", "[["):
                depth += 1
            elif token in ("}}", "]]"):
                depth -= 1
        ends = [*bars[1:], end]
        return [(bar + 1, next_bar) for bar, next_bar in zip(bars, ends, strict=False)]

    def paragraph(self, start: int, end: int, flag: str) -> None:
        """Scan ``src[start:end]`` as a paragraph of its own; flag the formulas it holds."""
        first = len(self.out.formulas)
        self.out.insert("\n")
        self.scan(start, end)
        self.out.insert("\n")
        for formula in self.out.formulas[first:]:
            formula.flags.append(flag)

    def caption(self, start: int, end: int) -> None:
        """Keep the caption of an image (its last argument that is not an option) as a line."""
        arguments = self.arguments(start, end)
        if arguments and not syn.IMAGE_OPTION.fullmatch(self.src[slice(*arguments[-1])].strip()):
            self.paragraph(*arguments[-1], "caption")

    def template_arguments(self, start: int, end: int) -> None:
        """Keep the arguments of a template that hold math (a numbered equation, an infobox
        formula) as paragraphs: the formula is the page's even if the template is not prose."""
        for arg_start, arg_end in self.arguments(start, end):
            if syn.MATH_OPEN.search(self.src, arg_start, arg_end):
                named = syn.NAMED_ARGUMENT.match(self.src, arg_start, arg_end)
                self.paragraph(named.end() if named else arg_start, arg_end, "template")

    def external_link(self, start: int, end: int) -> int:
        found = self.closings.find("]", _BRACKET_CLOSE, start, self.line_end(start, end))
        if found is None:
            self.out.copy(self.src, start, start + 1)
            return start + 1
        close = found.start()
        space = self.src.find(" ", start, close)
        if space >= 0:
            self.scan(space + 1, close)
        return close + 1

    # -- quotes -------------------------------------------------------------------------------

    def quotes(self, match: re.Match[str], end: int) -> int:
        letter = syn.ITALIC_LETTER.match(self.src, match.start(), end)
        if letter is None:
            return match.end()
        char = letter.group("letter")
        tex = GREEK.get(char, char)
        scripts = letter.group("inner") + letter.group("outer")
        if scripts:
            tex = wiki_to_tex(tex + (" " if tex.startswith("\\") else "") + scripts)
        self.out.formula(tex, letter.start(), letter.end(), display=False, kind="italic")
        return letter.end()
