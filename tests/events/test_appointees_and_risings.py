"""`appointed his son governor`: the small model glues a kin noun to the post as a
compound; the kin noun is the Person and the post alone the Position. A people or a
body that rises against someone starts an uprising (Conflict.Demonstrate, SPEC 3.4);
prices that rise do not. Sentences written for the test."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The pasha appointed his son governor of the province.", "appointed", "Personnel.Start-Position",
     [A("Person", "son"), A("Position", "governor")]),
    ("The sultan named his brother vizier.", "named", "Personnel.Start-Position",
     [A("Person", "brother"), A("Position", "vizier")]),
    ("The council appointed a new governor.", "appointed", "Personnel.Start-Position",
     [A("Person", "new governor")]),
    ("In 1821 the Greeks rose against Ottoman rule.", "rose", "Conflict.Demonstrate", [A("Entity", "Greeks")]),
    ("The peasants of the valley rose up against their lords.", "rose", "Conflict.Demonstrate",
     [A("Entity", "peasants")]),
])
def test_appointees_and_risings(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


def test_prices_do_not_rise_in_revolt(nlp):
    doc = parse(nlp, "Prices rose against the dollar.")
    assert doc._.events == []
