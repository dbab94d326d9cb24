"""`make eval`: every dev corpus scored, each in its own table, the pipeline beside its peers.

The corpora are data (`corpora/corpora.json`): a name, a title, the folder of texts, the
gold folder, the folder of the pipeline's predictions, and optionally the convention set
of its gold (`timex2`: also report the SPEC-compatible figure of `conventions.py`). A
corpus whose gold folder does not exist yet is listed as such, not scored.

Peers are other systems run on the same texts: `baseline` (the plain spaCy model with
dateparser) and `heideltime` (HeidelTime, narratives). Their predictions are cached under
`<out>/<corpus>/peers/<peer>/` and redone only when the texts or the peer changed; a peer
that cannot run here is reported with the reason, never silently left out.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import srsly

from .. import __version__
from ..documents import read_document
from .baseline import write_baseline
from ..timexes.grammar import Grammar
from .conventions import ranges_as_endpoints, spec_ceiling, spec_compatible
from .files import settings, write_json, write_text
from .heideltime import unavailable as heideltime_unavailable
from .heideltime import write_heideltime
from .loading import LoadError, load_dir
from .render import readme_table
from .report import evaluate
from .scoring import score

PEERS = ("baseline", "heideltime")


@dataclass(frozen=True)
class DevCorpus:
    name: str
    title: str
    texts: Path
    gold: Path
    pred: Path
    conventions: str | None = None


def read_corpora(config: Path) -> list[DevCorpus]:
    """The dev corpora of a corpora.json; paths are relative to the current directory."""
    try:
        data = srsly.read_json(config)
        return [DevCorpus(c["name"], c["title"], Path(c["texts"]), Path(c["gold"]), Path(c["pred"]),
                          c.get("conventions")) for c in data["corpora"]]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise LoadError(f"{config}: not a corpora file ({err})") from None


def _doc_ids(gold: Path) -> list[str]:
    return sorted({r["doc_id"] for r in srsly.read_jsonl(gold / "regions.jsonl")})


def _fingerprint(peer: str, corpus: DevCorpus, doc_ids: list[str]) -> str:
    h = hashlib.sha256(f"{peer} {__version__} {srsly.json_dumps(settings())}".encode())
    for doc_id in doc_ids:
        h.update(doc_id.encode() + read_document(corpus.texts / f"{doc_id}.txt").sha256.encode())
    return h.hexdigest()[:16]


def run_peer(peer: str, corpus: DevCorpus, out: Path, log=print) -> Path | None:
    """The peer's prediction folder for the corpus (made or reused); None when it cannot run."""
    if peer == "heideltime" and (reason := heideltime_unavailable()):
        log(f"{corpus.name}: HeidelTime not run: {reason}")
        return None
    doc_ids = _doc_ids(corpus.gold)
    missing = [d for d in doc_ids if not (corpus.texts / f"{d}.txt").is_file()]
    if missing:
        raise LoadError(f"{corpus.texts}: no text for gold document(s) {', '.join(missing[:3])}")
    folder = out / corpus.name / "peers" / peer
    stamp = folder / ".inputs"
    key = _fingerprint(peer, corpus, doc_ids)
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == key:
        return folder
    log(f"{corpus.name}: running {peer} on {len(doc_ids)} documents")
    if peer == "baseline":
        write_baseline(corpus.texts, corpus.gold, folder)
    else:
        write_heideltime(corpus.texts, doc_ids, folder)
    write_text(stamp, key + "\n")
    return folder


def _scored_systems(corpus: DevCorpus, peers: dict[str, Path], view) -> dict:
    """The pipeline's metrics on the corpus, with each peer's under `peers`: every
    system's predictions first go through `view(gold, pred) -> (gold, pred, {key: value})`,
    whose last part is stored under `timexes` (what was set aside or taken apart)."""
    gold = load_dir(corpus.gold, gold=True)
    result: dict = {}
    for name, folder in [("pipeline", corpus.pred)] + list(peers.items()):
        g, p, notes = view(gold, load_dir(folder))
        metrics = score(g, p)[0]
        metrics["timexes"].update(notes)
        if name == "pipeline":
            result = metrics
        else:
            result.setdefault("peers", {})[name] = metrics
    return result


def _texts(corpus: DevCorpus) -> dict[str, str]:
    return {d: read_document(corpus.texts / f"{d}.txt").text for d in _doc_ids(corpus.gold)}


def _spec_ceiling(corpus: DevCorpus) -> dict:
    """The raw value figure a tagger following the SPEC without error would reach against
    the whole TIMEX2 key (conventions.spec_ceiling), and what keeps it below 1.0."""
    gold = load_dir(corpus.gold, gold=True)
    ideal, counts = spec_ceiling(gold, _texts(corpus))
    return {"value": score(gold, ideal)[0]["timexes"]["value"], "counts": counts}


