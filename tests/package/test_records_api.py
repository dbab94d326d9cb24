"""`pipeline.to_records` is the one record shape: exactly what `pipeline run` writes."""
import pipeline
from pipeline.outputs import json_line
from pipeline.records import DOC_LAYERS, LAYERS, OUTPUT_LAYERS


def test_to_records_is_what_run_writes(seed_docs, seed_outputs):
    """Every layer of both seeds, record by record and key by key, as the JSONL files of
    `pipeline run seeds` hold them (the documents in the order of their files)."""
    records = {doc_id: pipeline.to_records(doc, doc_id) for doc_id, (_, doc) in sorted(seed_docs.items())}
    assert len(records) == 2 and all(tuple(r) == DOC_LAYERS for r in records.values())
    for layer in DOC_LAYERS:
        written = (seed_outputs / LAYERS[layer][0]).read_text(encoding="utf-8")
        assert written == "".join(json_line(r) + "\n" for doc in records.values() for r in doc[layer]), layer
    assert sorted(p.name for p in seed_outputs.glob("*.jsonl")) == sorted(LAYERS[n][0] for n in OUTPUT_LAYERS)


def test_to_records_ids_offsets_and_references(nlp):
    text = "The Treaty of Paris was signed in May 1814. Two weeks later, the king returned to Paris."
    records = pipeline.to_records(nlp(text), "t", offset=100)
    sentences = records["sentences"]
    assert [(s["id"], s["start"], s["end"], s["kind"]) for s in sentences] == [
        ("t:s1", 100, 143, "body"), ("t:s2", 144, 188, "body")]
    timexes = [(t["id"], t["text"], t["value"], t["sentence"], t["anchor"]) for t in records["timexes"]]
    assert timexes == [("t:t1", "May 1814", "1814-05", "t:s1", None),
                       ("t:t2", "Two weeks later", "1814-05", "t:s2", "t:t1")]
    for layer in ("sentences", "entities", "timexes"):
        for rec in records[layer]:
            assert text[rec["start"] - 100:rec["end"] - 100] == rec["text"]
    assert [(v["trigger"]["text"], v["type"], v["time"]["timex"]) for v in records["events"]] == [
        ("signed", "Contact.Agree", "t:t1"), ("returned", "Movement.Transport", "t:t2")]
    assert list(records["entities"][0]) == ["doc_id", "id", "sentence", "start", "end", "text", "label", "entity"]
