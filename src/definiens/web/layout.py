"""How the page lays out a document's text: headings, paragraphs, environments, lists.

The readers give the plain text (formulas as placeholders) and its offset map to the source;
the structure of the document is not part of the model yet. This module recovers it, as a
tree of blocks whose leaves are spans of ``Document.text``:

* Markdown: the text *is* the Markdown source (formulas aside), so the page renders it with a
  Markdown library; the layout only says so: ``{"kind": "markdown"}``. The reader leaves code
  out of the text (it is neither prose nor mathematics); when the source is at hand and holds
  code, the layout gives the Markdown to render as ``"source"``: the source with each formula
  written as its placeholder, so code is shown (as code, no formula in it) and the rest of it
  lines up with the text.
* LaTeX with its source at hand (a pasted text, ``definiens html FILE``): the sectioning
  commands, environments, ``\\item`` and emphasis of the source, mapped into the text
  (:mod:`definiens.web.latex_layout`): ``"from": "source"``.
* Otherwise (a database document keeps its text, not its source; wikitext): headings are the
  lines a reader set apart with line breaks of its own (line breaks that come from no source
  offset) and paragraphs are separated by blank lines: ``"from": "text"``.

A layout record::

    {"kind": "blocks", "from": "source" | "text",
     "blocks": [{"type": "heading", "level": 1, "start": s, "end": e},
                {"type": "paragraph", "start": s, "end": e},
                {"type": "block", "name": "lemma", "label": "Lemma", "note": "", "children": [...]},
                {"type": "list", "ordered": false, "children": [
                    {"type": "item", "label": "", "children": [...]}]}],
     "marks": [{"type": "em" | "strong", "start": s, "end": e}]}

Every span is a span of ``Document.text``; the page writes the text of each leaf, with its
formulas, and never more than the text holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from definiens.ingest.builder import NOT_READ
from definiens.model import Document
from definiens.web.positions import TextPositions

__all__ = ["MAX_DEPTH", "MAX_EVENTS", "Event", "assemble", "layout_record", "text_headings"]

#: Containers (environments, lists, items) nest at most this deep; deeper ones flow into the
#: innermost kept (a page of unclosed environments stays a shallow tree).
MAX_DEPTH = 32
#: At most this many structure events (headings, environments, items) are looked for, the
#: text after the last flowing as paragraphs, and the text is split into at most this many
#: paragraphs, the last holding the rest (a page made of markup stays quick to lay out).
MAX_EVENTS = 20_000

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"[^\n]+")


@dataclass
class Event:
    """A point of the text where the structure changes.

    ``kind``: ``heading`` (a leaf over ``[at, end)``), ``skip`` (text left out over
    ``[at, end)``), ``open`` (a container ``node`` starts), ``close`` (the container ``name``
    ends), ``item`` (a new item of the innermost list, ``node`` holding its label).
    """

    at: int
    kind: str
    end: int = -1
    name: str = ""
    node: dict[str, Any] = field(default_factory=dict)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _flow(text: str, container: dict[str, Any], start: int, end: int, room: int) -> int:
    """Paragraphs of ``text[start:end]``, split at blank lines (into at most ``room``, the
    last holding the rest); how many."""
    if end <= start:
        return 0
    pieces: list[tuple[int, int]] = []
    position = start
    for gap in _BLANK_LINE.finditer(text, start, end):
        if len(pieces) >= room - 1:
            break
        pieces.append((position, gap.start()))
        position = gap.end()
    pieces.append((position, end))
    count = 0
    for a, b in pieces:
        a, b = _trimmed(text, a, b)
        if b > a:
            container["children"].append({"type": "paragraph", "start": a, "end": b})
            count += 1
    return count


def _close(stack: list[dict[str, Any]], name: str) -> None:
    """Pop the innermost open container called ``name`` and everything opened inside it."""
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth].get("name") == name:
            del stack[depth:]
            return


def _item(stack: list[dict[str, Any]], node: dict[str, Any]) -> bool:
    """Start a new item of the innermost list; False when no list is open."""
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth]["type"] == "list":
            del stack[depth + 1 :]
            item = {"type": "item", "label": node.get("label", ""), "children": []}
            stack[depth]["children"].append(item)
            stack.append(item)
            return True
    return False


def assemble(text: str, events: list[Event]) -> list[dict[str, Any]]:
    """The block tree of ``text`` given its structure ``events`` (in any order: they are
    sorted by offset, keeping the given order among equals)."""
    root: dict[str, Any] = {"type": "root", "children": []}
    stack = [root]
    position = 0
    left_out: dict[str, int] = {}  # containers opened past MAX_DEPTH, by name
    paragraphs = 0
    for event in sorted(events, key=lambda e: e.at):
        at = max(event.at, position)
        paragraphs += _flow(text, stack[-1], position, at, MAX_EVENTS - paragraphs)
        position = at
        if event.kind == "heading":
            start, end = _trimmed(text, at, max(at, event.end))
            if end > start:
                node = {"type": "heading", "level": event.node.get("level", 1)}
                stack[-1]["children"].append({**node, "start": start, "end": end})
            position = max(position, event.end)
        elif event.kind == "skip":
            position = max(position, event.end)
        elif event.kind == "open":
            if len(stack) > MAX_DEPTH or left_out:
                left_out[event.name] = left_out.get(event.name, 0) + 1
                continue
            node = {**event.node, "children": []}
            stack[-1]["children"].append(node)
            stack.append(node)
        elif event.kind == "close":
            if event.name not in left_out:
                _close(stack, event.name)
            elif left_out[event.name] > 1:
                left_out[event.name] -= 1
            else:
                del left_out[event.name]
        elif event.kind == "item" and not left_out:
            _item(stack, event.node)
    _flow(text, stack[-1], position, len(text), MAX_EVENTS - paragraphs)
    return _pruned(root["children"])


def _pruned(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Without empty containers (an environment whose text the reader dropped)."""
    kept = []
    for node in nodes:
        if "children" in node:
            node["children"] = _pruned(node["children"])
            if not node["children"] and not node.get("label"):
                continue
        kept.append(node)
    return kept


