"""Issue 13, event side, on the real pipeline: triggers of the WordNet-derived lexicon,
nominal arguments (SPEC 3.4: `Soviet troops`, `the government`), arguments and time
beyond the trigger's clause, and modality cues. Every sentence is written for the test;
each row states the whole frame of one trigger (every argument span and role, entity,
time, polarity, modality).
"""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view

# (text, trigger, type, arguments, time, polarity, modality)
CASES = [
    # 13.1: families the hand lexicon lacked, now derived from WordNet
    ("Enemy forces recaptured the town and destroyed the bridge.",
     "recaptured", "Conflict.Attack", [A("Attacker", "Enemy forces"), A("Target", "town")], None, "positive", "asserted"),
    ("Enemy forces recaptured the town and destroyed the bridge.",
     "destroyed", "Conflict.Attack", [A("Attacker", "Enemy forces"), A("Target", "bridge")], None, "positive", "asserted"),
    ("After the conflict, the troops abandoned the city and retreated to the coast.",
     "retreated", "Movement.Transport", [A("Artifact", "troops"), A("Destination", "coast")], None, "positive", "asserted"),
    # a place abandoned is left (Origin); `after` only frames the negating verb `abandon`
    ("After the conflict, the troops abandoned the city and retreated to the coast.",
     "abandoned", "Movement.Transport", [A("Artifact", "troops"), A("Origin", "city")], None, "positive", "asserted"),
    ("After the conflict, the troops abandoned the city and retreated to the coast.",
     "conflict", "Conflict.Attack", [], None, "positive", "asserted"),
    # destruction and subjugation: level.v.02 (raze), torch.v.01, overpower.v.01 and
    # subjugate.v.02 from WordNet; `overwhelm` and `subjugate` by sense (a force or a
    # place overwhelmed, not a person overwhelmed by grief)
    ("In 1402 the rebels razed the village of Korvel.",
     "razed", "Conflict.Attack", [A("Attacker", "rebels"), A("Target", "Korvel")], "1402", "positive", "asserted"),
    ("Raiders torched the granary at Velm in 1511.",
     "torched", "Conflict.Attack", [A("Attacker", "Raiders"), A("Place", "Velm"), A("Target", "granary")], "1511",
     "positive", "asserted"),
    ("Hussars overpowered the guards at the bridge.",
     "overpowered", "Conflict.Attack", [A("Attacker", "Hussars"), A("Place", "bridge"), A("Target", "guards")], None,
     "positive", "asserted"),
    ("The garrison was overwhelmed by the besiegers in 1310.",
     "overwhelmed", "Conflict.Attack", [A("Attacker", "besiegers"), A("Target", "garrison")], "1310", "positive", "asserted"),
    ("The empire subjugated Dalmatia in 1290.",
     "subjugated", "Conflict.Attack", [A("Attacker", "empire"), A("Target", "Dalmatia")], "1290", "positive", "asserted"),
    ("In 1712 the garrison withdrew from the fortress.",
     "withdrew", "Movement.Transport", [A("Artifact", "garrison"), A("Origin", "fortress")], "1712", "positive", "asserted"),
    ("The defenders were put to death in the courtyard.",
     "put to death", "Justice.Execute", [A("Person", "defenders"), A("Place", "courtyard")], None, "positive", "asserted"),
    ("In 1812 the garrison secured the bridge and cut off the enemy forces.",
     "secured", "Conflict.Attack", [A("Attacker", "garrison"), A("Target", "bridge")], "1812", "positive", "asserted"),
    ("In 1812 the garrison secured the bridge and cut off the enemy forces.",
     "cut off", "Conflict.Attack", [A("Attacker", "garrison"), A("Target", "enemy forces")], "1812", "positive",
     "asserted"),
    # `allied` modifying a noun is a state, not an agreement; what is crossed is no participant
    ("In 1944 the allied armies crossed the river.",
     "crossed", "Movement.Transport", [A("Artifact", "allied armies")], "1944", "positive", "asserted"),
    # 13.2: nominal participants, span from the first modifier to the head noun
    ("In 1863, the rebel troops of the northern army attacked the British garrison near the river.",
     "attacked", "Conflict.Attack",
     [A("Attacker", "rebel troops"), A("Target", "British garrison"), A("Place", "river")], "1863", "positive", "asserted"),
    ("The government arrested the strike leaders and deported their families to the colonies.",
     "arrested", "Justice.Arrest-Jail", [A("Agent", "government"), A("Person", "strike leaders")],
     None, "positive", "asserted"),
    ("The government arrested the strike leaders and deported their families to the colonies.",
     "deported", "Movement.Transport",
     [A("Agent", "government"), A("Artifact", "families"), A("Destination", "colonies")], None, "positive", "asserted"),
    # 13.3: participants carried by the support verb of a nominal trigger; control
    ("In 1756 the kingdom declared war on its northern neighbour.",
     "war", "Conflict.Attack", [A("Attacker", "kingdom"), A("Target", "northern neighbour")], "1756", "positive", "asserted"),
    ("The rebels launched an attack against the garrison from the hills.",
     "attack", "Conflict.Attack", [A("Attacker", "rebels"), A("Target", "garrison")], None, "positive", "asserted"),
    ("By 1941 the whole region was under occupation.",
     "occupation", "Conflict.Attack", [A("Target", "whole region")], "1941", "positive", "asserted"),
    ("The former minister remained under arrest until his trial.",
     "arrest", "Justice.Arrest-Jail", [A("Person", "former minister")], None, "positive", "asserted"),
    ("The general surrendered his brigade to the enemy in 1865.",
     "surrendered", "Contact.Agree", [A("Participant", "general"), A("Participant", "brigade"), A("Participant", "enemy")],
     "1865", "positive", "asserted"),
    # a participant noun with an `of`-phrase is itself the argument (not the place it is of)
    ("The next day saw the surrender of the rebel forces of the southern province.",
     "surrender", "Contact.Agree", [A("Participant", "rebel forces")], None, "positive", "asserted"),
    ("The capital was subjected to heavy air raids in 1940.",
     "air raids", "Conflict.Attack", [A("Target", "capital")], "1940", "positive", "asserted"),
    # a place noun's `of`-phrase names the places, all of them
    ("In 1702 the army laid siege to the towns of Narva and Riga.",
     "laid siege", "Conflict.Attack", [A("Attacker", "army"), A("Target", "Narva"), A("Target", "Riga")], "1702",
     "positive", "asserted"),
    ("Two regiments and the local militia fought a short battle near the bridge.",
     "battle", "Conflict.Attack",
     [A("Attacker", "Two regiments"), A("Attacker", "local militia"), A("Place", "bridge")], None, "positive", "asserted"),
    # 13.3: each coordinated clause keeps its own date; a date opening the sentence reaches
    # the later clauses; a sentence's one date dates an event nothing else dates
    ("On 3 May 1921 the garrison surrendered and on 9 May 1921 the rebels captured the port.",
     "surrendered", "Contact.Agree", [A("Participant", "garrison")], "3 May 1921", "positive", "asserted"),
    ("On 3 May 1921 the garrison surrendered and on 9 May 1921 the rebels captured the port.",
     "captured", "Conflict.Attack", [A("Attacker", "rebels"), A("Target", "port")], "9 May 1921", "positive", "asserted"),
    ("In 1848, the workers rose in revolt, the king fled to the coast, and parliament was dissolved.",
     "dissolved", "Business.End-Org", [A("Org", "parliament")], "1848", "positive", "asserted"),
    ("In March 1917 the tsar abdicated; the new government arrested his ministers.",
     "arrested", "Justice.Arrest-Jail", [A("Agent", "new government"), A("Person", "ministers")], "March 1917",
     "positive", "asserted"),
    ("In March 1917 the tsar abdicated; the new government arrested his ministers.",
     "abdicated", "Personnel.End-Position", [A("Person", "tsar")], "March 1917", "positive", "asserted"),
    ("The Great Northern War (1700-1721) was fought mostly in the Baltic region.",
     "fought", "Conflict.Attack", [A("Place", "Baltic region")], "1700-1721", "positive", "asserted"),
    # 13.2, 13.3: role tables of English verbs (an entered place is the destination, an
    # evacuated place the origin), `toward`, undergoing light verbs, passive light verbs
    ("The northern armies entered Saxony in May 1705.",
     "entered", "Movement.Transport", [A("Artifact", "northern armies"), A("Destination", "Saxony")], "May 1705",
     "positive", "asserted"),
    ("The garrison retreated toward the coast in 1702.",
     "retreated", "Movement.Transport", [A("Artifact", "garrison"), A("Destination", "coast")], "1702", "positive",
     "asserted"),
    ("In 1640 they evacuated the island and paid the emperor a large indemnity.",
     "evacuated", "Movement.Transport", [A("Artifact", "they"), A("Origin", "island")], "1640", "positive", "asserted"),
    ("In 1640 they evacuated the island and paid the emperor a large indemnity.",
     "paid", "Transaction.Transfer-Money", [A("Giver", "they"), A("Recipient", "emperor"), A("Money", "large indemnity")],
     "1640", "positive", "asserted"),
    # object control inside a participial clause: the forced party pays
    ("The duke emerged victorious, at last conquering the valley and forcing the defeated king to pay a heavy tribute.",
     "pay", "Transaction.Transfer-Money", [A("Giver", "defeated king"), A("Money", "heavy tribute")], None, "positive",
     "asserted"),
    ("The duke emerged victorious, at last conquering the valley and forcing the defeated king to pay a heavy tribute.",
     "conquering", "Conflict.Attack", [A("Attacker", "duke"), A("Target", "valley")], None, "positive", "asserted"),
    ("The baron committed suicide in 1702.",
     "committed suicide", "Life.Die", [A("Victim", "baron")], "1702", "positive", "asserted"),
    ("In 1920 the secret police made mass arrests of striking workers in the capital.",
     "arrests", "Justice.Arrest-Jail",
     [A("Agent", "secret police"), A("Person", "striking workers"), A("Place", "capital")], "1920", "positive",
     "asserted"),
    # the one who evades an arrest undergoes it (and it did not happen)
    ("The printer evaded arrest in 1851.",
     "arrest", "Justice.Arrest-Jail", [A("Person", "printer")], "1851", "negative", "asserted"),
    ("The peace talks were attended by the duke and the bishop.",
     "talks", "Contact.Meet", [A("Entity", "duke"), A("Entity", "bishop")], None, "positive", "asserted"),
    # the one who orders a movement is its Agent
    ("In 1805 the duke ordered his forces to advance towards Lorch and Wiesel.",
     "advance", "Movement.Transport",
     [A("Agent", "duke"), A("Artifact", "forces"), A("Destination", "Lorch"), A("Destination", "Wiesel")], "1805",
     "positive", "other"),
    # causative `had X arrested`: X undergoes, the subject causes
    ("In 1799 Otto Brenner had Karl Velden arrested.",
     "arrested", "Justice.Arrest-Jail", [A("Agent", "Otto Brenner"), A("Person", "Karl Velden")], "1799", "positive",
     "asserted"),
    # a quantity of a participant: the participant (`a large number of`, `the bulk of`)
    ("The rebels encircled a large number of enemy troops, while the bulk of the royal forces fled.",
     "encircled", "Conflict.Attack", [A("Attacker", "rebels"), A("Target", "enemy troops")], None, "positive",
     "asserted"),
    ("The rebels encircled a large number of enemy troops, while the bulk of the royal forces fled.",
     "fled", "Movement.Transport", [A("Artifact", "royal forces")], None, "positive", "asserted"),
    # a title before the name is the Position; the successor takes the predecessor's
    # (his own rank is what the successor already was, not the post he takes)
    ("In April 1871, Prussian Chancellor Otto Brenner died and was succeeded by Grand Admiral Karl Velden.",
     "succeeded", "Personnel.Start-Position", [A("Person", "Karl Velden"), A("Position", "Chancellor")], "April 1871",
     "positive", "asserted"),
    ("In 1860 the king dismissed General Karl Velden.",
     "dismissed", "Personnel.End-Position", [A("Person", "Karl Velden"), A("Position", "General")], "1860",
     "positive", "asserted"),
    # a number standing for a group is the mention (`Two of the divisions`, `the other two`)
    ("Two of the four royal divisions began a siege of the town.",
     "siege", "Conflict.Attack", [A("Attacker", "Two"), A("Target", "town")], None, "positive", "asserted"),
    ("The other two, both armoured, secured the bridge.",
     "secured", "Conflict.Attack", [A("Attacker", "other two"), A("Target", "bridge")], None, "positive", "asserted"),
    # a bare count is no participant
    ("In 1925, the two moved to the capital.",
     "moved", "Movement.Transport", [A("Destination", "capital")], "1925", "positive", "asserted"),
    # what a defeat or conquest is `of` (or, without an of-phrase, whose it is) undergoes it
    ("The city's conquest in 1702 shocked the court.",
     "conquest", "Conflict.Attack", [A("Target", "city")], "1702", "positive", "asserted"),
    ("The Swedish defeat at the river in 1702 ended the war.",
     "defeat", "Conflict.Attack", [A("Target", "Swedish"), A("Place", "river")], "1702", "positive", "asserted"),
    ("The Prussian capture of the city in 1702 shocked the court.",
     "capture", "Conflict.Attack", [A("Attacker", "Prussian"), A("Target", "city")], "1702", "positive", "asserted"),
    # a bare plural genitive on plural event nouns names a kind: the support verb's
    # subject takes part (`dockers' strikes`); with a determiner it is the participant
    ("In 1888 the printer organised two dockers' strikes in the port.",
     "strikes", "Conflict.Demonstrate", [A("Entity", "printer"), A("Place", "port")], "1888", "positive", "asserted"),
    ("Hesketh Marlow attended secret miners' meetings in the valley.",
     "meetings", "Contact.Meet", [A("Entity", "Hesketh Marlow"), A("Place", "valley")], None, "positive", "asserted"),
    ("In 1890 the dockers' strike spread to the mills.",
     "strike", "Conflict.Demonstrate", [A("Entity", "dockers")], "1890", "positive", "asserted"),
    # `X along with Y` shares X's part; a bare compass direction is no place
    ("Marcus Velden along with governor Otto Brenner founded a militia in the north and captured the town.",
     "captured", "Conflict.Attack", [A("Attacker", "Marcus Velden"), A("Attacker", "Otto Brenner"), A("Target", "town")],
     None, "positive", "asserted"),
    ("Marcus Velden along with governor Otto Brenner founded a militia in the north and captured the town.",
     "founded", "Business.Start-Org", [A("Agent", "Marcus Velden"), A("Agent", "Otto Brenner"), A("Org", "militia")],
     None, "positive", "asserted"),
    # 13.6: modality cues (cues.json)
    ("In 1915 the cabinet decided to invade the northern province.",
     "invade", "Conflict.Attack", [A("Attacker", "cabinet"), A("Target", "northern province")], "1915", "positive", "other"),
    ("Plans were made for an invasion of the island.",
     "invasion", "Conflict.Attack", [A("Target", "island")], None, "positive", "other"),
    ("By the spring of 1861, war was looming.",
     "war", "Conflict.Attack", [], "the spring of 1861", "positive", "other"),
    ("It is possible that the king was poisoned by his cook.",
     "poisoned", "Life.Die", [A("Victim", "king"), A("Agent", "cook")], None, "positive", "other"),
    ("The general ordered his troops to attack the fort.",
     "attack", "Conflict.Attack", [A("Attacker", "troops"), A("Target", "fort")], None, "positive", "other"),
    ("The fleet sailed north in order to attack the island.",
     "attack", "Conflict.Attack", [A("Attacker", "fleet"), A("Target", "island")], None, "positive", "other"),
    ("The fleet sailed north in order to attack the island.",
     "sailed", "Movement.Transport", [A("Artifact", "fleet")], None, "positive", "asserted"),
    # a negated decision is a negative event, not a planned one
    ("The council decided not to expel the members.",
     "expel", "Personnel.End-Position", [A("Person", "members")], None, "negative", "asserted"),
]


