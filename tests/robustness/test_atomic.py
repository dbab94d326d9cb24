"""Atomic output (issue 6): outputs are written to temporary files renamed only when
the run completes, so an interrupted run (Ctrl-C, SIGTERM, an exception) leaves the
previous outputs byte for byte and no temp files; a rerun gives byte-identical files."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.language import Language

import pipeline.outputs as outputs_mod
import pipeline.runner as runner
from pipeline.outputs import AtomicJsonlSet, OutputLock, Staging

from conftest import (OUTPUT_FILES, ROOT, SEED2, outputs, seed_paragraphs, seed_text, sigint_as_at_a_terminal, snapshot,
                      temp_files, write)


def _corpus(folder: Path, n: int, per_doc: int = 5) -> Path:
    """n documents of real paragraphs (about 4,000 characters each)."""
    paragraphs = [p for p in seed_paragraphs() if len(p) > 400]
    for i in range(n):
        body = "\n".join(paragraphs[(i * per_doc + k) % len(paragraphs)] for k in range(per_doc))
        write(folder / f"doc{i:03d}.txt", f"Document {i}\n{body}\n")
    return folder


def _previous_outputs(out: Path) -> dict[str, str]:
    """A previous run's files (valid JSONL); returns their sha256."""
    for name in OUTPUT_FILES:
        write(out / f"{name}.jsonl", json.dumps({"doc_id": "old", "id": f"old:{name}"}) + "\n")
    return snapshot(out)


def _assert_previous_intact(out: Path, before: dict[str, str]) -> None:
    assert temp_files(out) == []
    assert snapshot(out) == before
    assert all(outputs(out)[name][0]["doc_id"] == "old" for name in OUTPUT_FILES)  # readable


class _Interrupt:
    def __call__(self, doc):
        if "INTERRUPT" in doc.text:
            raise KeyboardInterrupt
        return doc


@Language.factory("robustness_test_interrupt")
def _make_interrupt(nlp, name: str):
    return _Interrupt()


def test_interrupt_in_a_stage_keeps_previous_outputs(tmp_path, full_nlp):
    corpus = _corpus(tmp_path / "in", 6, per_doc=1)
    write(corpus / "doc003.txt", "Stalin said INTERRUPT in 1930.\n")
    out = tmp_path / "out"
    before = _previous_outputs(out)
    full_nlp.add_pipe("robustness_test_interrupt", name="interrupt")
    try:
        with pytest.raises(KeyboardInterrupt):
            runner.run([corpus], out, nlp=full_nlp, batch_size=2)
    finally:
        full_nlp.remove_pipe("interrupt")
    _assert_previous_intact(out, before)


def test_interrupt_while_writing_keeps_previous_outputs(tmp_path, full_nlp, monkeypatch):
    corpus = _corpus(tmp_path / "in", 4, per_doc=1)
    out = tmp_path / "out"
    before = _previous_outputs(out)
    write_lines = AtomicJsonlSet.write_lines
    calls = []

    def write_then_interrupt(self, name, lines):
        calls.append(name)
        if len(calls) == 7:  # the outputs half assembled
            raise KeyboardInterrupt
        write_lines(self, name, lines)

    monkeypatch.setattr(AtomicJsonlSet, "write_lines", write_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        runner.run([corpus], out, nlp=full_nlp)
    _assert_previous_intact(out, before)


def test_ctrl_c_during_the_renames_is_held_until_all_are_done(tmp_path, monkeypatch):
    out = tmp_path / "out"
    _previous_outputs(out)
    lock = OutputLock(out).acquire()
    staging = Staging(lock)
    files = AtomicJsonlSet(staging, list(OUTPUT_FILES))
    for name in OUTPUT_FILES:
        files.write(name, [{"doc_id": "new", "id": f"new:{name}"}])
    files.close()
    replace = os.replace

    def replace_with_ctrl_c(src, dst):
        replace(src, dst)
        os.kill(os.getpid(), signal.SIGINT)  # arrives after the first rename

    monkeypatch.setattr(outputs_mod.os, "replace", replace_with_ctrl_c)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            staging.commit()
    finally:
        signal.signal(signal.SIGINT, previous)
        lock.release()
    assert temp_files(out) == []
    assert {name: outputs(out)[name][0]["doc_id"] for name in OUTPUT_FILES} == dict.fromkeys(OUTPUT_FILES, "new")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_to_a_cli_run_keeps_previous_outputs(tmp_path, signum):
    # far more documents than a run finishes between the first result and the signal, on
    # an idle machine or a loaded one (the run is interrupted: the size costs nothing)
    corpus = _corpus(tmp_path / "in", 120)
    out = tmp_path / "out"
    before = _previous_outputs(out)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out),
                             "--batch-size", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=sigint_as_at_a_terminal,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"})
    try:
        deadline = time.monotonic() + 120
        while not (out / ".work" / "manifest.jsonl").exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the run never finished a document"
            time.sleep(0.05)
        proc.send_signal(signum)  # some documents finished, most of the corpus still to do
        _, stderr = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr
    assert f"interrupted: {out} keeps the outputs of the last completed run" in stderr.splitlines()
    assert "Traceback" not in stderr
    _assert_previous_intact(out, before)


def _mixed_corpus(folder: Path) -> Path:
    write(folder / "002_7a24aecd84c9c6ad.txt", SEED2.read_bytes())
    write(folder / "crlf.txt", "\r\n".join(seed_paragraphs()[:12]).encode())
    write(folder / "empty.txt", b"")
    write(folder / "latin1.txt", "Caf\xe9 Pushkin".encode("latin-1"))
    return folder


def test_rerun_gives_byte_identical_files(tmp_path, full_nlp, monkeypatch):
    folder = _mixed_corpus(tmp_path / "in")
    monkeypatch.setattr(runner, "CHUNK_CHARS", 8_000)  # the chunked path too
    assert len(seed_text(SEED2)) > 8_000
    out = tmp_path / "out"
    runner.run([folder], out, nlp=full_nlp)
    first = snapshot(out)
    assert sorted(first) == sorted(f"{name}.jsonl" for name in OUTPUT_FILES)
    assert outputs(out)["timeline"] and outputs(out)["events"]
    runner.run([folder], out, nlp=full_nlp)
    assert snapshot(out) == first


def test_worker_processes_give_the_same_files_and_never_hang(tmp_path, full_nlp):
    """--n-process 2 with an unreadable file: the error used to travel to the workers
    in the pipe's context, fail to unpickle there and hang the run for ever."""
    folder = _mixed_corpus(tmp_path / "in")
    runner.run([folder], tmp_path / "out1", nlp=full_nlp)
    result = subprocess.run([sys.executable, "-m", "pipeline", "run", str(folder), "--out", str(tmp_path / "out2"),
                             "--n-process", "2"], cwd=ROOT, capture_output=True, text=True, timeout=180,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"})
    assert result.returncode == 1, result.stderr
    assert f"failed: {folder / 'latin1.txt'}: not valid UTF-8 at byte 3 (invalid continuation byte)" in \
        result.stderr.splitlines()
    assert snapshot(tmp_path / "out2") == snapshot(tmp_path / "out1")
