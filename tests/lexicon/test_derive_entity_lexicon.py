"""scripts/derive_entity_lexicon.py: the committed gazetteer and person nouns are what WordNet gives; the kinds
follow WordNet's instance classes (an island that is also a region below a country is
LOC, an island that is a country GPE, a name that is also a person's is left out).

Needs WordNet 3.0 (Debian's wordnet-base) and NLTK; without them these tests are skipped."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
spec = importlib.util.spec_from_file_location("derive_entity_lexicon", ROOT / "scripts" / "derive_entity_lexicon.py")
dp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dp)


@pytest.fixture(scope="module")
def wn(tmp_path_factory):
    try:
        return dp.open_wordnet(dp.DEFAULT_WORDNET, tmp_path_factory.mktemp("wordnet"))
    except dp.MissingWordNet as exc:
        pytest.skip(f"WordNet unavailable: {exc} (`make lexicon` installs it)")


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
