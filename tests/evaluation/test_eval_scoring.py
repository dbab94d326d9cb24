"""Scorer tests: hand-computed P/R/F and accuracies on the tiny document of evalkit.

Gold (inside the region): heading "Early life", two body sentences; PERSON Stalin,
GPE Gori, GPE Tiflis; DATE 1878 (1878), DATE May 1894 (1894-05); Life.Be-Born `born`
(Person Stalin, Place Gori, time 1878), Movement.Transport `moved` (Artifact He,
Destination Tiflis, time May 1894). "Lenin died in 1924." lies outside the region.
"""
from __future__ import annotations

import json

import pytest
from evalkit import GOLD, SENTENCES, T1878, entity, event, sentence, timex, write_dir

from pipeline.evaluation import LoadError, evaluate, load_dir, readme_table, score

approx = pytest.approx


def run(tmp_path, pred: dict, gold: dict = GOLD):
    """Score pred layers against gold layers: (metrics, errors)."""
    g = write_dir(tmp_path / "g", gold)
    p = write_dir(tmp_path / "p", pred, all_layers=False)
    return score(load_dir(g, gold=True), load_dir(p))


def prf(d: dict) -> tuple:
    return d["p"], d["r"], d["f"]


def test_entities_exact_overlap_and_label(tmp_path):
    pred = {"entities": [entity("Stalin", "PERSON"),   # strict
                         entity("in Gori", "GPE"),     # overlaps, same label: relaxed
                         entity("Tiflis", "ORG"),      # same span, other label: untyped only
                         entity("Lenin", "PERSON"),    # outside the region: ignored
                         entity("1878", "CARDINAL")]}  # numeric: never scored
    m, errors = run(tmp_path, pred)
    e = m["entities"]
    assert prf(e["strict"]) == approx((1 / 3, 1 / 3, 1 / 3))
    assert prf(e["relaxed"]) == approx((2 / 3, 2 / 3, 2 / 3))
    assert prf(e["untyped"]) == approx((1.0, 1.0, 1.0))
    assert (e["strict"]["tp"], e["strict"]["fp"], e["strict"]["fn"]) == (1, 2, 2)
    assert sorted(e["per_label"]) == ["GPE", "ORG", "PERSON"]
    assert prf(e["per_label"]["PERSON"]) == approx((1.0, 1.0, 1.0))
    assert prf(e["per_label"]["GPE"]) == approx((0.0, 0.0, 0.0))
    assert (e["per_label"]["ORG"]["fp"], e["per_label"]["ORG"]["fn"]) == (1, 0)
    reasons = {(x.kind, x.text, x.reason) for x in errors if x.layer == "entities (strict)"}
    assert reasons == {("FP+FN", "Gori", "span 'in Gori' vs gold 'Gori'"),
                       ("FP+FN", "Tiflis", "label ORG vs gold GPE")}


def test_duplicates_match_once(tmp_path):
    pred = {"entities": [entity("Stalin", "PERSON", id="a"), entity("Stalin", "PERSON", id="b"),
                         entity("Gori", "GPE"), entity("in Gori", "GPE")]}
    gold = {**GOLD, "entities": [entity("Stalin", "PERSON"), entity("Gori", "GPE")]}
    m, errors = run(tmp_path, pred, gold)
    assert (m["entities"]["strict"]["tp"], m["entities"]["strict"]["fp"], m["entities"]["strict"]["fn"]) == (2, 2, 0)
    # relaxed: the exact `Gori` wins over the overlapping `in Gori`; each gold matches once
    assert (m["entities"]["relaxed"]["tp"], m["entities"]["relaxed"]["fp"]) == (2, 2)
    assert prf(m["entities"]["relaxed"]) == approx((0.5, 1.0, 2 / 3))
    fps = sorted((x.text, x.reason) for x in errors if x.kind == "FP")
    assert fps == [("Stalin", "duplicate: gold 'Stalin' is already matched"),
                   ("in Gori", "span 'in Gori' vs gold 'Gori'")]


