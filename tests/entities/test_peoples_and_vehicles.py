"""Peoples, dynasties, vehicles and coalitions of other histories (docs/annotation.md
decisions 69-72). The word lists come from WordNet (models/entities/en/peoples.json and
vehicle_nouns.json, scripts/derive_entity_lexicon.py). Sentences written for the test;
each also asserts the entities around the one a rule changes."""
import pytest

CASES = [
    # a dynasty's or a people's name as an adjective is NORP, though the model calls it a place
    ("The Manchu court sent an envoy to Lhasa.", [("Manchu", "NORP"), ("Lhasa", "GPE")]),
    ("In 1683 the Habsburg emperor fled from Vienna.", [("Habsburg", "NORP"), ("Vienna", "GPE")]),
    # a proper adjective WordNet lacks, before a noun for a ruler: NORP
    ("After the siege the Mughal prince returned to Delhi.", [("Mughal", "NORP"), ("Delhi", "GPE")]),
    # a people in the plural, though the model calls it a place after `the`
    ("The sultan marched into the hills against the Marathas.", [("Marathas", "NORP")]),
    # ship prefixes, vessel nouns, `aboard`, verbs done to ships: PRODUCT
    ("In 1798 HMS Vanguard anchored near Naples.", [("HMS Vanguard", "PRODUCT"), ("Naples", "GPE")]),
    # (the model finds no name after the noun: found all the same)
    ("The frigate Amphion captured two Spanish galleons.",
     [("Amphion", "PRODUCT"), ("two", "CARDINAL"), ("Spanish", "NORP")]),
    ("The admiral died aboard the Thunderer off Malta.", [("Thunderer", "PRODUCT"), ("Malta", "GPE")]),
    ("Japanese aircraft torpedoed the Repulse in December.", [("Japanese", "NORP"), ("Repulse", "PRODUCT")]),
    # a coalition's capitalised name is ORG; a lower-case `powers` leaves the adjective NORP (decision 71)
    ("The Great Powers met in Berlin.", [("Great Powers", "ORG"), ("Berlin", "GPE")]),
    ("The Entente landed troops at Gallipoli.", [("Entente", "ORG"), ("Gallipoli", "GPE")]),
    ("The Western powers protested to Tokyo.", [("Western", "NORP"), ("Tokyo", "GPE")]),
    # a place the gazetteer knows whole is no person, though its first word is a given name
    ("The rebels held Ciudad Juarez for a month.", [("Ciudad Juarez", "GPE")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_peoples_vehicles_and_coalitions(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


def test_a_people_plural_is_derived_with_its_irregular_compounds():
    """peoples.json: `Englishman` -> `Englishmen`, but `German` -> `Germans`, `Ottoman` -> `Ottomans`."""
    from pipeline.rules import load_rules

    plurals = set(load_rules("entities", "en/peoples.json")["plurals"])
    assert {"Englishmen", "Germans", "Ottomans", "Marathas"} <= plurals
    assert not {"Germen", "Ottomen"} & plurals
