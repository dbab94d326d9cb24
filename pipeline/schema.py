"""Closed vocabularies of the contract (SPEC 2 and 3.4), read from models/schema."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import srsly

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
SCHEMA_DIR = MODELS_DIR / "schema"


@lru_cache(maxsize=None)
def event_roles() -> dict[str, list[str]]:
    """Event type -> legal argument roles."""
    data = srsly.read_json(SCHEMA_DIR / "event_types.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def labels() -> dict[str, list[str]]:
    data = srsly.read_json(SCHEMA_DIR / "labels.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


ENTITY_LABELS = frozenset(labels()["entity_labels"])
NUMERIC_LABELS = frozenset(labels()["numeric_labels"])
TIMEX_TYPES = frozenset(labels()["timex_types"])
TIMEX_MODS = frozenset(labels()["timex_mods"])
SENTENCE_KINDS = frozenset(labels()["sentence_kinds"])
