"""Process-wide malloc settings for long batch runs (glibc only; a no-op elsewhere).

Two thresholds, both measured on this pipeline (docs/benchmark.md):

* **mmap threshold, fixed at 1 MB.** glibc serves a block larger than its mmap
  threshold with a mapping of its own, which goes back to the system when freed. By
  default the threshold moves: once such a block is freed, blocks of that size (up to
  32 MB) come from the heap instead. The encoders' and parser's arrays for a long
  document then end up scattered in the heap, and the heap holds ever more free but
  unreturnable memory: peak memory rose by ~10 MB per long document before it levelled
  off. At 1 MB those arrays stay out of the heap.
* **trim threshold, 8 MB.** Fixing one threshold fixes the other at its 128 kB default
  (and Dask's nanny starts workers with 64 kB): free memory at the top of the heap
  beyond that goes back to the system after almost every document, and the next
  document takes it again page by page. A Dask worker made 378k page faults where the
  same documents in one process made 6k, and ran 13 % slower. Keeping up to 8 MB of
  free heap costs at most those 8 MB.

Only the command line and the workers of a run call this: a library must not change
its host's allocator. A threshold the user set in the environment (`MALLOC_*_`,
`GLIBC_TUNABLES`) wins. Pool workers are forked, so they inherit the settings; a Dask
worker is a fresh process, and the run's worker plugin sets them there.
"""
from __future__ import annotations

import ctypes
import os
import platform

MMAP_THRESHOLD_BYTES = 1 << 20
TRIM_THRESHOLD_BYTES = 8 << 20
# mallopt parameter numbers, from glibc's <malloc.h>, with the names of the environment
# variable and the tunable that set them at start-up
_PARAMETERS = {"mmap_threshold": (-3, "MALLOC_MMAP_THRESHOLD_", "glibc.malloc.mmap_threshold"),
               "trim_threshold": (-1, "MALLOC_TRIM_THRESHOLD_", "glibc.malloc.trim_threshold")}


def tune_malloc(mmap_threshold: int = MMAP_THRESHOLD_BYTES,
                trim_threshold: int = TRIM_THRESHOLD_BYTES) -> dict[str, bool]:
    """Set glibc's mmap and trim thresholds; for each, whether it was set here (False
    off glibc, or when the environment already sets it)."""
    wanted = {"mmap_threshold": mmap_threshold, "trim_threshold": trim_threshold}
    done = dict.fromkeys(wanted, False)
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return done
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return done
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    tunables = os.environ.get("GLIBC_TUNABLES", "")
    for name, size in wanted.items():
        number, variable, tunable = _PARAMETERS[name]
        if variable in os.environ or tunable in tunables:
            continue
        done[name] = mallopt(number, size) == 1
    return done
