"""Heavy work off the gevent event loop: one helper for ledger parsing and photo decoding.

A server process runs one gevent loop for every request and websocket. Parsing a
spreadsheet or decoding a 40-megapixel photo there would stop all of them until it is
done, /api/v1/health included. `off_the_loop` runs such work in a small pool of real
threads instead (Pillow and zlib release the GIL while they work; pure Python yields it
every few milliseconds), and the calling greenlet waits without blocking the others.
Outside a gevent server (tests, CLI commands) it is a plain call.

The work must not need the Flask app or request context: pass it plain values.

The pool's threads run at a lower CPU priority (nice 10, Linux: per thread) so that on a
busy machine the kernel gives the event loop's thread the core first.
"""
import os
import threading

from gevent import monkey

#: threads for heavy work per process: bounds the CPU and memory that uploads take at once
HEAVY_THREADS = 2
#: how much the heavy threads yield the CPU to the event loop's thread (0 to 19)
HEAVY_NICENESS = 10

_pool = None
_lowered = threading.local()


def off_the_loop(function, *args):
    """function(*args), in the heavy-work thread pool when serving under gevent; what it
    raises (a refusal of the upload, say) is raised here, in the calling greenlet."""
    global _pool
    if not monkey.is_module_patched("socket"):
        return function(*args)
    if _pool is None:
        from gevent.threadpool import ThreadPool

        _pool = ThreadPool(HEAVY_THREADS)
    # the error travels back as a value: gevent would log a raised one as a crash
    finished, value = _pool.apply(_outcome, (function, args))
    if finished:
        return value
    raise value


def _outcome(function, args) -> tuple[bool, object]:
    _lower_priority()
    try:
        return True, function(*args)
    except Exception as error:  # noqa: BLE001 - re-raised by off_the_loop
        return False, error


def _lower_priority() -> None:
    """Give this pool thread a lower CPU priority than the loop's (once per thread)."""
    import _thread

    if getattr(_lowered, "done", False):
        return
    _lowered.done = True
    try:
        thread_id = _thread.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, thread_id)
        os.setpriority(os.PRIO_PROCESS, thread_id, min(19, current + HEAVY_NICENESS))
    except (AttributeError, OSError):  # not Linux, or not allowed: the work runs all the same
        pass
