"""Baseline tests: dateparser values never come from today, and one run of the plain spaCy
model on a two-sentence text (the only test that loads a model)."""
from __future__ import annotations

import pytest

from pipeline.evaluation import load_dir, write_baseline
from pipeline.evaluation.baseline import timex_value
from pipeline.schema import ENTITY_LABELS


@pytest.mark.parametrize("text, value", [
    ("18 December 1878", "1878-12-18"), ("December 1878", "1878-12"), ("1894", "1894"),
    ("5 March 1953 at 9:50 pm", "1953-03-05T21:50"),
    ("August", None), ("today", None), ("two years later", None), ("the 1930s", None), ("", None),
])
def test_timex_value(text, value):
    assert timex_value(text) == value


def test_baseline_on_two_sentences(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = "Stalin was born in Gori on 18 December 1878. He moved to Tiflis in 1894 with three friends.\n"
    (seeds / "two.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "baseline"
    counts = write_baseline(seeds, [{"doc_id": "two", "start": 0, "end": len(text) - 1}], out)
    layers = load_dir(out)  # every record passes the record models
    assert counts["documents"] == 1 and "events" not in counts and not (out / "events.jsonl").exists()
    assert "events" not in layers.present  # scored as "not predicted", not as zero
    assert [(s.text, s.kind) for s in layers.sentences] == [
        ("Stalin was born in Gori on 18 December 1878.", "body"),
        ("He moved to Tiflis in 1894 with three friends.", "body")]
    assert {(t.text, t.type, t.value, t.earliest, t.latest) for t in layers.timexes} == {
        ("18 December 1878", "DATE", "1878-12-18", "1878-12-18", "1878-12-18"),
        ("1894", "DATE", "1894", "1894-01-01", "1894-12-31")}
    assert ("Stalin", "PERSON") in {(e.text, e.label) for e in layers.entities}
    assert {e.label for e in layers.entities} <= ENTITY_LABELS  # no DATE, TIME or CARDINAL
    assert all(text[e.start:e.end] == e.text for e in layers.entities + layers.timexes)
