"""The performance goals of issues 5 and 15, evaluated on the raw numbers of one bench run.

Goals 1-4 (issue 5) are measured on the seeds and copies of them; goals 5-7 (issue 15)
on part (c), the corpus of different texts of mixed lengths, and are SKIP when (c)
did not run (`--corpus-docs 0`).

Every goal is a dict: id, goal (the text), measured, threshold, verdict (PASS / FAIL /
SKIP when the numbers are missing) and detail (how the numbers were combined).
`--quick` measures only 1x and 4x: goals 2 and 3 are then evaluated on 4x (with the
same rules scaled: k x corpus time <= (k + 1) x the 1x time, start-up subtracted) and
say so in their detail; they are a smoke signal, not the verdict of the issue.
"""
from __future__ import annotations

from statistics import median

THROUGHPUT_RATIO = 0.8      # goal 1: full words/s >= 0.8 x base words/s
PARALLEL_SPEEDUP = 1.6      # goal 2: --n-process 2 words/s >= 1.6 x one process
MEMORY_GROWTH = 0.10        # goal 3: peak at 16x <= 1.10 x peak at 1x
SEEDS_SECONDS = 20.0        # goal 4: `python -m pipeline run seeds` under 20 s
CORPUS_VS_BASE = 0.9        # goal 5: `pipeline run` words/s >= 0.9 x the plain base model's, end to end
CORPUS_SPEEDUP = 1.7        # goal 6: --n-process 2 and two Dask workers each >= 1.7 x one process
CORPUS_SPREAD = 0.10        # goal 7: peak memory at 200 / 1,000 / N within 10 %; cost per word grows <= 10 %


def _goal(gid: int, text: str, measured, threshold, ok: bool | None, detail: str) -> dict:
    verdict = "SKIP" if ok is None else ("PASS" if ok else "FAIL")
    return {"id": gid, "goal": text, "measured": measured, "threshold": threshold, "verdict": verdict,
            "detail": detail}


def throughput(models: dict) -> dict:
    base, full = models["base"]["median"], models["full"]["median"]
    ratio = full["words_per_s"] / base["words_per_s"]
    return _goal(1, "full pipeline words/s >= 0.8 x base model words/s (one process)", round(ratio, 3),
                 THROUGHPUT_RATIO, ratio >= THROUGHPUT_RATIO,
                 f"median of {models['repetitions']} interleaved fresh processes each: full "
                 f"{full['words_per_s']:.0f} words/s, base {base['words_per_s']:.0f} words/s "
                 f"(CPU-time ratio {full['cpu_words_per_s'] / base['cpu_words_per_s']:.3f})")


def parallel(scaling: dict) -> dict:
    size = max(scaling["sizes"])
    one, two = (scaling["cells"].get(f"{size}x/np{n}") for n in (1, 2))
    if not one or not two:
        return _goal(2, "--n-process 2 words/s >= 1.6 x one process (16x corpus)", None, PARALLEL_SPEEDUP, None,
                     "not measured")
    speedup = two["words_per_s"] / one["words_per_s"]
    net = two["net_words_per_s"] / one["net_words_per_s"] if one["net_words_per_s"] and two["net_words_per_s"] else None
    bound = idle_speedup_bound(one, two, scaling.get("cores") or 2)
    note = "" if size == 16 else f" (quick run: {size}x corpus, not 16x)"
    return _goal(2, "--n-process 2 words/s >= 1.6 x one process (16x corpus)", round(speedup, 3), PARALLEL_SPEEDUP,
                 speedup >= PARALLEL_SPEEDUP,
                 f"{size}x corpus, wall clock words/s incl. start-up: np2 {two['words_per_s']:.0f} vs np1 "
                 f"{one['words_per_s']:.0f}; with start-up subtracted the speed-up is "
                 f"{'n/a' if net is None else f'{net:.3f}'}; CPU s np1 {_r(one.get('cpu_s'))}, np2 {_r(two.get('cpu_s'))} "
                 f"(main {_r(two.get('main_cpu_s'))}, workers {' + '.join(str(_r(w)) for w in two.get('workers_cpu_s') or [])}); best speed-up this CPU "
                 f"work allows on an idle machine {'n/a' if bound is None else f'{bound:.2f}'}; other processes "
                 f"kept {two.get('others_cores')} cores busy{note}")


