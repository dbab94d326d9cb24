"""Entering or joining a school is education (Life.Educate), joining a party a post;
who resigns a commission or post is the Person even with an object, and the object is
no person. Sentences written for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("He entered the academy in 1880 and graduated in 1884.", "entered", "Life.Educate",
     [A("Institution", "academy"), A("Person", "He")]),
    ("She joined the university in 1890.", "joined", "Life.Educate",
     [A("Institution", "university"), A("Person", "She")]),
    ("He joined the party in 1903.", "joined", "Personnel.Start-Position",
     [A("Entity", "party"), A("Person", "He")]),
    ("He resigned his commission in protest.", "resigned", "Personnel.End-Position", [A("Person", "He")]),
    ("The minister resigned his post in March.", "resigned", "Personnel.End-Position", [A("Person", "minister")]),
])
def test_schools_and_resignations(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)
