"""A lone capitalised name the model missed right after `at` or `near` is a place (GPE);
longer names keep the model's own reading. Sentences written for the test."""
import pytest

CASES = [
    ("The nawab was defeated by a small British force at Plassey.", [("British", "NORP"), ("Plassey", "GPE")]),
    ("They met near Aubrac.", [("Aubrac", "GPE")]),
    ("They arrived at Fort Vessen.", [("Fort Vessen", "FAC")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_missed_places(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
