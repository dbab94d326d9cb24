"""Each stage reads its words from models/<stage>/<lang>/ for the pipeline's language,
so a second language is a data folder; a language without one is a clear error."""
import pytest
import spacy

import pipeline  # noqa: F401  (registers the factories)
from pipeline.rules import MODELS_DIR, stage_rules_dir


@pytest.mark.parametrize("factory,stage,files", [
    ("hist_segments", "segmentation", ["rules.json"]),
    ("hist_entities", "entities", ["label_rules.json", "patterns.jsonl", "peoples.json", "person_nouns.json", "places.json", "vehicle_nouns.json"]),
    ("hist_timexes", "timexes", ["grammar.json", "lexicon.json"]),
])
def test_default_rules_are_the_languages_folder(factory, stage, files):
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe(factory)
    assert stage_rules_dir(stage, "en") == MODELS_DIR / stage / "en"
    assert sorted(pipe.rule_files) == files
    for name in files:
        assert (MODELS_DIR / stage / "en" / name).is_file()


def test_a_language_without_a_rules_folder_is_named_in_the_error():
    nlp = spacy.blank("de")
    with pytest.raises(ValueError, match=r"segmentation rules: .*segmentation/de has no rules.json"):
        nlp.add_pipe("hist_segments")
