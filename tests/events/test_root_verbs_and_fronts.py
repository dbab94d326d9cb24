"""Two argument classes of other histories' battles. (1) A sentence whose only verb the
parser hangs on its subject as a participle (`the rebels counterattacked with ...`
read as `the rebels (who were) counterattacked`) is active: the noun is the doer; with
a by-phrase, or in a heading, or in a form that is only a participle it stays passive. (2) Where
an event happens: `on the X front` (or flank, sector) is the Place whatever the type
makes of `on`; a place phrase (`near`, `along`, `in`, `at` ...) on the event's object or
subject places the event (`destroyed two depots near the port`). Sentences written for
the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("In the spring the rebels counterattacked with their reserve.", "counterattacked", "Conflict.Attack",
     [A("Attacker", "rebels")]),
    ("The other three regiments invaded through the western part of the valley.", "invaded", "Conflict.Attack",
     [A("Attacker", "other three regiments")]),
    ("The envoys captured by the rebels.", "captured", "Justice.Arrest-Jail",
     [A("Agent", "rebels"), A("Person", "envoys")]),
    ("On the southern front, the rebels occupied the river town.", "occupied", "Conflict.Attack",
     [A("Attacker", "rebels"), A("Place", "southern front"), A("Target", "river town")]),
    ("The treaty ended the war on the western front.", "war", "Conflict.Attack",
     [A("Place", "western front")]),
    ("The raiders destroyed two grain depots near the old port.", "destroyed", "Conflict.Attack",
     [A("Attacker", "raiders"), A("Place", "old port"), A("Target", "two grain depots")]),
    ("The cavalry attacked the enemy camps along the northern border.", "attacked", "Conflict.Attack",
     [A("Attacker", "cavalry"), A("Place", "northern border"), A("Target", "enemy camps")]),
    # an attack `on` a place that is no front keeps it as the Target
    ("The fleet launched an attack on the harbour forts.", "attack", "Conflict.Attack",
     [A("Attacker", "fleet"), A("Target", "harbour forts")]),
])
def test_root_verbs_and_fronts(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)
