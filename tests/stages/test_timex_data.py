"""The stage's words and expressions are data (issue 12.6): the detector is compiled
from models/timexes/<lang>/, so another language is another folder."""
import json

from pipeline.rules import rules_path
from pipeline.timexes import grammar


def test_english_grammar_is_read_from_its_data_folder():
    for name in ("lexicon.json", "grammar.json"):
        assert rules_path("timexes", f"en/{name}").is_file()
    kinds = [name for name, _ in json.loads(rules_path("timexes", "en/grammar.json").read_text())["rules"]]
    assert grammar.detector().groupindex.keys() == set(kinds)


def test_a_second_language_is_a_data_folder(tmp_path, monkeypatch):
    """A toy French folder: the English grammar's templates with French month names."""
    lexicon = json.loads(rules_path("timexes", "en/lexicon.json").read_text())
    lexicon["months"] = {"janvier": 1, "février": 2, "mars": 3}
    folder = tmp_path / "fr"
    folder.mkdir()
    (folder / "lexicon.json").write_text(json.dumps(lexicon))
    (folder / "grammar.json").write_text(rules_path("timexes", "en/grammar.json").read_text())
    real = grammar.load_rules
    monkeypatch.setattr(grammar, "load_rules", lambda stage, name: (
        json.loads((tmp_path / name).read_text()) if name.startswith("fr/") else real(stage, name)))
    text = "Le traité fut signé le 3 mars 1920 à Paris, pas en January 1920."
    found = [(kind, text[s:e]) for kind, s, e in grammar.find(text, "fr")]
    assert ("date", "3 mars 1920") in found
    assert ("date", "January 1920") not in found
    assert ("date", "January 1920") in [(k, text[s:e]) for k, s, e in grammar.find(text)]
