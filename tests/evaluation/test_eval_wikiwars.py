"""`run` on WikiWars articles, then `eval` against their imported TIMEX2 gold, exits 0: the
folder run writes is one eval accepts, and a gold set of timexes only is scored as such.
(The whole corpus is what `make eval` does; two short articles keep the suite fast.)"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ("14_FirstIndochinaWar", "16_SpanishCivilWar")


@pytest.mark.slow
def test_run_then_eval_on_wikiwars_articles(tmp_path, no_reload):
    texts = [str(ROOT / "corpora/wikiwars-train/texts" / f"{a}.txt") for a in ARTICLES]
    runner = CliRunner()
    res = runner.invoke(app, ["run", *texts, "--out", str(tmp_path / "pred")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["eval", "--gold", str(ROOT / "corpora/wikiwars-train/gold-timex2"),
                              "--pred", str(tmp_path / "pred"), "--out", str(tmp_path / "eval")])
    assert res.exit_code == 0, res.output
    result = json.loads((tmp_path / "eval" / "eval.json").read_text())
    assert result["events"] == {"status": "not annotated"}
    assert result["scope"]["documents"] == 16
    in_two = 70 + 62  # gold timexes of the two articles: the others' are all missed
    assert result["timexes"]["relaxed"]["r"] <= in_two / 2159
    assert result["timexes"]["relaxed"]["p"] > 0.6
