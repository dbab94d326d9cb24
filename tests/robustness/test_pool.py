"""Worker processes that cannot hang the run (issue 17.1) and keep busy whatever the
mix of lengths (issue 15.3): our own pool replaces spaCy's n_process."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from spacy.language import Language

import pipeline.runner as runner
from pipeline.sources import Source

from conftest import SEED2, outputs, seed_text, snapshot, write
from test_resume import cli, corpus, manifest_ids


class _KillMe:
    """Kills the process it runs in when a text says so -- only in a worker, as the
    out-of-memory killer would (SIGKILL cannot be caught)."""

    def __init__(self, main_pid: int):
        self.main_pid = main_pid

    def __call__(self, doc):
        if "KILLME" in doc.text and os.getpid() != self.main_pid:
            os.kill(os.getpid(), signal.SIGKILL)
        return doc


@Language.factory("pool_test_kill_me")
def _make_kill_me(nlp, name: str, main_pid: int):
    return _KillMe(main_pid)


def _mixed(folder: Path) -> Path:
    write(folder / "002_7a24aecd84c9c6ad.txt", SEED2.read_bytes())
    write(folder / "empty.txt", b"")
    write(folder / "latin1.txt", "Caf\xe9 Pushkin".encode("latin-1"))
    return corpus(folder, 5)


def test_two_workers_give_the_files_of_one_process(tmp_path, full_nlp, monkeypatch):
    folder = _mixed(tmp_path / "in")
    monkeypatch.setattr(runner, "CHUNK_CHARS", 8_000)  # the long seed in chunks too
    one = runner.run([folder], tmp_path / "one", nlp=full_nlp)
    two = runner.run([folder], tmp_path / "two", nlp=full_nlp, n_process=2, batch_size=2)
    assert (one.failed, two.failed, two.processed) == (1, 1, 8)
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "one")


def test_tasks_go_longest_first_in_batches_of_similar_size():
    sources = [Source(f"d{n}", f"d{n}", data=b"x" * n) for n in (5, 50, 1, 500, 60, 9, 70, 3, 2)]
    tasks = runner.plan_tasks(sources, 2)
    assert [[s.doc_id for s in task] for task in tasks] == [["d500", "d70"], ["d60", "d50"], ["d9", "d5"],
                                                            ["d3", "d2"], ["d1"]]


def test_a_small_corpus_gives_every_worker_tasks():
    """Eight documents at a batch size of 16 would be one task: one worker of two idle."""
    sources = [Source(f"d{n}", f"d{n}", data=b"x" * n) for n in range(1, 9)]
    assert [len(task) for task in runner.plan_tasks(sources, 16, workers=2)] == [1] * 8
    assert [len(task) for task in runner.plan_tasks(sources * 2, 16, workers=2)] == [2] * 8
    assert [len(task) for task in runner.plan_tasks(sources * 20, 16, workers=2)] == [16] * 10


def test_tasks_of_a_minimum_size_gather_short_documents():
    """A Dask task costs a scheduler round trip: short documents travel together."""
    sources = [Source(f"d{n}", f"d{n}", data=b"x" * n) for n in (5, 50, 1, 500, 50, 7)]
    tasks = runner.plan_tasks(sources, 1, min_bytes=60)
    assert [[s.doc_id for s in task] for task in tasks] == [["d500"], ["d50", "d50"], ["d7", "d5", "d1"]]


@pytest.mark.parametrize("batch_size", [1, 3])
def test_a_killed_worker_fails_only_its_document(tmp_path, full_nlp, batch_size):
    folder = corpus(tmp_path / "in", 5)
    write(folder / "doc002.txt", "Part 2\nThe KILLME treaty was signed in 1856.\n")
    full_nlp.add_pipe("pool_test_kill_me", name="kill_me", config={"main_pid": os.getpid()})
    try:
        summary = runner.run([folder], tmp_path / "out", nlp=full_nlp, n_process=2, batch_size=batch_size)
    finally:
        full_nlp.remove_pipe("kill_me")
    error = (f"{folder / 'doc002.txt'}: worker process died while processing it "
             "(killed by SIGKILL, e.g. by the out-of-memory killer)")
    assert (summary.documents, summary.failed, summary.errors) == (5, 1, [error])
    docs = outputs(tmp_path / "out")["documents"]
    assert [(d["doc_id"], d["status"]) for d in docs] == \
        [(f"doc{i:03d}", "failed" if i == 2 else "ok") for i in range(5)]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_ends_a_two_process_run_within_seconds(tmp_path, signum):
    folder = corpus(tmp_path / "in", 90, per_doc=4)  # never all done before the signal, even idle
    out = tmp_path / "out"
    write(out / "documents.jsonl", '{"doc_id": "old", "id": "old"}\n')
    before = snapshot(out)
    proc = cli(folder, "--out", out, "--n-process", "2")
    try:
        deadline = time.monotonic() + 180
        while not manifest_ids(out):  # the workers are at work
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no document finished"
            time.sleep(0.05)
        workers = _children(proc.pid)
        assert len(workers) == 2
        sent = time.monotonic()
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=60)
        took = time.monotonic() - sent
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr
    assert took < 10, took
    assert "Traceback" not in stderr
    assert snapshot(out) == before
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]  # no worker left behind
