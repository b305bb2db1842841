"""LaTeX → text with formula placeholders, and LaTeX document metadata (PlanetMath fields).

The preamble (everything before ``\\begin{document}``) and comments are dropped. Formulas:
``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]`` and the equation, align, multline, gather,
eqnarray, flalign, alignat and displaymath environments (starred too). Text macros
(``\\emph``, ``\\textbf``…) keep their content, sectioning commands become their own paragraph,
PlanetMath links (``\\PMlinkname{text}{target}``) become links, other commands are dropped
(with their arguments when those are not prose, as for ``\\label`` or ``\\cite``).
"""

from __future__ import annotations

import re

from definiens.ingest.closing import Closings, NextMatch, pair_braces
from definiens.ingest.detex import detex
from definiens.ingest.dollars import Dollars
from definiens.ingest.scanning import Scanner
from definiens.model import Document

__all__ = ["latex_metadata", "parse_latex"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MATH_ENVS = _words(
    "equation align multline gather eqnarray flalign alignat displaymath math dmath"
)
_SKIP_ENVS = _words("verbatim comment lstlisting tikzpicture picture xy pspicture")
_ARG_ENVS = _words("tabular tabularx array minipage multicols thebibliography")
_SECTIONS = _words("part chapter section subsection subsubsection paragraph subparagraph title")
_DROP_ARGS = _words(
    "label ref eqref cite pageref index includegraphics usepackage newcommand "
    "renewcommand providecommand newtheorem newenvironment bibliographystyle bibliography "
    "vspace hspace url setlength addtolength input include documentclass PMlinkescapeword "
    "PMlinkescapephrase PMlinkescapetext htmladdnormallink hyperref thispagestyle "
    "pagestyle def let xymatrix DeclareMathOperator setcounter addcontentsline nocite "
    "bibitem"
)
_TEX_NOISE = re.compile(r"\\label\s*\{[^{}]*\}|\\(?:nonumber|notag)\b")
_LINKS = frozenset({"PMlinkname", "PMlinkid", "PMlinkexternal", "PMlinktofile", "href"})
_ESCAPES = {"\\\\": "\n", "\\&": "&", "\\%": "%", "\\$": "$", "\\_": "_", "\\#": "#", "\\ ": " "}


def _tokens(opener: str, escaped: str) -> re.Pattern[str]:
    """The markup the scanner stops at, ``\\`` then ``opener`` opening a formula and
    ``escaped`` an escape (``\\%``, ``\\\\``…)."""
    return re.compile(
        rf"(?P<comment>%)|(?P<dollar>\$\$?)|(?P<open>\\{opener})"
        r"|(?P<env>\\(?:begin|end)\s*\{(?P<envname>[a-zA-Z]+\*?)\})"
        rf"|(?P<command>\\(?P<cmdname>[a-zA-Z]+)\*?)|(?P<escape>\\{escaped})"
        r"|(?P<brace>[{}])|(?P<tilde>[~&])",
        re.S,
    )


_TOKEN = _tokens(r"[(\[]", ".")
_PAREN_CLOSE = re.compile(r"(?<!\\)(?:\\\\)*\\\)")  # \) not escaped as \\)
_BRACKET_CLOSE = re.compile(r"(?<!\\)(?:\\\\)*\\\]")
#: ``\(`` and ``\[``: the closer, its pattern, whether display, the problem when unclosed,
#: and text holding no markup but this opener (how far the ones after an unclosed one go).
_OPENERS = {
    "\\(": (
        "\\)",
        _PAREN_CLOSE,
        False,
        "unclosed \\(",
        re.compile(r"(?:[^%$\\{}~&]++|\\\(|\\\Z)*+"),
    ),
    "\\[": (
        "\\]",
        _BRACKET_CLOSE,
        True,
        "unclosed \\[",
        re.compile(r"(?:[^%$\\{}~&]++|\\\[|\\\Z)*+"),
    ),
}
_BEGIN_DOCUMENT = re.compile(r"\\begin\s*\{document\}")
_NEWLINE = re.compile(r"\n")
_OPTIONAL_CLOSE = re.compile(r"\]")
#: Sections and links nested deeper than this are read flat (their commands dropped, their
#: text kept), so that no input exhausts the stack.
MAX_NESTING = 100
_END_DOCUMENT = re.compile(r"\\end\s*\{document\}")


def _skip_space(src: str, pos: int, end: int) -> int:
    while pos < end and src[pos] in " \t":
        pos += 1
    return pos


def latex_metadata(source: str) -> dict[str, object]:
    """The document's metadata: PlanetMath fields, else ``\\title`` (its title de-TeXed:
    ``\\'Etale`` is shown ``Étale``)."""

    def args(command: str) -> list[str]:
        pattern = re.compile(r"\\" + command + r"\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
        return [m.group(1).strip() for m in pattern.finditer(source)]

    metadata: dict[str, object] = {}
    title = args("pmtitle") or args("title")
    if title:
        metadata["title"] = detex(title[0])
    msc = re.findall(r"\\pmclassification\s*\{msc\}\s*\{([^{}]*)\}", source)
    if msc:
        metadata["msc"] = [code.strip() for code in msc]
        metadata["msc_top"] = sorted({code.strip()[:2] for code in msc if code.strip()})
    for key, command in (("defines", "pmdefines"), ("synonyms", "pmsynonym")):
        values = args(command)
        if values:
            metadata[key] = values
    return metadata


def parse_latex(document: Document, *, max_formulas: int | None = None) -> Document:
    """Fill the text, offsets, formulas and links of a LaTeX document (reading stops before
    formula number ``max_formulas + 1``, if given)."""
    src = document.source_text
    begin = _BEGIN_DOCUMENT.search(src)
    start = begin.end() if begin else 0
    finish = _END_DOCUMENT.search(src, start)
    scanner = _Scanner(document, max_formulas)
    return scanner.finish(lambda: scanner.scan(start, finish.start() if finish else len(src)))


class _Scanner(Scanner):
    def __init__(self, document: Document, max_formulas: int | None = None) -> None:
        super().__init__(document, max_formulas)
        self.closings = Closings(self.src)
        self.dollars = Dollars(self.src)
        self.newlines = NextMatch(self.src, _NEWLINE)
        self.depth = 0
        self._braces: dict[int, int] | None = None

    def group_end(self, pos: int, end: int) -> int:
        """Index just after the ``}`` matching the ``{`` at ``pos``, or -1 when unbalanced."""
        if self._braces is None:
            self._braces = pair_braces(self.src)
        close = self._braces.get(pos, -1)
        return close + 1 if 0 <= close < end else -1

    def skip_optional(self, pos: int, end: int) -> int:
        """Skip an optional ``[…]`` argument at ``pos`` (on the same line)."""
        if pos < end and self.src[pos] == "[":
            line_end = self.newlines.start(pos, end)
            close = self.closings.find("]", _OPTIONAL_CLOSE, pos, line_end)
            if close is not None:
                return close.end()
        return pos

    def scan(self, start: int, end: int) -> None:
        src, copy, search, handle = self.src, self.out.copy, _TOKEN.search, self.handle
        pos = start
        self.depth += 1
        while pos < end:
            match = search(src, pos, end)
            if match is None:
                copy(src, pos, end)
                break
            copy(src, pos, match.start())
            pos = handle(match, end)
        self.depth -= 1

    def too_deep(self, pos: int) -> bool:
        """Whether a section or link at ``pos`` is nested too deep to be read (reported once)."""
        if self.depth < MAX_NESTING:
            return False
        if not self.reports.seen("too-deep"):
            message = f"sections and links nested deeper than {MAX_NESTING} levels read flat"
            self.reports.report("too-deep", message, f"line {self.lines(pos)}")
        return True

    def problem(self, what: str, pos: int) -> None:
        self.problem_at("unbalanced-math", what, pos)

    def handle(self, match: re.Match[str], end: int) -> int:
        kind = match.lastgroup
        src = self.src
        if kind == "comment":
            newline = src.find("\n", match.end(), end)
            return end if newline < 0 else _skip_space(src, newline + 1, end)
        if kind == "dollar":
            return self.dollar(match, end)
        if kind == "open":
            return self.delimited(match, end)
        if kind == "env":
            return self.environment(match, end)
        if kind == "command":
            return self.command(match, end)
        if kind == "escape":
            text = _ESCAPES.get(match.group(0), "")
            self.out.replace(text, match.start(), match.end())
            return match.end()
        if kind == "tilde":  # a tie, or a tabular column separator
            self.out.replace(" ", match.start(), match.end())
        return match.end()

    def dollar(self, match: re.Match[str], end: int) -> int:
        start = match.start()
        double = match.group(0) == "$$"
        close = self.dollars.close(start, end, double)
        if close < 0:
            self.problem(f"unbalanced {match.group(0)}", start)
            self.out.copy(self.src, start, match.end())
            return match.end()
        width = len(match.group(0))
        tex = self.src[start + width : close].strip()
        self.out.formula(tex, start, close + width, display=double, kind="dollar")
        return close + width

    def delimited(self, match: re.Match[str], end: int) -> int:
        """A formula in ``\\(…\\)`` or ``\\[…\\]``."""
        closer, pattern, display, _, _ = _OPENERS[match.group(0)]
        found = self.closings.find(closer, pattern, match.end(), end)
        if found is None:
            return self.unclosed(match, end)
        close = found.end() - 2
        tex = self.src[match.end() : close].strip()
        self.out.formula(tex, match.start(), close + 2, display=display, kind="paren")
        return close + 2

    def unclosed(self, match: re.Match[str], end: int) -> int:
        """An unclosed ``\\(`` (or ``\\[``) is reported and left out, its text kept. So is
        every one like it up to the next other markup (none of them can close before ``end``
        either), all at once: a page of them is not read one token at a time."""
        src, opener = self.src, match.group(0)
        _, _, _, message, plain = _OPENERS[opener]
        found = plain.match(src, match.end(), end)
        stop = found.end() if found else match.end()
        texts = src[match.end() : stop].split(opener)  # one per opener, the text after it
        at = match.start()
        for text in texts[: self.reports.count("unbalanced-math", len(texts))]:
            self.reports.listed("unbalanced-math", message, f"line {self.lines(at)}")
            at += len(opener) + len(text)
        self.out.copy_apart(src, match.end(), texts, len(opener))
        return stop

    def environment(self, match: re.Match[str], end: int) -> int:
        name = match.group("envname")
        base = name.rstrip("*")
        if match.group(0).startswith("\\end"):
            return match.end()
        closer = re.compile(r"\\end\s*\{" + re.escape(name) + r"\}")
        if base in _MATH_ENVS:
            close = self.closings.find(name, closer, match.end(), end)
            if close is None:
                self.problem(f"unclosed environment {name}", match.start())
                return match.end()
            content = match.end()
            if base == "alignat":
                group = self.group_end(_skip_space(self.src, content, end), end)
                content = group if group > 0 else content
            tex = _TEX_NOISE.sub("", self.src[content : close.start()]).strip()
            display = base != "math"
            self.out.formula(tex, match.start(), close.end(), display=display, kind="environment")
            return close.end()
        if base in _SKIP_ENVS:
            close = self.closings.find(name, closer, match.end(), end)
            return end if close is None else close.end()
        self.out.insert("\n")
        pos = self.skip_optional(_skip_space(self.src, match.end(), end), end)
        if base in _ARG_ENVS and pos < end and self.src[pos] == "{":
            group = self.group_end(pos, end)
            pos = group if group > 0 else pos
        return pos

    def command(self, match: re.Match[str], end: int) -> int:
        name = match.group("cmdname")
        pos = self.skip_optional(_skip_space(self.src, match.end(), end), end)
        if name in _DROP_ARGS or name.startswith("pm"):
            while pos < end and self.src[pos] == "{":
                group = self.group_end(pos, end)
                if group < 0:
                    break
                pos = self.skip_optional(group, end)
            return pos
        if (name in _LINKS or name in _SECTIONS) and self.too_deep(match.start()):
            return pos
        if name in _LINKS:
            return self.link(name, match.start(), pos, end)
        if name in _SECTIONS and pos < end and self.src[pos] == "{":
            group = self.group_end(pos, end)
            if group > 0:
                self.out.insert("\n")
                self.scan(pos + 1, group - 1)
                self.out.insert("\n\n")
                return group
        if name == "item":
            self.out.insert("\n")
        if name in ("par", "newline", "linebreak"):
            self.out.insert("\n")
        return pos

    def link(self, name: str, start: int, pos: int, end: int) -> int:
        """``\\PMlinkname{text}{target}`` and kin: the text stays, a link is recorded."""
        first = self.group_end(pos, end) if pos < end and self.src[pos] == "{" else -1
        if first < 0:
            return pos
        second_start = _skip_space(self.src, first, end)
        second = (
            self.group_end(second_start, end)
            if second_start < end and self.src[second_start] == "{"
            else -1
        )
        if second < 0:
            self.scan(pos + 1, first - 1)
            return first
        text_range = (pos + 1, first - 1)
        target_range = (second_start + 1, second - 1)
        if name == "href":
            text_range, target_range = target_range, text_range
        mark = self.out.mark()
        self.scan(*text_range)
        target = self.src[target_range[0] : target_range[1]]
        if name != "href" and name != "PMlinkexternal":
            self.out.link(target.strip(), mark, start, second)
        return second