def _r(x):
    return None if x is None else round(x, 1)


def idle_speedup_bound(one: dict, two: dict, cores: int) -> float | None:
    """The speed-up np2 would reach if this machine had nothing else to do: its wall time
    can be no shorter than its CPU time spread over the cores, nor than its busiest
    process (main or one worker)."""
    if not one.get("cpu_s") or not two.get("cpu_s") or two.get("main_cpu_s") is None:
        return None
    busiest = max([two["main_cpu_s"], *two.get("workers_cpu_s", [])])
    return one["cpu_s"] / max(two["cpu_s"] / cores, busiest)


def scaling_goal(scaling: dict) -> dict:
    size = max(scaling["sizes"])
    parts, ok, measured = [], True, {}
    for n in scaling["n_process"]:
        small, big = scaling["cells"].get(f"1x/np{n}"), scaling["cells"].get(f"{size}x/np{n}")
        start = scaling["startup"].get(f"np{n}")
        if not small or not big or not start:
            return _goal(3, "peak memory at 16x within 10% of 1x; 16x time <= 17 x 1x time (start-up subtracted)",
                         None, None, None, "not measured")
        growth = big["max_rss_kb"] / small["max_rss_kb"] - 1
        s = start["wall_s"]
        allowed = (size + 1) * (small["wall_s"] - s)
        per_word = (big["wall_s"] - s) / (size * (small["wall_s"] - s))
        mem_ok, time_ok = growth <= MEMORY_GROWTH, big["wall_s"] - s <= allowed
        ok = ok and mem_ok and time_ok
        measured[f"np{n}"] = {"memory_growth": round(growth, 4), "time_net_s": round(big["wall_s"] - s, 2),
                              "time_allowed_s": round(allowed, 2), "cost_per_word_ratio": round(per_word, 3)}
        parts.append(f"np{n}: peak {small['max_rss_kb'] / 1024:.0f} -> {big['max_rss_kb'] / 1024:.0f} MB "
                     f"({growth:+.1%}, {'ok' if mem_ok else 'too much'}); {size}x net {big['wall_s'] - s:.1f} s "
                     f"vs allowed {allowed:.1f} s = {size + 1} x ({small['wall_s']:.1f} - {s:.1f} start-up) "
                     f"({'ok' if time_ok else 'not linear'}; cost per word x{per_word:.2f})")
    note = "" if size == 16 else f" [quick run: {size}x, not 16x]"
    return _goal(3, "peak memory at 16x within 10% of 1x; 16x time <= 17 x 1x time (start-up subtracted)",
                 measured, {"memory_growth": MEMORY_GROWTH, "time_factor": size + 1}, ok,
                 "; ".join(parts) + note + ". Peak = largest process (/usr/bin/time -v).")


def seeds_run(runs: list[dict]) -> dict:
    if not runs:
        return _goal(4, "`python -m pipeline run seeds` (warm venv) under 20 s", None, SEEDS_SECONDS, None, "not measured")
    walls = [r["wall_s"] for r in runs]
    m = median(walls)
    failed = [r for r in runs if r["exit"] != 0]
    return _goal(4, "`python -m pipeline run seeds` (warm venv) under 20 s", round(m, 2), SEEDS_SECONDS,
                 m < SEEDS_SECONDS and not failed,
                 f"median of {len(walls)} runs after warm-up runs: {', '.join(f'{w:.1f}' for w in walls)} s"
                 + (f"; {len(failed)} run(s) exited non-zero" if failed else ""))


