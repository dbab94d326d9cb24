"""`evaluate`: score a prediction folder (and optionally the baseline) against a gold set
and write eval.json, eval.md and errors.md, each atomically and deterministically."""
from __future__ import annotations

from pathlib import Path

from .files import write_json, write_text
from .loading import load_dir
from .render import errors_markdown, eval_markdown
from .scoring import score


def evaluate(gold_dir: Path, pred_dir: Path, out_dir: Path | None = None,
             baseline_dir: Path | None = None) -> dict:
    """Score pred_dir against gold_dir; write the reports to out_dir (default: pred_dir).

    With baseline_dir, the baseline's metrics go under the `baseline` key and beside the
    pipeline's in eval.md (errors.md lists the pipeline's errors only). Returns eval.json.
    Raises LoadError (message `file:line: reason`) for unreadable or malformed input.
    """
    gold = load_dir(gold_dir, gold=True)
    result, errors = score(gold, load_dir(pred_dir))
    sources = {"gold": str(gold_dir), "predictions": str(pred_dir)}
    if baseline_dir is not None:
        result["baseline"], _ = score(gold, load_dir(baseline_dir))
        sources["baseline"] = str(baseline_dir)
    out = Path(out_dir if out_dir is not None else pred_dir)
    write_json(out / "eval.json", result)
    write_text(out / "eval.md", eval_markdown(result, sources))
    write_text(out / "errors.md", errors_markdown(errors))
    return result
