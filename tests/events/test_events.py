"""Event frames (hist_events) on the real pipeline: one table row per event type and the
constructions the stage must handle (passive, coordination, pronouns, negation, modality).

Sentences come from the first seed's DEV ranges (SPEC 4) or are invented for types the
seeds lack. Every row states the whole frame of one trigger, so a wrong role, a missing
or extra argument, a wrong time, polarity or modality fails it.
"""
from __future__ import annotations

import pytest
import srsly

from pipeline.events import component  # noqa: F401  (registers hist_events)
from pipeline.events.timeline import filter_timeline, summary, timeline_records
from pipeline.records import Event
from pipeline.schema import event_roles
from pipeline.writers import RecordBuilder

from framekit import A, frame, parse, view

SEED = "seeds/000_09dcfff65826fb95.txt"

# (text, trigger, type, arguments, time, polarity, modality)
CASES = [
    ("Stalin was born in the Georgian town of Gori, then part of the Tiflis Governorate of the Russian Empire "
     "and home to a mix of Georgian, Armenian, Russian, and Jewish communities.",
     "born", "Life.Be-Born", [A("Person", "Stalin"), A("Place", "Gori")], None, "positive", "asserted"),
    ("Stalin married Kato Svanidze in a church ceremony at Senaki in July 1906.",
     "married", "Life.Marry", [A("Person", "Stalin"), A("Person", "Kato Svanidze"), A("Place", "Senaki")],
     "July 1906", "positive", "asserted"),
    ("In 1952, Anna Keller divorced Paul Brandt in Vienna.",
     "divorced", "Life.Divorce", [A("Person", "Anna Keller"), A("Person", "Paul Brandt"), A("Place", "Vienna")],
     "1952", "positive", "asserted"),
    ("In 1918, Fanny Kaplan wounded Lenin in Moscow.",
     "wounded", "Life.Injure", [A("Agent", "Fanny Kaplan"), A("Victim", "Lenin"), A("Place", "Moscow")],
     "1918", "positive", "asserted"),
    ("Lenin died in January 1924.", "died", "Life.Die", [A("Victim", "Lenin")], "January 1924", "positive", "asserted"),
    ("In February 1912, Stalin again escaped to Saint Petersburg, tasked with converting the Bolshevik weekly "
     "newspaper, Zvezda into a daily, Pravda.",
     "escaped", "Movement.Transport", [A("Artifact", "Stalin"), A("Destination", "Saint Petersburg")],
     "February 1912", "positive", "asserted"),
    ("In 1867, the United States purchased Alaska from Russia.",
     "purchased", "Transaction.Transfer-Ownership",
     [A("Buyer", "United States"), A("Artifact", "Alaska"), A("Seller", "Russia")], "1867", "positive", "asserted"),
    # a pronoun resolved to the previous sentence's subject
    ("Born to a poor family in Gori in the Russian Empire, Stalin joined the Marxist Russian Social Democratic "
     "Labour Party as a youth. He edited the party's newspaper, Pravda, and raised funds for Vladimir Lenin's "
     "Bolshevik faction via robberies, kidnappings, and protection rackets.",
     "raised funds", "Transaction.Transfer-Money", [A("Giver", "He", "Stalin"), A("Recipient", "Bolshevik faction")],
     None, "positive", "asserted"),
    ("Born to a poor family in Gori in the Russian Empire, Stalin joined the Marxist Russian Social Democratic "
     "Labour Party as a youth. He edited the party's newspaper, Pravda, and raised funds for Vladimir Lenin's "
     "Bolshevik faction via robberies, kidnappings, and protection rackets.",
     "edited", "Creation.Publish", [A("Author", "He", "Stalin"), A("Work", "Pravda")], None, "positive", "asserted"),
    ("Although he got into many fights, Stalin excelled academically, displaying talent in painting and drama "
     "classes, writing his own poetry, and singing as a choirboy.",
     "writing", "Creation.Publish", [A("Author", "Stalin"), A("Work", "own poetry")], None, "positive", "asserted"),
    ("Stalin formed a Bolshevik Battle Squad which he used to try to keep Baku's warring ethnic factions apart; "
     "he also used the unrest as a cover for stealing printing equipment.",
     "formed", "Business.Start-Org", [A("Agent", "Stalin"), A("Org", "Bolshevik Battle Squad")],
     None, "positive", "asserted"),
    ("Bell Telephone merged with Western Electric in 1925.",
     "merged", "Business.Merge-Org", [A("Org", "Bell Telephone"), A("Org", "Western Electric")], "1925",
     "positive", "asserted"),
    ("The Hanover Trust Company went bankrupt in 1920.",
     "went bankrupt", "Business.Declare-Bankruptcy", [A("Org", "Hanover Trust Company")], "1920",
     "positive", "asserted"),
    ("Since the dissolution of the Soviet Union in 1991, Stalin has retained popularity in Russia and Georgia as "
     "a victorious wartime leader who established the Soviet Union as a major world power.",
     "dissolution", "Business.End-Org", [A("Org", "Soviet Union")], "1991", "positive", "asserted"),
    ("In 1939, it signed a non-aggression pact with Nazi Germany, resulting in the Soviet invasion of Poland.",
     "invasion", "Conflict.Attack", [A("Attacker", "Soviet"), A("Target", "Poland")], "1939", "positive", "asserted"),
    ("In 1939, it signed a non-aggression pact with Nazi Germany, resulting in the Soviet invasion of Poland.",
     "signed", "Contact.Agree",
     [A("Participant", "it"), A("Participant", "Nazi Germany"), A("Agreement", "non-aggression pact")],
     "1939", "positive", "asserted"),
    ("Stalin organised another mass demonstration on the day of their funeral, before being arrested in April 1902.",
     "demonstration", "Conflict.Demonstrate", [A("Entity", "Stalin")], None, "positive", "asserted"),
    ("At the conference Stalin met Lenin for the first time.",
     "met", "Contact.Meet", [A("Entity", "Stalin"), A("Entity", "Lenin")], None, "positive", "asserted"),
    ("In 1921, Lenin wrote to Maxim Gorky.",
     "wrote", "Contact.Phone-Write", [A("Entity", "Lenin"), A("Entity", "Maxim Gorky")], "1921",
     "positive", "asserted"),
    ("In 1936, Nikolai Yezhov became head of the NKVD.",
     "became", "Personnel.Start-Position", [A("Person", "Nikolai Yezhov"), A("Position", "head")], "1936",
     "positive", "asserted"),
    ("Stalin returned to Moscow. He was appointed General Secretary of the party in 1922.",
     "appointed", "Personnel.Start-Position", [A("Person", "He", "Stalin"), A("Position", "General Secretary")],
     "1922", "positive", "asserted"),
    # passive with a coordinated subject
    ("In October 1927, Zinoviev and Trotsky were removed from the Central Committee; the latter was exiled to "
     "Kazakhstan and later deported from the country in 1929.",
     "removed", "Personnel.End-Position",
     [A("Person", "Zinoviev"), A("Person", "Trotsky"), A("Entity", "Central Committee")], "October 1927",
     "positive", "asserted"),
    ("In October 1927, Zinoviev and Trotsky were removed from the Central Committee; the latter was exiled to "
     "Kazakhstan and later deported from the country in 1929.",
     "exiled", "Movement.Transport", [A("Destination", "Kazakhstan")], None, "positive", "asserted"),
    ("In 1952, the party nominated Dwight Eisenhower for president.",
     "nominated", "Personnel.Nominate", [A("Agent", "party"), A("Person", "Dwight Eisenhower"), A("Position", "president")], "1952",
     "positive", "asserted"),
    ("Kamenev and Zinoviev were re-elected to the Central Committee.",
     "re-elected", "Personnel.Elect",
     [A("Person", "Kamenev"), A("Person", "Zinoviev"), A("Entity", "Central Committee")], None,
     "positive", "asserted"),
    # passive, and a second verb sharing the subject
    ("In March 1908, Stalin was arrested and interned in Bailov Prison in Baku.",
     "arrested", "Justice.Arrest-Jail", [A("Person", "Stalin")], "March 1908", "positive", "asserted"),
    ("In March 1908, Stalin was arrested and interned in Bailov Prison in Baku.",
     "interned", "Justice.Arrest-Jail", [A("Person", "Stalin"), A("Place", "Bailov Prison")], "March 1908",
     "positive", "asserted"),
    ("In 1956, the authorities released Mikhail Petrov from prison in Kiev.",
     "released", "Justice.Release-Parole", [A("Person", "Mikhail Petrov"), A("Place", "Kiev")], "1956",
     "positive", "asserted"),
    ("The first major show trial in the USSR was the Shakhty Trial of 1928, in which several middle-class "
     "\"industrial specialists\" were convicted of sabotage.",
     "show trial", "Justice.Trial-Hearing", [A("Place", "USSR")], None, "positive", "asserted"),
    ("The first major show trial in the USSR was the Shakhty Trial of 1928, in which several middle-class "
     "\"industrial specialists\" were convicted of sabotage.",
     "convicted", "Justice.Convict", [A("Crime", "sabotage"), A("Defendant", "middle-class \"industrial specialists")], None, "positive", "asserted"),
    ("The first Moscow Trial took place in August 1936; Kamenev and Zinoviev were among those accused of "
     "plotting assassinations, found guilty in a show trial, and executed.",
     "accused", "Justice.Charge-Indict", [A("Crime", "plotting assassinations")], None, "positive", "asserted"),
    ("The first Moscow Trial took place in August 1936; Kamenev and Zinoviev were among those accused of "
     "plotting assassinations, found guilty in a show trial, and executed.",
     "executed", "Justice.Execute", [A("Person", "Kamenev"), A("Person", "Zinoviev")], None,
     "positive", "asserted"),
    ("In 1998, Maria Lopez sued General Motors for fraud in Detroit.",
     "sued", "Justice.Sue", [A("Plaintiff", "Maria Lopez"), A("Defendant", "General Motors"), A("Crime", "fraud"),
                             A("Place", "Detroit")], "1998", "positive", "asserted"),
    ("Held first in Batumi Prison and then Kutaisi Prison, in mid-1903 Stalin was sentenced to three years of "
     "exile in eastern Siberia.",
     "sentenced", "Justice.Sentence", [A("Defendant", "Stalin"), A("Sentence", "three years of exile"),
                                       A("Place", "Siberia")], "mid-1903", "positive", "asserted"),
    # a fronted participle: subject of the main clause, coordinated places, no time of its own
    ("Held first in Batumi Prison and then Kutaisi Prison, in mid-1903 Stalin was sentenced to three years of "
     "exile in eastern Siberia.",
     "Held", "Justice.Arrest-Jail", [A("Person", "Stalin"), A("Place", "Batumi Prison"),
                                     A("Place", "Kutaisi Prison")], None, "positive", "asserted"),
    ("In 1910, a court in Berlin fined Karl Weber 500 marks for libel.",
     "fined", "Justice.Fine", [A("Adjudicator", "court"), A("Entity", "Karl Weber"), A("Money", "500 marks"), A("Crime", "libel"),
                               A("Place", "Berlin")], "1910", "positive", "asserted"),
    ("In 1985, Spain extradited Luis Ortega to France.",
     "extradited", "Justice.Extradite", [A("Agent", "Spain"), A("Person", "Luis Ortega"),
                                         A("Destination", "France")], "1985", "positive", "asserted"),
    ("In 1931, a jury in Chicago acquitted Frank Nitti of murder.",
     "acquitted", "Justice.Acquit", [A("Adjudicator", "jury"), A("Defendant", "Frank Nitti"), A("Crime", "murder"), A("Place", "Chicago")],
     "1931", "positive", "asserted"),
    ("In 1932, Thomas Mooney appealed against his conviction to the Supreme Court.",
     "appealed", "Justice.Appeal", [A("Defendant", "Thomas Mooney")], "1932", "positive", "asserted"),
    ("In 1939, the governor pardoned Thomas Mooney in California.",
     "pardoned", "Justice.Pardon", [A("Adjudicator", "governor"), A("Defendant", "Thomas Mooney"), A("Place", "California")], "1939",
     "positive", "asserted"),
    ("In September 1888, Stalin enrolled at the Gori Church School, a place secured by Charkviani.",
     "enrolled", "Life.Educate", [A("Person", "Stalin"), A("Institution", "Gori Church School")], "September 1888",
     "positive", "asserted"),
    ("In 1928, the first five-year plan was launched, its main focus on boosting heavy industry; it was finished "
     "a year ahead of schedule, in 1932.",
     "launched", "Government.Enact", [A("Policy", "first five-year plan")], "1928", "positive", "asserted"),
    ("His growing influence was reflected in the naming of various locations after him; in June 1924 the "
     "Ukrainian mining town of Yuzovka became Stalino, and in April 1925, Tsaritsyn was renamed Stalingrad on "
     "the order of Mikhail Kalinin and Avel Enukidze.",
     "became", "Entity.Rename", [A("Entity", "Yuzovka"), A("Name", "Stalino")], "June 1924", "positive", "asserted"),
    ("His growing influence was reflected in the naming of various locations after him; in June 1924 the "
     "Ukrainian mining town of Yuzovka became Stalino, and in April 1925, Tsaritsyn was renamed Stalingrad on "
     "the order of Mikhail Kalinin and Avel Enukidze.",
     "renamed", "Entity.Rename", [A("Entity", "Tsaritsyn"), A("Name", "Stalingrad")], "April 1925",
     "positive", "asserted"),
    # one trigger, two events (SPEC 3.4): `replaced X with Y`, and `Y replaced X`
    ("In May 1939, Stalin replaced Maxim Litvinov with Vyacheslav Molotov.",
     "replaced", "Personnel.End-Position", [A("Person", "Maxim Litvinov")], "May 1939", "positive", "asserted"),
    ("In May 1939, Stalin replaced Maxim Litvinov with Vyacheslav Molotov.",
     "replaced", "Personnel.Start-Position", [A("Person", "Vyacheslav Molotov")], "May 1939", "positive", "asserted"),
    ("In May 1939, Vyacheslav Molotov replaced Maxim Litvinov.",
     "replaced", "Personnel.Start-Position", [A("Person", "Vyacheslav Molotov")], "May 1939", "positive", "asserted"),
    # attempted, not achieved: modality other; the clause's date still dates it
    ("They attempted to arrest him in March 1901, but he escaped and went into hiding, living off the "
     "donations of friends and sympathisers.",
     "arrest", "Justice.Arrest-Jail", [A("Agent", "They"), A("Person", "him")], "March 1901", "positive", "other"),
    ("In 1929, Yakov Dzhugashvili unsuccessfully attempted suicide in Moscow.",
     "suicide", "Life.Die", [A("Victim", "Yakov Dzhugashvili"), A("Place", "Moscow")], "1929", "positive", "other"),
    ("If the army had invaded Finland in 1939, the war would have lasted for years.",
     "invaded", "Conflict.Attack", [A("Attacker", "army"), A("Target", "Finland")], "1939", "positive", "other"),
    # negation: `never`, `evade`, `refused to`
    ("Stalin left the seminary in April 1899 and never returned.",
     "returned", "Movement.Transport", [A("Artifact", "Stalin")], None, "negative", "asserted"),
    ("Stalin left the seminary in April 1899 and never returned.",
     "left", "Life.Educate", [A("Person", "Stalin")], "April 1899", "positive", "asserted"),
    ("He continued to evade arrest by using aliases and sleeping in different apartments.",
     "arrest", "Justice.Arrest-Jail", [A("Person", "He")], None, "negative", "asserted"),
    ("The governor refused to pardon Thomas Mooney.",
     "pardon", "Justice.Pardon", [A("Adjudicator", "governor"), A("Defendant", "Thomas Mooney")], None, "negative", "asserted"),
    # pronouns two sentences on; a date in another clause does not date the event
    ("In March 1908, Stalin was arrested and interned in Bailov Prison in Baku. There he led the imprisoned "
     "Bolsheviks, organised discussion groups, and ordered the killing of suspected informants. He was "
     "eventually sentenced to two years exile in the village of Solvychegodsk, Vologda Province, arriving "
     "there in February 1909.",
     "sentenced", "Justice.Sentence", [A("Defendant", "He", "Stalin"), A("Sentence", "two years exile"),
                                       A("Place", "Solvychegodsk")], None, "positive", "asserted"),
    ("In March 1908, Stalin was arrested and interned in Bailov Prison in Baku. There he led the imprisoned "
     "Bolsheviks, organised discussion groups, and ordered the killing of suspected informants. He was "
     "eventually sentenced to two years exile in the village of Solvychegodsk, Vologda Province, arriving "
     "there in February 1909.",
     "arriving", "Movement.Transport", [A("Artifact", "He", "Stalin")], "February 1909", "positive", "asserted"),
    # an object pronoun does not refer to its own clause's subject; learnt gender
    ("Nikolai Bukharin opposed these policies. In November 1929 Stalin removed him from the Politburo.",
     "removed", "Personnel.End-Position", [A("Person", "him", "Nikolai Bukharin"), A("Entity", "Politburo")],
     "November 1929", "positive", "asserted"),
    ("Stalin married Nadya in 1919. In November 1932, Nadya shot herself. Stalin's friends noted that he "
     "underwent a significant change following her suicide.",
     "suicide", "Life.Die", [A("Victim", "her", "Nadya")], None, "positive", "asserted"),
]


