"""pipeline.matching: patterns run only on sentences holding their anchor word give the
matches one spaCy Matcher gives over the whole Doc (sentences written for the test)."""
import pytest
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher

from pipeline.matching import AnchoredMatcher, anchor

TEXT = ("The Harbour Commission met in Eastport. Its chairman, Ada Quill, opposed the plan. "
        "Later the Northern Canal Company bought the Old Mill Canal. "
        "Nobody in Westbury mentioned the Treaty of Lanmore again, and the Canal stayed open.")

PATTERNS = [
    ("ORG", [{"IS_TITLE": True, "OP": "+"}, {"TEXT": {"IN": ["Commission", "Company"]}}]),
    ("FAC", [{"IS_TITLE": True, "OP": "+"}, {"TEXT": "Canal"}]),
    ("LAW", [{"TEXT": {"IN": ["Treaty", "Pact"]}}, {"LOWER": "of"}, {"IS_TITLE": True}]),
    ("GPE", [{"TEXT": {"REGEX": "^[A-Z][a-z]+(port|bury)$"}}]),  # no word to anchor on
]


def test_the_anchor_is_the_most_selective_named_word():
    assert anchor(PATTERNS[0][1])[1] == ["Commission", "Company"]
    assert anchor(PATTERNS[1][1])[1] == ["Canal"]
    assert anchor(PATTERNS[2][1])[1] == ["Treaty", "Pact"]  # a case-sensitive word before `of`
    assert anchor(PATTERNS[3][1]) is None
    assert anchor([{"LOWER": "the", "OP": "?"}, {"LOWER": "fleet"}])[1] == ["fleet"]  # optional tokens never anchor


def test_same_matches_as_one_matcher_over_the_doc(nlp):
    doc = nlp(TEXT)
    anchored = AnchoredMatcher(nlp.vocab)
    plain = Matcher(nlp.vocab)
    for label, pattern in PATTERNS:
        anchored.add(label, pattern)
        plain.add(label, [pattern])
    got = anchored(doc)
    assert [(s.start, s.end, s.label) for s in got] == sorted({(s, e, k) for k, s, e in plain(doc)})
    # `+` gives every title run that ends in the head word (as the Matcher does); the
    # head alone (`the Canal`) has no title run before it
    assert [(s.text, s.label_) for s in got] == [
        ("The Harbour Commission", "ORG"), ("Harbour Commission", "ORG"), ("Eastport", "GPE"),
        ("Northern Canal", "FAC"), ("Northern Canal Company", "ORG"), ("Canal Company", "ORG"),
        ("Old Mill Canal", "FAC"), ("Mill Canal", "FAC"),
        ("Westbury", "GPE"), ("Treaty of Lanmore", "LAW"),
    ]


def test_an_invalid_pattern_fails_when_added(nlp):
    with pytest.raises(MatchPatternError):
        AnchoredMatcher(nlp.vocab).add("ORG", [{"TEXTT": "Company"}])


def test_empty_doc_and_no_patterns(nlp):
    assert AnchoredMatcher(nlp.vocab)(nlp("A sentence.")) == []
    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("FAC", PATTERNS[1][1])
    assert matcher(nlp.make_doc("")) == []
