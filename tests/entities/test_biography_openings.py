"""The opening of a biography names its subject as the subject of `be` with a noun for
a person (`X (1840-1902) was a Norwegian journalist`); the model often reads the name as
an organisation or place there, above all after a heading repeating it, and every later
mention followed. Sentences written for the test; exact spans and labels of the names."""
import pytest

CASES = [
    ("Halvard Sunde\n\nHalvard Sunde (1840 \u2013 1902) was a Norwegian journalist. Sunde wrote for several papers.",
     [("Halvard Sunde", "PERSON"), ("Halvard Sunde", "PERSON"), ("Norwegian", "NORP"), ("Sunde", "PERSON")]),
    ("Agnes Orlo\n\nAgnes Orlo (14 March 1852 \u2013 2 November 1919) was a Finnish reformer.",
     [("Agnes Orlo", "PERSON"), ("Agnes Orlo", "PERSON"), ("Finnish", "NORP")]),
    # the surname alone too, where the model took it for a group (`-ist`, a modifier)
    ("Stina Holmqvist\n\nStina Holmqvist (1850 \u2013 1921) was a Swedish writer. During the famine of 1867 Holmqvist organised relief for the families of farm workers.",
     [("Stina Holmqvist", "PERSON"), ("Stina Holmqvist", "PERSON"), ("Swedish", "NORP"), ("Holmqvist", "PERSON")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_biography_openings(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP")] == expected


def test_the_names_a_copula_gives_are_full_names_without_titles(nlp):
    rules = nlp.get_pipe("hist_entities").rules
    doc = nlp("Athens was the leader of the league. Marta Vell was a painter. General Arvid Lunde was an officer.")
    assert rules.copula_names(doc) == {"Marta Vell", "Arvid Lunde"}
