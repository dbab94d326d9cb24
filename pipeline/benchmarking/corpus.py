"""(c) Corpus scale (issue 15): a corpus of *different* texts, of mixed lengths.

The 1x/4x/16x corpora of (b) repeat the seeds: every document has a twin of the same
length, so a pool that idles on long documents, and string-store growth, never show.
Here the paragraphs of a folder of real articles (default: the WikiWars texts under
corpora/wikiwars-train/texts) are recombined, with a fixed random seed, into N
documents of 2-5 paragraphs, every 50th one a long document of 40 paragraphs. On
that corpus, in one run of the benchmark:

- the plain base model (worker `base`: start-up and its first pass over the texts) and
  `pipeline run` with one process, `--n-process 2` and `--engine dask --n-process 2`
  (a two-worker LocalCluster): wall-clock words/s end to end (start-up included),
  their ratio to the base model, and the two speed-ups;
- one run of the runner in one process (worker `checkpoints`), read after 200, 1,000
  and N documents: peak memory so far (goal: flat, within 10 %) and the CPU seconds per
  1,000 words of the documents since the previous checkpoint (goal: flat, that is no
  stretch more than 10 % dearer than a cheaper one before it; see growth()), with the
  machine's own speed in each stretch taken out (a fixed reference work timed every 50
  documents; see at_mean_speed()). Within one
  process neither start-up nor the drift between separate runs enters the comparison:
  separate runs on the first 200 and 1,000 documents, with a start-up measured in (b)
  taken off, had the 200 documents cheapest in two benchmarks and dearest in two.

Words are white-space separated words of the texts (counted here, the same for every
measurement). Use an idle machine: the speed-ups mean nothing on a busy one (see
`others_cores`).
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

CHECKPOINTS = (200, 1000)
LONG_EVERY, LONG_PARAGRAPHS, SHORT_PARAGRAPHS = 50, 40, (2, 5)
SEED = 15


def build(texts: Path, n: int, folder: Path, seed: int = SEED) -> dict:
    """Write n recombined documents to folder; returns what they hold."""
    paragraphs = [p for f in sorted(texts.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if len(p) >= 200]
    if len(paragraphs) < LONG_PARAGRAPHS:
        raise ValueError(f"{texts}: too few paragraphs of 200+ characters ({len(paragraphs)})")
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    words = []
    for i in range(n):
        k = LONG_PARAGRAPHS if i % LONG_EVERY == LONG_EVERY - 1 else rng.randint(*SHORT_PARAGRAPHS)
        text = "\n".join(rng.sample(paragraphs, k)) + "\n"
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
        words.append(len(text.split()))
    return {"documents": n, "paragraphs_available": len(paragraphs), "words": sum(words), "words_each": words,
            "long_documents": sum(1 for i in range(n) if i % LONG_EVERY == LONG_EVERY - 1)}


def measure(texts: Path, n: int, tmp: Path, code: Path, run_measured, run_json, log, *,
            checkpoints: tuple[int, ...] = CHECKPOINTS) -> tuple[dict, list[str]]:
    """Everything of (c); returns (result, failures)."""
    folder = tmp / "corpus-different"
    corpus = build(texts, n, folder)
    corpus.pop("words_each")
    failures: list[str] = []
    log(f"(c) {n} recombined documents, {corpus['words']} words, {corpus['long_documents']} long ones")
    texts_json = tmp / "corpus-texts.json"
    run_json([sys.executable, "-m", "pipeline.benchmarking.worker", "chunks", str(folder), str(texts_json)], cwd=code)
    base = run_json([sys.executable, "-m", "pipeline.benchmarking.worker", "base", str(texts_json)], cwd=code)
    # end to end, as a user runs the base model over a corpus once: start-up, the short
    # warm-up document and the first pass (the worker's second pass, over texts it has
    # seen, is the steady state beside it)
    base_wps = corpus["words"] / (base["import_s"] + base["load_s"] + base["warmup_s"] + base["first_pass_s"])
    log(f"(c) base model: {base_wps:.0f} words/s end to end, {corpus['words'] / base['first_pass_s']:.0f} "
        f"without start-up, steady state {corpus['words'] / base['pipe_s']:.0f} "
        f"(others used {base.get('others_cores')} cores)")

    def run(what: str, source: Path, *args: str) -> dict:
        out = tmp / f"corpus-out-{what}"
        cmd = [sys.executable, "-m", "pipeline", "run", str(source), "--out", str(out), *args]
        r = run_measured(cmd, cwd=code)
        shutil.rmtree(out, ignore_errors=True)
        r["command"] = " ".join(r["command"]).replace(str(tmp), "$TMP").replace(sys.executable, "python")
        if r["exit"] != 0:
            failures.append(f"(c) {what}: exit {r['exit']}: {r['stderr_tail'][-500:]}")
        log(f"(c) {what}: {r['wall_s']:.1f} s, peak {(r['max_rss_kb'] or 0) / 1024:.0f} MB "
            f"(tree {(r['tree_rss_kb'] or 0) / 1024:.0f} MB); others used {r['others_cores']} cores")
        return r

    engines = {"np1": run("np1", folder, "--n-process", "1"), "np2": run("np2", folder, "--n-process", "2"),
               "dask2": run("dask2", folder, "--engine", "dask", "--n-process", "2")}
    result: dict = {"corpus": {**corpus, "source": str(texts), "seed": SEED}, "base": {
        "words_per_s": base_wps, "first_pass_words_per_s": corpus["words"] / base["first_pass_s"],
        "steady_words_per_s": corpus["words"] / base["pipe_s"],
        "startup_s": base["import_s"] + base["load_s"], "rss_peak_kb": base["rss_peak_kb"],
        "others_cores": base.get("others_cores")}, "engines": {}, "memory": {}}
    for name, r in engines.items():
        wps = corpus["words"] / r["wall_s"]
        result["engines"][name] = {"wall_s": r["wall_s"], "words_per_s": wps, "vs_base": wps / base_wps,
                                   "max_rss_kb": r["max_rss_kb"], "tree_rss_kb": r["tree_rss_kb"],
                                   "others_cores": r["others_cores"], "command": r["command"]}
    one = engines["np1"]["wall_s"]
    result["speedup"] = {"np2": one / engines["np2"]["wall_s"], "dask2": one / engines["dask2"]["wall_s"]}
    sizes = [c for c in checkpoints if c < n] + [n]
    out = tmp / "corpus-out-checkpoints"
    run_ = run_json([sys.executable, "-m", "pipeline.benchmarking.worker", "checkpoints", str(folder), str(out),
                     ",".join(map(str, sizes))], cwd=code)
    shutil.rmtree(out, ignore_errors=True)
    if run_["failed"]:
        failures.append(f"(c) checkpoints: {run_['failed']} document(s) failed")
    result["memory"] = by_size(run_["points"])
    log("(c) one process by size: " + ", ".join(
        f"{m['documents']} docs {m['max_rss_kb'] / 1024:.0f} MB {m['cpu_s_per_1000_words']:.3f} CPU s/1000 words"
        for m in result["memory"].values()) + f" (others used {run_.get('others_cores')} cores)")
    result["checkpoints_others_cores"] = run_.get("others_cores")
    peaks = [m["max_rss_kb"] or 0 for m in result["memory"].values()]
    result["memory_growth"] = max(peaks) / min(peaks) - 1 if min(peaks) else None
    costs = [m["cpu_s_per_1000_words"] for m in result["memory"].values()]
    result["cost_spread"] = max(costs) / min(costs) - 1 if min(costs) else None
    result["cost_growth_raw"] = growth(costs)
    references = [m.get("reference_cpu_s") for m in result["memory"].values()]
    result["machine_speed"] = relative_speed(references)
    result["cost_growth"] = growth(at_mean_speed(costs, references))
    shutil.rmtree(folder, ignore_errors=True)
    return result, failures


def growth(costs: list[float]) -> float | None:
    """How much dearer a later stretch of the run is than the cheapest one before it
    (0 when the cost never rises). A run gets cheaper per word as it goes on, and must:
    spaCy's lemmatizer and our stages cache what they read per word type, the first
    documents meet every type for the first time, and the recombined corpus repeats
    its paragraphs. What goal 7 guards against is the opposite, a cost that grows with
    the documents before it (a string store or a cache without bound)."""
    if not costs or min(costs) <= 0:
        return None
    return max([0.0] + [later / min(costs[:i]) - 1 for i, later in enumerate(costs) if i])


def relative_speed(references: list[float | None]) -> list[float] | None:
    """The machine's speed in each stretch against its mean over the run (1.1: the
    reference work ran 10 % faster than on average), from the worker's reference_work
    timings; None without them."""
    if not references or any(not r for r in references):
        return None
    mean = sum(references) / len(references)
    return [mean / r for r in references]


def at_mean_speed(costs: list[float], references: list[float | None]) -> list[float]:
    """Costs per word as they would be had the machine run at its mean speed in every
    stretch (each cost times that stretch's relative speed): goal 7 compares these, so
    that a machine slowing down within the run is not taken for a pipeline that grows.
    The costs as measured without reference timings."""
    speed = relative_speed(references)
    return costs if speed is None else [c * s for c, s in zip(costs, speed)]


def by_size(points: list[dict]) -> dict[str, dict]:
    """Per checkpoint of one run (worker `checkpoints`): the peak memory so far, and the
    cost of the documents since the previous checkpoint, per 1,000 words, by the clock
    and by CPU time (the goal's figure: other processes on the machine do not count)."""
    out = {}
    for before, point in zip(points, points[1:]):
        words = point["words"] - before["words"]
        out[str(point["documents"])] = {
            "documents": point["documents"], "words": point["words"], "max_rss_kb": point["rss_peak_kb"],
            "interval": [before["documents"], point["documents"]], "interval_words": words,
            "s_per_1000_words": 1000 * (point["wall_s"] - before["wall_s"]) / words if words else None,
            "cpu_s_per_1000_words": 1000 * (point["cpu_s"] - before["cpu_s"]) / words if words else None,
            "reference_cpu_s": point.get("reference_cpu_s")}
    return out


def print_table(result: dict, console) -> None:
    """(c) as two Rich tables: engines against the base model, memory and cost by size."""
    from rich.table import Table

    c = result["corpus"]
    t = Table(title=f"(c) corpus of different texts: {c['documents']} documents, {c['words']} words "
                    f"({c['long_documents']} long), wall clock end to end")
    for col in ("run", "words/s", "x base", "speed-up", "peak MB", "others' cores"):
        t.add_column(col, justify="right")
    b = result["base"]
    t.add_row("plain base model", f"{b['words_per_s']:.0f}", "1.00", "-", f"{b['rss_peak_kb'] / 1024:.0f}",
              str(b.get("others_cores")))
    for name, label in (("np1", "pipeline run"), ("np2", "--n-process 2"), ("dask2", "--engine dask, 2 workers")):
        e = result["engines"][name]
        speed = "1.00" if name == "np1" else f"{result['speedup'][name]:.2f}"
        t.add_row(label, f"{e['words_per_s']:.0f}", f"{e['vs_base']:.2f}", speed,
                  f"{(e['max_rss_kb'] or 0) / 1024:.0f}", str(e["others_cores"]))
    console.print(t)
    m = Table(title="(c) one process, one run: peak memory so far, and the cost of the documents since the "
                    f"previous line (others kept {result.get('checkpoints_others_cores')} cores busy)")
    for col in ("documents", "words", "peak MB", "s / 1000 words", "CPU s / 1000 words"):
        m.add_column(col, justify="right")
    for size in result["memory"].values():
        m.add_row(f"{size['interval'][0] + 1}-{size['documents']}", str(size["interval_words"]),
                  f"{(size['max_rss_kb'] or 0) / 1024:.0f}", f"{size['s_per_1000_words']:.3f}",
                  f"{size['cpu_s_per_1000_words']:.3f}")
    console.print(m)
    spread = result.get("memory_growth")
    console.print(f"peak memory spread {spread:.1%} (goal within 10 %), cost growth at the machine's mean speed "
                  f"{(result.get('cost_growth') or 0):.1%} (goal: none above 10 %; as measured "
                  f"{(result.get('cost_growth_raw') or 0):.1%}; spread "
                  f"{(result.get('cost_spread') or 0):.1%})" if spread is not None else "")
