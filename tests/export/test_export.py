"""`python -m pipeline export`: every format read back by the tools of the field (XML
parser, the TimeML and BRAT importers, spaCy, pandas/pyarrow, a JSON Schema validator)
gives the records it was written from."""
import json
import re
import xml.etree.ElementTree as ET

import pytest
import srsly
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.evaluation import evaluate

runner = CliRunner()
LAYERS = ("sentences", "entities", "timexes", "events")


def export(pred, fmt, out):
    result = runner.invoke(app, ["export", "--format", fmt, "--pred", str(pred), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def records(folder, layer):
    return list(srsly.read_jsonl(folder / f"{layer}.jsonl"))


def without_sources(result: dict) -> dict:
    return {k: v for k, v in result.items() if k not in ("sources",)}


def test_brat_round_trip_gives_the_same_records_and_scores(small_corpus, small_gold, tmp_path):
    brat = export(small_corpus, "brat", tmp_path / "brat")
    assert sorted(p.name for p in brat.iterdir()) == ["alpha.ann", "alpha.txt", "annotation.conf", "beta.ann",
                                                      "beta.txt"]
    ann = (brat / "beta.ann").read_text(encoding="utf-8")
    assert re.search(r"T\d+\tPERSON 73 82\tLindqvist\n", ann)  # the mention, typed by its label
    assert re.search(r'#\d+\tAnnotatorNotes (T\d+)\t\{"entity": "Oskar Lindqvist"\}', ann)
    assert re.search(r"E\d+\tArrest-Jail:T\d+ Agent:T\d+ Person:T\d+ Time:T\d+", ann)  # `the police` (SPEC 3.4)
    result = runner.invoke(app, ["gold", "import", str(brat), "--texts", str(tmp_path / "texts"),
                                 "--out", str(tmp_path / "gold")])
    assert result.exit_code == 0, result.output
    gold = tmp_path / "gold"
    for layer in LAYERS:
        assert records(gold, layer) == records(small_corpus, layer), layer
    assert runner.invoke(app, ["gold", "check", str(gold), "--texts", str(tmp_path / "texts")]).exit_code == 0
    # scored against the same gold set, the import scores what the outputs score
    original = evaluate(small_gold, small_corpus, tmp_path / "eval-outputs")
    imported = evaluate(small_gold, gold, tmp_path / "eval-imported")
    assert imported == original and original["entities"]["strict"]["fn"] == 1
    # and the outputs score perfectly against the imported gold
    perfect = evaluate(gold, small_corpus, tmp_path / "eval-perfect")
    assert [perfect[k]["f"] for k in ("sentences",)] + [perfect["entities"]["strict"]["f"],
                                                        perfect["timexes"]["value"]["f"],
                                                        perfect["events"]["arg_cls"]["f"]] == [1.0, 1.0, 1.0, 1.0]


def test_corrected_brat_becomes_gold(small_corpus, tmp_path):
    """An annotator retypes an entity and negates an event in the .ann: the gold says so."""
    brat = export(small_corpus, "brat", tmp_path / "brat")
    ann = (brat / "alpha.ann").read_text(encoding="utf-8")
    ann, n = re.subn(r"\tGPE (\d+ \d+)\tGeneva\n", r"\tLOC \1\tGeneva\n", ann)
    assert n == 1
    event = re.search(r"(E\d+)\tRelease-Parole:", ann).group(1)
    ann += f"A999\tPolarity {event} negative\n"
    (brat / "alpha.ann").write_text(ann, encoding="utf-8")
    assert runner.invoke(app, ["gold", "import", str(brat), "--format", "brat", "--texts", str(tmp_path / "t"),
                               "--out", str(tmp_path / "g")]).exit_code == 0
    geneva = [e for e in records(tmp_path / "g", "entities") if e["text"] == "Geneva"]
    assert [e["label"] for e in geneva] == ["LOC"]
    released = [v for v in records(tmp_path / "g", "events") if v["type"] == "Justice.Release-Parole"]
    assert [v["polarity"] for v in released] == ["negative"]


def test_brat_errors_name_the_line(small_corpus, tmp_path):
    brat = export(small_corpus, "brat", tmp_path / "brat")
    (brat / "beta.ann").write_text("T1\tPERSON 0 15\tOskar Lindqvist\nT2\tPERSON 10 9999\tx\n", encoding="utf-8")
    result = runner.invoke(app, ["gold", "import", str(brat / "beta.ann"), "--texts", str(tmp_path / "t"),
                                 "--out", str(tmp_path / "g")])
    assert result.exit_code == 1
    assert "beta.ann:2: offsets 10-9999 outside beta.txt" in " ".join(result.output.split())


def test_timeml_parses_and_keeps_the_values(small_corpus, tmp_path):
    tml = export(small_corpus, "timeml", tmp_path / "timeml")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (small_corpus.parent / "texts").glob("*.txt")}
    timexes = records(small_corpus, "timexes")
    allowed = {  # TimeML 1.2.1 specification: the elements and attributes it defines
        "TimeML": set(), "DOCID": set(), "TEXT": set(),
        "TIMEX3": {"tid", "type", "functionInDocument", "beginPoint", "endPoint", "quant", "freq", "value", "mod",
                   "anchorTimeID", "temporalFunction", "valueFromFunction", "comment"},
        "EVENT": {"eid", "class", "stem", "comment"},
        "MAKEINSTANCE": {"eiid", "eventID", "signalID", "cardinality", "tense", "aspect", "polarity", "pos",
                         "modality", "comment"},
        "TLINK": {"lid", "origin", "eventInstanceID", "timeID", "signalID", "relatedToEventInstance",
                  "relatedToTime", "relType", "comment", "syntax"}}
    for doc_id, text in texts.items():
        root = ET.parse(tml / f"{doc_id}.tml").getroot()
        assert root.tag == "TimeML" and root.findtext("DOCID") == doc_id
        for el in root.iter():
            assert el.tag in allowed and set(el.attrib) <= allowed[el.tag], (el.tag, el.attrib)
        assert "".join(root.find("TEXT").itertext()) == text
        ours = [(t["text"], t["value"]) for t in timexes if t["doc_id"] == doc_id]
        theirs = [(el.text, el.get("value")) for el in root.find("TEXT").iter("TIMEX3")]
        assert theirs == ours and len(ours) >= 3
    links = ET.parse(tml / "beta.tml").getroot().findall("TLINK")
    assert [(l.get("relType"), l.get("relatedToTime")) for l in links] == [
        ("IS_INCLUDED", "t1"), ("IS_INCLUDED", "t2"), ("IS_INCLUDED", "t3")]


def test_timeml_reads_back_with_the_timeml_importer(small_corpus, tmp_path):
    """The project's TempEval-3 importer (gold import --format timeml) finds the same timexes."""
    tml = export(small_corpus, "timeml", tmp_path / "timeml")
    result = runner.invoke(app, ["gold", "import", str(tml / "alpha.tml"), str(tml / "beta.tml"), "--format",
                                 "timeml", "--texts", str(tmp_path / "t"), "--out", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    key = lambda t: (t["doc_id"], t["start"], t["end"], t["type"], t["value"], t["mod"])  # noqa: E731
    assert [key(t) for t in records(tmp_path / "g", "timexes")] == [key(t) for t in records(small_corpus, "timexes")]


def test_docbin_restores_every_layer(small_corpus, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    out = export(small_corpus, "docbin", tmp_path / "docbin")
    docs = list(DocBin().from_disk(out / "outputs.spacy").get_docs(spacy.blank("en").vocab))
    assert [d.user_data["doc_id"] for d in docs] == ["alpha", "beta"]
    for doc in docs:
        doc_id = doc.user_data["doc_id"]
        restored = pipeline.to_records(doc, doc_id)
        for layer in LAYERS:
            assert restored[layer] == [r for r in records(small_corpus, layer) if r["doc_id"] == doc_id], layer
    beta = docs[1]
    assert [(e.text, e.label_, e._.entity) for e in beta.ents][3] == ("Lindqvist", "PERSON", "Oskar Lindqvist")


@pytest.mark.slow
def test_docbin_restores_the_seeds(seed_outputs, tmp_path):
    """The same on both seeds (tokens cut at record boundaries the tokenizer does not make)."""
    import spacy
    from spacy.tokens import DocBin

    out = export(seed_outputs, "docbin", tmp_path / "docbin")
    for doc in DocBin().from_disk(out / "outputs.spacy").get_docs(spacy.blank("en").vocab):
        restored = pipeline.to_records(doc, doc.user_data["doc_id"])
        for layer in LAYERS:
            assert restored[layer] == [r for r in records(seed_outputs, layer)
                                       if r["doc_id"] == doc.user_data["doc_id"]], layer


def test_csv_tables_declare_their_types(small_corpus, tmp_path):
    import pandas as pd

    out = export(small_corpus, "csv", tmp_path / "csv")
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in package["resources"]}
    assert sorted(tables) == ["arguments", "documents", "entities", "events", "sentences", "timeline", "timexes"]
    fields = {f["name"]: f["type"] for f in tables["timexes"]["schema"]["fields"]}
    assert fields["value"] == "string" and fields["start"] == "integer"
    pandas_types = {"string": "string", "integer": "Int64", "array": "string"}
    frames = {name: pd.read_csv(out / r["path"], keep_default_na=False, na_values=[""],
                                dtype={f["name"]: pandas_types[f["type"]] for f in r["schema"]["fields"]})
              for name, r in tables.items()}
    timexes = frames["timexes"]
    assert timexes.set_index("text").loc["1890", "value"] == "1890"
    assert list(timexes["value"]) == [t["value"] for t in records(small_corpus, "timexes")]
    args = frames["arguments"]
    moved = args[args["event"] == "alpha:v4"]
    assert moved[["n", "role", "text", "entity"]].values.tolist() == [
        [0, "Artifact", "they", "Delacroix; Henri Bastide"], [1, "Destination", "Basel", "Basel"]]
    assert len(args) == sum(len(v["arguments"]) for v in records(small_corpus, "events"))
    events = frames["events"].set_index("id")
    assert events.loc["beta:v3", ["trigger_text", "time_value", "polarity"]].tolist() == ["arrested", "1899-05",
                                                                                          "positive"]
    assert json.loads(frames["timeline"].set_index("event").loc["alpha:v4", "entities"]) == [
        "Basel", "Delacroix", "Henri Bastide"]


def test_parquet_tables_are_typed(small_corpus, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = export(small_corpus, "parquet", tmp_path / "parquet")
    timexes = pq.read_table(out / "timexes.parquet")
    assert str(timexes.schema.field("value").type) == "string"
    assert str(timexes.schema.field("start").type) == "int64"
    assert timexes.column("value").to_pylist() == [t["value"] for t in records(small_corpus, "timexes")]
    timeline = pq.read_table(out / "timeline.parquet")
    entities = timeline.schema.field("entities").type
    assert pa.types.is_list(entities) and pa.types.is_string(entities.value_type)
    df = pq.read_table(out / "arguments.parquet").to_pandas()
    assert df[df["event"] == "alpha:v4"]["entity"].tolist() == ["Delacroix; Henri Bastide", "Basel"]


def test_jsonschema_validates_the_records(small_corpus, tmp_path):
    import jsonschema

    out = export(small_corpus, "jsonschema", tmp_path / "schema")
    for layer in ("documents", *LAYERS, "timeline"):
        schema = json.loads((out / f"{layer}.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
        for record in records(small_corpus, layer):
            validator.validate(record)
    timex = json.loads((out / "timexes.schema.json").read_text(encoding="utf-8"))
    bad = {**records(small_corpus, "timexes")[0], "type": "YEAR"}
    assert "'YEAR' is not one of" in next(jsonschema.Draft202012Validator(timex).iter_errors(bad)).message


def test_unknown_format_and_missing_folder_are_usage_errors(small_corpus, tmp_path):
    result = runner.invoke(app, ["export", "--format", "conll", "--pred", str(small_corpus)])
    assert result.exit_code == 2 and "unknown --format 'conll'" in result.output
    result = runner.invoke(app, ["export", "--format", "csv", "--pred", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no such folder" in result.output


def test_default_destination(small_corpus, tmp_path):
    import shutil

    pred = tmp_path / "outputs"
    shutil.copytree(small_corpus, pred)
    assert runner.invoke(app, ["export", "--format", "jsonschema", "--pred", str(pred)]).exit_code == 0
    assert (pred / "export" / "jsonschema" / "events.schema.json").is_file()


def test_a_missing_text_stops_the_export(small_corpus, tmp_path):
    """Exports never drop a document silently: the text is needed, and --texts finds it."""
    import shutil

    pred = tmp_path / "outputs"
    shutil.copytree(small_corpus, pred)
    texts = tmp_path / "moved"
    shutil.move(str(small_corpus.parent / "texts"), texts)
    try:
        result = runner.invoke(app, ["export", "--format", "brat", "--pred", str(pred), "--out", str(tmp_path / "b")])
        assert result.exit_code == 2 and "text not found (give --texts DIR)" in " ".join(result.output.split())
        result = runner.invoke(app, ["export", "--format", "brat", "--pred", str(pred), "--out", str(tmp_path / "b"),
                                     "--texts", str(texts)])
        assert result.exit_code == 0 and (tmp_path / "b" / "alpha.ann").is_file()
    finally:
        shutil.move(str(texts), small_corpus.parent / "texts")


def test_timeml_writes_a_range_as_two_dates_and_a_duration_between_them(nlp, tmp_path):
    """SPEC's one range timex (`BEGIN/END`) is, in TimeML, a DATE per endpoint and a
    non-consuming DURATION from one to the other; the event it dates links to the DURATION."""
    from pipeline.runner import run

    text = "The rebels besieged the fortress from 1921 to 1925. Their leader was arrested in 1930.\n"
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "range.txt").write_text(text, encoding="utf-8")
    assert run([tmp_path / "texts"], tmp_path / "out", nlp=nlp).failed == 0
    [rng, single] = [(t["text"], t["value"]) for t in records(tmp_path / "out", "timexes")]
    assert (rng, single) == (("1921 to 1925", "1921/1925"), ("1930", "1930"))
    root = ET.parse(export(tmp_path / "out", "timeml", tmp_path / "tml") / "range.tml").getroot()
    assert "".join(root.find("TEXT").itertext()) == text
    timex3 = [(el.text, el.get("tid"), el.get("type"), el.get("value"), el.get("beginPoint"), el.get("endPoint"))
              for el in root.find("TEXT").iter("TIMEX3")]
    assert timex3 == [("1921", "t1a", "DATE", "1921", None, None), ("1925", "t1b", "DATE", "1925", None, None),
                      (None, "t1", "DURATION", "P5Y", "t1a", "t1b"), ("1930", "t2", "DATE", "1930", None, None)]
    links = [(l.get("eventInstanceID"), l.get("relatedToTime")) for l in root.findall("TLINK")]
    assert links == [("ei1", "t1"), ("ei2", "t2")]
    # the TimeML importer reads the two dates and passes over the non-consuming DURATION
    result = runner.invoke(app, ["gold", "import", str(tmp_path / "tml" / "range.tml"), "--format", "timeml",
                                 "--texts", str(tmp_path / "t"), "--out", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    assert [(t["text"], t["value"]) for t in records(tmp_path / "g", "timexes")] == [
        ("1921", "1921"), ("1925", "1925"), ("1930", "1930")]
