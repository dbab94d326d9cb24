"""Bad files (issue 6): one bad document is recorded as failed with a clear error and
never stops the others; empty files and control characters are ordinary documents."""
from __future__ import annotations

import codecs

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import pipeline.runner as runner
from pipeline.cli import app

from conftest import outputs, span_problems, write

GOOD = "Joseph Stalin was born in Gori in 1878. He was arrested in August 1903 by the police.\n"


def test_invalid_utf8_is_a_failed_document_and_the_others_are_written(tmp_path, no_reload):
    folder = tmp_path / "scraped"
    good = write(folder / "a_good.txt", GOOD)
    bad = write(folder / "b_latin1.txt", "Lenin died in 1924. Caf".encode() + b"\xe9 Pushkin\n")
    bom = write(folder / "c_bom.txt", codecs.BOM_UTF8 + b"Trotsky \xc3(")
    last = write(folder / "d_good.txt", "Lenin died in Gorki in January 1924.\n")
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    bad_error = f"{bad}: not valid UTF-8 at byte 23 (invalid continuation byte)"
    bom_error = f"{bom}: not valid UTF-8 at byte 11 (invalid continuation byte)"  # the BOM's 3 bytes count
    failed_lines = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert failed_lines == [f"failed: {bad_error}", f"failed: {bom_error}"]

    out = outputs(tmp_path / "out")
    docs = {d["doc_id"]: d for d in out["documents"]}
    assert [d["doc_id"] for d in out["documents"]] == ["a_good", "b_latin1", "c_bom", "d_good"]
    for doc_id, error in (("b_latin1", bad_error), ("c_bom", bom_error)):
        assert {k: docs[doc_id][k] for k in ("status", "error", "sentences", "sha256", "chars")} == \
            {"status": "failed", "error": error, "sentences": 0, "sha256": None, "chars": None}
        assert not [r for layer in ("sentences", "entities", "timexes", "events") for r in out[layer]
                    if r["doc_id"] == doc_id]
    for doc_id, path in (("a_good", good), ("d_good", last)):
        assert docs[doc_id]["status"] == "ok" and docs[doc_id]["error"] is None
        assert docs[doc_id]["path"] == str(path)
    assert [s["text"] for s in out["sentences"] if s["doc_id"] == "a_good"] == \
        ["Joseph Stalin was born in Gori in 1878.", "He was arrested in August 1903 by the police."]
    assert [s["text"] for s in out["sentences"] if s["doc_id"] == "d_good"] == ["Lenin died in Gorki in January 1924."]


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n \n",
                                  "\u00a0\u2003\u3000\n".encode()], ids=["empty", "blank", "bom", "bom-blank", "unicode-spaces"])
def test_empty_or_blank_file_is_ok_with_zero_sentences(tmp_path, full_nlp, data):
    path = write(tmp_path / "in" / "blank.txt", data)
    summary = runner.run([path], tmp_path / "out", nlp=full_nlp)
    assert (summary.documents, summary.failed) == (1, 0)
    out = outputs(tmp_path / "out")
    text = data.decode("utf-8-sig")
    (doc,) = out["documents"]
    assert {k: doc[k] for k in ("doc_id", "status", "error", "sentences", "chars")} == \
        {"doc_id": "blank", "status": "ok", "error": None, "sentences": 0, "chars": len(text)}
    assert all(out[layer] == [] for layer in ("sentences", "entities", "timexes", "events", "timeline"))


CONTROL = ("Joseph Stalin\x00 was born in Gori\x01 in 1878.\x02\x03 He\x07 met Lenin\x1b[31m in 1905.\x7f\n"
           "\x00\x00\x00\n"
           "Trotsky\x0bwas exiled\x0cin 1929\x1c.\x1d\x1e\x1f Molotov\x85signed\u2028the pact\u2029in 1939.\n"
           "In\x08 August 1903 he was\ufeff arrested\u200b by the police\u200d in Batumi.\x00")


def test_control_characters_and_nul_do_not_crash_any_stage(tmp_path, full_nlp):
    path = write(tmp_path / "in" / "control.txt", CONTROL)
    summary = runner.run([path], tmp_path / "out", nlp=full_nlp)
    assert (summary.documents, summary.failed, summary.errors) == (1, 0, [])
    out = outputs(tmp_path / "out")
    assert out["documents"][0]["status"] == "ok" and out["documents"][0]["chars"] == len(CONTROL)
    assert out["sentences"] and out["entities"] and out["timexes"]
    assert span_problems(CONTROL, out) == []
    assert all(s["text"] == s["text"].strip() for s in out["sentences"])


class _Boom:
    """A stage that raises on documents containing BOOM; with_pipe=True it also has a
    .pipe method, so spaCy runs it without any error handler (like its parser and ner)."""

    def __init__(self, with_pipe: bool):
        if with_pipe:
            self.pipe = lambda docs, **kwargs: (self(doc) for doc in docs)

    def __call__(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("cannot handle BOOM")
        return doc


@Language.factory("robustness_test_boom", default_config={"with_pipe": False})
def _make_boom(nlp, name: str, with_pipe: bool):
    return _Boom(with_pipe)


@pytest.mark.parametrize("with_pipe", [False, True], ids=["handled-by-spacy", "unhandled"])
def test_a_stage_that_raises_fails_only_its_document(tmp_path, full_nlp, monkeypatch, with_pipe):
    folder = tmp_path / "in"
    for i in range(5):
        write(folder / f"doc{i}.txt", GOOD if i != 2 else "Stalin said BOOM in 1930.\n")
    retried = []
    retry = runner._retry
    monkeypatch.setattr(runner, "_retry", lambda nlp, document, size: (retried.append(document.doc_id),
                                                                       retry(nlp, document, size))[1])
    full_nlp.add_pipe("robustness_test_boom", name="boom", config={"with_pipe": with_pipe})
    try:
        summary = runner.run([folder], tmp_path / "out", nlp=full_nlp, batch_size=4)
    finally:
        full_nlp.remove_pipe("boom")
    # a stage spaCy can guard only drops its Doc and the stream goes on; one it cannot
    # guard ends its batch (doc0-doc3), whose documents still to come are run one at a
    # time; the next batch (doc4) is batched again. (doc4's text is doc3's: a Doc is
    # not matched to the wrong one.)
    assert retried == (["doc2", "doc3"] if with_pipe else ["doc2"])
    error = f"{folder / 'doc2.txt'}: stage boom failed: ValueError: cannot handle BOOM"
    assert (summary.documents, summary.failed, summary.errors) == (5, 1, [error])
    out = outputs(tmp_path / "out")
    assert [(d["doc_id"], d["status"], d["error"]) for d in out["documents"]] == \
        [(f"doc{i}", "ok", None) if i != 2 else ("doc2", "failed", error) for i in range(5)]
    for i in (0, 1, 3, 4):  # the documents batched with the failing one are complete
        assert [s["text"] for s in out["sentences"] if s["doc_id"] == f"doc{i}"] == \
            ["Joseph Stalin was born in Gori in 1878.", "He was arrested in August 1903 by the police."]
