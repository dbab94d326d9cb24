"""A victory over (or against) someone is an attack on them: the object of `over` is
the Target (`his victory over X`); a people the model missed is still the Attacker of
`the capture of X by the Greeks`. Sentences written for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("His victory over the Persians made him famous.", "victory", "Conflict.Attack",
     [A("Attacker", "His"), A("Target", "Persians")]),
    ("The colonists won a victory over the royal army at the bridge.", "victory", "Conflict.Attack",
     [A("Attacker", "colonists"), A("Target", "royal army"), A("Place", "bridge")]),
    ("After the capture of the city by the Greeks, the sultan sued for peace.", "capture", "Conflict.Attack",
     [A("Attacker", "Greeks"), A("Target", "city")]),
])
def test_victories_and_captors(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)
