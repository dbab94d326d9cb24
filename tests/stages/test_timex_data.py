"""The stage's words and expressions are data (issue 12.6): the grammar is compiled from
models/timexes/<lang>/, so another language is another folder the component's `rules`
config names."""
import json

import spacy

from pipeline.rules import rules_path
from pipeline.timexes.grammar import Grammar


def test_english_grammar_is_read_from_its_data_folder():
    for name in ("lexicon.json", "grammar.json"):
        assert rules_path("timexes", f"en/{name}").is_file()
    data = json.loads(rules_path("timexes", "en/grammar.json").read_text())
    grammar = Grammar.from_folder()
    assert grammar.detector.groupindex.keys() == {name for name, _ in data["rules"]}
    assert grammar.patterns.keys() == data["patterns"].keys()


def _toy_french(tmp_path):
    """A toy French folder: the English grammar's templates with French month names."""
    lexicon = json.loads(rules_path("timexes", "en/lexicon.json").read_text())
    lexicon["months"] = {"janvier": 1, "février": 2, "mars": 3}
    lexicon["dateparser_languages"] = ["fr"]
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "lexicon.json").write_text(json.dumps(lexicon))
    (folder / "grammar.json").write_text(rules_path("timexes", "en/grammar.json").read_text())
    return folder


def test_a_second_language_is_a_data_folder(tmp_path):
    text = "Le traité fut signé le 3 mars 1920 à Paris, pas en January 1920."
    found = [(kind, text[s:e]) for kind, s, e in Grammar.from_folder(_toy_french(tmp_path)).find(text)]
    assert ("date", "3 mars 1920") in found
    assert ("date", "January 1920") not in found
    assert ("date", "January 1920") in [(k, text[s:e]) for k, s, e in Grammar.from_folder().find(text)]


def test_the_component_reads_the_folder_its_config_names(tmp_path):
    """The month names of the configured folder are found and normalised end to end
    (an English month there is not one: only its year is left)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("hist_timexes", config={"rules": str(_toy_french(tmp_path))})
    doc = nlp("Signé le 3 mars 1920, pas le 4 March 1920.")
    got = [(s.text, s._.timex["value"], s._.timex["earliest"], s._.timex["latest"]) for s in doc.spans["timexes"]]
    assert got == [("3 mars 1920", "1920-03-03", "1920-03-03", "1920-03-03"),
                   ("1920", "1920", "1920-01-01", "1920-12-31")]
