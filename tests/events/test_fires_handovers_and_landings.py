"""`set fire to X` is an attack on X; a place or building `handed over` to someone
changes hands (Transaction.Transfer-Ownership: who hands it over is the Seller, who
receives it the Buyer), a person handed over does not; who lands `in`/`at` a place
arrives there (Destination). Sentences written for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The rebels set fire to the governor's palace.", "set fire", "Conflict.Attack",
     [A("Attacker", "rebels"), A("Target", "palace")]),
    ("The city was handed over to the allies in 1814.", "handed over", "Transaction.Transfer-Ownership",
     [A("Artifact", "city"), A("Buyer", "allies")]),
    ("The garrison commander handed over the fortress to the rebels.", "handed over",
     "Transaction.Transfer-Ownership",
     [A("Artifact", "fortress"), A("Buyer", "rebels"), A("Seller", "garrison commander")]),
    ("The exile escaped from the island and landed in Provence.", "landed", "Movement.Transport",
     [A("Destination", "Provence")]),
])
def test_fires_handovers_and_landings(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


def test_a_person_handed_over_is_no_sale(nlp):
    doc = parse(nlp, "The police handed him over to the French authorities.")
    assert doc._.events == []
