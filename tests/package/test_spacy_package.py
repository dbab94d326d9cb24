"""The stages as a spaCy package: registered on `import pipeline` (and through entry
points), declaring what they need, saved and loaded with their rules."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
import srsly

import pipeline
from pipeline.records import LAYERS, OUTPUT_LAYERS

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("A Painter of the Coast\n"
        "Early years\n"
        "The painter moved to the coast in June 1851. Two years later he opened a studio there.\n")


@pytest.fixture(scope="module")
def base():
    """The plain base model, with none of our stages."""
    return spacy.load(pipeline.DEFAULT_MODEL)


def _with(base_nlp, *names):
    nlp = spacy.load(pipeline.DEFAULT_MODEL) if base_nlp is None else base_nlp
    where = dict(pipeline.STAGES)
    for name in names:
        nlp.add_pipe(name, **where[name])
    return nlp


def test_a_stage_added_to_another_english_pipeline(base):
    """Segmentation alone, after `import pipeline` only: headings and sentences with kinds."""
    nlp = _with(base, "hist_segment_rules", "hist_segments")
    doc = nlp(TEXT)
    assert [(s.text, s._.kind, s._.paragraph, s._.section) for s in doc.spans["segments"]] == [
        ("A Painter of the Coast", "title", 0, []),
        ("Early years", "heading", 1, []),
        ("The painter moved to the coast in June 1851.", "body", 2, ["Early years"]),
        ("Two years later he opened a studio there.", "body", 2, ["Early years"])]
    assert nlp.analyze_pipes()["problems"]["hist_segments"] == []


def test_the_date_stage_with_the_stages_it_requires():
    nlp = _with(None, "hist_segment_rules", "hist_segments", "hist_entities", "hist_timexes")
    assert not any(nlp.analyze_pipes()["problems"].values())
    doc = nlp(TEXT)
    assert [(t.text, t._.timex["value"]) for t in doc.spans["timexes"]] == [
        ("June 1851", "1851-06"), ("Two years later", "1853")]


def test_analyze_pipes_names_a_missing_stage():
    nlp = _with(None, "hist_entities", "hist_timexes")  # no segments stage
    assert nlp.analyze_pipes()["problems"]["hist_timexes"] == ["span._.kind"]
    nlp = _with(None, "hist_segment_rules", "hist_segments", "hist_entities", "hist_events")  # no timexes
    assert nlp.analyze_pipes()["problems"]["hist_events"] == ["span._.timex"]
    blank = spacy.blank("en")
    blank.add_pipe("hist_events")
    assert blank.analyze_pipes()["problems"]["hist_events"] == [
        "doc.sents", "doc.ents", "span._.entity", "span._.timex", "token.dep", "token.tag", "token.lemma"]


def _fresh_python(code: str, cwd: Path) -> str:
    """Run code in a new interpreter (no module of this process loaded); its stdout."""
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


LOAD_ONLY = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1] if len(sys.argv) > 1 else {path!r})
loaded = "pipeline" in sys.modules  # imported by spaCy, through our entry points
doc = nlp({text!r})
dated = nlp({dated!r})
print(json.dumps({{"entry_points": loaded, "pipes": nlp.pipe_names, "batch_size": nlp.batch_size,
                   "ents": [[e.text, e.label_] for e in doc.ents],
                   "events": [[doc.text[slice(*e["trigger"])], e["type"]] for e in doc._.events],
                   "timexes": [[t.text, t._.timex["value"]] for t in dated.spans["timexes"]]}}))
"""


