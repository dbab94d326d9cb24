"""CSV and Parquet: one table per layer, nested fields flattened, types declared.

The columns are data (tables.json). CSV tables come with a Frictionless Data Package
(`datapackage.json`) that declares every column's type, so `value` (`1903`, `193` for
the 1930s) is read as the string it is; Parquet files carry the same types in their
own schema (pyarrow, the `export` extra).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Iterator

import srsly

from ..evaluation.files import write_text
from ..records import LAYERS

SPEC = {k: v for k, v in srsly.read_json(Path(__file__).with_name("tables.json")).items() if not k.startswith("_")}


class ExportError(Exception):
    """An export that cannot be made; the message says why."""


def _get(record: dict, path: str):
    for part in path.split("."):
        if not isinstance(record, dict):
            return None
        record = record.get(part)
    return record


def rows(pred_dir: Path, table: str) -> Iterator[list]:
    """The rows of one table, in file order (values typed as tables.json says)."""
    spec = SPEC[table]
    path = Path(pred_dir) / LAYERS[spec["from"]][0]
    if not path.is_file():
        return
    for record in srsly.read_jsonl(path):
        if "each" not in spec:
            yield [_get(record, source) for _, source, _ in spec["columns"]]
            continue
        for n, item in enumerate(record.get(spec["each"]) or []):
            yield [n if source == "#" else _get(item, source[1:]) if source.startswith("@") else _get(record, source)
                   for _, source, _ in spec["columns"]]


def _csv_cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == "array":
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_csv(pred_dir: Path, out_dir: Path) -> dict[str, int]:
    counts, resources = {}, []
    for table, spec in SPEC.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([name for name, _, _ in spec["columns"]])
        n = 0
        for row in rows(pred_dir, table):
            writer.writerow([_csv_cell(v, kind) for v, (_, _, kind) in zip(row, spec["columns"])])
            n += 1
        write_text(Path(out_dir) / f"{table}.csv", buffer.getvalue())
        counts[table] = n
        resources.append({"name": table, "path": f"{table}.csv", "format": "csv", "encoding": "utf-8",
                          "schema": {"fields": [{"name": name, "type": kind} for name, _, kind in spec["columns"]],
                                     "missingValues": [""]}})
    write_text(Path(out_dir) / "datapackage.json",
               json.dumps({"name": "histextract-outputs", "profile": "tabular-data-package", "resources": resources},
                          ensure_ascii=False, indent=2) + "\n")
    return counts


def write_parquet(pred_dir: Path, out_dir: Path) -> dict[str, int]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet needs pyarrow: pip install 'histextract[export]'") from None
    types = {"string": pa.string(), "integer": pa.int64(), "array": pa.list_(pa.string())}
    counts = {}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for table, spec in SPEC.items():
        schema = pa.schema([(name, types[kind]) for name, _, kind in spec["columns"]])
        columns = list(zip(*rows(pred_dir, table))) or [[] for _ in spec["columns"]]
        data = pa.Table.from_arrays([pa.array(list(col), type=schema.field(i).type) for i, col in enumerate(columns)],
                                    schema=schema)
        tmp = out_dir / f".{table}.parquet.tmp"
        pq.write_table(data, tmp)
        tmp.replace(out_dir / f"{table}.parquet")
        counts[table] = data.num_rows
    return counts
