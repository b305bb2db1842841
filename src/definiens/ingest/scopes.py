"""The scopes of a document: its sections and theorem-like environments, where notation changes.

Found in the source, each in one linear pass, and mapped into ``Document.text`` through the
offset map: wiki headings (``== Title ==``), Markdown headings (``# Title``, and underlined
ones) outside code blocks, LaTeX ``\\part`` … ``\\subparagraph`` and theorem-like environments
(``theorem``, ``lemma``, ``proof``, ``definition``… and every environment ``\\newtheorem``
declares), outside comments and verbatim. A section runs to the next heading of its level or
higher; an environment from ``\\begin`` to its ``\\end`` (an unclosed one to the end of its
section). Scopes come out sorted by start, outer before inner.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from definiens.ingest.detex import detex
from definiens.model import Document, Scope

__all__ = ["THEOREM_LIKE", "find_scopes"]

#: Environments that are theorem-like in most documents, besides those ``\newtheorem`` declares.
_THEOREM_WORDS = """
theorem lemma proposition corollary definition proof example examples remark remarks conjecture
claim exercise notation note assumption hypothesis axiom fact observation problem solution
question situation construction convention criterion principle
"""
THEOREM_LIKE = frozenset(_THEOREM_WORDS.split())
_HEADINGS = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "subsection": 3,
    "subsubsection": 4,
    "paragraph": 5,
    "subparagraph": 6,
}
_LATEX = re.compile(
    r"(?P<comment>(?<!\\)%[^\n]*)"
    r"|\\(?P<heading>part|chapter|section|subsection|subsubsection|paragraph|subparagraph)"
    r"\*?\s*(?:\[[^\]\n]{0,300}\])?\s*\{"
    r"|\\(?P<end>begin|end)\s*\{(?P<env>[A-Za-z]+\*?)\}"
)
_NEWTHEOREM = re.compile(
    r"\\(?:newtheorem|declaretheorem|spnewtheorem)\*?\s*(?:\[[^\]]*\]\s*)?"
    r"\{(?P<name>[A-Za-z]+\*?)\}\s*(?:\[[^\]]*\]\s*)?(?:\{(?P<title>[^{}\n]{0,80})\})?"
)
_VERBATIM = ("verbatim", "lstlisting", "minted", "comment", "Verbatim")
_OPTION = re.compile(r"\s*\[([^\]\n]{0,200})\]")
_WIKI_HEADING = re.compile(r"^(={1,6})[ \t]*([^\n]*?)[ \t]*\1[ \t]*$", re.MULTILINE)
_MD_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$")
_MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MD_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_WIKI_MARKUP = re.compile(r"'{2,}|\[\[(?:[^|\]]*\|)?|\]\]|<[^>]{0,100}>")

#: (kind, title, level, source start, source end) of a scope found in the source.
_Found = tuple[str, str, int, int, int]


def find_scopes(document: Document, limit: int | None = None) -> list[Scope]:
    """The scopes of a parsed document (its ``text`` and ``offsets`` are set); with ``limit``,
    the first ``limit`` of them only, the others left out with a ``too-complex`` problem."""
    finders = {"latex": _latex, "wikitext": _wikitext, "markdown": _markdown}
    finder = finders.get(document.format)
    if finder is None or not document.source_text:
        return []
    scopes = []
    size = len(document.text)
    found = finder(document.source_text)
    if limit is not None and len(found) > limit:
        found = sorted(found, key=lambda scope: scope[3])[:limit]  # the first in the source
        message = (
            f"more than {limit:,} sections and environments: the first {limit:,} are kept as "
            "scopes, the sections and environments after them are not scopes"
        )
        document.report("too-complex", message)
    for kind, title, level, source_start, source_end in found:
        start = min(document.offsets.to_text(source_start), size)
        end = min(max(start, document.offsets.to_text(source_end)), size)
        scopes.append(Scope(kind, title, level, start, end, source_start, source_end))
    scopes.sort(key=lambda s: (s.start, -s.end, s.level))
    return _nested(scopes)


def _nested(scopes: list[Scope]) -> list[Scope]:
    """The scopes (sorted, outer first) with each one ending where the scope around it ends:
    badly nested markup (a section inside a lemma) still gives a tree."""
    stack: list[Scope] = []
    for scope in scopes:
        while stack and stack[-1].end <= scope.start:
            stack.pop()
        if stack and scope.end > stack[-1].end:
            scope.end = stack[-1].end
            scope.source_end = min(scope.source_end, stack[-1].source_end)
        stack.append(scope)
    return scopes


def _sections(headings: list[tuple[str, int, int]], size: int) -> list[_Found]:
    """Sections from headings (title, level, source start): each runs to the next heading of
    its level or higher (one pass with a stack of the open sections)."""
    found: list[_Found] = []
    open_: list[tuple[str, int, int]] = []
    for title, level, start in headings:
        while open_ and open_[-1][1] >= level:
            done = open_.pop()
            found.append(("section", done[0], done[1], done[2], start))
        open_.append((title, level, start))
    found.extend(("section", title, level, start, size) for title, level, start in open_)
    found.sort(key=lambda f: f[3])
    return found


def _wikitext(source: str) -> list[_Found]:
    headings = []
    for match in _WIKI_HEADING.finditer(source):
        title = " ".join(_WIKI_MARKUP.sub("", match.group(2)).split())
        if title:
            headings.append((title, len(match.group(1)) - 1, match.start()))
    return _sections(headings, len(source))


def _markdown(source: str) -> list[_Found]:
    headings: list[tuple[str, int, int]] = []
    fence = ""
    previous: tuple[int, str] | None = None  # start and text of a paragraph line
    position = 0
    for line in source.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        opened = _MD_FENCE.match(stripped)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
        elif opened:
            fence = opened.group(1)
        else:
            previous = _markdown_line(stripped, position, previous, headings)
        position += len(line)
    return _sections(headings, len(source))


def _markdown_line(
    line: str, position: int, previous: tuple[int, str] | None, headings: list[tuple[str, int, int]]
) -> tuple[int, str] | None:
    """Record the heading ``line`` makes (ATX, or the underline of the line before); return the
    paragraph line an underline could follow."""
    atx = _MD_ATX.match(line)
    if atx:
        headings.append(((atx.group(2) or "").strip(), len(atx.group(1)), position))
        return None
    setext = _MD_SETEXT.match(line)
    if setext and previous is not None:
        headings.append((previous[1].strip(), 1 if setext.group(1)[0] == "=" else 2, previous[0]))
        return None
    if not line.strip() or line.lstrip().startswith(("-", "*", "+", ">", "|")):
        return None
    return (position, line)


def _theorem_names(source: str) -> dict[str, str]:
    names = {name: name.capitalize() for name in THEOREM_LIKE}
    for match in _NEWTHEOREM.finditer(source):
        name = match.group("name")
        names[name] = detex(match.group("title") or name.capitalize())
    return names


def _braced(source: str, start: int, limit: int = 2000) -> tuple[str, int]:
    """The text of the group opened just before ``start`` (balanced, at most ``limit``
    characters), and the offset after it."""
    depth, i, end = 1, start, min(len(source), start + limit)
    while i < end:
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return source[start:i], i + 1
        i += 1
    return source[start:end], end


def _latex(source: str) -> list[_Found]:
    names = _theorem_names(source)
    begin = source.find("\\begin{document}")
    headings: list[tuple[str, int, int]] = []
    environments: list[tuple[str, str, int, int]] = []  # name, title, start, end (-1 open)
    for kind, name, title, start, end in _latex_marks(source, max(begin, 0), names):
        if kind == "heading":
            headings.append((title, _HEADINGS[name], start))
        elif kind == "begin":
            environments.append((name, title, start, -1))
        else:
            for j in range(len(environments) - 1, -1, -1):
                if environments[j][0] == name and environments[j][3] < 0:
                    environments[j] = (*environments[j][:3], end)
                    break
    sections = _sections(headings, len(source))
    environments = _proofs_inside_statements(source, environments)
    return sections + _environment_scopes(environments, sections, len(source))


#: What may stand between a statement and its proof: blank space, labels, comments.
#: Possessive throughout: a line of many ``%`` could otherwise be split in 2^n ways before
#: text that does not match ("\noindent", "We now prove it.") is found.
_BETWEEN = re.compile(r"(?:\s++|\\label\s*+\{[^{}\n]*+\}|(?<!\\)%[^\n]*+)*+")


def _proofs_inside_statements(
    source: str, environments: list[tuple[str, str, int, int]]
) -> list[tuple[str, str, int, int]]:
    """The environments with each statement (a theorem, a lemma...) that a proof follows right
    after running to that proof's end: the proof uses the statement's notation ("Let $X$ be a
    proper curve" holds for the $X$ of the proof), so it nests inside the statement's scope.
    ``environments`` are in source order (of their ``\\begin``)."""
    result = list(environments)
    for before in range(len(result) - 1):
        name, title, start, end = result[before]
        proof = result[before + 1]
        if proof[0].rstrip("*") != "proof" or name.rstrip("*") == "proof" or end < 0:
            continue
        if proof[3] < 0 or end > proof[2]:
            continue
        if _BETWEEN.fullmatch(source, end, proof[2]) is not None:
            result[before] = (name, title, start, proof[3])
    return result


def _latex_marks(
    source: str, position: int, names: dict[str, str]
) -> Iterator[tuple[str, str, str, int, int]]:
    """(kind, name, title, start, end) of each heading, and each begin and end of a
    theorem-like environment, in order; comments and verbatim are passed over."""
    pattern = _LATEX
    match = pattern.search(source, position)
    while match is not None:
        following = match.end()
        if match.group("heading"):
            title, following = _braced(source, match.end())
            yield "heading", match.group("heading"), detex(title), match.start(), following
        elif match.group("env"):
            name = match.group("env")
            if match.group("end") == "begin" and name in _VERBATIM:
                closing = source.find(f"\\end{{{name}}}", following)
                following = len(source) if closing < 0 else closing
            elif name.rstrip("*") in names:
                kind = match.group("end")
                title = names[name.rstrip("*")] + _option(source, following)
                yield kind, name, title, match.start(), following
        match = pattern.search(source, following)


def _option(source: str, position: int) -> str:
    option = _OPTION.match(source, position)
    return f" ({detex(option.group(1))})" if option else ""


def _environment_scopes(
    environments: list[tuple[str, str, int, int]], sections: list[_Found], size: int
) -> list[_Found]:
    """Environments as scopes, one level below the innermost section around each (the last
    heading before it) or below the environment around it; an unclosed one runs to the end of
    that section."""
    starts = [s[3] for s in sections]
    found: list[_Found] = []
    around: list[_Found] = []  # the environments open at this one's start
    for name, title, start, end in environments:  # in source order
        i = bisect.bisect_right(starts, start) - 1
        level = sections[i][2] + 1 if i >= 0 else 1
        if end < 0:
            end = sections[i][4] if i >= 0 else size
        while around and around[-1][4] <= start:
            around.pop()
        if around and around[-1][3] >= (sections[i][3] if i >= 0 else 0):
            level = max(level, around[-1][2] + 1)  # nested in an environment of its section
        scope = (name.rstrip("*"), title, level, start, end)
        found.append(scope)
        around.append(scope)
    return found