@pytest.mark.parametrize("text,trigger,etype,args,time,polarity,modality", CASES,
                         ids=[f"{c[2]}:{c[1]}" for c in CASES])
def test_frame(nlp, text, trigger, etype, args, time, polarity, modality):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype)) == (sorted(args), time, polarity, modality)


@pytest.mark.parametrize("text,trigger,etype", [
    ("Famines kill people.", "kill", "Life.Die"),  # generic: `people` is no participant
    ("Any soldier who deserted was shot.", "deserted", None),
])
def test_generic_nouns_are_not_arguments(nlp, text, trigger, etype):
    doc = parse(nlp, text)
    for e in doc._.events:
        if doc.text[e["trigger"][0]:e["trigger"][1]] == trigger:
            assert len(e["arguments"]) == 0


def test_allied_as_a_modifier_is_no_trigger(nlp):
    doc = parse(nlp, "In 1944 the allied armies crossed the river.")
    assert [e["type"] for e in doc._.events] == ["Movement.Transport"]


def test_campaign_is_an_attack_only_in_a_military_context(nlp):
    war = parse(nlp, "The army began a long campaign in the mountains.")
    votes = parse(nlp, "She ran a campaign for the school board.")
    assert [e["type"] for e in war._.events if war.text[e["trigger"][0]:e["trigger"][1]] == "campaign"] \
        == ["Conflict.Attack"]
    assert not [e for e in votes._.events if votes.text[e["trigger"][0]:e["trigger"][1]] == "campaign"]


def test_overwhelmed_by_a_feeling_is_no_attack(nlp):
    doc = parse(nlp, "The widow was overwhelmed by grief, and the clerk pulled down the blinds.")
    assert doc._.events == []
