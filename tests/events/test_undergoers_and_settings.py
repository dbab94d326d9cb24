"""Who is put in a state (`placed under house arrest`, `kept under arrest`) undergoes
the event and who puts him there causes it; a common noun of place before an event noun
(`house arrest`, `street fighting`, `border raid`) says where or what kind, and is no
participant; a time is never a value role (`for a year` is no crime). Sentences
written for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The emperor was placed under house arrest in the spring.", "arrest", "Justice.Arrest-Jail",
     [A("Person", "emperor")]),
    ("The regent kept the young prince under close arrest for a year.", "arrest", "Justice.Arrest-Jail",
     [A("Agent", "regent"), A("Person", "young prince")]),
    ("The rebel leaders were put under arrest by the militia.", "arrest", "Justice.Arrest-Jail",
     [A("Agent", "militia"), A("Person", "rebel leaders")]),
    ("The province remained under occupation until the truce.", "occupation", "Conflict.Attack",
     [A("Target", "province")]),
    ("Street fighting broke out in the capital.", "fighting", "Conflict.Attack", [A("Place", "capital")]),
    ("A border raid by the tribesmen destroyed two villages.", "raid", "Conflict.Attack",
     [A("Attacker", "tribesmen")]),
    # a polity before an event noun acts (ACE GPE nominal): it stays a participant
    ("The state repression of the sect lasted for years.", "repression", "Conflict.Attack",
     [A("Attacker", "state"), A("Target", "sect")]),
    # a penalty counted in years is a sentence, though its count is a duration
    ("He was sentenced to two years of exile in 1850.", "sentenced", "Justice.Sentence",
     [A("Defendant", "He"), A("Sentence", "two years of exile")]),
])
def test_undergoers_and_settings(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)
