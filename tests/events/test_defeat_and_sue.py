"""Two senses, on sentences written for the test: `defeat` with people as its object is
an attack (`defeated the rebels`, `defeated Marcus Vell`) unless the sentence is about a
vote; `sue for peace` is no lawsuit."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,args,time", [
    ("In 1402 the garrison defeated the besiegers.", [A("Attacker", "garrison"), A("Target", "besiegers")], "1402"),
    ("The duke defeated Marcus Vell near the river in 1588.",
     [A("Attacker", "duke"), A("Target", "Marcus Vell"), A("Place", "river")], "1588"),
])
def test_people_defeated_in_war_are_attacked(nlp, text, args, time):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, "defeated", "Conflict.Attack")) == (sorted(args), time, "positive", "asserted")


@pytest.mark.parametrize("text,trigger", [
    ("In the election of 1860 Ada Morrow defeated Paul Crane.", "defeated"),  # a vote
    ("The assembly defeated the proposal.", "defeated"),  # no people
    ("After the defeat at the river, the king sued for peace.", "sued"),  # no lawsuit
])
def test_no_event_of_these_senses(nlp, text, trigger):
    doc = parse(nlp, text)
    assert [e["type"] for e in doc._.events if doc.text[e["trigger"][0]:e["trigger"][1]] == trigger] == []


def test_a_lawsuit_is_still_one(nlp):
    doc = parse(nlp, "In 1822 the merchant sued the city for damages.")
    assert [e["type"] for e in doc._.events] == ["Justice.Sue"]
