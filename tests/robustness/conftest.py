"""Fixtures and checks of the robustness tests (issue 6): one pipeline for the session,
helpers to write inputs, read outputs and check every span of every layer."""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from pipeline.writers import LAYERS

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_09dcfff65826fb95.txt"
SEED2 = ROOT / "seeds" / "002_7a24aecd84c9c6ad.txt"
OUTPUT_FILES = ("documents", *LAYERS, "timeline")
TEMP = re.compile(r"\.tmp-\d+$")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a test of real sizes (tens of seconds); -m 'not slow' skips it")


@pytest.fixture(scope="session")
def full_nlp(nlp):
    """The whole chain: the session's pipeline (tests/conftest.py), not a second copy of
    the model (a load costs seconds, and both would be `pipeline.load()` with defaults)."""
    return nlp


@pytest.fixture
def doc_lengths(monkeypatch, full_nlp) -> list[int]:
    """Lengths of every text the pipeline turns into a Doc (chunks, as spaCy sees them)."""
    seen: list[int] = []
    make_doc = full_nlp.make_doc
    monkeypatch.setattr(full_nlp, "make_doc", lambda text: (seen.append(len(text)), make_doc(text))[1])
    return seen


def seed_text(path: Path = SEED) -> str:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()


def seed_paragraphs(path: Path = SEED) -> list[str]:
    return [line for line in seed_text(path).split("\n") if line.strip()]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def outputs(out_dir: Path) -> dict[str, list[dict]]:
    return {name: read_jsonl(out_dir / f"{name}.jsonl") for name in OUTPUT_FILES}


def snapshot(out_dir: Path) -> dict[str, str]:
    """sha256 of every file in the folder (temp files included, so leftovers show)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out_dir.iterdir()) if p.is_file()}


def temp_files(out_dir: Path) -> list[str]:
    """Leftovers of runs: temp files in the folder, and in its .histextract every run
    folder but the published one (and half-made links)."""
    state = out_dir / ".histextract"
    current = os.readlink(state / "current") if (state / "current").is_symlink() else None
    found = [p.name for p in out_dir.iterdir() if TEMP.search(p.name) or ".jsonl.link-" in p.name]
    if state.is_dir():
        found += [f".histextract/{p.name}" for p in state.iterdir()
                  if (p.name.startswith("run-") and p.name != current) or p.name.startswith("current.")]
    return sorted(found)


def staged_files(out_dir: Path) -> list[Path]:
    """The files a run is writing (in its run folder, not yet published)."""
    state = out_dir / ".histextract"
    return [f for p in state.glob("run-*") if f".histextract/{p.name}" in temp_files(out_dir) for f in p.iterdir()] \
        if state.is_dir() else []


def spans(layer: str, record: dict):
    """(what, span dict) for every span of a record: an event has its trigger and arguments."""
    if layer == "events":
        yield "trigger", record["trigger"]
        for arg in record["arguments"]:
            yield f"argument {arg['role']}", arg
    else:
        yield layer, record


def span_problems(text: str, layers: dict[str, list[dict]]) -> list[str]:
    """Every span violating 0 <= start < end <= len(text) and text == document[start:end]."""
    problems = []
    for layer in LAYERS:
        for rec in layers[layer]:
            for what, s in spans(layer, rec):
                start, end = s["start"], s["end"]
                if not (0 <= start < end <= len(text)) or text[start:end] != s["text"]:
                    problems.append(f"{rec['id']} {what} [{start}:{end}] {s['text']!r} vs {text[start:end]!r}")
    return problems


def records_of(nlp, text: str, doc_id: str = "t") -> dict[str, list[dict]]:
    from pipeline.writers import RecordBuilder

    builder = RecordBuilder(doc_id)
    builder.add(nlp(text))
    return builder.layers


def sigint_as_at_a_terminal() -> None:
    """`preexec_fn` of a CLI run a test interrupts with SIGINT: a shell that runs the suite
    in the background starts it with SIGINT ignored, which every child inherits (and
    Python keeps ignored), so Ctrl-C would never reach the run under test."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_DFL)
