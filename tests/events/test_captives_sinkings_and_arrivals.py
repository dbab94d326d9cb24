"""Triggers of other histories: who is taken `prisoner`, `captive` or `hostage` is
arrested (the captor the Agent, also when the parser glues the captive onto
`prisoner`); intercepting or sinking vessels and forces is an attack; reaching or
approaching a place moves the one who does it there (the place is the Destination);
a campaign is military unless an election, publicity or `anti-` modifier says
otherwise; `coup`, `rout`, `subdue`, `annihilate`, `outflank`, `vanquish`,
`pacification` are attacks (models/events/en/wordnet/review.json). Sentences written
for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The sultan's janissaries took the emperor prisoner after the battle.", "took", "Justice.Arrest-Jail",
     [A("Agent", "janissaries"), A("Person", "emperor")]),
    ("The conquistadors took the king captive in his own palace.", "took", "Justice.Arrest-Jail",
     [A("Agent", "conquistadors"), A("Person", "king")]),
    ("Raiders took him hostage near the border.", "took", "Justice.Arrest-Jail",
     [A("Agent", "Raiders"), A("Person", "him")]),
    ("Enemy submarines sank two troopships near the island.", "sank", "Conflict.Attack",
     [A("Attacker", "Enemy submarines"), A("Place", "island"), A("Target", "two troopships")]),
    ("Three gunboats were sunk in the harbour.", "sunk", "Conflict.Attack",
     [A("Place", "harbour"), A("Target", "Three gunboats")]),
    ("Two frigates intercepted the supply ships off the cape.", "intercepted", "Conflict.Attack",
     [A("Attacker", "Two frigates"), A("Target", "supply ships")]),
    ("The Spanish column reached the lake city in the autumn.", "reached", "Movement.Transport",
     [A("Artifact", "Spanish column"), A("Destination", "lake city")]),
    ("As the rebel regiments approached, the governor fled.", "approached", "Movement.Transport",
     [A("Artifact", "rebel regiments")]),
    ("The colonel led a coup against the civilian government.", "coup", "Conflict.Attack",
     [A("Attacker", "colonel"), A("Target", "civilian government")]),
    ("The first campaign was led by the king's nephew, who subdued the coastal towns.", "campaign",
     "Conflict.Attack", [A("Attacker", "nephew")]),
    ("The first campaign was led by the king's nephew, who subdued the coastal towns.", "subdued",
     "Conflict.Attack", [A("Attacker", "nephew"), A("Target", "coastal towns")]),
    ("Coastal campaign", "campaign", "Conflict.Attack", []),
    ("The retreat of the garrison soon became a rout.", "rout", "Conflict.Attack", []),
])
def test_new_triggers(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


@pytest.mark.parametrize("text,trigger", [
    ("He ran a vigorous election campaign in the northern provinces.", "campaign"),
    ("The ministry began a literacy campaign in the villages.", "campaign"),
    ("The negotiators reached an agreement in the spring.", "reached"),
    ("A fierce storm sank the fishing boats.", "sank"),
    ("The police intercepted his letters to the exiles.", "intercepted"),
    # hostages taken along are moved, not arrested (no `took X hostage`)
    ("The fleet sailed from island to island, taking hostages from each.", "taking"),
])
def test_not_these_senses(nlp, text, trigger):
    doc = parse(nlp, text)
    got = [e["type"] for e in doc._.events if doc.text[e["trigger"][0]:e["trigger"][1]] == trigger]
    assert got == []
