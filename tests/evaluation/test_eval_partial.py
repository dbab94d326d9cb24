"""A gold set that holds only some layers (SPEC 4 revised) is scored on those layers; the
others are reported as not annotated everywhere a figure is shown, never as 0.000."""
from __future__ import annotations

import json

from pytest import approx
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluation import evaluate, readme_table

from evalkit import GOLD, REGION, TEXT, timex, write_dir


def _timex_only_gold(tmp_path):
    # records of a timex-only gold set carry no sentence id (there is no sentence layer)
    timexes = [{k: v for k, v in t.items() if k != "sentence"} for t in GOLD["timexes"]]
    return write_dir(tmp_path / "gold", {"regions": [REGION], "timexes": timexes}, all_layers=False)


def test_timex_only_gold_reports_absent_layers_as_not_annotated(tmp_path):
    gold = _timex_only_gold(tmp_path)
    pred = write_dir(tmp_path / "pred", {**GOLD, "timexes": [GOLD["timexes"][0], timex("May 1894", "1894-06")]})
    result = evaluate(gold, pred, tmp_path / "out")
    for layer in ("sentences", "entities", "events"):
        assert result[layer] == {"status": "not annotated"}
    assert result["timexes"]["relaxed"]["f"] == approx(1.0)
    assert result["timexes"]["value"]["f"] == approx(0.5)
    saved = json.loads((tmp_path / "out" / "eval.json").read_text())
    assert saved["events"] == {"status": "not annotated"}
    md = (tmp_path / "out" / "eval.md").read_text()
    events_section = md.split("## Events", 1)[1]
    assert events_section.strip().startswith("*not annotated*") and "0.000" not in events_section
    table = readme_table(saved)
    assert "| Timexes | value F1 | 0.500 |" in table
    assert "Events" not in table and "Entities" not in table


def test_cli_eval_prints_not_annotated_and_names_a_foreign_prediction(tmp_path):
    gold = _timex_only_gold(tmp_path)
    pred = write_dir(tmp_path / "pred", GOLD)
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    assert res.output.count("not annotated") == 4  # sentences, entities, events ×2 rows
    other = write_dir(tmp_path / "other", {"timexes": [{**GOLD["timexes"][0], "doc_id": "another"}]},
                      all_layers=False)
    res = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(other)])
    assert res.exit_code == 2
    said = " ".join(res.output.split())
    assert "no predicted document" in said and "nothing to score" in said
    assert "0.000" not in res.output


def test_baseline_needs_the_gold_texts(tmp_path):
    gold = _timex_only_gold(tmp_path)
    pred = write_dir(tmp_path / "pred", GOLD)
    texts = tmp_path / "texts"
    texts.mkdir()
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--out", str(tmp_path / "o"),
                              "--baseline", "--texts", str(texts)])
    assert res.exit_code == 2 and "no text for 1 gold document(s) (doc)" in " ".join(res.output.split())
    assert "Traceback" not in res.output
    (texts / "doc.txt").write_text(TEXT, encoding="utf-8")
    res = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--out", str(tmp_path / "o"),
                              "--baseline", "--texts", str(texts)])
    assert res.exit_code == 0, res.output
    saved = json.loads((tmp_path / "o" / "eval.json").read_text())
    assert saved["peers"]["baseline"]["events"] == {"status": "not annotated"}
    assert saved["peers"]["baseline"]["timexes"]["relaxed"]["f"] == approx(1.0)
