"""The performance goals of issue 5, evaluated on the raw numbers of one bench run.

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


def evaluate(models: dict, scaling: dict, seeds_runs: list[dict]) -> list[dict]:
    return [throughput(models), parallel(scaling), scaling_goal(scaling), seeds_run(seeds_runs)]
