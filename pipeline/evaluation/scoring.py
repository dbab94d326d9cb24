"""The metrics of SPEC 5, and the errors behind them.

Everything is micro-averaged over the gold regions: a record (an event: its trigger)
is in scope when it starts inside a region, on both sides. Every metric counts
one-to-one matches (`matching.match`) and turns them into P/R/F with spaCy's
`PRFScore`; accuracies are taken over the matches of the metric they refine and are
0.0 over no matches (the `*_n` key next to them gives the count). Numeric entity
labels are dropped on both sides before scoring.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.scorer import PRFScore

from ..records import Argument, Event
from ..schema import ENTITY_LABELS
from .loading import Layers
from .matching import Key, best_overlap, match

# Order of the error sections in errors.md.
ERROR_LAYERS = ("sentences (boundary)", "sentences (kind)", "entities (strict)", "timexes (strict)",
                "timexes (normalisation)", "events (trigger_cls)", "event arguments (arg_cls)", "event times")


@dataclass(frozen=True)
class Error:
    """One false positive (FP), false negative (FN), overlapping FP and FN shown together
    (FP+FN), or matched record with a wrong attribute (wrong)."""

    layer: str
    group: str
    kind: str
    doc_id: str
    start: int
    end: int
    text: str
    reason: str
    sentence: str

    def sort_key(self) -> tuple:
        return (ERROR_LAYERS.index(self.layer), self.group, self.doc_id, self.start, self.end, self.kind,
                self.text, self.reason)


@dataclass(frozen=True)
class _Arg:
    """An event argument with the document and event it belongs to, so it can be matched and reported."""

    doc_id: str
    start: int
    end: int
    text: str
    role: str
    event_type: str

    @classmethod
    def of(cls, event: Event, arg: Argument) -> _Arg:
        return cls(event.doc_id, arg.start, arg.end, arg.text, arg.role, event.type)


def prf(tp: int, fp: int, fn: int) -> dict:
    """P/R/F (spaCy's PRFScore: 0.0 for empty denominators) with the counts behind them."""
    return {**PRFScore(tp=tp, fp=fp, fn=fn).to_dict(), "tp": tp, "fp": fp, "fn": fn}


def _prf_of(pairs: list, n_gold: int, n_pred: int) -> dict:
    return prf(len(pairs), n_pred - len(pairs), n_gold - len(pairs))


def accuracy(correct: int, total: int) -> float:
    return correct / total if total else 0.0


def _key(rec) -> Key:
    return rec.doc_id, rec.start, rec.end


def _keys(records: Sequence) -> list[Key]:
    return [_key(r) for r in records]


def _text(rec) -> str:
    return rec.trigger.text if isinstance(rec, Event) else rec.text


def _per_group(pairs, gold: Sequence, pred: Sequence, group: Callable) -> dict[str, dict]:
    """P/R/F per label or type, from a matching whose pairs always agree on it."""
    names = sorted({group(r) for r in gold} | {group(r) for r in pred})
    tp = {n: 0 for n in names}
    for gi, _ in pairs:
        tp[group(gold[gi])] += 1
    n_gold = {n: sum(1 for r in gold if group(r) == n) for n in names}
    n_pred = {n: sum(1 for r in pred if group(r) == n) for n in names}
    return {n: prf(tp[n], n_pred[n] - tp[n], n_gold[n] - tp[n]) for n in names}


def _same(attr: str, gold: Sequence, pred: Sequence) -> Callable[[int, int], bool]:
    return lambda gi, pi: getattr(gold[gi], attr) == getattr(pred[pi], attr)


# --- describing differences -------------------------------------------------------------

def _fmt(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, tuple):
        return "..".join(_fmt(v) for v in value)
    return str(value)


_ATTRS: dict[str, Callable] = {
    "label": lambda r: r.label, "type": lambda r: r.type, "kind": lambda r: r.kind, "role": lambda r: r.role,
    "value": lambda r: r.value, "interval": lambda r: (r.earliest, r.latest),
    "time": lambda r: r.time.value if r.time else None,
}


def _differences(pred, gold, attrs: Sequence[str], span: str = "span") -> list[str]:
    """What a prediction gets wrong against a gold record: `label PERSON vs gold ORG` ..."""
    out = []
    if (pred.start, pred.end) != (gold.start, gold.end):
        if span == "boundary":
            out.append(f"boundary {pred.start}-{pred.end} vs gold {gold.start}-{gold.end}")
        else:
            out.append(f"{span} {_text(pred)!r} vs gold {_text(gold)!r}")
    for attr in attrs:
        p, g = _ATTRS[attr](pred), _ATTRS[attr](gold)
        if p != g:
            out.append(f"{attr} {_fmt(p)} vs gold {_fmt(g)}")
    return out


class _Scope:
    """Regions of the gold, and the sentence texts errors are shown in."""

    def __init__(self, gold: Layers, pred: Layers):
        self.regions: dict[str, list[tuple[int, int]]] = {}
        for r in gold.regions:
            self.regions.setdefault(r.doc_id, []).append((r.start, r.end))
        self.sentences = {}
        for s in list(gold.sentences) + list(pred.sentences):  # gold first: shown when both contain it
            self.sentences.setdefault(s.doc_id, []).append(s)

    def keep(self, records: Sequence) -> list:
        return [r for r in records if any(a <= r.start < b for a, b in self.regions.get(r.doc_id, ()))]

    def sentence_text(self, doc_id: str, offset: int) -> str:
        return next((s.text for s in self.sentences.get(doc_id, ()) if s.start <= offset < s.end), "")

    def error(self, layer: str, group: str, kind: str, rec, reason: str) -> Error:
        return Error(layer, group, kind, rec.doc_id, rec.start, rec.end, _text(rec), reason,
                     self.sentence_text(rec.doc_id, rec.start))


def _unmatched_errors(scope: _Scope, layer: str, gold: Sequence, pred: Sequence, pairs, *,
                      group: Callable, attrs: Sequence[str], gold_pool: Sequence, pred_pool: Sequence,
                      span: str = "span") -> list[Error]:
    """Every FP and FN of a metric. An unmatched gold and an unmatched prediction that overlap
    are one FP+FN line with their differences; the others are explained against the record
    of the other side (from the pools: all in-scope records of the layer) they overlap most."""
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    fn = [g for i, g in enumerate(gold) if i not in matched_g]
    fp = [p for i, p in enumerate(pred) if i not in matched_p]
    errors = []
    mixed = match(_keys(fn), _keys(fp))
    for gi, pi in mixed:
        reason = "; ".join(_differences(fp[pi], fn[gi], attrs, span)) or "differs"
        errors.append(scope.error(layer, group(fn[gi]), "FP+FN", fn[gi], reason))
    taken_g = {gi for gi, _ in mixed}
    taken_p = {pi for _, pi in mixed}
    pred_keys, gold_keys = _keys(pred_pool), _keys(gold_pool)
    for i, g in enumerate(fn):
        if i in taken_g:
            continue
        j = best_overlap(_key(g), pred_keys)
        if j is None:
            reason = "not predicted"
        else:
            diff = _differences(pred_pool[j], g, attrs, span)
            reason = "; ".join(diff) if diff else f"its prediction {_text(pred_pool[j])!r} matches another gold record"
        errors.append(scope.error(layer, group(g), "FN", g, reason))
    for i, p in enumerate(fp):
        if i in taken_p:
            continue
        j = best_overlap(_key(p), gold_keys)
        if j is None:
            reason = "no overlapping gold"
        else:
            diff = _differences(p, gold_pool[j], attrs, span)
            reason = "; ".join(diff) if diff else f"duplicate: gold {_text(gold_pool[j])!r} is already matched"
        errors.append(scope.error(layer, group(p), "FP", p, reason))
    return errors


# --- the layers ----------------------------------------------------------------------------

def _sentences(scope: _Scope, gold: Layers, pred: Layers) -> tuple[dict, list[Error]]:
    g_all, p_all = scope.keep(gold.sentences), scope.keep(pred.sentences)
    g_body = [s for s in g_all if s.kind == "body"]
    p_body = [s for s in p_all if s.kind == "body"]
    pairs = match(_keys(g_body), _keys(p_body), exact=True)
    spans = match(_keys(g_all), _keys(p_all), exact=True)
    kind_ok = sum(g_all[gi].kind == p_all[pi].kind for gi, pi in spans)
    metrics = {**_prf_of(pairs, len(g_body), len(p_body)),
               "kind_acc": accuracy(kind_ok, len(spans)), "kind_n": len(spans)}
    errors = _unmatched_errors(scope, "sentences (boundary)", g_body, p_body, pairs, group=lambda s: s.kind,
                               attrs=("kind",), gold_pool=g_all, pred_pool=p_all, span="boundary")
    errors += [scope.error("sentences (kind)", g_all[gi].kind, "wrong", g_all[gi],
                           f"kind {p_all[pi].kind} vs gold {g_all[gi].kind}")
               for gi, pi in spans if g_all[gi].kind != p_all[pi].kind]
    return metrics, errors


def _entities(scope: _Scope, gold: Layers, pred: Layers) -> tuple[dict, list[Error]]:
    g = [e for e in scope.keep(gold.entities) if e.label in ENTITY_LABELS]
    p = [e for e in scope.keep(pred.entities) if e.label in ENTITY_LABELS]
    gk, pk = _keys(g), _keys(p)
    same_label = _same("label", g, p)
    strict = match(gk, pk, exact=True, compatible=same_label)
    relaxed = match(gk, pk, compatible=same_label)
    untyped = match(gk, pk)
    metrics = {
        "strict": _prf_of(strict, len(g), len(p)),
        "relaxed": _prf_of(relaxed, len(g), len(p)),
        "untyped": _prf_of(untyped, len(g), len(p)),
        "per_label": _per_group(strict, g, p, lambda e: e.label),
        "entity_acc": accuracy(sum(g[gi].entity == p[pi].entity for gi, pi in strict), len(strict)),
        "entity_n": len(strict),
    }
    errors = _unmatched_errors(scope, "entities (strict)", g, p, strict, group=lambda e: e.label,
                               attrs=("label",), gold_pool=g, pred_pool=p)
    return metrics, errors


def _timexes(scope: _Scope, gold: Layers, pred: Layers) -> tuple[dict, list[Error]]:
    g, p = scope.keep(gold.timexes), scope.keep(pred.timexes)
    gk, pk = _keys(g), _keys(p)
    strict = match(gk, pk, exact=True)
    relaxed = match(gk, pk)
    by_type = match(gk, pk, compatible=_same("type", g, p))
    same = {attr: sum(_ATTRS[attr](g[gi]) == _ATTRS[attr](p[pi]) for gi, pi in relaxed)
            for attr in ("type", "value", "interval")}
    value_tp = same["value"]
    metrics = {
        "strict": _prf_of(strict, len(g), len(p)),
        "relaxed": _prf_of(relaxed, len(g), len(p)),
        "value": prf(value_tp, len(p) - value_tp, len(g) - value_tp),
        "type_acc": accuracy(same["type"], len(relaxed)),
        "value_acc": accuracy(same["value"], len(relaxed)),
        "interval_acc": accuracy(same["interval"], len(relaxed)),
        "relaxed_n": len(relaxed),
        "per_type": _per_group(by_type, g, p, lambda t: t.type),
    }
    errors = _unmatched_errors(scope, "timexes (strict)", g, p, strict, group=lambda t: t.type,
                               attrs=("type", "value"), gold_pool=g, pred_pool=p)
    for gi, pi in relaxed:
        if any(_ATTRS[a](g[gi]) != _ATTRS[a](p[pi]) for a in ("type", "value", "interval")):
            reason = "; ".join(_differences(p[pi], g[gi], ("type", "value", "interval")))
            errors.append(scope.error("timexes (normalisation)", g[gi].type, "wrong", g[gi], reason))
    return metrics, errors


def _events(scope: _Scope, gold: Layers, pred: Layers) -> tuple[dict, list[Error]]:
    g, p = scope.keep(gold.events), scope.keep(pred.events)
    gk, pk = _keys(g), _keys(p)
    trigger_id = match(gk, pk)
    trigger_cls = match(gk, pk, compatible=_same("type", g, p))
    errors = _unmatched_errors(scope, "events (trigger_cls)", g, p, trigger_cls, group=lambda e: e.type,
                               attrs=("type",), gold_pool=g, pred_pool=p, span="trigger")
    arg_id = arg_cls = 0
    timed = time_ok = polarity_ok = modality_ok = 0
    for gi, pi in trigger_cls:
        ga = [_Arg.of(g[gi], a) for a in g[gi].arguments]
        pa = [_Arg.of(p[pi], a) for a in p[pi].arguments]
        arg_id += len(match(_keys(ga), _keys(pa)))
        cls_pairs = match(_keys(ga), _keys(pa), compatible=_same("role", ga, pa))
        arg_cls += len(cls_pairs)
        errors += _unmatched_errors(scope, "event arguments (arg_cls)", ga, pa, cls_pairs,
                                    group=lambda a: f"{a.event_type} {a.role}", attrs=("role",),
                                    gold_pool=ga, pred_pool=pa)
        polarity_ok += g[gi].polarity == p[pi].polarity
        modality_ok += g[gi].modality == p[pi].modality
        if g[gi].time is not None:
            timed += 1
            if p[pi].time is not None and p[pi].time.value == g[gi].time.value:
                time_ok += 1
            else:
                errors.append(scope.error("event times", g[gi].type, "wrong", g[gi],
                                          "; ".join(_differences(p[pi], g[gi], ("time",), span="trigger"))))
    matched_g = {gi for gi, _ in trigger_cls}
    matched_p = {pi for _, pi in trigger_cls}
    for events, matched, kind in ((g, matched_g, "FN"), (p, matched_p, "FP")):
        for i, ev in enumerate(events):
            if i not in matched:
                errors += [scope.error("event arguments (arg_cls)", f"{ev.type} {a.role}", kind, _Arg.of(ev, a),
                                       f"its event ({ev.type} {ev.trigger.text!r}) is not matched")
                           for a in ev.arguments]
    n_gold_args = sum(len(e.arguments) for e in g)
    n_pred_args = sum(len(e.arguments) for e in p)
    metrics = {
        "trigger_id": _prf_of(trigger_id, len(g), len(p)),
        "trigger_cls": _prf_of(trigger_cls, len(g), len(p)),
        "arg_id": prf(arg_id, n_pred_args - arg_id, n_gold_args - arg_id),
        "arg_cls": prf(arg_cls, n_pred_args - arg_cls, n_gold_args - arg_cls),
        "time_acc": accuracy(time_ok, timed),
        "time_n": timed,
        "polarity_acc": accuracy(polarity_ok, len(trigger_cls)),
        "modality_acc": accuracy(modality_ok, len(trigger_cls)),
        "per_type": _per_group(trigger_cls, g, p, lambda e: e.type),
    }
    return metrics, errors


NOT_ANNOTATED = "not annotated"
NOT_PREDICTED = "not predicted"


def layer_status(metrics: dict | None) -> str | None:
    """`not annotated` / `not predicted` for a layer that was not scored, else None."""
    return metrics.get("status") if isinstance(metrics, dict) else None


def score(gold: Layers, pred: Layers) -> tuple[dict, list[Error]]:
    """All metrics of one system against the gold (the eval.json shape), and its errors, sorted.

    A layer the gold set lacks is `{"status": "not annotated"}` and one the system does not
    produce `{"status": "not predicted"}`: never scored, so never shown as 0.000."""
    scope = _Scope(gold, pred)
    metrics: dict = {"scope": {"documents": len({r.doc_id for r in gold.regions}), "regions": len(gold.regions),
                               "characters": sum(r.end - r.start for r in gold.regions)}}
    errors: list[Error] = []
    for name, layer in (("sentences", _sentences), ("entities", _entities), ("timexes", _timexes),
                        ("events", _events)):
        if not gold.has(name):
            metrics[name] = {"status": NOT_ANNOTATED}
            continue
        if not pred.has(name):
            metrics[name] = {"status": NOT_PREDICTED}
            continue
        metrics[name], layer_errors = layer(scope, gold, pred)
        errors += layer_errors
    return metrics, sorted(errors, key=Error.sort_key)
