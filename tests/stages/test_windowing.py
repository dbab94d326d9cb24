"""The base model's encoders and attribute ruler run in windows (bounded memory) with
exactly the results of the whole-document pass: same vectors, tags, parse, entities,
POS, morphology and lemmas on real text."""
import numpy
import pytest
import spacy

from pipeline.nlp import DEFAULT_MODEL
from pipeline.windowing import receptive_field, window_attribute_ruler, window_encoders

SEED2 = "seeds/002_7a24aecd84c9c6ad.txt"  # about 5,200 tokens
WINDOW = 300  # small, so the seed spans 18 windows


@pytest.fixture(scope="module")
def whole_pass():
    """The plain base model and its Doc of the seed: the reference of both windowings
    (neither test changes it, so one load and one parse serve both)."""
    whole = spacy.load(DEFAULT_MODEL)
    return whole, whole(open(SEED2, encoding="utf-8").read())


@pytest.fixture(scope="module")
def whole_and_windowed(whole_pass):
    whole, doc = whole_pass
    windowed = spacy.load(DEFAULT_MODEL)
    wrapped = window_encoders(windowed, WINDOW)
    return whole, windowed, wrapped, doc, windowed(doc.text)


def test_both_encoders_are_wrapped_once(whole_and_windowed):
    _, windowed, wrapped, _, _ = whole_and_windowed
    assert wrapped == ["tok2vec", "ner"]  # the shared encoder and the ner's own one
    assert window_encoders(windowed, WINDOW) == []  # wrapping twice is a no-op


def test_receptive_field_is_read_from_the_encoder(whole_and_windowed):
    whole = whole_and_windowed[0]
    # MaxoutWindowEncoder with depth 4 and window_size 1: four tokens each side
    assert receptive_field(whole.get_pipe("tok2vec").model.get_ref("encode")) == 4
    assert receptive_field(whole.get_pipe("ner").model.get_ref("tok2vec").layers[0].get_ref("encode")) == 4


def test_windowed_pass_equals_whole_pass(whole_and_windowed):
    _, _, _, a, b = whole_and_windowed
    assert len(a) > 10 * WINDOW
    assert numpy.array_equal(a.tensor, b.tensor)
    assert [t.tag_ for t in a] == [t.tag_ for t in b]
    assert [(t.dep_, t.head.i) for t in a] == [(t.dep_, t.head.i) for t in b]
    assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [(e.start_char, e.end_char, e.label_) for e in b.ents]


def test_a_batch_of_short_and_long_texts_equals_each_text_alone(whole_and_windowed):
    """Short texts and the windows of long ones are encoded together, in calls of a
    bounded number of tokens: every text still gets the vectors of its own pass."""
    whole, windowed, _, a, _ = whole_and_windowed
    texts = ["The garrison surrendered to the besiegers in the spring of 1644.", a.text,
             "Two envoys rode north to ask the duke for terms, and he refused them."]
    batched = list(windowed.pipe(texts, batch_size=3))
    for text, doc in zip(texts, batched):
        alone = a if text == a.text else whole(text)
        assert numpy.array_equal(doc.tensor, alone.tensor)
        assert [(t.tag_, t.dep_, t.head.i) for t in doc] == [(t.tag_, t.dep_, t.head.i) for t in alone]
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
            [(e.start_char, e.end_char, e.label_) for e in alone.ents]


def test_serialisation_is_unchanged(whole_and_windowed):
    whole, windowed, _, _, _ = whole_and_windowed
    for name in ("tok2vec", "ner"):
        assert windowed.get_pipe(name).to_bytes() == whole.get_pipe(name).to_bytes()


def test_the_full_pipeline_is_windowed(nlp):
    assert getattr(nlp.get_pipe("tok2vec").model._func, "windowed", False)
    assert getattr(nlp.get_pipe("attribute_ruler").match, "windowed", False)


@pytest.fixture(scope="module")
def two_rulers(whole_pass):
    windowed = spacy.load(DEFAULT_MODEL)
    assert window_attribute_ruler(windowed, window=3)
    assert not window_attribute_ruler(windowed, window=3)  # wrapping twice is a no-op
    return whole_pass[0], windowed


def _token_attrs(doc):
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_windowed_attribute_ruler_equals_whole_pass(two_rulers, whole_pass):
    _, windowed = two_rulers
    a = whole_pass[1]
    b = windowed(a.text)
    assert _token_attrs(a) == _token_attrs(b)
    assert a.to_bytes() == b.to_bytes()


def test_a_two_token_rule_across_a_window_edge(two_rulers):
    # `gonna` is two tokens; the model's rules give `gon` the lemma `go` and `na` the
    # lemma `to`. With windows of 3 tokens, `gon` ends the first and `na` opens the second.
    whole, windowed = two_rulers
    doc = windowed("I am gonna win.")
    assert [t.text for t in doc][2:4] == ["gon", "na"]
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]
    assert _token_attrs(doc) == _token_attrs(whole("I am gonna win."))


def test_a_repeating_pattern_matches_the_whole_doc():
    whole, windowed = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    # The match of `very very very long` is four tokens and sets its first one: a
    # window of 2 widened by the longest pattern's 3 tokens would not see it.
    rule = {"patterns": [[{"LOWER": "very"}, {"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]],
            "attrs": {"LEMMA": "INTENSIFIED"}, "index": 0}
    for nlp in (whole, windowed):
        nlp.get_pipe("attribute_ruler").add_patterns([rule])
    window_attribute_ruler(windowed, window=2)
    text = "It was a very very very long day."
    assert [t.lemma_ for t in windowed(text)] == [t.lemma_ for t in whole(text)]
    assert [t.lemma_ for t in windowed(text)][3:6] == ["INTENSIFIED", "INTENSIFIED", "very"]