@pytest.mark.parametrize("text,trigger,etype,args,time,polarity,modality", CASES,
                         ids=[f"{c[2]}:{c[1]}" for c in CASES])
def test_frame(nlp, text, trigger, etype, args, time, polarity, modality):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype)) == (sorted(args), time, polarity, modality)


def test_every_type_has_a_row():
    assert {c[2] for c in CASES} == set(event_roles())


@pytest.mark.parametrize("text,absent", [
    # a named event is an entity, not a trigger; nor a word inside it
    ("Despite initial setbacks, the Soviet Red Army repelled the German incursion and captured Berlin in 1945, "
     "ending World War II in Europe.", ("War", "Conflict.Attack")),
    # sense constraints: a thing sent moves nobody, the message is no second event,
    # `became` + a non-position, `took charge` of a non-organisation
    ("In 1920, Lenin sent a telegram to the front.", ("sent", "Movement.Transport")),
    ("In 1920, Lenin sent a telegram to the front.", ("telegram", "Contact.Phone-Write")),
    ("Besarion became an alcoholic and drunkenly beat his wife and son.", ("became", "Personnel.Start-Position")),
    ("Stalin took charge of the funeral and was one of its pallbearers.", ("took charge", "Personnel.Start-Position")),
    # a noun used as another event's value argument is not an event of its own
    ("In 1939, it signed a non-aggression pact with Nazi Germany, resulting in the Soviet invasion of Poland.",
     ("pact", "Contact.Agree")),
])
def test_not_a_trigger(nlp, text, absent):
    doc = parse(nlp, text)
    assert absent not in [(doc.text[e["trigger"][0]:e["trigger"][1]], e["type"]) for e in doc._.events]


