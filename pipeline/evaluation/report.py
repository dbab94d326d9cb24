"""`evaluate`: score a prediction folder (and optionally the baseline) against a gold set
and write eval.json, eval.md and errors.md, each atomically and deterministically."""
from __future__ import annotations

from pathlib import Path

from .files import write_json, write_text
from .loading import LoadError, load_dir
from .render import errors_markdown, eval_markdown
from .scoring import score


def evaluate(gold_dir: Path, pred_dir: Path, out_dir: Path | None = None,
             peers: dict[str, Path] | None = None, texts: Path | None = None) -> dict:
    """Score pred_dir against gold_dir; write the reports to out_dir (default: pred_dir).

    peers: other systems' prediction folders by name (the plain-spaCy baseline, HeidelTime);
    their metrics go under `peers.<name>` and beside the pipeline's in eval.md (errors.md
    lists the pipeline's errors only). Returns eval.json. Raises LoadError (message
    `file:line: reason`) for unreadable or malformed input, and when no predicted document
    is a document of the gold set (a score of zeros would only say the folders differ).

    texts: the folder of the documents' texts. Nothing is trusted: with it, the gold
    set must pass `gold check`, and the predictions' records of the gold documents
    must lie in the text and quote it; without it, ids and duplicates are checked only.
    A problem is a LoadError; in a peer's output it is a warning (`warnings` in
    eval.json). A gold set without regions or records annotates nothing: LoadError.
    """
    gold = load_dir(gold_dir, gold=True)
    gold_docs = {r.doc_id for r in gold.regions}
    if not gold_docs:
        raise LoadError(f"the gold set {gold_dir} has no regions: nothing is annotated, nothing to score")
    if not any(getattr(gold, name) for name in gold.present if name != "regions"):
        raise LoadError(f"the gold set {gold_dir} has no records ({', '.join(sorted(gold.present))}): "
                        "its regions annotate nothing to score")
    warnings = _trust_nothing(gold_dir, pred_dir, peers or {}, texts, gold_docs)
    pred = load_dir(pred_dir)
    pred_docs = {r.doc_id for name in pred.present for r in getattr(pred, name)}
    if not gold_docs & pred_docs:
        raise LoadError(f"no predicted document in {pred_dir} is a document of the gold set {gold_dir} "
                        f"({len(gold_docs)} gold documents, e.g. {sorted(gold_docs)[0]!r}); nothing to score")
    result, errors = score(gold, pred)
    if warnings:
        result["warnings"] = warnings
    sources = {"gold": str(gold_dir), "predictions": str(pred_dir)}
    if peers:
        result["peers"] = {name: score(gold, load_dir(path))[0] for name, path in peers.items()}
        sources.update({name: str(path) for name, path in peers.items()})
    out = Path(out_dir if out_dir is not None else pred_dir)
    write_json(out / "eval.json", result)
    write_text(out / "eval.md", eval_markdown(result, sources))
    write_text(out / "errors.md", errors_markdown(errors))
    return result


# How many problems an error message quotes (the rest are counted).
SHOWN_PROBLEMS = 10


def _trust_nothing(gold_dir: Path, pred_dir: Path, peers: dict[str, Path], texts: Path | None,
                   gold_docs: set[str]) -> list[str]:
    """LoadError listing what would make the scores wrong: any problem of the gold set
    (`gold check`), and duplicate ids or records, spans beyond the text or not quoting
    it, in the predictions. The same problems in a peer's output are returned as
    warnings (a peer is scored as it is), and so is a texts folder that holds none of
    the gold documents (then only what needs no text is checked)."""
    from ..gold.check import check_gold, check_records

    warnings = []
    texts_dir = Path(texts) if texts is not None else None
    if texts_dir is not None and not any((texts_dir / f"{d}.txt").is_file() for d in gold_docs):
        warnings.append(f"offsets and texts not checked: no document of the gold set has a text in {texts_dir} "
                        "(give --texts)")
        texts_dir = None
    if texts_dir is not None:
        problems = check_gold(gold_dir, texts_dir)
        what = f"the gold set {gold_dir} fails `gold check --texts {texts_dir}`"
    else:  # what needs no text: record shapes, ids used twice, records written twice
        problems = check_records(gold_dir, None, set())
        what = f"the gold set {gold_dir} cannot be scored"
    if problems:
        raise LoadError(_problems(what, problems))
    problems = check_records(pred_dir, texts_dir, gold_docs)
    if problems:
        raise LoadError(_problems(f"the predictions in {pred_dir} cannot be scored", problems))
    for name, folder in peers.items():  # another system's output: scored, with what is wrong said
        problems = check_records(folder, texts_dir, gold_docs)
        if problems:
            warnings.append(_problems(f"peer {name} in {folder}: its scores count these records as they are",
                                      problems))
    return warnings


def _problems(what: str, problems: list[str]) -> str:
    more = len(problems) - SHOWN_PROBLEMS
    return "\n  ".join([f"{what} ({len(problems)} problem(s)):", *problems[:SHOWN_PROBLEMS],
                        *([f"... and {more} more"] if more > 0 else [])])
