"""A plural people's name the model misses as a noun phrase of its own (`by the
Greeks`) is NORP, as a demonym before a noun already was. Sentences written for the
test."""
import pytest

CASES = [
    ("After the capture of the city by the Greeks, the sultan sued for peace.", [("Greeks", "NORP")]),
    ("Turks and Greeks fought for the island.", [("Turks", "NORP"), ("Greeks", "NORP")]),
    # a people's name after another name is part of a longer one, not the people alone
    ("The Pontic Greeks were deported in the spring.", [("Pontic Greeks", "NORP")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_missed_peoples(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
