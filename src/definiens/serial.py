"""The one record form of a :class:`~definiens.model.Document`: written and read here only.

A *document record* is a JSON-ready dict::

    {"id", "title", "source", "format", "metadata",
     "formulas": [{"index", "tex", "display", "markup", "source_start", "source_end",
                   "text_start", "text_end", "identifiers": [{"tex", "start", "end", "count"}],
                   "flags"}],
     "links": [{"target", "anchor", "start", "end", "source_start", "source_end"}],
     "definitions": {identifier: [{"identifier", "text", "score", "method", "sentence",
                                   "source_start", "source_end", "link_target"}]},
     "problems": [{"kind", "message", "location"}],
     "scopes": [{"kind", "title", "level", "start", "end", "source_start", "source_end"}],
     "scoped": {scope index: {identifier: [definiens, ...]}},
     "text", "offsets": [[text_start, source_start, length], ...]}

Each identifier and each definiens also carries ``scope``: the index in ``scopes`` of the part
(section, theorem...) where its meaning holds, -1 for the whole document. ``definitions`` are the
meanings over the whole document; ``scoped`` the meanings a symbol has in one scope, when they
differ from the document's.

``definiens extract`` writes it (one JSON line per document), ``definiens export --format
jsonl`` writes it with the database's ``doc``, ``status`` and ``reason`` added, the HTTP API
answers it with each formula's ``occurrences`` and each definiens' text spans added, and the
web page shows a database document in it. :func:`from_record` reads every one of them: keys it
does not know are left aside, keys that are missing take the model's defaults. The source text
is never part of a record (records hold results; spans point into the source).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from definiens.model import (
    Definiens,
    Document,
    Formula,
    Identifier,
    Link,
    OffsetMap,
    Problem,
    Scope,
)

__all__ = [
    "definiens_record",
    "dumps",
    "formula_record",
    "from_record",
    "loads",
    "scope_record",
    "to_record",
]


def formula_record(formula: Formula) -> dict[str, Any]:
    """The record of one formula (with its identifiers): the fields of
    :class:`~definiens.model.Formula`, written out by hand (``dataclasses.asdict`` costs ten
    times more, which a document of thousands of formulas feels); a test checks that it
    equals ``asdict``."""
    return {
        "index": formula.index,
        "tex": formula.tex,
        "display": formula.display,
        "markup": formula.markup,
        "source_start": formula.source_start,
        "source_end": formula.source_end,
        "text_start": formula.text_start,
        "text_end": formula.text_end,
        "identifiers": [
            {
                "tex": i.tex,
                "start": i.start,
                "end": i.end,
                "count": i.count,
                "spans": [tuple(span) for span in i.spans],
                "scope": i.scope,
            }
            for i in formula.identifiers
        ],
        "flags": list(formula.flags),
    }


def scope_record(scope: Scope) -> dict[str, Any]:
    """``dataclasses.asdict(scope)``, written out: a page of many headings has as many scopes
    (asdict took 1.5 s for the 222,000 of a 2 MB request of headings)."""
    return {
        "kind": scope.kind,
        "title": scope.title,
        "level": scope.level,
        "start": scope.start,
        "end": scope.end,
        "source_start": scope.source_start,
        "source_end": scope.source_end,
    }


def definiens_record(definiens: Definiens) -> dict[str, Any]:
    """The record of one candidate meaning."""
    return asdict(definiens)


def _definitions_record(definitions: Mapping[str, list[Definiens]]) -> dict[str, Any]:
    return {ident: [definiens_record(d) for d in items] for ident, items in definitions.items()}


def _definitions(record: Any) -> dict[str, list[Definiens]]:
    return {
        ident: [Definiens(**_pick(d, Definiens)) for d in items]
        for ident, items in (record or {}).items()
    }


def to_record(document: Document) -> dict[str, Any]:
    """The record of ``document`` (see the module's documentation for its keys)."""
    return {
        "id": document.id,
        "title": document.title,
        "source": document.source,
        "format": document.format,
        "metadata": document.metadata,
        "formulas": [formula_record(f) for f in document.formulas],
        "links": [asdict(link) for link in document.links],
        "definitions": _definitions_record(document.definitions),
        "problems": [asdict(p) for p in document.problems],
        "scopes": [scope_record(scope) for scope in document.scopes],
        "scoped": {
            str(index): _definitions_record(meanings) for index, meanings in document.scoped.items()
        },
        "text": document.text,
        "offsets": [list(segment) for segment in document.offsets.segments],
    }


def _pick(
    record: Mapping[str, Any], cls: type, renamed: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The fields of dataclass ``cls`` found in ``record`` (``renamed``: old key -> field)."""
    fields = cls.__dataclass_fields__  # type: ignore[attr-defined]
    picked = {new: record[old] for old, new in (renamed or {}).items() if old in record}
    picked.update({k: v for k, v in record.items() if k in fields and fields[k].init})
    return picked


def _formula(record: Mapping[str, Any]) -> Formula:
    # ``kind`` is what records written before the rename to ``markup`` call it
    fields = _pick(record, Formula, {"kind": "markup"})
    identifiers = fields.get("identifiers", [])
    fields["identifiers"] = [_identifier(i) for i in identifiers]
    fields["flags"] = list(fields.get("flags", []))
    return Formula(**fields)


def _identifier(record: Mapping[str, Any]) -> Identifier:
    fields = _pick(record, Identifier)
    fields["spans"] = [(start, end) for start, end in fields.get("spans", [])]
    return Identifier(**fields)


def _offsets(segments: Any) -> OffsetMap:
    offsets = OffsetMap()
    for text_start, source_start, length in segments or ():
        offsets.add(int(text_start), int(source_start), int(length))
    return offsets


def from_record(record: Mapping[str, Any], source_text: str = "") -> Document:
    """The document a record describes (``source_text``: its source, when the caller has it)."""
    return Document(
        id=str(record["id"]),
        title=record["title"],
        source=record["source"],
        format=record.get("format", ""),
        source_text=source_text,
        text=record.get("text", ""),
        offsets=_offsets(record.get("offsets")),
        metadata=dict(record.get("metadata") or {}),
        formulas=[_formula(f) for f in record.get("formulas", [])],
        links=[Link(**_pick(link, Link)) for link in record.get("links", [])],
        definitions=_definitions(record.get("definitions")),
        problems=[Problem(**_pick(p, Problem)) for p in record.get("problems", [])],
        scopes=[Scope(**_pick(s, Scope)) for s in record.get("scopes", [])],
        scoped={
            int(index): _definitions(meanings)
            for index, meanings in (record.get("scoped") or {}).items()
        },
    )


def dumps(record: Mapping[str, Any]) -> str:
    """A record as one line of JSON (no newline), as the JSON Lines files hold it."""
    return json.dumps(record, ensure_ascii=False)


def loads(line: str) -> Document:
    """The document of one JSON line written by :func:`dumps`."""
    return from_record(json.loads(line))