@pytest.mark.parametrize("text,trigger,etype", [
    ("In 1920, Lenin sent a telegram to the front.", "sent", "Contact.Phone-Write"),
    ("In 1905, the workers of the factory went on strike.", "strike", "Conflict.Demonstrate"),
    ("In 1916, an air strike hit the harbour.", "air strike", "Conflict.Attack"),
    ("In 1923, the town was renamed after him.", "renamed", "Entity.Rename"),
    ("In 1938, Isaac Babel was shot after a trial lasting twenty minutes.", "shot", "Justice.Execute"),
    ("In 1934, a gunman shot Sergey Kirov in Leningrad.", "shot", "Life.Die"),
    ("In 1929, Trotsky was exiled to Turkey.", "exiled", "Movement.Transport"),
    ("Repeatedly arrested, he underwent several internal exiles.", "exiles", "Justice.Sentence"),
    ("In 1903, Stalin joined the Bolsheviks.", "joined", "Personnel.Start-Position"),
    ("In 1905, Stalin joined Lenin in Tampere.", "joined", "Contact.Meet"),
    ("In 1917, the Bolsheviks took power in Petrograd.", "took power", "Personnel.Start-Position"),
    ("In 1953, Beria was put on trial in Moscow.", "put on trial", "Justice.Trial-Hearing"),
])
def test_sense(nlp, text, trigger, etype):
    frame(parse(nlp, text), trigger, etype)


