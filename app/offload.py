"""Heavy work off the gevent event loop: a thread pool, and killable helper processes.

A server process runs one gevent loop for every request and websocket. Parsing a
spreadsheet or decoding a 40-megapixel photo there would stop all of them until it is
done, /api/v1/health included. Two ways out, both plain calls outside a gevent server
(tests, CLI commands):

- `off_the_loop(function, *args)` runs bounded work (Pillow, zlib, OpenCV on an image
  already checked) in a small pool of real threads; the calling greenlet waits without
  blocking the others. A thread cannot be stopped, so nothing whose time depends on the
  input (an analysis, a decode) goes here.
- `in_a_process(function, *args, timeout_s=)` runs work whose time the input decides
  (a sunlight analysis, decoding an uploaded JPEG or PDF) in one of a few helper
  processes (as many as the machine has cores, per server process, niced). Past its
  time (counted once the helper has imported what the work needs) the helper is killed
  (SIGKILL) and `TimedOut` raised; when every helper is busy
  and `HEAVY_QUEUE` callers already wait, `Busy` is raised at once (503 with
  Retry-After, app/errors.py). The function and its arguments travel pickled: a
  module-level function and plain values; what it raises is raised in the caller.
  `warm_up(module)` (from a domain's init_app) starts one helper with the server, the
  module imported, so that the first upload does not wait for Python to start.

The work must not need the Flask app or request context: pass it plain values.
Threads and helpers run at a lower CPU priority (nice 10) so that on a busy machine the
kernel gives the event loop's thread the core first.
"""
import os
import pickle
import struct
import sys
import threading
from pathlib import Path

from gevent import monkey

#: threads for bounded heavy work per process: bounds the CPU and memory that uploads take at once
HEAVY_THREADS = 2
#: helper processes per server process (default: the cores, so heavy work cannot take
#: more CPU than the machine has); read here, below the app's configuration
HEAVY_PROCESSES = int(os.environ.get("HEAVY_PROCESSES") or max(1, os.cpu_count() or 1))
#: callers that may wait for a helper; one more is answered 503 (Busy) at once
HEAVY_QUEUE = int(os.environ.get("HEAVY_QUEUE") or 4 * HEAVY_PROCESSES)
#: start one helper with the server (1), or only when heavy work first comes (0: test servers,
#: most of which never see heavy work, each save a helper's start, about 1.3 s of CPU)
HEAVY_WARM_UP = os.environ.get("HEAVY_WARM_UP", "1") not in ("0", "false", "")
#: what a refused caller is told to wait (seconds, the Retry-After header)
RETRY_AFTER_S = 10
#: a new helper's start (Python and the work's imports) is not counted in the work's time
#: limit; this bounds it apart (seconds)
START_LIMIT_S = 120
#: how much heavy threads and helpers yield the CPU to the event loop's thread (0 to 19)
HEAVY_NICENESS = 10

_pool = None
_lowered = threading.local()
_helpers = None
_warm_modules: list[str] = []
_HEADER = struct.Struct(">Q")
ROOT = Path(__file__).resolve().parents[1]


class Busy(Exception):
    """Every helper is busy and the queue is full: try again after `retry_after` seconds."""

    def __init__(self, retry_after: int = RETRY_AFTER_S):
        super().__init__(retry_after)
        self.retry_after = retry_after


