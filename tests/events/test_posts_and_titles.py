"""Personnel frames whose parse the small model gets wrong, on sentences written for the
test: `appointed X governor` (the name parsed as a compound of the post) and a post in
title case after an article (`the Foreign Minister`), a nominal mention of its holder."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view

# (text, trigger, type, arguments, time)
CASES = [
    ("In 1650 the king appointed Sir Walter Brant governor of the colony.",
     "appointed", "Personnel.Start-Position", [A("Person", "Walter Brant"), A("Position", "governor")], "1650"),
    ("The assembly elected Ines Varga president in 1911.",
     "elected", "Personnel.Elect",
     [A("Entity", "assembly"), A("Person", "Ines Varga"), A("Position", "president")], "1911"),
    # a post before the object is still the post when the parse is right
    ("In 1733 the duke named him commander of the guard.",
     "named", "Personnel.Start-Position", [A("Person", "him"), A("Position", "commander")], "1733"),
    # `the X Minister`: the holder, named by the post, with its modifiers
    ("The Danish Foreign Minister resigned in 1921.",
     "resigned", "Personnel.End-Position", [A("Person", "Danish Foreign Minister")], "1921"),
    ("The President was assassinated in 1881.",
     "assassinated", "Life.Die", [A("Victim", "President")], "1881"),
]


@pytest.mark.parametrize("text,trigger,etype,args,time", CASES, ids=[f"{c[2]}:{c[1]}" for c in CASES])
def test_frame(nlp, text, trigger, etype, args, time):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype)) == (sorted(args), time, "positive", "asserted")
