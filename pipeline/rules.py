"""Loading the rule files under models/ (data, not code)."""
from __future__ import annotations

from pathlib import Path

import srsly

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


def rules_path(stage: str, name: str) -> Path:
    return MODELS_DIR / stage / name


def load_rules(stage: str, name: str):
    """A JSON (or JSONL) rule file of a stage, without `_comment` keys."""
    path = rules_path(stage, name)
    if path.suffix == ".jsonl":
        return list(srsly.read_jsonl(path))
    data = srsly.read_json(path)
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if not k.startswith("_")}
    return data
