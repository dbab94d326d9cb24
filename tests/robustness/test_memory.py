"""Memory that must not grow with the corpus (issue 5): the timeline is sorted through
spilled runs, the runner keeps no serialised Docs, and no Doc outlives its document.
These check the behaviour that makes it so; the memory figures themselves are
measured by `make bench`."""
from __future__ import annotations

import gc
import os
import weakref

import pytest
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.allocator as allocator
import pipeline.outputs as outputs_mod
import pipeline.runner as runner
from pipeline.outputs import SortedLines
from spacy.tokens import Doc

from conftest import SEED2, outputs, seed_paragraphs, snapshot, write

keys = st.lists(st.tuples(st.sampled_from(["", "1903-08-01", "1917", "1917-10-25"]),
                          st.sampled_from(["a", "b"]), st.integers(0, 3)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(keys=keys, limit=st.integers(1, 7))
def test_spilled_runs_merge_like_a_stable_sort(tmp_path_factory, keys, limit):
    folder = tmp_path_factory.mktemp("spill")
    lines = SortedLines(folder, limit=limit)
    records = [{"key": list(k), "n": n, "tab": "a\tb"} for n, k in enumerate(keys)]
    for rec in records:
        lines.add(rec["key"], rec)
    assert len(lines.runs) == len(keys) // limit
    assert list(lines) == [srsly.json_dumps(r) for r in sorted(records, key=lambda r: r["key"])]
    assert lines.runs == [] and os.listdir(folder) == []  # anonymous files, closed and gone


def test_a_spilled_timeline_is_byte_identical(tmp_path, full_nlp, monkeypatch):
    folder = tmp_path / "in"
    for i, start in enumerate(range(0, 24, 6)):
        write(folder / f"doc{i}.txt", "\n".join(seed_paragraphs(SEED2)[start:start + 6]) + "\n")
    runner.run([folder], tmp_path / "whole", nlp=full_nlp)
    rows = len(outputs(tmp_path / "whole")["timeline"])
    assert rows > 20
    spills = []
    spill = SortedLines._spill
    monkeypatch.setattr(SortedLines, "_spill", lambda self: (spills.append(len(self.buffer)), spill(self)))
    monkeypatch.setattr(outputs_mod, "SPILL_ROWS", 5)
    runner.run([folder], tmp_path / "spilled", nlp=full_nlp)
    assert len(spills) == rows // 5 and set(spills) == {5}
    assert snapshot(tmp_path / "spilled") == snapshot(tmp_path / "whole")
    assert sorted(os.listdir(tmp_path / "spilled")) == sorted(os.listdir(tmp_path / "whole"))


def test_spacy_is_fed_plain_texts(tmp_path, full_nlp, monkeypatch):
    """With (text, context) tuples spaCy tokenises in this process and sends workers a
    serialised Doc, which its multiprocessing buffer keeps for up to 57 documents."""
    fed = []
    pipe = full_nlp.pipe

    def recording_pipe(texts, **kwargs):
        assert "as_tuples" not in kwargs
        return pipe((fed.append(type(t).__name__) or t for t in texts), **kwargs)

    monkeypatch.setattr(full_nlp, "pipe", recording_pipe)
    write(tmp_path / "in" / "a.txt", "Joseph Stalin was born in Gori in 1878.\n")
    write(tmp_path / "in" / "b.txt", "He was arrested in August 1903.\n")
    runner.run([tmp_path / "in"], tmp_path / "out", nlp=full_nlp)
    assert fed == ["str", "str"]
    assert [d["status"] for d in outputs(tmp_path / "out")["documents"]] == ["ok", "ok"]


def test_the_runner_drops_vectors_the_python_pipeline_keeps(full_nlp):
    batch = runner.load_pipeline()
    assert batch.pipe_names.index("doc_cleaner") == batch.pipe_names.index("ner") + 1
    assert batch("Joseph Stalin was born in Gori.").tensor is None
    assert "doc_cleaner" not in full_nlp.pipe_names
    assert full_nlp("Joseph Stalin was born in Gori.").tensor.shape == (7, 96)


def test_no_stage_keeps_the_doc_it_processed(full_nlp):
    doc = full_nlp("Joseph Stalin was born in Gori in 1878. He was arrested in August 1903.")
    assert [e["type"] for e in doc._.events]  # the event stage indexed its entities
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_no_doc_is_alive_when_the_next_document_is_read(tmp_path, full_nlp, monkeypatch):
    """spaCy's one-generator-per-component chain keeps the last Doc until the next one
    arrives; the runner gives each batch its own nlp.pipe call instead (batches of two:
    `c` is read, to see whether it fits the first batch, before a Doc is made)."""
    for name, text in [("a", "Joseph Stalin was born in Gori in 1878.\n"),
                       ("b", "He was arrested in August 1903.\n"), ("c", "He died in 1953.\n")]:
        write(tmp_path / "in" / f"{name}.txt", text)
    alive = []
    read = runner._read

    def docs_alive() -> int:  # other tests' fixtures may hold Docs of their own
        gc.collect()
        return sum(isinstance(o, Doc) for o in gc.get_objects())

    def counting_read(path, size):
        alive.append(docs_alive())
        return read(path, size)

    monkeypatch.setattr(runner, "_read", counting_read)
    before = docs_alive()
    runner.run([tmp_path / "in"], tmp_path / "out", nlp=full_nlp, batch_size=2)
    assert alive == [before] * 3
    assert [d["status"] for d in outputs(tmp_path / "out")["documents"]] == ["ok", "ok", "ok"]


def test_a_threshold_the_user_set_is_left_to_the_user(monkeypatch):
    if not _glibc():
        pytest.skip("malloc thresholds are glibc's")
    monkeypatch.delenv("GLIBC_TUNABLES", raising=False)
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    assert allocator.tune_malloc() == {"mmap_threshold": False, "trim_threshold": True}
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_")
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    assert allocator.tune_malloc() == {"mmap_threshold": True, "trim_threshold": False}
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_")
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=65536:glibc.malloc.trim_threshold=65536")
    assert allocator.tune_malloc() == {"mmap_threshold": False, "trim_threshold": False}


def test_both_thresholds_are_set_on_glibc_and_nothing_elsewhere(monkeypatch):
    for name in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    expected = _glibc()
    assert allocator.tune_malloc() == {"mmap_threshold": expected, "trim_threshold": expected}


def _glibc() -> bool:
    import platform
    return platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


def test_new_words_do_not_grow_the_string_store(tmp_path, full_nlp):
    """Issue 15.7: every document of a corpus of different texts brings word types the
    vocabulary has not seen; the runner frees them after each batch (memory zones)."""
    for i in range(6):  # invented names and words: new strings for sure
        write(tmp_path / "in" / f"d{i}.txt",
              f"Vorbatz{i}ek Quillimer{i} sailed from Trangov{i}a to Pelmsk{i}oi in June 18{i}4.\n"
              f"The zarnith{i}ic council of Ostrel{i}um met him there.\n")
    runner.run([tmp_path / "in"], tmp_path / "first", nlp=full_nlp)  # lazy initialisation done
    for i in range(6, 12):
        write(tmp_path / "more" / f"d{i}.txt", f"Brelgosk{i}a Umbrit{i}on wrote to Fennivar{i}dt in May 19{i}.\n")
    before = len(full_nlp.vocab.strings)
    summary = runner.run([tmp_path / "more"], tmp_path / "out", nlp=full_nlp)
    assert (summary.processed, summary.failed) == (6, 0)
    assert len(full_nlp.vocab.strings) == before
    assert "Brelgosk6a" not in full_nlp.vocab.strings
    assert "Brelgosk6a Umbrit6on wrote to Fennivar6dt in May 196." in \
        [s["text"] for s in outputs(tmp_path / "out")["sentences"]]


@pytest.mark.parametrize("lengths, size, max_chars, batches", [
    ([3, 3, 3, 3, 3], 2, 100, [[3, 3], [3, 3], [3]]),    # the count ends a batch
    ([40, 40, 40, 10], 16, 100, [[40, 40], [40, 10]]),  # the characters do
    ([10, 250, 10, 10], 16, 100, [[10], [250], [10, 10]]),  # a long chunk goes alone, in its place
    ([], 16, 100, []),
])
def test_batches_are_bounded_by_count_and_characters(lengths, size, max_chars, batches):
    chunks = [(i, 0, "x" * n) for i, n in enumerate(lengths)]
    got = list(runner.chunk_batches(iter(chunks), size, max_chars))
    assert [[len(text) for _, _, text in batch] for batch in got] == batches
    assert [chunk for batch in got for chunk in batch] == chunks  # order kept
