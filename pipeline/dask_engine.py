"""`run --engine dask`: the same run on a Dask cluster (one machine or many).

Without `--scheduler` a `dask.distributed.LocalCluster` of `--n-process` worker
processes (one thread each) is started for the run and closed after it; with
`--scheduler tcp://HOST:PORT` the run uses a cluster the user started (`dask
scheduler` / `dask worker`, dask-jobqueue on SLURM, dask-kubernetes ...).

Each worker loads the pipeline once, in a worker plugin, and runs `runner.process` on
the tasks it is given -- batches of documents, longest first, of about TASK_BYTES
of text each (`runner.plan_tasks`), with the documents' bytes inside, so workers need
not see this machine's files --
and returns their results as JSON lines, never Docs. The main process stores each
result in the work area as it arrives and assembles the outputs exactly as a local
run does: a cluster run is resumable and its files are byte-identical to a local
run's. A worker runs a task at a time (the plugin holds a lock: spaCy pipelines are
not thread-safe). Tasks are submitted a few per worker ahead, so the bytes of a large
corpus are never all in memory. A task whose worker dies is run again one document per
task, so that only the document that kills a worker is lost.

Dask is an optional dependency: `pip install 'histextract[dask]'`.
"""
from __future__ import annotations

import logging
import threading
from typing import Iterator

from .sources import InputError, Source
from .workarea import DocResult

PLUGIN = "histextract"
TASKS_AHEAD = 2  # tasks in flight per worker
# Text per task: a task costs a scheduler round trip and the client's time, some 20 ms;
# a one-document task of a short article paid that for 0.15 s of work, and two workers
# ran 1.45x one process where the local pool runs 1.8x. 32 kB is about 2 s of work.
TASK_BYTES = 32_000
# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which made a worker 13 %
# slower than `pipeline run` on the same documents (pipeline/allocator.py). The local
# cluster of a run starts its workers without it, and the worker plugin sets the
# thresholds `pipeline run` uses; on a cluster the user started, a threshold in the
# workers' environment wins (README: Dask).
WORKER_TRIM_SETTING = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"
# Diagnostics a worker runs beside its task, holding the GIL the task needs: the
# statistical profiler samples every thread's stack every 10 ms, and the event loop's
# responsiveness is measured every 20 ms. A single-threaded worker spent another 7 %
# and 3 % of its compute time's CPU on them (a CPU-bound task, measured with thread
# versus process CPU time). The run's own cluster starts its workers without the
# profiler and with a 1 s tick (the unresponsiveness warning stays, at 3 s); on a
# cluster the user started, the user's configuration decides (README: Dask).
WORKER_DIAGNOSTICS = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s"}


def _distributed():
    try:
        import distributed
    except ImportError:
        raise InputError("--engine dask needs Dask: pip install 'histextract[dask]' "
                         "(or pip install 'dask[distributed]')") from None
    return distributed


try:  # this module imports without Dask; DaskEngine then says how to install it
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - the dev extra installs Dask
    _WorkerPlugin = object


class PipelinePlugin(_WorkerPlugin):
    """Loads the pipeline once per worker."""

    name = PLUGIN

    def __init__(self, model: str, dct: str | None):
        self.model, self.dct = model, dct
        self.nlp = self.fingerprint = self.malloc = None
        self.lock = threading.Lock()

    def setup(self, worker=None) -> None:
        from .allocator import tune_malloc
        from .runner import chunk_size, load_pipeline
        from .workarea import fingerprint

        self.malloc = tune_malloc()  # as `pipeline run` does in its own process
        self.nlp = load_pipeline(self.model, self.dct)
        self.fingerprint = fingerprint(self.nlp, chunk_size(self.nlp))

    def __getstate__(self):
        return {"model": self.model, "dct": self.dct}

    def __setstate__(self, state):
        self.__init__(state["model"], state["dct"])


def run_task(sources: list[Source], batch_size: int) -> list[DocResult]:
    """What a Dask worker runs: the results of one task, with the worker's pipeline."""
    from distributed import get_worker

    from .runner import process

    plugin = get_worker().plugins[PLUGIN]
    with plugin.lock:
        return list(process(plugin.nlp, sources, batch_size, plugin.fingerprint))


def local_cluster(n_workers: int):
    """The LocalCluster of a run without `--scheduler`: one single-threaded worker process
    per `--n-process`, started without Dask's malloc trim setting (WORKER_TRIM_SETTING)
    and without its per-worker diagnostics (WORKER_DIAGNOSTICS)."""
    import dask

    distributed = _distributed()
    with dask.config.set({WORKER_TRIM_SETTING: None, **WORKER_DIAGNOSTICS}):
        return distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)


class DaskEngine:
    """`engine(sources)` yields the DocResult of every source, in the order they finish."""

    def __init__(self, *, scheduler: str | None, n_workers: int, batch_size: int, model: str,
                 dct: str | None, fingerprint: str, provenance: dict):
        self.scheduler, self.n_workers, self.batch_size = scheduler, n_workers, batch_size
        self.model, self.dct, self.fingerprint, self.provenance = model, dct, fingerprint, provenance
        _distributed()  # a missing extra is a usage error before any work

    def __call__(self, sources: list[Source]) -> Iterator[DocResult]:
        from .runner import EngineError, failed_result, plan_tasks

        distributed = _distributed()
        if not sources:
            return
        cluster = client = None
        try:
            try:
                if self.scheduler:
                    client = distributed.Client(self.scheduler, timeout="20s")
                else:
                    cluster = local_cluster(self.n_workers)
                    client = distributed.Client(cluster)
            except (OSError, TimeoutError) as err:
                raise EngineError(f"cannot reach the Dask scheduler {self.scheduler or '(local)'}: {err}") from None
            client.register_plugin(PipelinePlugin(self.model, self.dct), name=PLUGIN)
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            tasks = iter(plan_tasks(sources, self.batch_size, TASK_BYTES, workers))
            futures = distributed.as_completed()
            held: dict = {}

            def submit_task(task: list[Source]) -> None:
                shipped = [s.in_memory() for s in task]
                future = client.submit(run_task, shipped, self.batch_size, pure=False)
                held[future.key] = task
                futures.add(future)

            def submit(count: int) -> None:
                for task in (t for _, t in zip(range(count), tasks)):
                    submit_task(task)

            submit(TASKS_AHEAD * workers)
            for future in futures:
                task = held.pop(future.key)
                results = []
                try:
                    results = future.result()
                except Exception as err:
                    if len(task) > 1:  # one document may have killed it: each alone
                        for source in task:
                            submit_task([source])
                    elif isinstance(err, distributed.KilledWorker):
                        reason = f"the Dask workers running it died ({err})"
                        results = [failed_result(s, reason, self.provenance, self.fingerprint) for s in task]
                    else:
                        reason = f"Dask task failed: {type(err).__name__}: {err}"
                        results = [failed_result(s, reason, self.provenance, self.fingerprint) for s in task]
                del future
                yield from results
                submit(1)
        finally:
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()