class TimedOut(Exception):
    """The work ran past its time limit; its helper process was killed."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds


def serving() -> bool:
    """True in a gevent server process (gunicorn -k gevent patches the socket module)."""
    return monkey.is_module_patched("socket")


def off_the_loop(function, *args):
    """function(*args), in the heavy-work thread pool when serving under gevent; what it
    raises (a refusal of the upload, say) is raised here, in the calling greenlet."""
    global _pool
    if not serving():
        return function(*args)
    if _pool is None:
        from gevent.threadpool import ThreadPool

        _pool = ThreadPool(HEAVY_THREADS)
    # the error travels back as a value: gevent would log a raised one as a crash
    finished, value = _pool.apply(_outcome, (function, args))
    return _unwrap(finished, value)


def in_a_process(function, *args, timeout_s: float):
    """function(*args) in a helper process, killed after `timeout_s` (TimedOut); Busy when
    every helper is taken and the queue is full. A plain call outside a gevent server."""
    global _helpers
    if not serving():
        return function(*args)
    if _helpers is None:
        _helpers = _Helpers(HEAVY_PROCESSES, HEAVY_QUEUE)
    return _unwrap(*_helpers.run(function, args, timeout_s))


def _unwrap(finished: bool, value):
    if finished:
        return value
    raise value


def _outcome(function, args) -> tuple[bool, object]:
    _lower_priority()
    try:
        return True, function(*args)
    except Exception as error:  # noqa: BLE001 - re-raised by the caller
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


def warm_up(module: str) -> None:
    """Have the helpers import `module` when they start; in a server, start one now (in the
    background), so that the first upload does not wait for Python to start (the others
    start when needed: a test server that never sees heavy work pays for one). Called by
    the domains that use in_a_process, from their init_app."""
    global _helpers
    if module not in _warm_modules:
        _warm_modules.append(module)
    if serving() and _helpers is None and HEAVY_WARM_UP:
        import gevent

        _helpers = _Helpers(HEAVY_PROCESSES, HEAVY_QUEUE)
        gevent.spawn_later(1, _helpers.fill, 1)


class _Helpers:
    """Up to `size` helper processes, one caller each at a time."""

    def __init__(self, size: int, queue: int):
        from gevent.lock import BoundedSemaphore

        self.size, self.slots, self.queue, self.waiting = size, BoundedSemaphore(size), queue, 0
        self.idle: list = []
        self.started = 0

    def fill(self, count: int) -> None:
        """Start helpers until there are `count` of them (at most `size`), one at a time."""
        while self.started < min(count, self.size):
            self.started += 1
            try:
                self.idle.append(_start_helper())
            except BaseException:
                self.started -= 1
                raise

    def _take(self):
        if self.idle:
            return self.idle.pop()
        self.started += 1
        try:
            return _start_helper()
        except BaseException:
            self.started -= 1
            raise

    def run(self, function, args, timeout_s: float) -> tuple[bool, object]:
        if self.slots.locked() and self.waiting >= self.queue:
            raise Busy()
        self.waiting += 1
        try:
            self.slots.acquire()
        finally:
            self.waiting -= 1
        try:
            helper = self._take()
            try:
                outcome = _call(helper, pickle.dumps((function, args)), timeout_s)
            except BaseException:
                self.started -= 1  # _call killed it
                raise
            self.idle.append(helper)
            return outcome
        finally:
            self.slots.release()


def _start_helper():
    """A new helper, once it has started and imported the warm-up modules."""
    import gevent
    from gevent import subprocess

    helper = subprocess.Popen([sys.executable, "-c", HELPER_MAIN, *_warm_modules], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        with gevent.Timeout(START_LIMIT_S, TimedOut(START_LIMIT_S)):
            _read_exactly(helper.stdout, 1)
    except BaseException:
        helper.kill()
        helper.wait()
        raise
    return helper


def _call(helper, payload: bytes, timeout_s: float) -> tuple[bool, object]:
    """Send one task, read its outcome; past the time (or on any failure) kill the helper."""
    import gevent

    try:
        with gevent.Timeout(START_LIMIT_S, TimedOut(START_LIMIT_S)):
            helper.stdin.write(_HEADER.pack(len(payload)) + payload)
            helper.stdin.flush()
            _read_exactly(helper.stdout, 1)  # started: the helper has imported what the work needs
        with gevent.Timeout(timeout_s, TimedOut(timeout_s)):
            size = _HEADER.unpack(_read_exactly(helper.stdout, _HEADER.size))[0]
            return pickle.loads(_read_exactly(helper.stdout, size))
    except BaseException:
        helper.kill()
        helper.wait()
        raise


def _read_exactly(stream, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise RuntimeError("heavy-work helper process ended")
    return data


def _serve(source, sink) -> None:
    """A helper's loop: read a task, run it, write its outcome; end when the server is gone."""
    _lowered.done = True  # the whole helper is niced already
    while True:
        header = source.read(_HEADER.size)
        if len(header) != _HEADER.size:
            return
        function, args = pickle.loads(source.read(_HEADER.unpack(header)[0]))
        sink.write(b"S")  # the time limit counts from here: the imports are done
        sink.flush()
        outcome = _outcome(function, args)
        try:
            data = pickle.dumps(outcome)
        except Exception as error:  # noqa: BLE001 - an unpicklable error still reaches the caller
            data = pickle.dumps((False, RuntimeError(repr(error))))
        sink.write(_HEADER.pack(len(data)) + data)
        sink.flush()


def _die_with_parent() -> None:
    """Linux: the kernel kills this helper when its server process dies (SIGKILL included)."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):
        pass


HELPER_MAIN = "import sys; from app.offload import helper_main; helper_main(sys.argv[1:])"


def helper_main(modules: list[str]) -> None:
    """A helper process: niced, gone with its server, the modules imported; then it serves."""
    import importlib

    _die_with_parent()
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print() of the work goes to the log, not into the channel
    for name in modules:
        importlib.import_module(name)
    os.nice(HEAVY_NICENESS)  # after the imports: a niced start on a busy machine takes minutes
    channel.write(b"R")  # ready
    channel.flush()
    _serve(sys.stdin.buffer, channel)
