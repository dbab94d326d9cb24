"""Three span and label errors of the small model, on sentences written for the test:
a span run over `at`/`near` into a place (`X at Y` is two names), a person's span
ending in `of` (`King X of Y`), and a people's name before a noun of fighters taken
for a person (`the Zulu army`: NORP)."""
import pytest

CASES = [
    ("The rebels were beaten by Harold at Fulford, where his brother was killed.", ("Harold", "PERSON")),
    ("She married King Henry of England in 1445.", ("Henry", "PERSON")),
    ("The Zulu army surrounded the wagons.", ("Zulu", "NORP")),
    ("The Maratha army crossed the river.", ("Maratha", "NORP")),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_span_and_label(nlp, text, expected):
    got = [(e.text, e.label_) for e in nlp(text).ents]
    assert expected in got, got


def test_a_run_on_over_at_is_cut(nlp):
    got = [(e.text, e.label_) for e in nlp("The rebels were beaten by Harold at Fulford, where his brother was killed.").ents]
    assert got == [("Harold", "PERSON"), ("Fulford", "GPE")]
