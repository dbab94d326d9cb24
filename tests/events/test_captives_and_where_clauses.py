"""Sense rules that ask for a person also take a common noun whose usual WordNet sense
is a person (`captured the pilot`, `released the courier`, `hanged the tax collector`);
striking a facility is an attack; driving people in a compass direction moves them; a
`where` clause happens in the place it hangs on (`returned to X, where he died`: Place
X). Sentences written for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The pilot was captured by the enemy.", "captured", "Justice.Arrest-Jail",
     [A("Agent", "enemy"), A("Person", "pilot")]),
    ("The guards released the courier at the gate.", "released", "Justice.Release-Parole",
     [A("Entity", "guards"), A("Person", "courier"), A("Place", "gate")]),
    ("The rebels hanged the tax collector in the square.", "hanged", "Justice.Execute",
     [A("Agent", "rebels"), A("Person", "tax collector")]),
    ("The carrier's planes struck the airfields at dawn.", "struck", "Conflict.Attack",
     [A("Attacker", "planes"), A("Target", "airfields")]),
    ("The volunteers drove the enemy forces south.", "drove", "Movement.Transport",
     [A("Agent", "volunteers"), A("Artifact", "enemy forces")]),
    ("After the amnesty he returned to Lyon, where he died in 1875.", "died", "Life.Die",
     [A("Place", "Lyon"), A("Victim", "he")]),
    ("She fled to the mountains, where she was captured by the soldiers.", "captured", "Justice.Arrest-Jail",
     [A("Agent", "soldiers"), A("Person", "she"), A("Place", "mountains")]),
    # an own place phrase stays the Place
    ("He went to the capital, where he met the envoy in the palace.", "met", "Contact.Meet",
     [A("Entity", "envoy"), A("Entity", "he"), A("Place", "palace")]),
])
def test_captives_and_where_clauses(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)
