"""On sentences written for the test: the possessor of a noun of intention with an
infinitive (`the emperor's plans to invade X`, `their decision to surrender`) is the
doer of the infinitive's event; taking or ascending the throne starts a reign."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The defeat ended the emperor's plans to invade the island.", "invade", "Conflict.Attack",
     [A("Attacker", "emperor"), A("Target", "island")]),
    ("The duke's attempt to seize the throne failed in 1483.", "seize the throne", "Personnel.Start-Position",
     [A("Person", "duke")]),
    ("In 1547 the boy ascended the throne.", "ascended the throne", "Personnel.Start-Position", [A("Person", "boy")]),
])
def test_frames(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


def test_an_order_is_not_done_by_who_gives_it(nlp):
    doc = parse(nlp, "The king's order to burn the village was obeyed.")
    assert view(doc, frame(doc, "burn", "Conflict.Attack"))[0] == [A("Target", "village")]


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The treaty was ratified by the parliament in January 1922.", "ratified", "Government.Enact",
     [A("Policy", "treaty"), A("Agent", "parliament")]),
    ("Fifteen of them were executed by firing squad in May.", "executed", "Justice.Execute", [A("Person", "Fifteen")]),
])
def test_documents_enacted_and_squads(nlp, text, trigger, etype, args):
    """`ratified the treaty` enacts the treaty (no separate agreement event); `firing
    squad` is no attack, however it is parsed."""
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)
    assert len(doc._.events) == 1


def test_a_participle_describing_a_noun_is_no_mention(nlp):
    doc = parse(nlp, "The invading army burned the town.")
    assert [(doc.text[e["trigger"][0]:e["trigger"][1]], e["type"]) for e in doc._.events] == [
        ("burned", "Conflict.Attack")]


@pytest.mark.parametrize("text,args", [
    ("In 1868 forces loyal to the emperor defeated the army near Kyoto.",
     [A("Attacker", "forces"), A("Target", "army"), A("Place", "Kyoto")]),
    ("In 1640 1500 soldiers defeated the army near Kyoto.",
     [A("Attacker", "1500 soldiers"), A("Target", "army"), A("Place", "Kyoto")]),
])
def test_a_year_is_not_part_of_a_participant(nlp, text, args):
    """The parser may hang the year of `In 1868` on the next noun; a count stays."""
    doc = parse(nlp, text)
    assert view(doc, frame(doc, "defeated", "Conflict.Attack"))[0] == sorted(args)
