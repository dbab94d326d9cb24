"""Who leads people or troops to, into, across or through a place moves them (Agent and
Artifact, SPEC 3.4 Movement.Transport), but leading an attack is no movement; blowing
up a building, vehicle or place and burning ships are attacks (ACE 2005: a vehicle may
be a Target). Sentences written for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The general led his army across the mountains into the plain.", "led", "Movement.Transport",
     [A("Agent", "general"), A("Artifact", "army"), A("Destination", "plain")]),
    ("She led the delegation to the capital.", "led", "Movement.Transport",
     [A("Agent", "She"), A("Artifact", "delegation"), A("Destination", "capital")]),
    ("The partisans blew up the railway bridge near the town.", "blew up", "Conflict.Attack",
     [A("Attacker", "partisans"), A("Target", "railway bridge"), A("Place", "town")]),
    ("The ammunition depot was blown up by saboteurs.", "blown up", "Conflict.Attack",
     [A("Attacker", "saboteurs"), A("Target", "ammunition depot")]),
    ("The raiders burned the merchant ships in the harbour.", "burned", "Conflict.Attack",
     [A("Attacker", "raiders"), A("Target", "merchant ships"), A("Place", "harbour")]),
])
def test_leading_and_demolition(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


@pytest.mark.parametrize("text", [
    "The colonel led the attack on the ridge.",
    "He led his men into battle.",
    "A grand parade led by the marshal crossed the square.",
    "The photographer blew up the picture for the exhibition.",
])
def test_no_movement_or_demolition(nlp, text):
    doc = parse(nlp, text)
    found = [(doc.text[e["trigger"][0]:e["trigger"][1]], e["type"]) for e in doc._.events]
    assert [f for f in found if f[0] in ("led", "blew up", "blew")] == []