GOAL5 = "`pipeline run` words/s >= 0.9 x the plain base model's, end to end (corpus of different texts)"
GOAL6 = "--n-process 2 and --engine dask (2 workers) each >= 1.7 x one process (corpus of different texts)"
GOAL7 = ("one process: peak memory at 200 / 1,000 / all documents within 10 %, and CPU cost per word of "
         "documents 1-200 / 201-1,000 / the rest growing by at most 10 %")


def corpus_goals(corpus: dict | None) -> list[dict]:
    """Goals 5-7 on part (c); SKIP when it did not run."""
    if not corpus:
        return [_goal(gid, text, None, threshold, None, "part (c) not run (--corpus-docs 0)")
                for gid, text, threshold in ((5, GOAL5, CORPUS_VS_BASE), (6, GOAL6, CORPUS_SPEEDUP),
                                             (7, GOAL7, CORPUS_SPREAD))]
    docs, others = corpus["corpus"]["documents"], corpus["engines"]["np1"].get("others_cores")
    one, base = corpus["engines"]["np1"], corpus["base"]
    vs_base = one["vs_base"]
    goal5 = _goal(5, GOAL5, round(vs_base, 3), CORPUS_VS_BASE, vs_base >= CORPUS_VS_BASE,
                  f"{docs} documents: pipeline run {one['words_per_s']:.0f} words/s (reading, all stages, writing "
                  f"the JSONL, start-up included) vs the base model's nlp.pipe {base['words_per_s']:.0f} words/s "
                  f"(start-up and one pass, as a user runs it; {base.get('first_pass_words_per_s', 0):.0f} without "
                  f"start-up, {base['steady_words_per_s']:.0f} in a second pass over the same texts); other processes kept "
                  f"{others} cores busy")
    speedups = {name: round(v, 3) for name, v in corpus["speedup"].items()}
    goal6 = _goal(6, GOAL6, speedups, CORPUS_SPEEDUP, min(speedups.values()) >= CORPUS_SPEEDUP,
                  "wall clock end to end against one process: " + ", ".join(
                      f"{name} {corpus['engines'][name]['wall_s']:.1f} s (others' cores "
                      f"{corpus['engines'][name].get('others_cores')})" for name in speedups)
                  + f", np1 {one['wall_s']:.1f} s")
    memory, cost = corpus.get("memory_growth"), corpus.get("cost_growth")
    ok = None if memory is None or cost is None else memory <= CORPUS_SPREAD and cost <= CORPUS_SPREAD
    goal7 = _goal(7, GOAL7, {"memory_growth": None if memory is None else round(memory, 4),
                             "cost_growth": None if cost is None else round(cost, 4)}, CORPUS_SPREAD, ok,
                  "one run: " + "; ".join(
                      f"after {m['documents']} docs peak {(m['max_rss_kb'] or 0) / 1024:.0f} MB, documents "
                      f"{m['interval'][0] + 1}-{m['documents']} {m['cpu_s_per_1000_words']:.3f} CPU s "
                      f"({m['s_per_1000_words']:.3f} s) per 1,000 words" for m in corpus["memory"].values())
                  + (f"; cost spread {corpus['cost_spread']:+.1%} (a later stretch cheaper is no growth)"
                     if corpus.get("cost_spread") is not None else "")
                  + (f"; costs compared at the machine's mean speed (its speed by stretch, from a reference "
                     f"work: {', '.join(f'x{v:.2f}' for v in corpus['machine_speed'])}; growth as measured "
                     f"{corpus['cost_growth_raw']:+.1%})" if corpus.get("machine_speed") else ""))
    return [goal5, goal6, goal7]


def evaluate(models: dict, scaling: dict, seeds_runs: list[dict], corpus: dict | None = None) -> list[dict]:
    return [throughput(models), parallel(scaling), scaling_goal(scaling), seeds_run(seeds_runs),
            *corpus_goals(corpus)]
