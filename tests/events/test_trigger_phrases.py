"""TriggerPhrases: one Matcher per phrase, run only on sentences holding its required
words; the matches are those of one Matcher over the sentence (sentences written for the test)."""
from spacy.matcher import Matcher

from pipeline.events.triggers import TriggerPhrases, _phrase_pattern

TABLE = {
    "Conflict.Attack": ["lay siege to", "open? fire on"],
    "Justice.Arrest-Jail": ["take * prisoner"],
    "Movement.Transport": ["set sail|out for?"],
}


def test_phrases_match_where_their_words_are(nlp):
    phrases = TriggerPhrases(nlp.vocab, TABLE)
    doc = nlp("The rebels laid siege to the fort. Their scouts took two officers prisoner. "
              "The fleet set sail for the islands. Nobody fired on the envoy.")
    sents = list(doc.sents)
    got = [[(nlp.vocab.strings[m], doc[s:e].text) for m, s, e in phrases(sent)] for sent in sents]
    assert got == [
        [("Conflict.Attack::lay siege to", "laid siege to")],
        [],  # `take * prisoner`: `*` is one optional token, `two officers` are two
        [("Movement.Transport::set sail|out for?", "set sail"), ("Movement.Transport::set sail|out for?", "set sail for")],
        [("Conflict.Attack::open? fire on", "fired on")],
    ]


def test_same_as_one_matcher_over_the_sentence(nlp):
    phrases = TriggerPhrases(nlp.vocab, TABLE)
    plain = Matcher(nlp.vocab)
    for etype, table in TABLE.items():
        for phrase in table:
            plain.add(f"{etype}::{phrase}", [_phrase_pattern(phrase)])
    doc = nlp("The garrison took envoys prisoner and opened fire on the town before the army set out.")
    for sent in doc.sents:
        assert sorted(phrases(sent)) == sorted((m, s + sent.start, e + sent.start) for m, s, e in plain(sent))
    assert len(phrases(next(doc.sents))) == 4  # took .. prisoner, opened fire on, fire on, set out