def test_sentences_boundaries_and_kind(tmp_path):
    pred = {"sentences": [sentence("Early life", "body"), sentence(SENTENCES[1][0]),
                          sentence(SENTENCES[2][0]), sentence(SENTENCES[3][0])]}  # the last is out of scope
    m, errors = run(tmp_path, pred)
    s = m["sentences"]
    assert (s["tp"], s["fp"], s["fn"]) == (2, 1, 0)
    assert prf(s) == approx((2 / 3, 1.0, 0.8))
    assert (s["kind_acc"], s["kind_n"]) == (approx(2 / 3), 3)
    assert [(x.layer, x.kind, x.reason) for x in errors if x.layer.startswith("sentences")] == [
        ("sentences (boundary)", "FP", "kind body vs gold heading"),
        ("sentences (kind)", "wrong", "kind body vs gold heading")]


def test_merged_sentence_boundary(tmp_path):
    merged = " ".join(t for t, _ in SENTENCES[1:3])
    pred = {"sentences": [sentence("Early life", "heading"), sentence(merged)]}
    m, errors = run(tmp_path, pred)
    assert (m["sentences"]["tp"], m["sentences"]["fp"], m["sentences"]["fn"]) == (0, 1, 2)
    assert m["sentences"]["kind_acc"] == 1.0
    kinds = sorted(x.kind for x in errors if x.layer == "sentences (boundary)")
    assert kinds == ["FN", "FP+FN"]  # one gold sentence pairs with the merged one, the other is left


def test_timex_extraction_value_and_type(tmp_path):
    pred = {"timexes": [timex("1878", "1878"),           # strict, value right
                        timex("1894", "1894"),           # inside `May 1894`: relaxed, value wrong
                        timex("1924", "1924")]}          # outside the region
    m, errors = run(tmp_path, pred)
    t = m["timexes"]
    assert prf(t["strict"]) == approx((0.5, 0.5, 0.5))
    assert prf(t["relaxed"]) == approx((1.0, 1.0, 1.0))
    assert prf(t["value"]) == approx((0.5, 0.5, 0.5))
    assert (t["type_acc"], t["value_acc"], t["interval_acc"], t["relaxed_n"]) == (1.0, 0.5, 0.5, 2)
    assert prf(t["per_type"]["DATE"]) == approx((1.0, 1.0, 1.0))
    wrong = [x.reason for x in errors if x.layer == "timexes (normalisation)"]
    assert wrong == ["span '1894' vs gold 'May 1894'; value 1894 vs gold 1894-05; "
                     "interval 1894-01-01..1894-12-31 vs gold 1894-05-01..1894-05-31"]


def test_interval_accuracy(tmp_path):
    pred = {"timexes": [timex("1878", "1878", earliest="1878-01-01", latest="1878-01-01"),
                        timex("May 1894", "1894-05", type="TIME")]}
    m, _ = run(tmp_path, pred)
    t = m["timexes"]
    assert (t["value_acc"], t["interval_acc"], t["type_acc"]) == (1.0, 0.5, 0.5)
    assert prf(t["value"]) == approx((1.0, 1.0, 1.0))
    assert prf(t["per_type"]["DATE"]) == approx((1.0, 0.5, 2 / 3))
    assert prf(t["per_type"]["TIME"]) == approx((0.0, 0.0, 0.0))


