"""Outputs in the formats other tools read (`python -m pipeline export`), and the
timeline as table, CSV or JSON (`python -m pipeline timeline`).

Each format is a function (pred_dir, out_dir, texts) -> counts, imported only when
asked for (Parquet needs pyarrow, DocBin spaCy's blank English)."""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

from .tables import ExportError

# format -> (module, function, what it writes)
FORMATS = {
    "timeml": ("timeml", "write_timeml", "TimeML: inline TIMEX3 and EVENT, one .tml per document"),
    "brat": ("brat", "write_brat", "BRAT standoff: .txt/.ann per document and annotation.conf"),
    "docbin": ("docbin", "write_docbin", "spaCy DocBin (outputs.spacy) with every layer"),
    "csv": ("tables", "write_csv", "CSV: one table per layer, datapackage.json declares the types"),
    "parquet": ("tables", "write_parquet", "Parquet: one table per layer, typed"),
    "jsonschema": ("json_schema", "write_jsonschema", "JSON Schema of every record file"),
}


def export(fmt: str, pred_dir: Path, out_dir: Path, texts: Path | None = None) -> dict[str, int]:
    """Write pred_dir's outputs as fmt into out_dir; returns what was written, counted."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    module, function, _ = FORMATS[fmt]
    writer = getattr(import_module(f".{module}", __name__), function)
    if module in ("tables", "json_schema"):
        return writer(Path(pred_dir), Path(out_dir))
    return writer(Path(pred_dir), Path(out_dir), texts)


__all__ = ["ExportError", "FORMATS", "export"]
