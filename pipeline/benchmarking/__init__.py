"""Helpers of the benchmark script `python -m pipeline.bench` (see docs/benchmark.md).

worker.py   one model measured in a fresh process (throughput, memory, components)
procs.py    subprocesses with wall time and peak memory; machine and code facts
goals.py    the four performance goals of issue 5, evaluated on the raw numbers
report.py   Rich tables for the terminal and the Markdown table for the README
"""
