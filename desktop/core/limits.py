"""Process limits that a server of thousands of clients needs."""

from __future__ import annotations

import gc
import sys

__all__ = ["raise_open_file_limit"]


def raise_open_file_limit(wanted: int = 1_048_576) -> int:
    """Raise the soft limit on open files towards the hard limit; returns the soft limit now.

    Each TCP client costs one descriptor; Linux's default soft limit (1024) would cap a server
    session near a thousand clients.
    """
    if sys.platform == "win32":
        return wanted  # Windows has no such per-process soft limit for sockets
    import resource  # noqa: PLC0415 (POSIX only)

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft == resource.RLIM_INFINITY or soft >= target:
        return wanted if soft == resource.RLIM_INFINITY else soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ValueError, OSError):
        return soft
    return target


def release_free_memory() -> bool:
    """Give freed heap pages back to the OS (glibc ``malloc_trim``); False where unsupported.

    After thousands of clients leave, CPython has freed their objects but glibc keeps the pages;
    trimming lets the resident size fall back towards where it was.
    """
    gc.collect()
    if not sys.platform.startswith("linux"):
        return False
    import ctypes.util  # noqa: PLC0415  (1 MiB of RSS a server that never trims does not need)

    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        return bool(libc.malloc_trim(0))
    except (OSError, AttributeError):
        return False  # not glibc (musl has no malloc_trim)
