"""JSON Schema (draft 2020-12) of every record file, from the pydantic models of
pipeline.records: the one definition of the shapes, so the schemas cannot drift."""
from __future__ import annotations

import json
from pathlib import Path

from ..evaluation.files import write_text
from ..records import LAYERS


def schemas() -> dict[str, dict]:
    """Layer -> the JSON Schema of one line of its file."""
    out = {}
    for layer, (file_name, model) in LAYERS.items():
        schema = model.model_json_schema(mode="validation")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"histextract/{file_name.replace('.jsonl', '.schema.json')}",
                  "description": f"One line of {file_name}. " + (schema.pop("description", "") or ""), **schema}
        out[layer] = schema
    return out


def write_jsonschema(pred_dir: Path, out_dir: Path) -> dict[str, int]:
    written = schemas()
    for layer, schema in written.items():
        write_text(Path(out_dir) / f"{layer}.schema.json", json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return {"schemas": len(written)}
