"""Resumable, incremental runs (issue 15.1): each finished document is kept in the work
area; a killed run loses only the documents in flight, a rerun reprocesses only what is
not current and assembles byte-identical outputs."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pipeline.runner as runner
from pipeline.workarea import MANIFEST, WORK_DIR

from conftest import OUTPUT_FILES, ROOT, SEED2, outputs, seed_paragraphs, sigint_as_at_a_terminal, snapshot, temp_files, write


def corpus(folder: Path, n: int, per_doc: int = 2, offset: int = 0) -> Path:
    """n documents of real paragraphs, each a different mix."""
    paragraphs = [p for p in seed_paragraphs() if len(p) > 300]
    for i in range(offset, offset + n):
        body = "\n".join(paragraphs[(i * 3 + k) % len(paragraphs)] for k in range(per_doc))
        write(folder / f"doc{i:03d}.txt", f"Part {i}\n{body}\n")
    return folder


def manifest_ids(out: Path) -> list[str]:
    """doc ids of the complete lines of the manifest (a killed run may leave a torn one)."""
    path = out / WORK_DIR / MANIFEST
    if not path.exists():
        return []
    import json
    ids = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            ids.append(json.loads(line)["doc_id"])
        except ValueError:
            pass
    return ids


def cli(*args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=sigint_as_at_a_terminal,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}, **kwargs)


def processed_line(stderr: str) -> str:
    return next(line.strip() for line in stderr.splitlines() if " processed (" in line)


def test_sigkill_mid_corpus_then_rerun_is_byte_identical_and_redoes_only_the_rest(tmp_path, full_nlp):
    folder = corpus(tmp_path / "in", 12)
    runner.run([folder], tmp_path / "reference", nlp=full_nlp)
    out = tmp_path / "out"
    write(out / "documents.jsonl", '{"doc_id": "old", "id": "old"}\n')
    before = snapshot(out)
    proc = cli(folder, "--out", out)
    try:
        deadline = time.monotonic() + 180
        while len(manifest_ids(out)) < 3:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no document finished"
            time.sleep(0.02)
        proc.kill()  # SIGKILL: nothing of the run's own clean-up happens
        proc.communicate(timeout=60)
    finally:
        proc.kill()
    finished = manifest_ids(out)
    assert 3 <= len(finished) < 12
    assert snapshot(out) == before  # mid-corpus: the previous outputs are still there
    kept = {p.name: p.stat().st_ino for p in (out / WORK_DIR / "results").iterdir()}

    rerun = cli(folder, "--out", out)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    assert processed_line(stderr).startswith(f"{12 - len(finished)} processed (")
    assert processed_line(stderr).endswith(f"{len(finished)} reused")
    for name, inode in kept.items():  # the finished documents were not written again
        assert (out / WORK_DIR / "results" / name).stat().st_ino == inode
    assert temp_files(out) == []
    assert snapshot(out) == snapshot(tmp_path / "reference")


def test_adding_a_document_processes_only_it(tmp_path, full_nlp):
    folder = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    seen = []
    first = runner.run([folder], out, nlp=full_nlp, on_document=lambda r: seen.append(r.doc_id))
    assert (first.processed, first.reused, seen) == (3, 0, ["doc000", "doc001", "doc002"])
    write(folder / "doc001b.txt", "Ada Lovelace met Charles Babbage in London in June 1833.\n")
    seen.clear()
    second = runner.run([folder], out, nlp=full_nlp, on_document=lambda r: seen.append(r.doc_id))
    assert (second.processed, second.reused, seen) == (1, 3, ["doc001b"])
    assert [d["doc_id"] for d in outputs(out)["documents"]] == ["doc000", "doc001", "doc001b", "doc002"]
    runner.run([folder], tmp_path / "fresh", nlp=full_nlp, resume=False)
    assert snapshot(out) == snapshot(tmp_path / "fresh")


def test_a_changed_document_failed_ones_and_new_settings_are_processed_again(tmp_path, full_nlp, monkeypatch):
    folder = corpus(tmp_path / "in", 3)
    write(folder / "latin1.txt", "Caf\xe9 Pushkin".encode("latin-1"))
    out = tmp_path / "out"
    first = runner.run([folder], out, nlp=full_nlp)
    assert (first.processed, first.failed) == (4, 1)
    write(folder / "doc002.txt", "Part 2 again\nThe treaty was signed in Paris in 1856.\n")
    seen = []
    again = runner.run([folder], out, nlp=full_nlp, on_document=lambda r: seen.append(r.doc_id))
    assert seen == ["doc002", "latin1"]  # changed bytes, and a failure is never current
    assert outputs(out)["sentences"][-1]["text"] == "The treaty was signed in Paris in 1856."
    monkeypatch.setattr(runner, "CHUNK_CHARS", 500)  # another setting: every result is stale
    assert runner.run([folder], out, nlp=full_nlp).processed == 4
    assert runner.run([folder], out, nlp=full_nlp, resume=False).processed == 4


def test_results_of_documents_left_out_are_kept_for_when_they_return(tmp_path, full_nlp):
    folder = corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    runner.run([folder], out, nlp=full_nlp)
    only = runner.run([folder / "doc001.txt"], out, nlp=full_nlp)
    assert (only.processed, only.reused) == (0, 1)
    assert [d["doc_id"] for d in outputs(out)["documents"]] == ["doc001"]  # the outputs are this run's inputs
    both = runner.run([folder], out, nlp=full_nlp)
    assert (both.processed, both.reused) == (0, 2)


def test_a_damaged_result_is_processed_again_not_assembled(tmp_path, full_nlp):
    folder = corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    runner.run([folder], out, nlp=full_nlp)
    reference = snapshot(out)
    results = sorted((out / WORK_DIR / "results").iterdir())
    results[0].write_text("", encoding="utf-8")  # e.g. a power cut before the data reached the disk
    summary = runner.run([folder], out, nlp=full_nlp)
    assert (summary.processed, summary.reused) == (1, 1)
    assert snapshot(out) == reference


def test_an_interrupted_in_process_run_keeps_its_finished_documents(tmp_path, full_nlp, monkeypatch):
    folder = corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    done = []

    def interrupt_after_two(result):
        done.append(result.doc_id)
        if len(done) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runner.run([folder], out, nlp=full_nlp, on_document=interrupt_after_two)
    assert not (out / "documents.jsonl").exists() and temp_files(out) == []
    assert manifest_ids(out) == ["doc000", "doc001"]
    seen = []
    runner.run([folder], out, nlp=full_nlp, on_document=lambda r: seen.append(r.doc_id))
    assert seen == ["doc002", "doc003"]
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == sorted(f"{n}.jsonl" for n in OUTPUT_FILES)
