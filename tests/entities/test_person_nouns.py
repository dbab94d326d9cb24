"""A lower-case noun for a person right before a name makes the name a person's, in that
mention and wherever the document writes the name alone (person_nouns.json, derived from
WordNet by scripts/derive_entity_lexicon.py). Every sentence is written for the test."""
import pytest

CASES = [
    # the model calls the name a product; the satrap makes it a person, both times
    ("The Persian satrap Tarvanes marched on the coast, and the fleet of Tarvanes burned the harbour.",
     [("Persian", "NORP"), ("Tarvanes", "PERSON"), ("Tarvanes", "PERSON")]),
    # a hyphenated noun for a person (`son-in-law`); the model called both mentions ORG
    ("The king sent his son-in-law Ardavast to the coast, and Ardavast took the harbour.",
     [("Ardavast", "PERSON"), ("Ardavast", "PERSON")]),
    # `general` read as an adjective after a possessive is still the noun
    ("His general Ombrosius stayed behind. Ombrosius wintered in the hills.",
     [("Ombrosius", "PERSON"), ("Ombrosius", "PERSON")]),
    # a group word after such a noun stays a group (`young` is no person noun anyway)
    ("The hermit spoke to a young Georgian at the gate.", [("Georgian", "NORP")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_a_person_noun_before_a_name_makes_a_person(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


def test_the_person_nouns_are_wordnets_first_senses():
    from pipeline.rules import load_rules

    nouns = set(load_rules("entities", "en/person_nouns.json")["nouns"])
    assert {"satrap", "general", "son-in-law", "envoy", "consul"} <= nouns
    assert not {"enemy", "party", "army", "city", "river"} & nouns  # first senses are groups, places
