"""Helpers of the event-frame tests: parse once per text, pick one frame, view it whole.

Shared by every test module of tests/events (imported through tests/events/conftest.py,
which puts this folder on sys.path whatever pytest's import mode).
"""
from __future__ import annotations

_DOCS: dict[str, object] = {}


def parse(nlp, text: str):
    """The Doc of `text`, parsed once per test session (many rows share a sentence)."""
    if text not in _DOCS:
        _DOCS[text] = nlp(text)
    return _DOCS[text]


def frame(doc, trigger: str, etype: str) -> dict:
    """The one frame whose trigger text is `trigger` and type `etype` (fails listing all)."""
    got = [e for e in doc._.events if doc.text[e["trigger"][0]:e["trigger"][1]] == trigger and e["type"] == etype]
    assert len(got) == 1, f"{trigger!r}/{etype}: {[(doc.text[e['trigger'][0]:e['trigger'][1]], e['type']) for e in doc._.events]}"
    return got[0]


def view(doc, e: dict) -> tuple:
    """(sorted (role, text, entity) arguments, time text, polarity, modality)."""
    args = sorted((a["role"], doc.text[a["start"]:a["end"]], a["entity"]) for a in e["arguments"])
    time = doc.text[e["time"][0]:e["time"][1]] if e["time"] else None
    return args, time, e["polarity"], e["modality"]


def A(role: str, text: str, entity: str | None = None) -> tuple:
    """An expected argument; its entity is its own text unless given."""
    return (role, text, entity or text)
