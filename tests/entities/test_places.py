"""Kinds of places from the general gazetteer (models/entities/en/places.json, derived from
WordNet's instance nouns by scripts/derive_entity_lexicon.py): islands, rivers, seas and regions
are LOC, cities GPE, whatever the small model says; gazetteer places it misses are found.
Every sentence is written for the test."""
import pytest

CASES = [
    # islands and regions the model calls GPE, PRODUCT or ORG are LOC (SPEC 3.2)
    ("The consuls sailed from Sardinia to Sicily and wintered there.",
     [("Sardinia", "LOC"), ("Sicily", "LOC")]),
    ("After the truce the envoys left Manchuria and rode towards Siberia.",
     [("Manchuria", "LOC"), ("Siberia", "LOC")]),
    ("The fleet anchored off Corsica while the legions marched through Ionia.",
     [("Corsica", "LOC"), ("Ionia", "LOC")]),
    # a city the model calls a person is a GPE
    ("The governor of Mexicali fled when the rebels took Mexicali.",
     [("Mexicali", "GPE"), ("Mexicali", "GPE")]),
    # rivers and regions the model does not find at all
    ("The Oder was frozen, and the Ruhr lay open to the raiders.",
     [("Oder", "LOC"), ("Ruhr", "LOC")]),
    # a country that is also an island stays a GPE; a state stays a GPE
    ("Exiles from Cuba settled in Virginia.", [("Cuba", "GPE"), ("Virginia", "GPE")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_places_take_their_kind_from_the_gazetteer(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


def test_a_gazetteer_word_inside_a_longer_name_is_not_split_off(nlp):
    # `Elbe` alone is a river, but not inside the name of a street the text gives
    doc = nlp("The printer lived on Elbe Street for ten years.")
    assert ("Elbe", "LOC") not in [(e.text, e.label_) for e in doc.ents]


def test_the_gazetteer_is_general_geography():
    """places.json is WordNet's: continents and seas LOC, countries and cities GPE, and
    no name that WordNet also knows as a person (`Washington`) or a common noun (`Turkey`)."""
    from pipeline.rules import load_rules

    places = load_rules("entities", "en/places.json")
    loc, gpe = set(places["LOC"]), set(places["GPE"])
    assert {"Africa", "Aegean Sea", "Crimea", "Caucasus", "Rio Grande"} <= loc
    assert {"Philadelphia", "Carthage", "Cuba", "Poland"} <= gpe
    assert {"Prussia", "Macedon", "Czechoslovakia"} <= gpe  # regions whose gloss calls them a kingdom, a country
    assert {"Gettysburg", "Austerlitz"} <= gpe  # a battle fought there is named after the town
    assert not loc & gpe
    assert not {"Washington", "Turkey", "Lincoln"} & (loc | gpe)
