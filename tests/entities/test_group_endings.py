"""A group ending (`-ian`, `-ist`, `-ite`) makes a word a group's name only where a group
is named: in the plural or as a modifier. A bare singular word standing alone is a
person (emperors, surnames). Sentences written for the test; exact spans and labels."""
import pytest

CASES = [
    ("Aurelian rebuilt the walls in 271.", [("Aurelian", "PERSON")]),
    ("Under Gratian the frontier was held.", [("Gratian", "PERSON")]),
    ("The senate honoured Valentinian with a statue.", [("Valentinian", "PERSON")]),
    # groups: plural, modifier, hyphenated, with an article or adjective
    ("The Carthaginians crossed the mountains.", [("Carthaginians", "NORP")]),
    ("Several Royalist officers fled.", [("Royalist", "NORP")]),
    ("He joined the Leninist wing of the party.", [("Leninist", "NORP")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_group_endings(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ not in ("CARDINAL", "DATE")] == expected
