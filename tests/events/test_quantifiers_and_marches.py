"""Sentences written for the test, each stating one trigger's whole frame: quantifiers
standing alone as participants (`others were executed`; with an `of`-phrase, the
participants it names), `march` as troop movement unless it is a protest or goes
against someone, `with` after an attack's object as its means, and an event noun that
is no place (`in an exchange of prisoners`)."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view

# (text, trigger, type, arguments, time)
CASES = [
    # a quantifier alone is the (headless) mention, like a pronoun
    ("Several officers fled abroad, while others were hanged in 1794.",
     "hanged", "Justice.Execute", [A("Person", "others")], "1794"),
    ("Some surrendered, but many were shot by the sentries.",
     "shot", "Life.Die", [A("Victim", "many"), A("Agent", "sentries")], None),
    # with an `of`-phrase the participants are those it names
    ("Most of the defenders were killed.",
     "killed", "Life.Die", [A("Victim", "defenders")], None),
    ("In 1415 several of the archers escaped to the coast.",
     "escaped", "Movement.Transport", [A("Artifact", "archers"), A("Destination", "coast")], "1415"),
    # troops marching somewhere move; a march against someone attacks; a protest march demonstrates
    ("The legion marched south along the coast road.",
     "marched", "Movement.Transport", [A("Artifact", "legion")], None),
    ("The dragoons marched towards the border in 1702.",
     "marched", "Movement.Transport", [A("Artifact", "dragoons"), A("Destination", "border")], "1702"),
    ("The third battalion marched a long detour through the hills.",
     "marched", "Movement.Transport", [A("Artifact", "third battalion")], None),
    ("In 1648 the duke marched against the rebel army.",
     "marched", "Conflict.Attack", [A("Attacker", "duke"), A("Target", "rebel army")], "1648"),
    ("The students marched through the old town demanding reforms.",
     "marched", "Conflict.Demonstrate", [A("Entity", "students")], None),
    # `with` after an attack's object is its means, not a second target
    ("In 1203 the duke invaded the county with a large army.",
     "invaded", "Conflict.Attack", [A("Attacker", "duke"), A("Target", "county")], "1203"),
    ("The rebels shelled the fort with heavy artillery in 1794.",
     "shelled", "Conflict.Attack", [A("Attacker", "rebels"), A("Target", "fort"), A("Instrument", "heavy artillery")], "1794"),
    # an exchange of prisoners is no place of the release
    ("He was released in an exchange of prisoners in 1763.",
     "released", "Justice.Release-Parole", [A("Person", "He")], "1763"),
]


@pytest.mark.parametrize("text,trigger,etype,args,time", CASES, ids=[f"{c[2]}:{c[1]}:{c[0][:20]}" for c in CASES])
def test_frame(nlp, text, trigger, etype, args, time):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype)) == (sorted(args), time, "positive", "asserted")


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("None escaped from the fortress.", "escaped", "Movement.Transport", [A("Origin", "fortress")]),  # no participant
    ("Each attacked the walls at dawn.", "attacked", "Conflict.Attack", [A("Target", "walls")]),  # distributive
])
def test_none_and_each_alone_are_no_participants(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)
