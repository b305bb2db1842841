"""The cyclic garbage collector is paused while the define stage builds and ranks
(:func:`definiens.memory.collector_paused`), and left as it was afterwards."""

from __future__ import annotations

import gc
from typing import Any

import pytest

import definiens.define.stage as stage_module
from definiens.define import Definer
from definiens.formulas import identify
from definiens.ingest import from_text, parse
from definiens.memory import collector_paused


def test_paused_inside_and_restored_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError("inside")
    assert gc.isenabled()


def test_nested_pauses_keep_it_off_until_the_outer_one_ends() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before: off after
    finally:
        gc.enable()


@pytest.mark.slow
def test_a_new_stage_parses_with_the_collector_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy's loader switches the collector on when it is done: a stage that loads its
    pipeline on its first document must do so before pausing."""
    seen: list[bool] = []
    parse_sentences = stage_module.parse_sentences

    def recording(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return parse_sentences(*args)

    monkeypatch.setattr(stage_module, "parse_sentences", recording)
    document = identify(parse(from_text("Here $E = mc^2$, where $E$ is the energy.")))
    Definer()(document)
    assert seen == [False] and gc.isenabled()
    assert document.definitions["E"][0].text == "energy"
