"""Segments (SPEC 3.1): kinds, paragraphs, sections and sentence boundaries."""
import pytest

from pipeline import extensions as ext


def _segments(nlp, text):
    doc = nlp(text)  # a SpanGroup needs its Doc alive
    return [(s.text, s._.kind) for s in doc.spans[ext.SEGMENTS]]


@pytest.fixture(scope="module")
def seed_segments(seed_docs):
    _, doc = seed_docs["000_09dcfff65826fb95"]
    return doc, {s.text: s for s in doc.spans[ext.SEGMENTS]}  # the Doc must outlive its spans


@pytest.mark.parametrize("text,kind,section", [
    ("Joseph Stalin", "title", []),
    ("Early life", "heading", []),
    ("Childhood to young adulthood: 1878–1899", "heading", ["Early life"]),
    ("Succeeding Lenin: 1924–1927", "heading", ["Rise to power"]),
    ("and Sergo Ordzhonikidze in Tbilisi, 1925", "caption", ["Rise to power", "Succeeding Lenin: 1924–1927"]),
    ("in the Kremlin, 1939", "caption", ["World War II", "Pact with Nazi Germany: 1939–1941"]),
    (", 4 July 1944", "caption", ["World War II", "Soviet counter-attack: 1942–1945"]),
    ("Stalin's dacha near Sochi, mid-1930s.", "caption", ["Post-war era", "Final years: 1950–1953", "Personal life and characteristics"]),
    ("Lenin died in January 1924.", "body", ["Rise to power", "Succeeding Lenin: 1924–1927"]),
])
def test_seed_kinds_and_sections(seed_segments, text, kind, section):
    seg = seed_segments[1][text]
    assert (seg._.kind, seg._.section) == (kind, section)


def test_seed_paragraph_indices(seed_segments):
    segments = seed_segments[1]
    assert segments["Joseph Stalin"]._.paragraph == 0
    assert segments["Early life"]._.paragraph == 5
    assert segments["Lenin died in January 1924."]._.paragraph == 54


@pytest.mark.parametrize("text,expected", [
    ("He met David L. Hoffmann in St. Petersburg. They talked.",
     ["He met David L. Hoffmann in St. Petersburg.", "They talked."]),
    ("Order No. 227 was issued in 1942. It forbade retreat.",
     ["Order No. 227 was issued in 1942.", "It forbade retreat."]),
    ("He admired H. G. Wells. The writer visited him.",
     ["He admired H. G. Wells.", "The writer visited him."]),
    ("Others[who?] disagreed with the plan. The debate went on.",
     ["Others[who?] disagreed with the plan.", "The debate went on."]),
    ("He said: \"We are fifty years behind. We must make good this distance.\" The plan began.",
     ["He said: \"We are fifty years behind.", "We must make good this distance.\"", "The plan began."]),
])
def test_sentence_boundaries(nlp, text, expected):
    assert [t for t, _ in _segments(nlp, text)] == expected


def test_headings_and_captions_in_a_small_document(nlp):
    text = "A Life\n\n\nHe was born in 1878. He died in 1953.\n\nLater years\n\nin the garden, 1950\nHe wrote little."
    assert _segments(nlp, text) == [
        ("A Life", "title"), ("He was born in 1878.", "body"), ("He died in 1953.", "body"),
        ("Later years", "heading"), ("in the garden, 1950", "caption"), ("He wrote little.", "body")]


def test_single_line_seed_is_split_into_sentences(seed_docs):
    text, doc = seed_docs["002_7a24aecd84c9c6ad"]
    segments = list(doc.spans[ext.SEGMENTS])
    assert len(segments) > 100
    assert {s._.kind for s in segments} == {"body"} and {s._.paragraph for s in segments} == {0}
    assert segments[0].text.startswith("Stalinism is the means of governing")
    assert all(s.text == text[s.start_char:s.end_char] and s.text == s.text.strip() for s in segments)