def _spec_compatible(corpus: DevCorpus, peers: dict[str, Path]) -> dict:
    """The corpus scored with the TIMEX2-only categories set aside (pipeline and peers)."""
    texts = _texts(corpus)

    def view(gold, pred):
        g, p, counts = spec_compatible(gold, pred, texts)
        return g, p, {"set_aside": counts}

    return _scored_systems(corpus, peers, view)


def evaluate_dev(config: Path, out: Path, peers: tuple[str, ...] = PEERS, log=print) -> dict:
    """Score every dev corpus; write `<out>/<corpus>/eval.{json,md}`, errors.md, and the summary
    `<out>/eval.json` / `<out>/eval.md` (one table per corpus). Returns the summary."""
    summary: dict = {"corpora": {}}
    for corpus in read_corpora(config):
        if not (corpus.gold / "regions.jsonl").is_file():
            summary["corpora"][corpus.name] = {"title": corpus.title, "status": "no gold set yet"}
            continue
        peer_dirs = {p: d for p in peers if (d := run_peer(p, corpus, out, log)) is not None}
        result = evaluate(corpus.gold, corpus.pred, out / corpus.name, peers=peer_dirs, texts=corpus.texts)
        summary["corpora"][corpus.name] = {"title": corpus.title, "unavailable": sorted(set(peers) - set(peer_dirs)),
                                           **result}
        if corpus.conventions == "timex2":
            summary["corpora"][corpus.name]["timexes"]["spec_ceiling"] = _spec_ceiling(corpus)
            compatible = _spec_compatible(corpus, peer_dirs)
            write_json(out / f"{corpus.name}-spec" / "eval.json", compatible)
            summary["corpora"][f"{corpus.name}-spec"] = {
                "title": f"{corpus.title}, SPEC-compatible (TIMEX2-only conventions set aside)",
                "unavailable": sorted(set(peers) - set(peer_dirs)), **compatible}
            split = _ranges_as_endpoints(corpus, peer_dirs)
            write_json(out / f"{corpus.name}-endpoints" / "eval.json", split)
            summary["corpora"][f"{corpus.name}-endpoints"] = {
                "title": f"{corpus.title}, every system's ranges written as their two endpoints "
                         "(as TIMEX2 and `export --format timeml` write them; nothing set aside)",
                "unavailable": sorted(set(peers) - set(peer_dirs)), **split}
    write_json(out / "eval.json", summary)
    write_text(out / "eval.md", summary_markdown(summary))
    return summary


def _ranges_as_endpoints(corpus: DevCorpus, peers: dict[str, Path]) -> dict:
    """The corpus scored against its whole TIMEX2 key with the ranges of the pipeline and
    of each peer taken apart into their endpoints (conventions.ranges_as_endpoints)."""
    grammar = Grammar.from_folder()

    def view(gold, pred):
        split, n = ranges_as_endpoints(pred, grammar)
        return gold, split, {"ranges_split": n}

    return _scored_systems(corpus, peers, view)


def _ceiling_line(ceiling: dict) -> str:
    counts = ceiling["counts"]
    unmarked = [f"{k} {v}" for k, v in counts.items() if k not in ("ranges", "range endpoint", "SET period") and v]
    why = ([f"writes its {counts['ranges']} ranges as one timex each (TIMEX2: two)"] if counts.get("ranges") else []) + \
          ([f"does not mark {', '.join(unmarked)}"] if unmarked else []) + \
          ([f"writes {counts['SET period']} SET values as TIMEX3 periods"] if counts.get("SET period") else [])
    return (f"Ceiling: a tagger following SPEC 3.3 without error scores value F1 {ceiling['value']['f']:.3f} "
            f"against this whole key" + (": it " + "; it ".join(why) if why else "") + ".")


def summary_markdown(summary: dict) -> str:
    """One table per corpus (pipeline and peers), with what was not run and what was set aside."""
    lines: list[str] = []
    for name, result in summary["corpora"].items():
        lines += [f"**{result['title']}** (`{name}`)", ""]
        if "status" in result:
            lines += [f"*{result['status']}*", ""]
            continue
        scope = result.get("scope", {})
        lines += [f"{scope.get('regions', 0)} regions in {scope.get('documents', 0)} documents, "
                  f"{scope.get('characters', 0):,} characters."]
        if result.get("unavailable"):
            lines += [f"Not run here: {', '.join(result['unavailable'])} (see `make peers`)."]
        aside = result.get("timexes", {}).get("set_aside")
        if aside:
            lines += ["Set aside: " + ", ".join(f"{k} {v}" for k, v in aside.items()) + "."]
        ceiling = result.get("timexes", {}).get("spec_ceiling")
        if ceiling:
            lines += [_ceiling_line(ceiling)]
        if "ranges_split" in result.get("timexes", {}):
            lines += [f"The pipeline's {result['timexes']['ranges_split']} ranges written as their endpoints."]
        lines += ["", readme_table(result)]
    return "\n".join(lines)
