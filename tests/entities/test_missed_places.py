"""A lone capitalised name the model missed right after `at` or `near` is a place (GPE);
longer names keep the model's own reading, and a word the model reads as a date (`at
Sunday dawn`) is left to the timex stage. Sentences written for the test."""
import pytest

CASES = [
    ("The nawab was defeated by a small British force at Plassey.", [("British", "NORP"), ("Plassey", "GPE")]),
    ("The two armies met near Tolvaro.", [("two", "CARDINAL"), ("Tolvaro", "GPE")]),
    ("They arrived at Fort Vessen.", [("Fort Vessen", "FAC")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_missed_places(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


def test_a_day_before_a_noun_is_no_place(nlp):
    doc = nlp("The column crossed the river at Sunday dawn.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "GPE"] == []
