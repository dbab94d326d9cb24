"""Closed vocabularies of the contract (SPEC 2 and 3.4), read from models/schema."""
from __future__ import annotations

from functools import lru_cache

from .rules import load_rules


@lru_cache(maxsize=None)
def event_roles() -> dict[str, list[str]]:
    """Event type -> legal argument roles."""
    return load_rules("schema", "event_types.json")


@lru_cache(maxsize=None)
def labels() -> dict[str, list[str]]:
    return load_rules("schema", "labels.json")


ENTITY_LABELS = frozenset(labels()["entity_labels"])
NUMERIC_LABELS = frozenset(labels()["numeric_labels"])
TIMEX_TYPES = frozenset(labels()["timex_types"])
TIMEX_MODS = frozenset(labels()["timex_mods"])
SENTENCE_KINDS = frozenset(labels()["sentence_kinds"])
