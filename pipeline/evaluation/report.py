"""`evaluate`: score a prediction folder (and optionally the baseline) against a gold set
and write eval.json, eval.md and errors.md, each atomically and deterministically."""
from __future__ import annotations

from pathlib import Path

from .files import write_json, write_text
from .loading import LoadError, load_dir
from .render import errors_markdown, eval_markdown
from .scoring import score


def evaluate(gold_dir: Path, pred_dir: Path, out_dir: Path | None = None,
             peers: dict[str, Path] | None = None) -> dict:
    """Score pred_dir against gold_dir; write the reports to out_dir (default: pred_dir).

    peers: other systems' prediction folders by name (the plain-spaCy baseline, HeidelTime);
    their metrics go under `peers.<name>` and beside the pipeline's in eval.md (errors.md
    lists the pipeline's errors only). Returns eval.json. Raises LoadError (message
    `file:line: reason`) for unreadable or malformed input, and when no predicted document
    is a document of the gold set (a score of zeros would only say the folders differ).
    """
    gold = load_dir(gold_dir, gold=True)
    pred = load_dir(pred_dir)
    gold_docs = {r.doc_id for r in gold.regions}
    pred_docs = {r.doc_id for name in pred.present for r in getattr(pred, name)}
    if gold_docs and not gold_docs & pred_docs:
        raise LoadError(f"no predicted document in {pred_dir} is a document of the gold set {gold_dir} "
                        f"({len(gold_docs)} gold documents, e.g. {sorted(gold_docs)[0]!r}); nothing to score")
    result, errors = score(gold, pred)
    sources = {"gold": str(gold_dir), "predictions": str(pred_dir)}
    if peers:
        result["peers"] = {name: score(gold, load_dir(path))[0] for name, path in peers.items()}
        sources.update({name: str(path) for name, path in peers.items()})
    out = Path(out_dir if out_dir is not None else pred_dir)
    write_json(out / "eval.json", result)
    write_text(out / "eval.md", eval_markdown(result, sources))
    write_text(out / "errors.md", errors_markdown(errors))
    return result
