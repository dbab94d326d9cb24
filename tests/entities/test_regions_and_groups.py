"""Regions named by a compass word, war fronts, coalitions, named operations, places over
hyphenated particles, plural peoples and sentence-initial words outside names (issue 13.4).
Every sentence is written for the test; each asserts the exact spans and labels."""
import pytest

CASES = [
    # a compass word before a state names a region of it; a state the gazetteer knows stays GPE
    ("The rebels held North Georgia, while the governor kept Western Texas and the capital.",
     [("North Georgia", "LOC"), ("Western Texas", "LOC")]),
    ("Exiles from North Korea crossed into Western Bavaria.",
     [("North Korea", "GPE"), ("Western Bavaria", "LOC")]),
    # a war's front is a place, not an organisation
    ("Heavy rain slowed the advance on the Western Front in October.", [("Western Front", "LOC")]),
    # coalitions are ORG (docs/annotation.md, decision 20), with their qualifier
    ("The Allies landed in spring; the Western Allies then crossed the river.",
     [("Allies", "ORG"), ("Western Allies", "ORG")]),
    # a named operation is one EVENT to its last word
    ("The Jaguar Strategic Offensive Operation began in August.",
     [("Jaguar Strategic Offensive Operation", "EVENT")]),
    # `the X river`: the noun after the name says it is a natural place
    ("The troops reached the Vardu river at dawn.", [("Vardu", "LOC")]),
    # a place name is whole over a short lower-case particle after a hyphen
    ("The garrison at Hwachon-ri surrendered to the marines.", [("Hwachon-ri", "GPE")]),
    # a plural people that `added` something is no person
    ("In the end, the Romans added a boarding bridge to their ships.", [("Romans", "NORP")]),
    # an organisation's head word alone stays an organisation after `to`/`from`/`in`
    ("The rebels surrendered the harbour to Parliament in 1646.", [("Parliament", "ORG")]),
    # a conjunction opening the sentence is no part of the event's name
    ("As Long War dragged on, the treasury emptied.", [("Long War", "EVENT")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_regions_fronts_coalitions_and_groups(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
