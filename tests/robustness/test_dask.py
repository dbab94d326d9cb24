"""`run --engine dask` (issue 15.4): the same files as a local run, on a two-worker
LocalCluster started by the run or by the user (`--scheduler`)."""
from __future__ import annotations

import pytest

import pipeline.runner as runner

from conftest import SEED2, snapshot, write
from test_resume import cli, corpus, processed_line

distributed = pytest.importorskip("distributed")


def test_local_two_processes_and_two_dask_workers_give_the_same_files(tmp_path, full_nlp):
    folder = corpus(tmp_path / "in", 5)
    write(folder / "002_7a24aecd84c9c6ad.txt", SEED2.read_bytes())
    write(folder / "latin1.txt", "Caf\xe9 Pushkin".encode("latin-1"))
    runner.run([folder], tmp_path / "local", nlp=full_nlp)
    runs = {name: cli(folder, "--out", tmp_path / name, *args) for name, args in
            [("pool", ["--n-process", "2"]), ("dask", ["--engine", "dask", "--n-process", "2"])]}
    for name, proc in runs.items():
        _, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 1, stderr  # latin1.txt failed, the others are written
        assert f"failed: {folder / 'latin1.txt'}: not valid UTF-8 at byte 3 (invalid continuation byte)" in \
            stderr.splitlines()
        assert snapshot(tmp_path / name) == snapshot(tmp_path / "local"), name
    rerun = cli(folder, "--out", tmp_path / "dask", "--engine", "dask")
    _, stderr = rerun.communicate(timeout=300)
    assert processed_line(stderr).startswith("1 processed")  # only the failed document again
    assert processed_line(stderr).endswith("6 reused")
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")


@pytest.mark.slow
def test_a_cluster_running_another_pipeline_is_refused(tmp_path, full_nlp):
    """Workers load the pipeline as `pipeline run` does; a main process with another
    configuration (here: vectors kept) must not mix their results into its outputs."""
    folder = corpus(tmp_path / "in", 2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with pytest.raises(runner.EngineError, match="a worker runs other code, rules or model than this process"):
            runner.run([folder], tmp_path / "out", nlp=full_nlp, engine="dask", scheduler=cluster.scheduler_address)
    assert not (tmp_path / "out" / "documents.jsonl").exists()


@pytest.mark.slow
def test_workers_of_a_run_use_the_malloc_settings_of_pipeline_run():
    """Dask's nanny starts workers with a 64 kB malloc trim threshold, which made them 13 %
    slower than `pipeline run` (pipeline/allocator.py): the run's own cluster starts
    them without it, and the worker plugin sets both thresholds."""
    import os
    import platform

    from pipeline.dask_engine import PLUGIN, PipelinePlugin, local_cluster
    from pipeline.nlp import DEFAULT_MODEL

    glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    with local_cluster(1) as cluster, distributed.Client(cluster) as client:
        environ = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
        assert list(environ.values()) == [os.environ.get("MALLOC_TRIM_THRESHOLD_")]
        client.register_plugin(PipelinePlugin(DEFAULT_MODEL, None), name=PLUGIN)
        tuned = client.run(lambda dask_worker: dask_worker.plugins[PLUGIN].malloc)
    expected = {"mmap_threshold": glibc and "MALLOC_MMAP_THRESHOLD_" not in os.environ,
                "trim_threshold": glibc and "MALLOC_TRIM_THRESHOLD_" not in os.environ}
    assert list(tuned.values()) == [expected]


@pytest.mark.slow
def test_workers_of_a_run_do_not_profile_or_tick_beside_their_task():
    """Dask's statistical profiler (every 10 ms) and event-loop tick (every 20 ms) took
    about 10 % of a worker's CPU beside its task: the run's own cluster starts its
    workers without the profiler and with a 1 s tick; a cluster started outside a
    run keeps Dask's defaults."""
    from pipeline.dask_engine import local_cluster

    def diagnostics(dask_worker):
        return "profile" in dask_worker.periodic_callbacks, dask_worker._tick_interval

    with local_cluster(1) as cluster, distributed.Client(cluster) as client:
        assert list(client.run(diagnostics).values()) == [(False, 1.0)]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        assert list(client.run(diagnostics).values()) == [(True, 0.02)]


@pytest.mark.slow
def test_a_task_whose_worker_dies_is_run_again_one_document_per_task(tmp_path, full_nlp):
    """A task carries several documents (TASK_BYTES); when its worker dies, Dask gives up
    on it (here at once: no allowed failures) and the run sends each of its documents
    again alone, so a document that kills workers costs only itself. Here the worker is
    killed from outside while the task runs: every document is then processed, and the
    files are those of a local run."""
    import os
    import signal
    import threading
    import time

    import dask

    folder = corpus(tmp_path / "in", 12, per_doc=3)
    runner.run([folder], tmp_path / "local", nlp=full_nlp)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        (pid,) = client.run(os.getpid).values()
        summary = {}
        thread = threading.Thread(target=lambda: summary.update(run=runner.run(
            [folder], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)))
        thread.start()
        deadline = time.monotonic() + 120
        while not any(client.processing().values()):
            assert time.monotonic() < deadline and thread.is_alive(), "no task ever ran"
            time.sleep(0.02)
        os.kill(pid, signal.SIGKILL)
        thread.join(timeout=300)
    result = summary["run"]
    assert (result.processed, result.failed) == (12, 0)
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")
