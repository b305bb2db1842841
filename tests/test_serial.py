"""The one record form of a document: written and read back by definiens.serial alone."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given, settings

from definiens import serial
from definiens.ingest import from_text, parse
from definiens.model import Document, Link
from strategies import documents


@settings(max_examples=150, deadline=None)
@given(documents())
def test_a_record_reads_back_as_the_same_document(document: Document) -> None:
    document.links = [Link("Energy", "energy", 3, 9, 30, 36)]
    assert serial.from_record(serial.to_record(document)) == document
    line = serial.dumps(serial.to_record(document))
    assert "\n" not in line
    assert serial.loads(line) == document


@settings(max_examples=50, deadline=None)
@given(documents())
def test_keys_added_by_export_and_payload_are_left_aside(document: Document) -> None:
    record = serial.to_record(document)
    exported = {"doc": 7, **record, "status": "processed", "reason": None}
    for formula in exported["formulas"]:
        formula["occurrences"] = [{"identifier": "x", "start": 0, "end": 1}]
    for items in exported["definitions"].values():
        for item in items:
            item.update(text_start=-1, text_end=-1, sentence_start=-1, sentence_end=-1)
    assert serial.from_record(json.loads(json.dumps(exported))) == document


def test_records_written_before_the_markup_rename_are_read() -> None:
    old = {
        "id": "1",
        "title": "Energy",
        "source": "dump.xml",
        "format": "wikitext",
        "formulas": [{"index": 0, "tex": "E", "kind": "template", "identifiers": [{"tex": "E"}]}],
    }
    document = serial.from_record(old)
    assert document.formulas[0].markup == "template"
    assert document.formulas[0].identifiers[0].tex == "E"
    assert document.text == "" and document.offsets.segments == []


@settings(max_examples=100, deadline=None)
@given(documents())
def test_a_formula_record_has_every_field_of_the_formula(document: Document) -> None:
    """The hand-written record is ``dataclasses.asdict``: a field added to the model and
    forgotten here fails."""
    for formula in document.formulas:
        assert serial.formula_record(formula) == dataclasses.asdict(formula)


def test_a_scope_record_has_every_field_of_the_scope() -> None:
    """The hand-written record is ``dataclasses.asdict``, keys in the same order."""
    document = parse(from_text("== A ==\nx\n=== B ===\ny\n== C ==\n", "wikitext"))
    assert len(document.scopes) == 3
    for scope in document.scopes:
        record = serial.scope_record(scope)
        assert list(record.items()) == list(dataclasses.asdict(scope).items())
