"""Movements and attacks of other histories' campaigns: troops pushing from or to a
place, sweeping across or through it, emerging from it, encamping at it, setting sail
from it move (Origin, Destination); goods carried from or to a place are transported
(`carried out` is no movement); bombs dropped on a place attack it (the bombs the
Instrument); vessels captured are attacked. A date opening the sentence dates an event
the parser does not hang it on (decision 15). Sentences written for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The rebel army pushed from the hills to the coast.", "pushed", "Movement.Transport",
     [A("Artifact", "rebel army"), A("Destination", "coast"), A("Origin", "hills")]),
    ("The imperial cavalry swept across the plain.", "swept", "Movement.Transport",
     [A("Artifact", "imperial cavalry"), A("Destination", "plain")]),
    ("In the spring the army emerged from the fortress.", "emerged", "Movement.Transport",
     [A("Artifact", "army"), A("Origin", "fortress")]),
    ("The army encamped at Tarsus for the winter.", "encamped", "Movement.Transport",
     [A("Artifact", "army"), A("Destination", "Tarsus")]),
    ("The two captains set sail from the island.", "set sail", "Movement.Transport",
     [A("Artifact", "two captains"), A("Origin", "island")]),
    ("Grain and powder were carried by mule from the depot to the besieged town.", "carried",
     "Movement.Transport", [A("Artifact", "Grain"), A("Artifact", "powder"), A("Destination", "besieged town"),
                            A("Origin", "depot")]),
    ("Incendiary bombs were dropped on the port city.", "dropped", "Conflict.Attack",
     [A("Instrument", "Incendiary bombs"), A("Target", "port city")]),
    ("Marines captured three enemy ships in the bay.", "captured", "Conflict.Attack",
     [A("Attacker", "Marines"), A("Place", "bay"), A("Target", "three enemy ships")]),
])
def test_marches_and_bombs(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


@pytest.mark.parametrize("text,trigger", [
    ("The general carried out the plan.", "carried"),
    ("The boy dropped the letter on the table.", "dropped"),
])
def test_not_movements_or_attacks(nlp, text, trigger):
    doc = parse(nlp, text)
    assert [e for e in doc._.events if doc.text[e["trigger"][0]:e["trigger"][1]] == trigger] == []


def test_opening_date_dates_a_misparsed_clause(nlp):
    doc = parse(nlp, "In 412 BC Kallias and Dorion (sons of the old admiral Kallias) were given command "
                     "of the allied squadron, and set sail from Samos.")
    assert view(doc, frame(doc, "set sail", "Movement.Transport"))[1] == "412 BC"
