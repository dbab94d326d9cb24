"""The evaluation page: per corpus and layer the figures beside the peers' (other
systems scored on the same gold), bar charts per label and type, and the errors, each
shown in its sentence and linked to the document page when the site has it.

It reads either the summary `make eval` writes (`{"corpora": {name: result}}`, with the
corpora's folders in corpora.json) or one `pipeline eval` result (`peers` inside).
Rows come from the evaluation package's report layout (settings.json), as in eval.md.
eval.json keeps only numbers, so errors are recomputed by the scorer for each corpus
whose gold and prediction folders are at hand.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import srsly

from ..documents import DocumentError, read_document
from ..evaluation import LoadError, load_dir
from ..evaluation.dev import read_corpora
from ..evaluation.files import settings
from ..evaluation.render import lookup
from ..evaluation.scoring import ERROR_LAYERS, layer_status, score
from ..corpus import Corpus
from .markup import Mark, render


@dataclass(frozen=True)
class Folders:
    """Where a scored corpus's records are: gold, predictions, and the texts."""

    gold: Path
    pred: Path
    texts: Path | None


def _prf(scores) -> dict:
    return {k: lookup(scores, k) for k in ("p", "r", "f", "tp", "fp", "fn")}


def _layers(result: dict, peers: dict[str, dict]) -> list[dict]:
    layers = []
    for layer in settings()["report"]["layers"]:
        status = layer_status(result.get(layer["name"]))
        entry = {"name": layer["name"], "title": layer["title"], "status": status, "prf": [], "acc": [], "per": None}
        if status is None:
            entry["prf"] = [{"label": label, "ours": _prf(lookup(result, path)),
                             "peers": {n: lookup(p, path + ".f") for n, p in peers.items()}}
                            for label, path in layer["prf"]]
            entry["acc"] = [{"label": label, "ours": lookup(result, path), "n": lookup(result, n),
                             "peers": {name: lookup(p, path) for name, p in peers.items()}}
                            for label, path, n in layer["acc"]]
            if "per" in layer:
                path, title = layer["per"]
                ours = lookup(result, path) or {}
                theirs = {n: lookup(p, path) or {} for n, p in peers.items()}
                names = sorted(set(ours).union(*theirs.values()))
                entry["per"] = {"title": title, "rows": [
                    {"name": name, "ours": _prf(ours.get(name)),
                     "peers": {n: lookup(t.get(name), "f") for n, t in theirs.items()}} for name in names]}
        layers.append(entry)
    return layers


class _Texts:
    """Document texts and sentences for showing errors: the site's documents first,
    else the corpus's text files and the predicted sentences."""

    def __init__(self, corpus: Corpus):
        self.site = corpus.by_id()
        self.cache: dict[tuple[Path | None, str], str | None] = {}

    def text(self, doc_id: str, texts: Path | None) -> str | None:
        if doc_id in self.site:
            return self.site[doc_id].text
        key = (texts, doc_id)
        if key not in self.cache:
            try:
                self.cache[key] = read_document(texts / f"{doc_id}.txt").text if texts else None
            except DocumentError:
                self.cache[key] = None
        return self.cache[key]


def _errors(name: str, folders: Folders, texts: _Texts) -> tuple[list[dict], str | None]:
    try:
        pred = load_dir(folders.pred)
        _, errors = score(load_dir(folders.gold, gold=True), pred)
    except LoadError as err:
        return [], f"{name}: errors not shown: {err}"
    sentences: dict[str, list] = {}
    for s in pred.sentences:
        sentences.setdefault(s.doc_id, []).append(s)
    starts = {d: [s.start for s in ss] for d, ss in sentences.items()}
    out = []
    for e in errors:
        text = texts.text(e.doc_id, folders.texts)
        context, sentence_id = None, None
        if text is not None and e.doc_id in sentences:
            s = sentences[e.doc_id][max(bisect.bisect_right(starts[e.doc_id], e.start) - 1, 0)]
            lo, hi = min(s.start, e.start), max(s.end, e.end)
            context = render(text[lo:hi], [Mark(e.start, e.end, f"mk err k-{e.kind.replace('+', '')}")], lo)
            sentence_id = s.id
        out.append({"corpus": name, "layer": e.layer, "group": e.group, "kind": e.kind, "doc_id": e.doc_id,
                    "text": e.text, "reason": e.reason, "context": context,
                    "link": sentence_id if e.doc_id in texts.site else None})
    return out, None


def _corpora(data: dict, pred_dir: Path, gold_dir: Path | None, corpora_json: Path | None
             ) -> list[tuple[str, dict, Folders | None]]:
    """(name, result, folders or None) of each scored corpus in eval.json."""
    if "corpora" not in data:  # one `pipeline eval` result
        return [("eval", {"title": "Evaluation", **data},
                 Folders(gold_dir, pred_dir, None) if gold_dir is not None else None)]
    folders = {}
    if corpora_json is not None and Path(corpora_json).is_file():
        try:
            folders = {c.name: Folders(c.gold, c.pred, c.texts) for c in read_corpora(corpora_json)}
        except LoadError:
            folders = {}
    return [(name, result, folders.get(name)) for name, result in data["corpora"].items()]


def eval_context(eval_json: Path, corpus: Corpus, pred_dir: Path, gold_dir: Path | None = None,
                 corpora_json: Path | None = None) -> dict | None:
    """What eval.html needs; None when there is no evaluation to show."""
    if not Path(eval_json).is_file():
        return None
    data = srsly.read_json(eval_json)
    texts = _Texts(corpus)
    sections, errors, notes = [], [], []
    for name, result, folders in _corpora(data, Path(pred_dir), gold_dir, corpora_json):
        if "status" in result:
            sections.append({"name": name, "title": result.get("title", name), "status": result["status"]})
            continue
        peers = dict(result.get("peers") or {})
        if "baseline" in result and "baseline" not in peers:  # eval.json of before peers
            peers["baseline"] = result["baseline"]
        sections.append({"name": name, "title": result.get("title", name), "status": None,
                         "scope": result.get("scope", {}), "peers": list(peers),
                         "unavailable": result.get("unavailable", []), "layers": _layers(result, peers)})
        if folders is None:
            notes.append(f"{name}: errors not shown (no gold folder known for it)")
        elif folders.gold.is_dir() and folders.pred.is_dir():
            found, note = _errors(name, folders, texts)
            errors += found
            if note:
                notes.append(note)
    return {"sections": sections, "errors": errors, "notes": notes, "eval_json": str(eval_json),
            "error_corpora": sorted({e["corpus"] for e in errors}),
            "error_layers": [x for x in ERROR_LAYERS if any(e["layer"] == x for e in errors)],
            "error_kinds": sorted({e["kind"] for e in errors})}
