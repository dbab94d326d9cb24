"""Families of attack, capture and transport words missing before, on sentences written
for the test (senses.json): a place that `fell` (to X) or its `fall`, a place burned,
plundered, looted, ravaged or sacked (else the old sense: loot taken, a man sacked), a
soldier who `fell in battle`, a person `seized` or `taken prisoner`, someone `brought`
to a place."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("In 1571 the fortress fell to the Ottoman army.", "fell", "Conflict.Attack",
     [A("Target", "fortress"), A("Attacker", "Ottoman army")]),
    ("The fall of the fortress shocked the court.", "fall", "Conflict.Attack", [A("Target", "fortress")]),
    ("In 1612 the raiders burned the village and its church.", "burned", "Conflict.Attack",
     [A("Attacker", "raiders"), A("Target", "village"), A("Target", "church")]),
    ("The mercenaries plundered the abbey.", "plundered", "Conflict.Attack",
     [A("Attacker", "mercenaries"), A("Target", "abbey")]),
    ("In 1527 the imperial troops sacked the city.", "sacked", "Conflict.Attack",
     [A("Attacker", "imperial troops"), A("Target", "city")]),
    ("The sack of the city lasted three days.", "sack", "Conflict.Attack", [A("Target", "city")]),
    ("The young lieutenant fell in the battle.", "fell", "Life.Die", [A("Victim", "young lieutenant")]),
    ("The captain was taken prisoner by the rebels.", "taken prisoner", "Justice.Arrest-Jail",
     [A("Person", "captain"), A("Agent", "rebels")]),
    ("The governor was seized by the mob.", "seized", "Justice.Arrest-Jail", [A("Person", "governor"), A("Agent", "mob")]),
    ("The captured envoy was brought back to Vienna.", "brought", "Movement.Transport",
     [A("Artifact", "captured envoy"), A("Destination", "Vienna")]),
])
def test_new_trigger_families(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


@pytest.mark.parametrize("text,trigger,types", [
    ("Prices fell sharply in 1929.", "fell", []),
    ("The soldiers looted the gold.", "looted", ["Transaction.Transfer-Ownership"]),
    ("The company sacked its manager.", "sacked", ["Personnel.End-Position"]),
    ("They brought the harvest to the market.", "brought", []),
])
def test_other_senses_stay(nlp, text, trigger, types):
    doc = parse(nlp, text)
    assert [e["type"] for e in doc._.events if doc.text[e["trigger"][0]:e["trigger"][1]] == trigger] == types
