"""A pool of worker processes that cannot hang the run (`run --n-process N`).

Why not spaCy's `nlp.pipe(n_process=N)`: it sends each worker at most two documents
ahead and collects results in input order, so one worker idles while the other parses
a long document; and a worker that dies (the out-of-memory killer's SIGKILL) or a
SIGTERM to the main process leaves it waiting on its queues for ever.

Here each worker is a process with the pipeline loaded once (forked from this one on
Linux, so the loaded model is shared, not loaded again) that takes one task at a time
-- a batch of documents of similar size, longest first (runner.plan_tasks) -- runs
`runner.process` on it and sends back each document's result (JSON lines) as soon as
it is done. The main process always knows which task each worker holds, so:

- a worker that dies fails only the documents it held, with the reason (`killed by
  SIGKILL`, which is what the out-of-memory killer sends); a task of several documents
  is first split and its documents tried one by one, and a fresh worker takes the
  dead one's place;
- Ctrl-C / SIGTERM reach the main process (workers ignore SIGINT, so a terminal's
  Ctrl-C is handled once), which terminates every worker within seconds; workers
  also die with the main process (Linux: PR_SET_PDEATHSIG) and exit when its end of
  their pipe closes.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import traceback
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Iterator

from .sources import Source
from .workarea import DocResult

# Seconds a worker gets to exit after SIGTERM before it is killed.
TERMINATE_GRACE = 2.0
_PR_SET_PDEATHSIG = 1


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: object  # multiprocessing.connection.Connection
    task: list[Source] | None = None
    done: set[str] = field(default_factory=set)  # doc ids of the task already returned


class WorkerPool:
    """`pool(sources)` yields the DocResult of every source, in the order they finish."""

    def __init__(self, nlp, n_process: int, batch_size: int, fingerprint: str):
        self.nlp, self.n, self.batch_size, self.fingerprint = nlp, n_process, batch_size, fingerprint
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)

    def __call__(self, sources: list[Source]) -> Iterator[DocResult]:
        from .runner import failed_result, plan_tasks, provenance

        pending = deque(plan_tasks(sources, self.batch_size, workers=self.n))
        prov = provenance(self.nlp)
        workers: list[_Worker] = []
        try:
            while pending or any(w.task for w in workers):
                while len(workers) < min(self.n, len(pending) + sum(1 for w in workers if w.task)):
                    workers.append(self._start())
                for worker in workers:
                    if worker.task is None and pending:
                        worker.task, worker.done = pending.popleft(), set()
                        worker.conn.send(worker.task)
                busy = [w for w in workers if w.task]
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
                for worker in busy:
                    if worker.conn in ready or worker.process.sentinel in ready:
                        dead, results = self._receive(worker)
                        yield from results
                        if dead:
                            workers.remove(worker)
                            yield from self._bury(worker, pending, prov, failed_result)
        finally:
            self._stop(workers)

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_work, args=(child, self.nlp, self.batch_size, self.fingerprint),
                                       name="histextract-worker", daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _receive(self, worker: _Worker) -> tuple[bool, list[DocResult]]:
        """Everything the worker sent; (True, ...) when it has died (its pipe closed or
        its process ended: messages sent before that are still read)."""
        results = []
        while True:
            try:
                if not worker.conn.poll():
                    break
                kind, payload = worker.conn.recv()
            except (EOFError, OSError):
                return True, results
            if kind == "result":
                worker.done.add(payload.doc_id)
                results.append(payload)
            elif kind == "done":
                worker.task = None
                return False, results
        return not worker.process.is_alive(), results

    def _bury(self, worker: _Worker, pending: deque, prov: dict, failed_result) -> Iterator[DocResult]:
        """A dead worker: the documents of its task it did not return are tried one by
        one if there were several, else failed with the reason."""
        worker.process.join(TERMINATE_GRACE)
        worker.conn.close()
        code = worker.process.exitcode
        if worker.task is None:
            return
        left = [s for s in worker.task if s.doc_id not in worker.done]
        if len(left) > 1:
            pending.extendleft([s] for s in reversed(left))
            return
        for source in left:
            yield failed_result(source, f"worker process died while processing it ({_reason(code)})",
                                prov, self.fingerprint)

    def _stop(self, workers: list[_Worker]) -> None:
        """Idle workers are told to exit; busy ones (an interrupted run) terminated."""
        for worker in workers:
            try:
                if worker.task is None:
                    worker.conn.send(None)
                else:
                    worker.process.terminate()
            except (OSError, ValueError):
                pass
        for worker in workers:
            worker.process.join(TERMINATE_GRACE)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()


def _reason(exitcode: int | None) -> str:
    if exitcode is None:
        return "no exit status"
    if exitcode < 0:
        name = signal.Signals(-exitcode).name
        return f"killed by {name}" + (", e.g. by the out-of-memory killer" if exitcode == -signal.SIGKILL else "")
    return f"exit status {exitcode}"


def _die_with_parent() -> None:
    """Linux: the kernel sends this process SIGKILL when the main process dies, so no
    worker outlives a killed run."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _work(conn, nlp, batch_size: int, fingerprint: str) -> None:
    """A worker's life: take a task, send each result, say done; exit on None or when
    the main process is gone. A bug outside a document's own processing fails the
    documents of the task, not the run."""
    from .runner import failed_result, process, provenance

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    if os.getppid() == 1:  # the main process died before the line above
        return
    prov = provenance(nlp)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        sent = set()
        try:
            for result in process(nlp, task, batch_size, fingerprint):
                conn.send(("result", result))
                sent.add(result.doc_id)
        except Exception as err:
            where = traceback.extract_tb(err.__traceback__)[-1]
            reason = f"worker error: {type(err).__name__}: {err} ({where.filename}:{where.lineno})"
            for source in task:
                if source.doc_id not in sent:
                    conn.send(("result", failed_result(source, reason, prov, fingerprint)))
        conn.send(("done", None))