def test_duration_never_dates_an_event(nlp):
    doc = parse(nlp, "Within two days, the Red Army captured Warsaw.")
    assert [(t.text, t._.timex["type"]) for t in doc.spans["timexes"]] == [("two days", "DURATION")]
    assert frame(doc, "captured", "Conflict.Attack")["time"] is None


def test_frames_are_plain_serialisable_dicts(nlp):
    doc = parse(nlp, CASES[1][0])
    assert srsly.msgpack_loads(srsly.msgpack_dumps(doc._.events)) == doc._.events
    starts = [e["trigger"][0] for e in doc._.events]
    assert starts == sorted(starts)


def test_records_of_a_dev_region_validate(nlp):
    """Every frame of a real paragraph run makes a valid SPEC record (legal roles, spans)."""
    with open(SEED, encoding="utf-8-sig", newline="") as f:
        text = f.read()[:21740]
    doc = nlp(text)
    sents = list(doc.sents)
    builder = RecordBuilder("d")
    builder.add(doc)
    records = builder.layers["events"]
    assert len(records) > 50
    for rec in records:
        Event.model_validate(rec)
        for a in rec["arguments"]:
            assert a["text"] == a["text"].strip() and a["text"][-1] not in ",;:'\"", a
            assert any(s.start_char <= a["start"] and a["end"] <= s.end_char and
                       s.start_char <= rec["trigger"]["start"] < s.end_char for s in sents), (rec, a)


