"""Breaching walls in a siege is an attack, breaching a treaty is not; troops that
march out, away or off move (Movement.Transport), where a crowd marching through a
city demonstrates. Sentences written for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The besiegers breached the walls after six weeks of bombardment.", "breached", "Conflict.Attack",
     [A("Attacker", "besiegers"), A("Target", "walls")]),
    ("The castle's defenders surrendered on terms and marched out with their arms.", "marched",
     "Movement.Transport", [A("Artifact", "defenders")]),
    ("Thousands of students marched through the capital.", "marched", "Conflict.Demonstrate",
     [A("Entity", "Thousands")]),
])
def test_breaches_and_marches(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


def test_breaching_a_treaty_is_no_attack(nlp):
    doc = parse(nlp, "The king breached the treaty within a year.")
    assert [e["type"] for e in doc._.events] == ["Contact.Agree"]
