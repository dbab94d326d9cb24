"""Paths (issue 6): usage problems stop the run before any work, with exit 2 and one
line naming the path; output files are not touched."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline.runner as runner
from pipeline.cli import app

from conftest import snapshot, write


def cli(*args: str):
    return CliRunner().invoke(app, ["run", *map(str, args)])


@pytest.fixture
def previous_outputs(tmp_path: Path) -> Path:
    """An output folder holding a previous run's files (and their mtimes, set in the past)."""
    out = tmp_path / "out"
    for name in ("documents", "sentences", "entities", "timexes", "events", "timeline"):
        write(out / f"{name}.jsonl", f'{{"doc_id": "old", "id": "old:{name}"}}\n')
        os.utime(out / f"{name}.jsonl", (1_000_000_000, 1_000_000_000))
    return out


@pytest.fixture
def model_never_loaded(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the model was loaded although the inputs are unusable")
    monkeypatch.setattr(runner, "load", fail)


def assert_untouched(out: Path, before: dict[str, str]) -> None:
    """The output files are as they were (the lock's folder .histextract may be new)."""
    assert snapshot(out) == before
    assert all(p.stat().st_mtime == 1_000_000_000 for p in out.iterdir() if p.name != ".histextract")


def test_missing_path_is_exit_2_with_one_line(tmp_path, previous_outputs, model_never_loaded):
    # long (wider than the 80-column console) and with rich-markup look-alikes in it
    missing = tmp_path / f"scraped [who?] [/] {'x' * 120}.txt"
    before = snapshot(previous_outputs)
    result = cli(missing, "--out", previous_outputs)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: no such file or folder: {missing}"]
    assert_untouched(previous_outputs, before)


def test_missing_one_of_several_paths_names_it(tmp_path, model_never_loaded):
    good = write(tmp_path / "in" / "a.txt", "Lenin died in 1924.\n")
    result = cli(good, tmp_path / "nope", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: no such file or folder: {tmp_path / 'nope'}"]
    assert not (tmp_path / "out").exists()


def test_folder_without_txt_files_is_exit_2(tmp_path, model_never_loaded):
    folder = tmp_path / "scraped"
    write(folder / "page.html", "<p>Stalin</p>")
    write(folder / "notes.TXT.bak", "Stalin")
    (folder / "sub.txt").mkdir()  # a folder named like a document is not one
    result = cli(folder, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: no .txt files in folder: {folder}"]
    assert not (tmp_path / "out").exists()


def test_duplicate_doc_ids_stop_before_any_work(tmp_path, previous_outputs, model_never_loaded):
    a = write(tmp_path / "site1" / "stalin.txt", "Stalin was born in Gori.\n")
    b = write(tmp_path / "site2" / "stalin.txt", "Stalin died in 1953.\n")
    write(tmp_path / "site1" / "lenin.txt", "Lenin died in 1924.\n")
    before = snapshot(previous_outputs)
    result = cli(tmp_path / "site1", tmp_path / "site2", "--out", previous_outputs)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: two inputs share the doc id 'stalin': {a} and {b}"]
    assert_untouched(previous_outputs, before)
    with pytest.raises(runner.InputError, match="share the doc id 'stalin'"):
        runner.run([tmp_path / "site1", tmp_path / "site2"], previous_outputs)
    assert_untouched(previous_outputs, before)


def test_same_file_named_twice_is_one_document(tmp_path):
    a = write(tmp_path / "in" / "stalin.txt", "Stalin was born in Gori.\n")
    assert runner.collect_inputs([a, tmp_path / "in", tmp_path / "in" / ".." / "in" / "stalin.txt"]) == [a]  # as first named


def test_output_folder_that_is_a_file_is_exit_2(tmp_path, model_never_loaded):
    doc = write(tmp_path / "in" / "a.txt", "Lenin died in 1924.\n")
    out = write(tmp_path / "out", "not a folder")
    result = cli(doc, "--out", out)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: cannot write to output folder {out}: File exists"]
    assert out.read_text() == "not a folder"


def test_unknown_model_is_exit_2_and_keeps_outputs(tmp_path, previous_outputs):
    doc = write(tmp_path / "in" / "a.txt", "Lenin died in 1924.\n")
    before = snapshot(previous_outputs)
    result = cli(doc, "--out", previous_outputs, "--model", "no_such_model_xyz")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot load spaCy model 'no_such_model_xyz': ")
    assert_untouched(previous_outputs, before)
