"""Inputs as corpora come (issue 15.2): folders read recursively with relative-path doc
ids, JSONL/CSV tables with id and text columns, stdin."""
from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

import pipeline.runner as runner
from pipeline.cli import app
from pipeline.sources import InputError, collect_sources

from conftest import outputs, write

TEXT_A = "Ada Lovelace met Charles Babbage in London in June 1833.\n"
TEXT_B = "The treaty was signed in Paris in March 1856.\n"


def test_folders_are_read_recursively_with_relative_path_ids(tmp_path):
    root = tmp_path / "corpus"
    write(root / "top.txt", TEXT_A)
    write(root / "a" / "001.txt", TEXT_A)
    write(root / "b" / "001.TXT", TEXT_B)
    write(root / "b" / "deeper" / "x.txt", TEXT_B)
    write(root / "b" / "notes.md", "not a document")
    write(root / ".work" / "hidden.txt", "a work area is not a corpus")
    write(root / ".draft.txt", "hidden file")
    sources = collect_sources([root])
    assert [(s.doc_id, s.label) for s in sources] == [
        ("a/001", str(root / "a" / "001.txt")), ("b/001", str(root / "b" / "001.TXT")),
        ("b/deeper/x", str(root / "b" / "deeper" / "x.txt")), ("top", str(root / "top.txt"))]


def test_a_file_named_directly_keeps_its_stem_and_collisions_are_usage_errors(tmp_path):
    write(tmp_path / "one" / "001.txt", TEXT_A)
    write(tmp_path / "two" / "001.txt", TEXT_B)
    assert [s.doc_id for s in collect_sources([tmp_path / "one" / "001.txt"])] == ["001"]
    with pytest.raises(InputError, match="two inputs share the doc id '001'"):
        collect_sources([tmp_path / "one", tmp_path / "two"])
    assert [s.doc_id for s in collect_sources([tmp_path])] == ["one/001", "two/001"]


def test_jsonl_and_csv_tables_give_one_document_per_row(tmp_path, full_nlp):
    table = tmp_path / "articles.jsonl"
    table.write_text(json.dumps({"id": "lovelace", "text": TEXT_A, "source": "x"}) + "\n\n"
                     + json.dumps({"id": 7, "text": TEXT_B}) + "\n", encoding="utf-8")
    with open(tmp_path / "more.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "body"])
        writer.writerow(["multi", "First line of a field.\nSecond line, in 1901."])
    summary = runner.run([table], tmp_path / "out", nlp=full_nlp)
    docs = outputs(tmp_path / "out")["documents"]
    assert summary.failed == 0
    assert [(d["doc_id"], d["path"], d["chars"]) for d in docs] == \
        [("7", f"{table}#2", len(TEXT_B)), ("lovelace", f"{table}#1", len(TEXT_A))]
    sentences = outputs(tmp_path / "out")["sentences"]
    assert [s["text"] for s in sentences if s["doc_id"] == "lovelace"] == [TEXT_A.strip()]
    more = collect_sources([tmp_path / "more.csv"], id_field="key", text_field="body")
    assert [(s.doc_id, s.read().text) for s in more] == [("multi", "First line of a field.\nSecond line, in 1901.")]


@pytest.mark.parametrize("content, message", [
    ('{"id": "a"}\n', "#1: no 'text' field"),
    ('{"id": "", "text": "x"}\n', "#1: the id '' is not a non-empty string"),
    ('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "two inputs share the doc id 'a'"),
    ('{"id": "a", "text": "x"}\nnot json\n', "line 2: malformed JSON"),
    ('', "no rows in table"),
])
def test_bad_tables_are_usage_errors_naming_the_row(tmp_path, content, message):
    table = write(tmp_path / "t.jsonl", content)
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        collect_sources([table])


def test_stdin_is_one_document(tmp_path, no_reload):
    result = CliRunner().invoke(app, ["run", "-", "--out", str(tmp_path / "out")], input=TEXT_B)
    assert result.exit_code == 0, result.output
    docs = outputs(tmp_path / "out")["documents"]
    assert [(d["doc_id"], d["path"], d["chars"]) for d in docs] == [("stdin", "<stdin>", len(TEXT_B))]
