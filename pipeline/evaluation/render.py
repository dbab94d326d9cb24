"""Markdown views: eval.md (pipeline beside its peers), errors.md and the README tables.

The rows and their labels come from settings.json (`report`), so adding a metric to a
report is a data change; these functions only lay the numbers out. A layer that was not
scored carries its status (`not annotated` in the gold, `not predicted` by a peer), which
is printed in place of numbers: never 0.000.
"""
from __future__ import annotations

from itertools import groupby

from .files import settings
from .scoring import ERROR_LAYERS, Error, layer_status

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


def cell(result: dict | None, path: str) -> str:
    """A number at a dotted path, or the status of its layer when the layer was not scored."""
    status = layer_status(lookup(result, path.split(".")[0]))
    return status if status else _num(lookup(result, path))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
           ["| " + " | ".join(row) + " |" for row in rows] + [""]


def _prf_cells(scores: dict | None, counts: bool) -> list[str]:
    keys = ("p", "r", "f", "tp", "fp", "fn") if counts else ("p", "r", "f")
    return [_num(lookup(scores, k)) for k in keys]


def eval_markdown(result: dict, sources: dict[str, str]) -> str:
    """eval.md: per layer a P/R/F table, an accuracy table and a per label/type table, with
    the F1 (or accuracy) of each peer (`result["peers"]`) beside the pipeline's.

    sources: what was scored ({"gold": dir, "predictions": dir, "<peer>": dir}), shown on top.
    """
    peers: dict = result.get("peers") or {}
    scope = result.get("scope", {})
    lines = ["# Evaluation", ""]
    lines += [f"- {name}: `{where}`" for name, where in sources.items()]
    lines += [f"- scope: {scope.get('regions', 0)} regions in {scope.get('documents', 0)} documents "
              f"({scope.get('characters', 0)} characters); fractions 0–1, micro-averaged, one-to-one matching", ""]
    for layer in settings()["report"]["layers"]:
        lines += [f"## {layer['title']}", ""]
        status = layer_status(result.get(layer["name"]))
        if status:
            lines += [f"*{status}*", ""]
            continue
        lines += _table(["metric", "P", "R", "F", "TP", "FP", "FN"] + [f"{p} F" for p in peers],
                        [[label] + _prf_cells(lookup(result, path), True)
                         + [cell(peer, path + ".f") for peer in peers.values()]
                         for label, path in layer["prf"]])
        lines += _table(["metric", "value", "over"] + list(peers),
                        [[label, _num(lookup(result, path)), _num(lookup(result, n))]
                         + [cell(peer, path) for peer in peers.values()]
                         for label, path, n in layer["acc"]])
        if "per" in layer:
            path, title = layer["per"]
            ours = lookup(result, path) or {}
            theirs = {name: lookup(peer, path) or {} for name, peer in peers.items()}
            names = sorted(set(ours).union(*theirs.values()) if theirs else set(ours))
            lines += [f"### Per {title}", ""]
            lines += _table(["name", "P", "R", "F", "TP", "FP", "FN"] + [f"{p} F" for p in peers],
                            [[name] + _prf_cells(ours.get(name), True)
                             + [cell(peer, f"{path}.{name}.f") for peer in peers.values()]
                             for name in names])
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
    """A Markdown table for one scored corpus: rows layer/metric, columns pipeline and its peers.
    Layers the corpus's gold set lacks are left out (its title says which are annotated)."""
    peers: dict = eval_json.get("peers") or {}
    rows = [[layer, metric, cell(eval_json, path)] + [cell(peer, path) for peer in peers.values()]
            for layer, metric, path in settings()["report"]["readme"]
            if layer_status(lookup(eval_json, path.split(".")[0])) is None]
    return "\n".join(_table(["layer", "metric", "pipeline"] + list(peers), rows)).rstrip("\n") + "\n"