def test_arguments_only_inside_matched_events(tmp_path):
    pred = {"events": [
        # matched (trigger_cls): Stalin right, Gori with the wrong role
        event("born", "Life.Be-Born", [("Person", "Stalin"), ("Person", "Gori")], T1878),
        # trigger overlaps but the type is wrong: identified, not classified; its argument never matches
        event("moved", "Life.Die", [("Victim", "He")]),
    ]}
    m, errors = run(tmp_path, pred)
    ev = m["events"]
    assert prf(ev["trigger_id"]) == approx((1.0, 1.0, 1.0))
    assert prf(ev["trigger_cls"]) == approx((0.5, 0.5, 0.5))
    # 3 predicted arguments, 4 gold; 2 overlap inside the matched event, 1 with the right role
    assert (ev["arg_id"]["tp"], ev["arg_id"]["fp"], ev["arg_id"]["fn"]) == (2, 1, 2)
    assert prf(ev["arg_id"]) == approx((2 / 3, 0.5, 4 / 7))
    assert prf(ev["arg_cls"]) == approx((1 / 3, 0.25, 2 / 7))
    assert (ev["time_acc"], ev["time_n"]) == (1.0, 1)
    assert sorted(ev["per_type"]) == ["Life.Be-Born", "Life.Die", "Movement.Transport"]
    assert prf(ev["per_type"]["Life.Be-Born"]) == approx((1.0, 1.0, 1.0))
    triggers = sorted((x.kind, x.reason) for x in errors if x.layer == "events (trigger_cls)")
    assert triggers == [("FP+FN", "type Life.Die vs gold Movement.Transport")]
    args = sorted((x.kind, x.text, x.reason) for x in errors if x.layer == "event arguments (arg_cls)")
    assert args == [("FN", "He", "its event (Movement.Transport 'moved') is not matched"),
                    ("FN", "Tiflis", "its event (Movement.Transport 'moved') is not matched"),
                    ("FP", "He", "its event (Life.Die 'moved') is not matched"),
                    ("FP+FN", "Gori", "role Person vs gold Place")]


def test_event_time_value(tmp_path):
    wrong = {**T1878, "value": "1879"}
    pred = {"events": [event("born", "Life.Be-Born", [], wrong), event("moved", "Movement.Transport")]}
    m, errors = run(tmp_path, pred)
    assert (m["events"]["time_acc"], m["events"]["time_n"]) == (0.0, 2)
    assert sorted(x.reason for x in errors if x.layer == "event times") == [
        "time 1879 vs gold 1878", "time null vs gold 1894-05"]


def test_region_scoping(tmp_path):
    gold = {**GOLD, "entities": GOLD["entities"] + [entity("Lenin", "PERSON")]}  # outside: not claimed
    pred = {"entities": GOLD["entities"] + [entity("Lenin", "ORG")]}
    m, errors = run(tmp_path, pred, gold)
    assert prf(m["entities"]["strict"]) == approx((1.0, 1.0, 1.0))
    assert [x for x in errors if x.layer.startswith("entities")] == []
    assert m["scope"] == {"documents": 1, "regions": 1, "characters": GOLD["regions"][0]["end"]}


def test_empty_prediction(tmp_path):
    m, errors = run(tmp_path, {name: [] for name in ("sentences", "entities", "timexes", "events")})
    for metric in (m["sentences"], m["entities"]["strict"], m["timexes"]["value"], m["events"]["arg_cls"]):
        assert prf(metric) == (0.0, 0.0, 0.0)
    assert m["entities"]["strict"]["fn"] == 3
    assert (m["timexes"]["value_acc"], m["events"]["time_acc"]) == (0.0, 0.0)
    assert {x.kind for x in errors} == {"FN"}
    assert {x.reason for x in errors if x.layer != "event arguments (arg_cls)"} == {"not predicted"}


def test_empty_gold(tmp_path):
    gold = {"regions": GOLD["regions"]}
    m, errors = run(tmp_path, {"entities": [entity("Stalin", "PERSON")]}, gold)
    assert (m["entities"]["strict"]["fp"], prf(m["entities"]["strict"])) == (1, (0.0, 0.0, 0.0))
    assert [(x.kind, x.reason) for x in errors] == [("FP", "no overlapping gold")]
    m, errors = run(tmp_path / "none", {"entities": [entity("Stalin", "PERSON")]}, {})  # no regions at all
    assert m["entities"]["strict"]["fp"] == 0 and errors == []


