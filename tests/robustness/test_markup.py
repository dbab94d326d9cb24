"""Markup remnants of scraped wiki text (issue 6): ''italics'' quotes, [page needed],
Others[who?], double spaces never end up inside an entity, and do not break sentences."""
from __future__ import annotations

import pytest

from conftest import SEED2, records_of, seed_paragraphs, seed_text, span_problems

CRAFTED = [
    "Stalin became editor of ''Pravda'' in 1912, and he wrote for ''Zvezda''.",
    "In 1940, 21,857 Poles were arrested and 110,000 were executed. [page needed] Many Americans who had emigrated to the Soviet Union were arrested.",
    "Some historians see Stalin as a modernizer who succeeded.  Others[who?] compare Stalin with Ivan the Terrible because of his policies.",
    "Lenin met Trotsky[who?] in Moscow[page needed] in 1917.  Stalin  and  Molotov went to ''Berlin''[citation needed].",
    "The ''Soviet Union'' signed the pact with ''Nazi Germany'' in August 1939. Kamenev[who?] said so.",
]


def _markup_texts() -> list[str]:
    pravda = seed_paragraphs()[22:29]  # the ''Pravda'' heading and its section
    assert pravda[0].startswith("Rise to the Central Committee and editorship of ''Pravda''")
    return ["\n".join(pravda), seed_text(SEED2), "\n".join(CRAFTED)]


@pytest.fixture(scope="module")
def markup_records(full_nlp):
    return [(text, records_of(full_nlp, text)) for text in _markup_texts()]


def test_markup_never_inside_an_entity(markup_records):
    for text, layers in markup_records:
        assert span_problems(text, layers) == []
        assert layers["entities"]
        bad = [e["text"] for e in layers["entities"] if "[" in e["text"] or "]" in e["text"] or "''" in e["text"]]
        assert bad == []
        assert [e["text"] for e in layers["entities"] if e["text"] != e["text"].strip()] == []


def test_quoted_titles_are_entities_without_their_quotes(markup_records):
    text, layers = markup_records[2]
    names = {(e["text"], e["label"]) for e in layers["entities"]}
    assert {("Pravda", "ORG"), ("Soviet Union", "GPE")} <= names
    heading_text, heading_layers = markup_records[0]
    assert ("Pravda", "ORG") in {(e["text"], e["label"]) for e in heading_layers["entities"]
                                 if e["start"] < heading_text.index("\n")}


def test_markup_does_not_break_sentences_where_the_parser_sees_it(markup_records):
    text, layers = markup_records[2]
    sentences = [s["text"] for s in layers["sentences"]]
    assert "Kamenev[who?] said so." in sentences
    assert "Lenin met Trotsky[who?] in Moscow[page needed] in 1917." in sentences
    seed2 = [s["text"] for s in markup_records[1][1]["sentences"]]
    assert not [s for s in seed2 if s.startswith(("[who?]", "?]", "]"))]


def test_who_remnant_does_not_end_a_sentence(markup_records):
    text, layers = markup_records[2]
    sentences = [s["text"] for s in layers["sentences"]]
    assert "Others[who?] compare Stalin with Ivan the Terrible because of his policies." in sentences
    seed2 = [s["text"] for s in markup_records[1][1]["sentences"]]
    assert not [s for s in seed2 if s.endswith("[who?]")]


def test_footnote_markers_after_a_full_stop_keep_the_sentence_end(full_nlp):
    text = "The pact was signed in August 1939.[1][2] Kamenev said so."
    assert [s["text"] for s in records_of(full_nlp, text)["sentences"]] == \
        ["The pact was signed in August 1939.[1][2]", "Kamenev said so."]
