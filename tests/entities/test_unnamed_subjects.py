"""One-word personal names the small model misses altogether, found where the verb says
a person acts or is acted on: the subject of a verb only people do (`died`, `resigned`,
`said`), of a verb whose object is his or her own (`defeated his brother`), or the
passive subject of a verb done to people (`was arrested`, `was exiled`). Plural peoples
(`the Hereros`) and places stay out. Sentences written for the test."""
import pytest

CASES = [
    ("Ndongo was exiled to the coast by the governor.", [("Ndongo", "PERSON")]),
    ("Mbeki died defending his capital.", [("Mbeki", "PERSON")]),
    ("Varuni crowned herself at the fort.", [("Varuni", "PERSON")]),
    ("Aurangzeb defeated his brother at the river.", [("Aurangzeb", "PERSON")]),
    ("The Hereros were deported to the desert.", [("Hereros", "NORP")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_unnamed_subjects(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
