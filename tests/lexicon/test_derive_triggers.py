"""scripts/derive_triggers.py: the committed trigger lexicon is what WordNet, the seeds and the
review give, and the derivations the script exists for happen (synonyms, hyponyms,
nominalisations, multi-word lemmas; review decisions win).

Needs WordNet 3.0 (Debian's wordnet-base) and NLTK: `make lexicon` installs both where it
can; without them these tests are skipped with the reason.
"""
from __future__ import annotations

import json
import sys

import pytest

from wordnet_scripts import load_script  # (wn: the WordNet fixture of conftest.py)

dt = load_script("derive_triggers")


def _derive(wn, seeds=None, review=None, senses=frozenset()):
    seeds = seeds or json.loads(dt.SEEDS.read_text(encoding="utf-8"))
    review = review or {"accept": {}, "reject": {}}
    return dt.derive(wn, seeds, review, set(senses))


@pytest.mark.slow
def test_committed_lexicon_is_what_wordnet_gives(wn):
    assert dt.main(["--check"]) == 0


def test_missing_wordnet_is_a_clear_error(tmp_path, capsys):
    assert dt.main(["--wordnet", str(tmp_path), "--check"]) == 2
    assert "no WordNet 3.0 database" in capsys.readouterr().err


def _one_type(synsets: dict) -> dict:
    return {"nominal_lexnames": ["noun.act", "noun.event", "noun.process", "noun.phenomenon"], "min_dominance": 0.5,
            "types": {"Conflict.Attack": {"synsets": synsets}}, "phrases": {}}


def test_synonyms_and_nominalisations(wn):
    trig, _, _ = _derive(wn, _one_type({"invade.v.01": 0}))
    assert trig["Conflict.Attack"]["VERB"] == {"invade"}
    assert "invasion" in trig["Conflict.Attack"]["NOUN"]
    assert "invader" not in trig["Conflict.Attack"]["NOUN"]  # a person, not an act


def test_hyponyms_by_depth(wn):
    shallow, _, _ = _derive(wn, _one_type({"bombard.v.02": 0}))
    deep, _, _ = _derive(wn, _one_type({"bombard.v.02": 1}))
    assert "dive-bomb" not in shallow["Conflict.Attack"]["VERB"]
    assert "dive-bomb" in deep["Conflict.Attack"]["VERB"]


def test_multiword_lemmas_become_phrases(wn):
    seeds = _one_type({})
    seeds["types"] = {"Justice.Execute": {"synsets": {"execute.v.01": 0}}}
    trig, phrases, _ = _derive(wn, seeds)
    assert "put to death" in phrases["Justice.Execute"]


def test_ambiguous_words_need_the_review(wn):
    seeds = _one_type({"invade.v.01": 0, "occupy.v.01": 0})  # `occupy` has many non-event senses
    trig, _, report = _derive(wn, seeds)
    assert "occupy" not in trig["Conflict.Attack"]["VERB"]
    assert any(x.startswith("occupy/VERB Conflict.Attack") for x in report["ambiguous_unreviewed"])
    review = {"accept": {"Conflict.Attack": {"occupy/VERB": "test"}}, "reject": {"Conflict.Attack": {"invade/VERB": "test"}}}
    trig, _, _ = _derive(wn, seeds, review)
    assert "occupy" in trig["Conflict.Attack"]["VERB"] and "invade" not in trig["Conflict.Attack"]["VERB"]


def test_words_with_sense_rules_are_left_to_them(wn):
    trig, _, report = _derive(wn, _one_type({"invade.v.01": 0}), senses={"invade/VERB"})
    assert "VERB" not in trig["Conflict.Attack"] and "invade/VERB" in report["left_to_senses"]


def test_unknown_synset_is_a_clear_error(wn):
    with pytest.raises(SystemExit, match="no synset 'invade.v.99'"):
        _derive(wn, _one_type({"invade.v.99": 0}))