def test_records_and_timeline(nlp):
    text = "Stalin was arrested in Baku in March 1908. He was never released. In 1902, Stalin was arrested in Batumi."
    doc = parse(nlp, text)
    builder = RecordBuilder("d")
    builder.add(doc)
    records = builder.layers["events"]
    first = records[0]
    assert (first["id"], first["sentence"], first["type"], first["trigger"]["text"]) == \
        ("d:v1", "d:s1", "Justice.Arrest-Jail", "arrested")
    assert [(a["role"], a["text"]) for a in first["arguments"]] == [("Person", "Stalin"), ("Place", "Baku")]
    assert first["time"] == {"timex": "d:t1", "value": "1908-03", "earliest": "1908-03-01", "latest": "1908-03-31"}
    rows = timeline_records(records, builder.layers["timexes"], builder.layers["sentences"])
    assert [(r["earliest"], r["summary"]) for r in rows] == [
        ("1902-01-01", "Arrest-Jail: arrested (Person: Stalin; Place: Batumi)"),
        ("1908-03-01", "Arrest-Jail: arrested (Person: Stalin; Place: Baku)")]
    assert [r["latest"] for r in rows] == ["1902-12-31", "1908-03-31"]
    assert filter_timeline(rows, entity="stalin", type_="Arrest-Jail") == rows
    assert filter_timeline(rows, type_="Life.Die") == []
    assert summary(records[1]) == "Release-Parole: released (Person: Stalin)"
    assert records[1]["polarity"] == "negative"


def test_noun_modifier_is_not_a_trigger(nlp):
    """`strike leaders` names people, not a strike; the arrest is the event."""
    doc = parse(nlp, "After several strike leaders were arrested, the workers marched to the prison.")
    assert [(e["type"], doc.text[e["trigger"][0]:e["trigger"][1]]) for e in doc._.events
            if e["type"] == "Conflict.Demonstrate"] == [("Conflict.Demonstrate", "marched")]


@pytest.mark.parametrize("text, trigger, time", [
    # a calendar date of the sentence dates the event, not the part of the day modifying it (decision 51)
    ("In March 1943 the partisans launched night attacks on the garrison.", "attacks", "March 1943"),
    ("In October 1809 the hussars began a dawn assault on the bridge.", "assault", "October 1809"),
    ("The rebels made night raids on the supply depots throughout the autumn of 1812.", "raids",
     "the autumn of 1812"),
    # with no other timex in its sentence, the part of the day dates it (in the story's month)
    ("The siege of the town began in May 1683. The besiegers made night attacks on the walls.", "attacks", "night"),
])
def test_a_season_or_part_of_day_modifier_dates_an_event_only_without_a_date(nlp, text, trigger, time):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, "Conflict.Attack"))[1] == time
