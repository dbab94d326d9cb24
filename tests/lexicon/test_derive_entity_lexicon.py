"""scripts/derive_entity_lexicon.py: the committed gazetteer and person nouns are what WordNet gives; the kinds
follow WordNet's instance classes (an island that is also a region below a country is
LOC, an island that is a country GPE, a name that is also a person's is left out).

Needs WordNet 3.0 (Debian's wordnet-base) and NLTK; without them these tests are skipped."""
from __future__ import annotations


import pytest

from wordnet_scripts import load_script  # (wn: the WordNet fixture of conftest.py)

dp = load_script("derive_entity_lexicon")


@pytest.fixture(scope="module")
def derived(wn):
    return dp.derive(wn)


@pytest.mark.slow
def test_committed_files_are_what_wordnet_gives(wn):
    assert dp.main(["--check"]) == 0


@pytest.mark.slow
def test_kinds_follow_wordnets_classes(derived):
    loc, gpe = set(derived["LOC"]), set(derived["GPE"])
    assert {"Sicily", "Oder", "Manchuria", "Aegean Sea"} <= loc  # island + Italian region; river; region; sea
    assert {"Cuba", "Georgia", "Messina"} <= gpe  # island + country; state + country; city + port
    assert "Rhine" not in loc | gpe  # also a person's name in WordNet: the document decides


@pytest.mark.slow
def test_person_nouns_are_first_senses(wn):
    nouns = set(dp.person_nouns(wn))
    assert {"satrap", "son-in-law", "general"} <= nouns
    assert not {"enemy", "party"} & nouns  # their first senses are groups