SPEC6_KEYS = (["sentences." + k for k in "prf"]
              + [f"entities.{m}.{k}" for m in ("strict", "relaxed", "untyped") for k in "prf"]
              + [f"timexes.{m}.{k}" for m in ("strict", "relaxed", "value") for k in "prf"]
              + ["timexes.type_acc", "timexes.value_acc", "timexes.interval_acc"]
              + [f"events.{m}.{k}" for m in ("trigger_id", "trigger_cls", "arg_id", "arg_cls") for k in "prf"]
              + ["events.time_acc"])


def _get(data, path):
    for part in path.split("."):
        data = data[part]
    return data


def test_evaluate_writes_reports(tmp_path, gold_dir):
    ents = [entity("Stalin", "ORG"), entity("Gori", "GPE"), entity("Tiflis", "GPE")]
    pred = write_dir(tmp_path / "pred", {**GOLD, "entities": ents}, all_layers=False)
    base = write_dir(tmp_path / "base", {"sentences": GOLD["sentences"]}, all_layers=False)
    out = tmp_path / "out"
    result = evaluate(gold_dir, pred, out, peers={"baseline": base})
    saved = json.loads((out / "eval.json").read_text())
    assert saved == json.loads(json.dumps(result))
    for key in SPEC6_KEYS:
        assert 0.0 <= _get(saved, key) <= 1.0, key
    assert _get(saved, "entities.per_label.PERSON.r") == 0.0
    assert _get(saved, "entities.per_label.ORG.p") == 0.0
    assert saved["events"]["trigger_cls"]["f"] == approx(1.0)
    assert saved["peers"]["baseline"]["sentences"]["f"] == approx(1.0)
    # the peer wrote sentences only: its other layers are not predicted, not zero
    assert saved["peers"]["baseline"]["entities"] == {"status": "not predicted"}
    first = {name: (out / name).read_bytes() for name in ("eval.json", "eval.md", "errors.md")}
    evaluate(gold_dir, pred, out, peers={"baseline": base})
    assert first == {name: (out / name).read_bytes() for name in first}  # deterministic
    errors_md = first["errors.md"].decode()
    assert "label ORG vs gold PERSON" in errors_md and "> Stalin was born in Gori in 1878." in errors_md
    assert "### Per label (strict)" in first["eval.md"].decode()
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left
    table = readme_table(saved)
    assert table.splitlines()[0] == "| layer | metric | pipeline | baseline |"
    assert "| Entities | strict F1 | 0.667 | not predicted |" in table
    assert "| Sentences | boundary F1 (body) | 1.000 | 1.000 |" in table


def test_readme_table_without_peers():
    table = readme_table({"entities": {"strict": {"p": 1.0, "r": 0.5, "f": 2 / 3}}})
    assert table.splitlines()[0] == "| layer | metric | pipeline |"
    assert "| Entities | strict F1 | 0.667 |" in table
    assert "| Events | time accuracy | — |" in table


def test_malformed_prediction_names_file_and_line(tmp_path, gold_dir):
    pred = write_dir(tmp_path / "pred", {"entities": [entity("Stalin", "PERSON")]}, all_layers=False)
    with open(pred / "entities.jsonl", "a") as f:
        f.write('{"doc_id": "doc", "id": "x", "start": 3\n')
    with pytest.raises(LoadError, match=r"entities\.jsonl:2: malformed JSON"):
        evaluate(gold_dir, pred, tmp_path / "out")
    write_dir(pred, {"entities": [{**entity("Stalin", "PERSON"), "label": "DATE"}]}, all_layers=False)
    with pytest.raises(LoadError, match=r"entities\.jsonl:1: label: unknown entity label 'DATE'"):
        evaluate(gold_dir, pred, tmp_path / "out")
    with pytest.raises(LoadError, match="not a directory"):
        evaluate(gold_dir, tmp_path / "missing", tmp_path / "out")
