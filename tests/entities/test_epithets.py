"""A ruler's epithet is part of the name, as a regnal numeral is (OntoNotes; docs/
annotation.md decision 68): `X the Great` is one PERSON whether the small model found
the name alone or took the three words for an organisation. An apposition (`X the French
emperor`) is no epithet. Sentences written for the test."""
import pytest

CASES = [
    # the model finds the name alone
    ("Suleiman the Magnificent besieged Vienna in 1529.",
     [("Suleiman the Magnificent", "PERSON"), ("Vienna", "GPE")]),
    # the model takes the three words for an organisation
    ("Ivan the Terrible later conquered Kazan and Astrakhan.",
     [("Ivan the Terrible", "PERSON"), ("Kazan", "GPE"), ("Astrakhan", "GPE")]),
    ("Peace returned when Louis the Pious divided his realm.", [("Louis the Pious", "PERSON")]),
    # a noun after the adjective: an apposition, not an epithet (the model ran it into the name)
    ("Later Otto the German king crossed the Alps.", [("Otto", "PERSON"), ("German", "NORP"), ("Alps", "LOC")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_epithets_are_part_of_the_name(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
