"""CPU-heavy work (image decoding, OpenCV, zbar) off the gevent event loop.

Under gunicorn's gevent worker a long computation in a greenlet stalls every other
request and websocket of the process; gevent's hub thread pool runs it in a real OS
thread instead (OpenCV and zbar release the GIL), and the greenlet waits cooperatively.
Without gevent (tests, the CLI) the function simply runs.
"""


def off_loop(func, *args):
    try:
        from gevent import get_hub, monkey
    except ImportError:  # pragma: no cover - gevent is a requirement
        return func(*args)
    if not monkey.is_module_patched("threading"):
        return func(*args)
    return get_hub().threadpool.apply(func, args)
