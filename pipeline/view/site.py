"""Writing the site: Jinja2 templates of this package, pages written into a temporary
folder that replaces `view/` only when every page is written (a rerun on the same
outputs gives byte-identical files: nothing depends on the time or the machine)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..corpus import load_corpus
from .document import counts, document_context
from .evaluation import eval_context
from .timeline import timeline_context

HERE = Path(__file__).resolve().parent


def _json_script(data) -> str:
    """JSON to put inside <script type="application/json">: `</` cannot close the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def doc_href(doc_id: str, prefix: str = "") -> str:
    return f"{prefix}docs/{quote(doc_id)}.html"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["json_script"] = _json_script
    env.filters["pct"] = lambda v: "—" if v is None else f"{100 * v:.1f}"
    env.filters["num"] = lambda v: "—" if v is None else (str(v) if isinstance(v, int) else f"{v:.3f}")
    env.globals.update(css=(HERE / "static" / "view.css").read_text(encoding="utf-8"),
                       js=(HERE / "static" / "view.js").read_text(encoding="utf-8"),
                       doc_href=doc_href)
    return env


def build(pred_dir: Path = Path("outputs"), out_dir: Path | None = None, *, gold_dir: Path | None = None,
          eval_json: Path | None = None, corpora_json: Path | None = None,
          texts: Path | None = None) -> tuple[Path, list[str]]:
    """Write `<out_dir>/view/` from pred_dir; returns its path and the problems met
    (documents not shown). Raises ViewError when pred_dir has no outputs.

    The evaluation page shows eval_json (default pred_dir/eval/eval.json): one result of
    `pipeline eval` (its errors need gold_dir) or the corpora summary of `make eval`
    (their errors need the folders corpora_json names)."""
    pred_dir = Path(pred_dir)
    target = Path(out_dir if out_dir is not None else pred_dir) / "view"
    corpus = load_corpus(pred_dir, texts)
    env = _environment()
    eval_json = Path(eval_json) if eval_json is not None else pred_dir / "eval" / "eval.json"
    evaluation = eval_context(eval_json, corpus, pred_dir, gold_dir, corpora_json)
    nav = {"has_eval": evaluation is not None}
    pages: dict[str, str] = {}
    for doc in corpus.documents:
        pages[doc_href(doc.doc_id)] = env.get_template("document.html").render(
            **document_context(doc), prefix="../", page="document", **nav)
    pages["timeline.html"] = env.get_template("timeline.html").render(
        **timeline_context(corpus), prefix="", page="timeline", **nav)
    if evaluation is not None:
        pages["eval.html"] = env.get_template("eval.html").render(**evaluation, prefix="", page="eval", **nav)
    dated: dict[str, int] = {}
    for row in corpus.timeline:
        dated[row["doc_id"]] = dated.get(row["doc_id"], 0) + 1
    pages["index.html"] = env.get_template("index.html").render(
        documents=[{"doc_id": d.doc_id, "record": d.record, "counts": counts(d), "dated": dated.get(d.doc_id, 0),
                    "title": next((s["text"] for s in d.layers["sentences"] if s["kind"] == "title"), "")}
                   for d in corpus.documents],
        problems=corpus.problems, timeline_rows=len(corpus.timeline), prefix="", page="index", **nav)
    _write_site(target, pages)
    return target, corpus.problems


def _write_site(target: Path, pages: dict[str, str]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        for name, html in pages.items():
            path = tmp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8", newline="\n")
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old.exists() and not target.exists():
            os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
