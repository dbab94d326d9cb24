"""Process-wide malloc setting for long batch runs (glibc only; a no-op elsewhere).

glibc serves a block larger than its mmap threshold with a mapping of its own, which
goes back to the system when freed. By default the threshold moves: once such a block
is freed, blocks of that size (up to 32 MB) come from the heap instead. The encoders'
and parser's arrays for a long document then end up scattered in the heap, and the
heap holds ever more free but unreturnable memory: peak memory rose by ~10 MB per
long document before it levelled off. A fixed threshold of 1 MB keeps those arrays
out of the heap, at no measurable cost in speed (docs/benchmark.md).

Only the command line calls this: a library must not change its host's allocator. A
threshold the user set in the environment (MALLOC_MMAP_THRESHOLD_, GLIBC_TUNABLES)
wins. Worker processes are forked, so they inherit the setting.
"""
from __future__ import annotations

import ctypes
import os
import platform

MMAP_THRESHOLD_BYTES = 1 << 20
_M_MMAP_THRESHOLD = -3  # mallopt parameter number, from glibc's <malloc.h>


def fix_mmap_threshold(size: int = MMAP_THRESHOLD_BYTES) -> bool:
    """Set glibc's mmap threshold to size; True if it was set here."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    if "MALLOC_MMAP_THRESHOLD_" in os.environ or "mmap_threshold" in os.environ.get("GLIBC_TUNABLES", ""):
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(_M_MMAP_THRESHOLD, size) == 1
