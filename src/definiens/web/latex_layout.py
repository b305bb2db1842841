"""The structure of a LaTeX document read from its source and mapped into its plain text.

The LaTeX reader keeps the words of a document and drops its markup; with the source at hand,
this module finds the markup again — sectioning commands, environments (theorem-like ones get a
label: "Lemma"), ``\\item`` and emphasis — and maps each to offsets of ``Document.text``
through the document's offset map, as :class:`definiens.web.layout.Event` items. Commands
inside formulas, comments and verbatim environments are not markup of the text and are passed
over.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from definiens.ingest.closing import pair_braces
from definiens.ingest.detex import detex
from definiens.model import Document
from definiens.web.layout import MAX_EVENTS, Event
from definiens.web.positions import TextPositions

__all__ = ["THEOREMS", "latex_events"]

_SECTIONS = ("part", "chapter", "section", "subsection", "subsubsection", "paragraph")
_LISTS = {"itemize": False, "enumerate": True, "description": False, "list": False}
_SKIPPED = frozenset(
    ["verbatim", "comment", "lstlisting", "tikzpicture", "picture", "xy", "pspicture"]
)
_QUOTES = frozenset(["quote", "quotation", "verse"])
#: Theorem-like environments and their label, as amsthm's usual \newtheorem lines name them.
THEOREMS = {
    "theorem": "Theorem", "thm": "Theorem", "lemma": "Lemma", "lem": "Lemma",
    "proposition": "Proposition", "prop": "Proposition", "corollary": "Corollary",
    "cor": "Corollary", "definition": "Definition", "defn": "Definition", "def": "Definition",
    "remark": "Remark", "rem": "Remark", "remarks": "Remarks", "example": "Example",
    "ex": "Example", "examples": "Examples", "exercise": "Exercise", "exercises": "Exercises",
    "conjecture": "Conjecture", "claim": "Claim", "notation": "Notation", "note": "Note",
    "fact": "Fact", "question": "Question", "problem": "Problem", "solution": "Solution",
    "axiom": "Axiom", "hypothesis": "Hypothesis", "observation": "Observation",
    "situation": "Situation", "assumption": "Assumption", "construction": "Construction",
    "proof": "Proof", "abstract": "Abstract", "algorithm": "Algorithm", "case": "Case",
}  # fmt: skip
_TOKEN = re.compile(
    r"\\(?P<section>" + "|".join(_SECTIONS) + r"|title)\*?(?![a-zA-Z])"
    r"|\\(?P<env>begin|end)\s*\{(?P<name>[a-zA-Z]+\*?)\}"
    r"|\\(?P<item>item)(?![a-zA-Z])"
    r"|\\(?P<mark>emph|textit|textsl|textbf|underline)\s*(?=\{)"
    r"|\{\s*\\(?P<switch>it|em|sl|bf|itshape|slshape|bfseries)(?![a-zA-Z])"
)
_NEWTHEOREM = re.compile(r"\\newtheorem\*?\s*\{([a-zA-Z]+)\}\s*(?:\[[^\]]*\]\s*)?\{([^{}]*)\}")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_SPACE = re.compile(r"[ \t]*")


class _Source:
    """The source of a document with what is not markup of its text marked out."""

    def __init__(self, document: Document) -> None:
        self.text = document.source_text
        self.braces = pair_braces(self.text)
        spans = [(f.source_start, f.source_end) for f in document.formulas if f.source_start >= 0]
        spans += [m.span() for m in _COMMENT.finditer(self.text)]
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # how far the spans up to each one reach
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1] if self.reach else end))

    def hidden(self, position: int) -> bool:
        """Whether ``position`` is inside a formula or a comment."""
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.reach[i]

    def optional(self, position: int) -> tuple[str, int]:
        """The optional argument ``[…]`` at ``position`` (after spaces), and where it ends."""
        position = _SPACE.match(self.text, position).end()  # type: ignore[union-attr]
        if position < len(self.text) and self.text[position] == "[":
            close = self.text.find("]", position)
            if close > 0 and "\n\n" not in self.text[position:close]:
                return self.text[position + 1 : close], close + 1
        return "", position

    def group(self, position: int) -> tuple[int, int] | None:
        """The content span of the brace group at ``position`` (after spaces)."""
        position = _SPACE.match(self.text, position).end()  # type: ignore[union-attr]
        close = self.braces.get(position, -1)
        return (position + 1, close) if close > 0 else None


def _theorem_names(source: str) -> dict[str, str]:
    names = dict(THEOREMS)
    names.update({m.group(1): detex(m.group(2)) for m in _NEWTHEOREM.finditer(source)})
    return names


def _levels(source: str) -> dict[str, int]:
    """Each sectioning command the document uses and its heading level, from 1."""
    used = [name for name in _SECTIONS if re.search(r"\\" + name + r"\*?\s*[\[{]", source)]
    return {name: i + 1 for i, name in enumerate(used)}


def _skipped_end(source: _Source, name: str, position: int) -> int:
    close = re.compile(r"\\end\s*\{" + re.escape(name) + r"\}").search(source.text, position)
    return close.end() if close else len(source.text)


def latex_events(
    document: Document, positions: TextPositions
) -> tuple[list[Event], list[dict[str, Any]]]:
    """The structure events of a LaTeX document, and its emphasis marks, in text offsets."""
    source = _Source(document)
    names = _theorem_names(document.source_text)
    levels = _levels(document.source_text)
    events: list[Event] = []
    marks: list[dict[str, Any]] = []
    begin = re.search(r"\\begin\s*\{document\}", source.text)
    position = begin.end() if begin else 0
    while (match := _TOKEN.search(source.text, position)) is not None:
        if len(events) + len(marks) >= MAX_EVENTS:
            break
        position = match.end()
        if source.hidden(match.start()):
            continue
        if match.group("env"):
            name = match.group("name")
            if match.group("env") == "begin" and name.rstrip("*") in _SKIPPED:
                position = _skipped_end(source, name, position)
            else:
                _environment(source, positions, match, names, events)
        elif match.group("section"):
            _section(source, positions, match, levels, events)
        elif match.group("item"):
            label, _ = source.optional(match.end())
            node = {"label": detex(label)}
            events.append(Event(positions.after(match.start()), "item", node=node))
        else:
            _mark(source, positions, match, marks)
    return events, marks


def _environment(
    source: _Source,
    positions: TextPositions,
    match: re.Match[str],
    names: dict[str, str],
    events: list[Event],
) -> None:
    name = match.group("name")
    base = name.rstrip("*")
    if base == "document":
        return
    if match.group("env") == "end":
        events.append(Event(positions.after(match.start()), "close", name=name))
        return
    at = positions.after(match.end())
    node: dict[str, Any]
    if base in _LISTS:
        node = {"type": "list", "name": name, "ordered": _LISTS[base]}
    else:
        note, _ = source.optional(match.end())
        label = names.get(base, "")
        kind = "quote" if base in _QUOTES else "theorem" if label else "plain"
        node = {"type": "block", "name": name, "kind": kind, "label": label, "note": detex(note)}
    events.append(Event(at, "open", name=name, node=node))


def _section(
    source: _Source,
    positions: TextPositions,
    match: re.Match[str],
    levels: dict[str, int],
    events: list[Event],
) -> None:
    _, after = source.optional(match.end())
    group = source.group(after)
    if group is None:
        return
    start, end = positions.after(group[0]), positions.before(group[1])
    kind = "skip" if match.group("section") == "title" else "heading"
    level = levels.get(match.group("section"), 1)
    events.append(Event(start, kind, max(start, end), node={"level": level}))


def _mark(
    source: _Source, positions: TextPositions, match: re.Match[str], marks: list[dict[str, Any]]
) -> None:
    if match.group("mark"):
        group = source.group(match.end())
        style = "strong" if match.group("mark") == "textbf" else "em"
    else:
        close = source.braces.get(match.start(), -1)
        group = (match.end(), close) if close > 0 else None
        style = "strong" if match.group("switch") in ("bf", "bfseries") else "em"
    if group is None:
        return
    start, end = positions.after(group[0]), positions.before(group[1])
    if end > start:
        marks.append({"type": style, "start": start, "end": end})
