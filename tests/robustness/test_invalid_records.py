"""`run` never writes a record its own eval would reject (issue 11 point 7): such a record is
dropped, named with its reason in its document's entry, and everything else is written."""
from __future__ import annotations

import json

import pipeline.runner as runner
from pipeline.evaluation import load_dir
from pipeline.records import drop_invalid
from pipeline.writers import RecordBuilder


def test_drop_invalid_keeps_the_valid_records():
    layers = {"timexes": [
        {"doc_id": "d", "id": "d:t1", "sentence": "d:s1", "start": 0, "end": 4, "text": "1901", "type": "DATE",
         "value": "1901", "earliest": "1901-01-01", "latest": "1901-12-31"},
        {"doc_id": "d", "id": "d:t2", "sentence": "d:s1", "start": 8, "end": 12, "text": "1902", "type": "DATE",
         "value": "1902", "earliest": "1902-12-31", "latest": "1902-01-01"}]}
    dropped = drop_invalid(layers)
    assert [t["id"] for t in layers["timexes"]] == ["d:t1"]
    assert dropped == [{"layer": "timexes", "id": "d:t2",
                        "reason": "record: earliest 1902-12-31 is after latest 1902-01-01"}]


def test_a_run_with_a_bad_record_writes_the_rest(tmp_path, monkeypatch, no_reload):
    original = RecordBuilder.add

    def add_with_a_bug(self, doc, offset=0):
        original(self, doc, offset)
        for t in self.layers["timexes"]:  # a resolution bug: an interval the wrong way round
            if t["text"] == "1870":
                t["earliest"], t["latest"] = t["latest"], t["earliest"]

    monkeypatch.setattr(RecordBuilder, "add", add_with_a_bug)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("The mill opened in 1870. It closed in 1911.\n", encoding="utf-8")
    (src / "b.txt").write_text("The bridge was finished in 1870.\n", encoding="utf-8")
    summary = runner.run([src], tmp_path / "out")
    assert summary.invalid == 2 and summary.failed == 0
    docs = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    assert [d["status"] for d in docs] == ["ok", "ok"]
    assert [[(i["layer"], i["id"]) for i in d["invalid_records"]] for d in docs] == [
        [("timexes", "a:t1")], [("timexes", "b:t1")]]
    assert "earliest 1870-12-31 is after latest 1870-01-01" in docs[0]["invalid_records"][0]["reason"]
    timexes = [json.loads(line)["text"] for line in (tmp_path / "out" / "timexes.jsonl").read_text().splitlines()]
    assert timexes == ["1911"]
    load_dir(tmp_path / "out")  # the folder the run wrote is one eval accepts
