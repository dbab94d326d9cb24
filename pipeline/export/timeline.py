"""The `timeline` command's three formats: a Rich table for people (ids fold, never
cut, at any width), CSV and JSON for programs (every field, UTF-8 as is)."""
from __future__ import annotations

import csv
import json
import sys
from typing import TextIO

from rich.console import Console
from rich.table import Table

from ..events.coref import REFERENT_SEPARATOR

# CSV columns, in order; `entities` (a list) is joined with the referent separator.
COLUMNS = ("earliest", "latest", "value", "type", "summary", "entities", "doc_id", "event", "sentence")


def _cell(row: dict, column: str) -> str:
    value = row.get(column)
    if isinstance(value, list):
        return REFERENT_SEPARATOR.join(value)
    return "" if value is None else str(value)


def write_timeline(records: list[dict], fmt: str, console: Console, stream: TextIO | None = None) -> None:
    """Write rows as `table` (to console), `csv` or `json` (a JSON array, to stream or stdout)."""
    stream = stream or sys.stdout
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([_cell(r, c) for c in COLUMNS] for r in records)
    elif fmt == "json":
        json.dump(records, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    else:
        table = Table(title=f"timeline ({len(records)} events)")
        for col in ("date", "interval", "type", "summary", "event"):
            table.add_column(col, overflow="fold")
        for r in records:
            interval = r["earliest"] if r.get("latest") in (None, r["earliest"]) else f"{r['earliest']} – {r['latest']}"
            table.add_row(_cell(r, "value"), interval, _cell(r, "type"), _cell(r, "summary"), _cell(r, "event"))
        console.print(table)
