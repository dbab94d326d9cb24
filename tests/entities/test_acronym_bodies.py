"""An acronym names a body, not a person: the small model sometimes calls one PERSON,
and a word coordinated with a person's name was then taken for a person too. Regnal
numerals (`II`) are capitals as well and stay in their rulers' names. Sentences
written for the test."""
import pytest

CASES = [
    # the model calls `MI6` a person, and `CIA` followed it through the coordination
    ("The CIA and MI6 planned the coup against the premier.", [("CIA", "ORG"), ("MI6", "ORG")]),
    # numerals in capitals are no acronyms
    ("Henry II and Louis VII met at Gisors.", [("Henry II", "PERSON"), ("Louis VII", "PERSON"), ("Gisors", "GPE")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_acronyms_name_bodies(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
