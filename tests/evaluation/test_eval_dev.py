"""`make eval`'s scorer of several dev corpora (`eval-dev`): one table per corpus, peers
beside the pipeline, TIMEX2 gold also SPEC-compatible, peer predictions cached."""
from __future__ import annotations

import json

import srsly
from evalkit import GOLD, TEXT, write_dir

from pipeline.evaluation.dev import evaluate_dev


def test_two_corpora_with_the_baseline(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "doc.txt").write_text(TEXT, encoding="utf-8")
    full = write_dir(tmp_path / "gold-full", GOLD)
    t2 = [{k: v for k, v in t.items() if k != "sentence"} | {"source": {"timex2": {"val": t["value"]}}}
          for t in GOLD["timexes"]]
    timex_gold = write_dir(tmp_path / "gold-t2", {"regions": GOLD["regions"], "timexes": t2}, all_layers=False)
    pred = write_dir(tmp_path / "pred", GOLD)
    config = tmp_path / "corpora.json"
    srsly.write_json(config, {"corpora": [
        {"name": "full", "title": "All layers", "texts": str(texts), "gold": str(full), "pred": str(pred)},
        {"name": "t2", "title": "Timex only", "texts": str(texts), "gold": str(timex_gold), "pred": str(pred),
         "conventions": "timex2"},
        {"name": "later", "title": "Not annotated yet", "texts": str(texts), "gold": str(tmp_path / "none"),
         "pred": str(pred)}]})
    said: list[str] = []
    summary = evaluate_dev(config, tmp_path / "out", ("baseline",), log=said.append)
    assert said == ["full: running baseline on 1 documents", "t2: running baseline on 1 documents"]
    assert list(summary["corpora"]) == ["full", "t2", "t2-spec", "t2-endpoints", "later"]
    assert summary["corpora"]["later"]["status"] == "no gold set yet"
    assert summary["corpora"]["full"]["events"]["trigger_cls"]["f"] == 1.0
    assert summary["corpora"]["t2"]["events"] == {"status": "not annotated"}
    assert summary["corpora"]["t2-spec"]["timexes"]["value"]["f"] == 1.0
    assert summary["corpora"]["t2-endpoints"]["timexes"]["ranges_split"] == 0  # the test's gold has no range
    assert summary["corpora"]["t2"]["timexes"]["spec_ceiling"]["value"]["f"] == 1.0  # nothing the SPEC leaves out
    md = (tmp_path / "out" / "eval.md").read_text()
    full_table, t2_table = md.split("**Timex only**")[0], md.split("**Timex only**")[1].split("**Timex only, SPEC")[0]
    assert "| layer | metric | pipeline | baseline |" in full_table
    assert "| Events | trigger classification F1 | 1.000 | not predicted |" in full_table
    assert "Events" not in t2_table and "| Timexes | value F1 | 1.000 |" in t2_table
    assert "Ceiling: a tagger following SPEC 3.3 without error scores value F1 1.000 against this whole key" in t2_table
    assert "*no gold set yet*" in md
    assert json.loads((tmp_path / "out" / "full" / "eval.json").read_text())["peers"]["baseline"]["sentences"]["f"] > 0
    said.clear()
    evaluate_dev(config, tmp_path / "out", ("baseline",), log=said.append)
    assert said == []  # peers' predictions are reused while the texts are unchanged