def text_headings(document: Document, positions: TextPositions) -> list[Event]:
    """Headings of a text whose source is not at hand: the lines a reader set apart with
    line breaks of its own on both sides (LaTeX ``\\section``, wikitext ``== … ==``)."""
    text = document.text
    events = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        if start == 0 or end >= len(text) or not text[start:end].strip():
            continue
        if positions.mapped(start - 1) or positions.mapped(end):
            continue
        first, _ = _trimmed(text, start, end)
        if not positions.mapped(first):
            continue
        events.append(Event(start, "heading", end, node={"level": _level(document, first)}))
        if len(events) >= MAX_EVENTS:
            break
    if events and text[events[0].at : events[0].end].strip() == document.title.strip():
        events[0].kind = "skip"  # the title, which the page shows already
    return events


def _level(document: Document, first: int) -> int:
    """1, or the depth of a wikitext heading (``== A ==`` is 1) when the source is at hand."""
    if document.format != "wikitext" or not document.source_text:
        return 1
    source = document.offsets.to_source(first)
    line_start = document.source_text.rfind("\n", 0, source) + 1
    equals = len(document.source_text[line_start:source]) - len(
        document.source_text[line_start:source].lstrip("=")
    )
    return max(1, min(4, equals - 1)) if equals else 1


def layout_record(document: Document, positions: TextPositions | None = None) -> dict[str, Any]:
    """The layout of ``document``'s text for the page (see the module's documentation);
    ``positions``: the document's :class:`TextPositions`, if made already."""
    if document.format == "markdown":
        source = _markdown_with_code(document)
        return {"kind": "markdown"} if source is None else {"kind": "markdown", "source": source}
    positions = positions or TextPositions(document.offsets, len(document.text))
    marks: list[dict[str, Any]] = []
    if document.format == "latex" and document.source_text and document.offsets.segments:
        from definiens.web.latex_layout import latex_events

        events, marks = latex_events(document, positions)
        origin = "source"
    else:
        events = text_headings(document, positions)
        origin = "text"
    return {
        "kind": "blocks",
        "from": origin,
        "blocks": assemble(document.text, events),
        "marks": marks,
    }


def _markdown_with_code(document: Document) -> str | None:
    """The Markdown source up to where the reader stopped, each formula replaced by its
    placeholder; None when there is no source or no code in it (the text is the Markdown)."""
    src = document.source_text
    segments = document.offsets.segments
    if not src or not segments or ("`" not in src and "~~~" not in src):
        return None
    formulas = sorted(
        (f for f in document.formulas if 0 <= f.source_start < f.source_end),
        key=lambda f: f.source_start,
    )
    end = len(src)
    if any(p.kind == "too-complex" and NOT_READ in p.message for p in document.problems):
        end = max(source + length for _, source, length in segments)  # where reading stopped
    parts, position = [], 0
    for formula in formulas:
        if formula.source_start < position:
            continue
        parts += [src[position : formula.source_start], formula.placeholder]
        position = formula.source_end
    parts.append(src[position : max(end, position)])
    return "".join(parts)
