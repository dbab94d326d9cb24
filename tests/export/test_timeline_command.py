"""`python -m pipeline timeline`: filters by family, entity (any referent, any mention
form) and document, in table, CSV and JSON; rows carry `latest`; summaries name roles."""
import csv
import io
import json

import srsly
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.events.timeline import summary

runner = CliRunner()


def timeline(out, *args: str):
    result = runner.invoke(app, ["timeline", "--out", str(out), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def events_of(rows):
    return [r["event"] for r in rows]


def test_rows_carry_the_interval_and_ordered_roles(small_corpus):
    rows = timeline(small_corpus)
    assert [(r["event"], r["earliest"], r["latest"]) for r in rows] == [
        ("alpha:v1", "1871-03-01", "1871-03-31"), ("alpha:v2", "1872-01-01", "1872-12-31"),
        ("alpha:v3", "1874-01-01", "1874-12-31"), ("alpha:v4", "1876-01-01", "1876-12-31"),
        ("alpha:v5", "1880-01-01", "1880-12-31"), ("beta:v1", "1890-01-01", "1890-12-31"),
        ("beta:v2", "1895-01-01", "1895-12-31"), ("beta:v3", "1899-05-01", "1899-05-31")]
    by_id = {r["event"]: r for r in rows}
    # the two referents of `they` are named apart, the destination after them
    assert by_id["alpha:v4"]["summary"] == "Transport: moved (Artifact: Delacroix, Henri Bastide; Destination: Basel)"
    assert by_id["alpha:v4"]["entities"] == ["Basel", "Delacroix", "Henri Bastide"]
    # the bare surname takes the canonical name of the person named in full (SPEC 2)
    assert by_id["alpha:v5"]["summary"] == "Elect: elected (Person: Henri Bastide; Entity: Académie de Bâle)"


def test_summary_orders_roles_as_the_type_lists_them():
    event = {"type": "Transaction.Transfer-Ownership", "trigger": {"text": "sold"}, "arguments": [
        {"role": "Place", "start": 40, "end": 45, "text": "Arles", "entity": "Arles"},
        {"role": "Artifact", "start": 20, "end": 30, "text": "the mills", "entity": "the mills"},
        {"role": "Seller", "start": 0, "end": 5, "text": "Ilse", "entity": "Ilse Varga"},
        {"role": "Buyer", "start": 10, "end": 15, "text": "they", "entity": "Tomas Berg; Pia Berg"}]}
    assert summary(event) == ("Transfer-Ownership: sold (Buyer: Tomas Berg, Pia Berg; Seller: Ilse Varga; "
                              "Artifact: the mills; Place: Arles)")


def test_family_subtype_and_full_type(small_corpus):
    assert events_of(timeline(small_corpus, "--type", "Justice")) == ["alpha:v1", "alpha:v2", "beta:v3"]
    assert events_of(timeline(small_corpus, "--type", "justice")) == ["alpha:v1", "alpha:v2", "beta:v3"]
    assert events_of(timeline(small_corpus, "--type", "Arrest-Jail")) == ["alpha:v1", "beta:v3"]
    assert events_of(timeline(small_corpus, "--type", "Personnel.Elect")) == ["alpha:v5", "beta:v2"]
    assert timeline(small_corpus, "--type", "Conflict") == []


def test_entity_by_any_mention_form(small_corpus):
    """`Lindqvist` is how the text writes `Oskar Lindqvist` after the first mention."""
    rows = timeline(small_corpus, "--entity", "Lindqvist")
    assert events_of(rows) == ["beta:v1", "beta:v2", "beta:v3"]
    assert {e for r in rows for e in r["entities"]} >= {"Oskar Lindqvist"}
    assert events_of(timeline(small_corpus, "--entity", "oskar lindqvist")) == ["beta:v1", "beta:v2", "beta:v3"]


def test_entity_by_any_referent_of_a_plural_argument(small_corpus):
    """`they` of `they moved` is `Delacroix; Henri Bastide`: either name finds the move."""
    assert events_of(timeline(small_corpus, "--entity", "Henri Bastide")) == ["alpha:v3", "alpha:v4", "alpha:v5"]
    assert events_of(timeline(small_corpus, "--entity", "Delacroix")) == ["alpha:v1", "alpha:v2", "alpha:v3",
                                                                          "alpha:v4"]
    assert events_of(timeline(small_corpus, "--entity", "Académie de Bâle")) == ["alpha:v5"]


def test_doc_and_combined_filters(small_corpus):
    assert events_of(timeline(small_corpus, "--doc", "beta")) == ["beta:v1", "beta:v2", "beta:v3"]
    assert events_of(timeline(small_corpus, "--doc", "beta", "--type", "Justice")) == ["beta:v3"]
    assert timeline(small_corpus, "--doc", "gamma") == []


def test_csv_format(small_corpus):
    result = runner.invoke(app, ["timeline", "--out", str(small_corpus), "--format", "csv", "--type", "Life"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["event"], r["earliest"], r["latest"], r["entities"]) for r in rows] == [
        ("alpha:v3", "1874-01-01", "1874-12-31", "Delacroix; Geneva; Henri Bastide")]
    assert list(rows[0]) == ["earliest", "latest", "value", "type", "summary", "entities", "doc_id", "event",
                             "sentence"]


def test_table_format_keeps_ids_whole_at_80_columns(small_corpus):
    result = runner.invoke(app, ["timeline", "--out", str(small_corpus), "--entity", "Lindqvist"],
                           env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "timeline (3 events)" in result.stdout
    assert "…" not in result.stdout
    flat = "".join(result.stdout.split())  # folded cells: the id's characters in order
    assert "beta:v3" in flat.replace("│", "")


def test_missing_timeline_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["timeline", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "timeline.jsonl not found" in " ".join(result.output.split())


def test_jsonl_is_utf8_without_escapes(small_corpus):
    raw = (small_corpus / "entities.jsonl").read_bytes()
    assert "Académie de Bâle".encode("utf-8") in raw and b"\\u00" not in raw
    assert [r["text"] for r in srsly.read_jsonl(small_corpus / "entities.jsonl") if r["label"] == "ORG"] == [
        "Académie de Bâle"]