def test_a_saved_pipeline_loads_in_a_fresh_process_with_its_own_rules(nlp, tmp_path):
    """`spacy.load(path)` without importing `pipeline`: the factories come from the entry
    points, and the rules from the saved folder (a pattern, a trigger and a holiday added
    there are used)."""
    saved = tmp_path / "saved"
    nlp.to_disk(saved)
    patterns = saved / "hist_entities" / "patterns.jsonl"
    srsly.write_jsonl(patterns, [*srsly.read_jsonl(patterns),
                                 {"label": "FAC", "pattern": [{"TEXT": "Quillfeather"}, {"TEXT": "Guild"}]}])
    triggers = saved / "hist_events" / "triggers.json"
    table = srsly.read_json(triggers)
    table["Movement.Transport"]["VERB"].append("vanish")
    srsly.write_json(triggers, table)
    lexicon = saved / "hist_timexes" / "lexicon.json"
    words = srsly.read_json(lexicon)
    words["holidays"]["Lanternmas"] = "06-15"
    srsly.write_json(lexicon, words)
    out = json.loads(_fresh_python(LOAD_ONLY.format(path=str(saved),
                                                    text="He joined the Quillfeather Guild in Lyon. "
                                                         "In 1851 he vanished from Lyon.",
                                                    dated="The town feasted on Lanternmas 1853."), ROOT))
    assert out["entry_points"] is True
    assert out["pipes"] == nlp.pipe_names
    assert out["batch_size"] == nlp.batch_size == pipeline.DEFAULT_BATCH_SIZE  # nlp.pipe's bounded default, saved
    assert out["ents"] == [["Quillfeather Guild", "FAC"], ["Lyon", "GPE"], ["Lyon", "GPE"]]  # ORG unsaved
    assert out["events"] == [["vanished", "Movement.Transport"]]  # no event without the saved rule
    assert out["timexes"] == [["Lanternmas 1853", "1853-06-15"]]  # the year alone without it


ROUND_TRIP = """
import sys, spacy
nlp = spacy.load({saved!r})
import pipeline
pipeline.run(["seeds"], {out!r}, nlp=nlp)
"""


@pytest.mark.slow
def test_to_disk_then_spacy_load_in_a_fresh_process_gives_the_same_records(nlp, seed_outputs, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    _fresh_python(ROUND_TRIP.format(saved=str(tmp_path / "saved"), out=str(tmp_path / "there")), ROOT)
    for layer in OUTPUT_LAYERS:  # against this process's run of the seeds (seed_outputs)
        name = LAYERS[layer][0]
        assert (tmp_path / "there" / name).read_bytes() == (seed_outputs / name).read_bytes(), name


def test_the_official_model_by_name_gives_the_same_records(nlp, tmp_path):
    """`--model en_core_web_sm` where Explosion's package is installed: the default
    package is a re-upload of its 3.8.0 weights, so every record is the same."""
    pytest.importorskip("en_core_web_sm", reason="the official en_core_web_sm is not installed")
    from typer.testing import CliRunner

    from pipeline.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "official"),
                                      "--model", "en_core_web_sm"])
    assert result.exit_code == 0, result.output
    pipeline.run([tmp_path / "in"], tmp_path / "default", nlp=nlp)
    for layer in OUTPUT_LAYERS:
        if layer != "documents":
            name = LAYERS[layer][0]
            assert (tmp_path / "official" / name).read_bytes() == (tmp_path / "default" / name).read_bytes()
    (doc,) = srsly.read_jsonl(tmp_path / "official" / "documents.jsonl")
    assert (doc["model"], doc["model_version"]) == ("en_core_web_sm", "3.8.0")


def test_a_stage_without_what_it_needs_says_so():
    blank = spacy.blank("en")
    blank.add_pipe("hist_events")
    with pytest.raises(ValueError, match="hist_events needs sentence boundaries.*analyze_pipes"):
        blank("The envoys signed the treaty.")
    assert blank("")._.events == []


def test_a_rules_folder_without_the_stage_files_is_a_clear_error(tmp_path):
    (tmp_path / "rules.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match=r"entities rules: .* has no patterns.jsonl, label_rules.json, places.json, person_nouns.json, peoples.json, vehicle_nouns.json"):
        spacy.blank("en").add_pipe("hist_entities", config={"rules": str(tmp_path)})
