"""Markdown views: eval.md (pipeline beside baseline), errors.md and the README table.

The rows and their labels come from settings.json (`report`), so adding a metric to a
report is a data change; these functions only lay the numbers out.
"""
from __future__ import annotations

from itertools import groupby

from .files import settings
from .scoring import ERROR_LAYERS, Error

_NONE = "—"


def lookup(data: dict | None, path: str):
    """The value at a dotted path of eval.json (`entities.strict.f`), or None."""
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _num(value) -> str:
    if value is None:
        return _NONE
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
           ["| " + " | ".join(row) + " |" for row in rows] + [""]


def _prf_cells(scores: dict | None, counts: bool) -> list[str]:
    keys = ("p", "r", "f", "tp", "fp", "fn") if counts else ("p", "r", "f")
    return [_num(lookup(scores, k)) for k in keys]


def _prf_header(baseline: bool) -> list[str]:
    return ["P", "R", "F", "TP", "FP", "FN"] + (["baseline P", "baseline R", "baseline F"] if baseline else [])


def eval_markdown(result: dict, sources: dict[str, str]) -> str:
    """eval.md: per layer a P/R/F table, an accuracy table and a per label/type table.

    sources: what was scored ({"gold": dir, "predictions": dir, "baseline": dir}), shown on top.
    """
    base = result.get("baseline")
    scope = result.get("scope", {})
    lines = ["# Evaluation", ""]
    lines += [f"- {name}: `{where}`" for name, where in sources.items()]
    lines += [f"- scope: {scope.get('regions', 0)} regions in {scope.get('documents', 0)} documents "
              f"({scope.get('characters', 0)} characters); fractions 0–1, micro-averaged, one-to-one matching", ""]
    for layer in settings()["report"]["layers"]:
        lines += [f"## {layer['title']}", ""]
        lines += _table(["metric"] + _prf_header(base is not None),
                        [[label] + _prf_cells(lookup(result, path), True)
                         + (_prf_cells(lookup(base, path), False) if base else [])
                         for label, path in layer["prf"]])
        lines += _table(["metric", "value", "over"] + (["baseline", "baseline over"] if base else []),
                        [[label, _num(lookup(result, path)), _num(lookup(result, n))]
                         + ([_num(lookup(base, path)), _num(lookup(base, n))] if base else [])
                         for label, path, n in layer["acc"]])
        if "per" in layer:
            path, title = layer["per"]
            ours, theirs = lookup(result, path) or {}, lookup(base, path) or {}
            lines += [f"### Per {title}", ""]
            lines += _table(["name"] + _prf_header(base is not None),
                            [[name] + _prf_cells(ours.get(name), True)
                             + (_prf_cells(theirs.get(name), False) if base else [])
                             for name in sorted(set(ours) | set(theirs))])
    return "\n".join(lines)


def _code(text: str) -> str:
    text = " ".join(text.split())
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def errors_markdown(errors: list[Error]) -> str:
    """errors.md: every FP and FN (and wrong attribute of a match), by layer, then label/type."""
    lines = ["# Errors", "",
             "FN: gold record not matched; FP: prediction not matched; FP+FN: an unmatched prediction "
             "overlapping an unmatched gold record (counted once on each side); wrong: a matched "
             "record with a wrong attribute. Reasons compare the prediction with the gold.", ""]
    errors = sorted(errors, key=Error.sort_key)
    by_layer = {layer: [e for e in errors if e.layer == layer] for layer in ERROR_LAYERS}
    lines += _table(["layer", "errors"], [[layer, str(len(items))] for layer, items in by_layer.items()])
    for layer, items in by_layer.items():
        if not items:
            continue
        lines += [f"## {layer} ({len(items)})", ""]
        for group, members in groupby(items, key=lambda e: e.group):
            members = list(members)
            lines += [f"### {group} ({len(members)})", ""]
            for e in members:
                lines.append(f"- **{e.kind}** {_code(e.text[:120])} ({e.doc_id} {e.start}–{e.end}): {e.reason}")
                if e.sentence:
                    lines.append(f"  > {' '.join(e.sentence.split())}")
            lines.append("")
    return "\n".join(lines)


def readme_table(eval_json: dict) -> str:
    """A Markdown table for the README: rows layer/metric, columns pipeline and baseline."""
    base = eval_json.get("baseline")
    rows = [[layer, metric, _num(lookup(eval_json, path)), _num(lookup(base, path)) if base else _NONE]
            for layer, metric, path in settings()["report"]["readme"]]
    return "\n".join(_table(["layer", "metric", "pipeline", "baseline"], rows)).rstrip("\n") + "\n"
