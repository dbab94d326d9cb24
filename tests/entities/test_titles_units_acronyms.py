"""Names after titles the model missed, countries before military units, and acronyms the
text defines in parentheses (issue 13.4). Every sentence is written for the test."""
import pytest

CASES = [
    # a nationality or country before a unit's name is no part of it (annotation decision 32)
    ("The Soviet Red Army crossed the border, and the US Ninth Army followed the US forces.",
     [("Soviet", "NORP"), ("Red Army", "ORG"), ("US", "GPE"), ("Ninth Army", "ORG"), ("US", "GPE")]),
    # titles before names with particles or missed by the model
    ("The cadets were drilled by Baron von Kessling, and a fleet under Admiral d'Orvalle sailed south.",
     [("von Kessling", "PERSON"), ("d'Orvalle", "PERSON")]),
    # an acronym defined in parentheses takes its long form's label everywhere
    ("The Army of the Free Coast (AFCO) held the hills. Later the AFCO withdrew, and AFCO units rested.",
     [("Army of the Free Coast", "ORG"), ("AFCO", "ORG"), ("AFCO", "ORG"), ("AFCO", "ORG")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_titles_units_and_acronyms(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


def test_a_title_before_an_organisation_makes_no_person(nlp):
    doc = nlp("The delegates of the General Assembly voted in the spring.")
    assert ("Assembly", "PERSON") not in [(e.text, e.label_) for e in doc.ents]
