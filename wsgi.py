"""WSGI entry point: `gunicorn -k gevent -w 1 wsgi:app` (see README, Serving).

Building the app makes some 300,000 objects that live as long as the process (modules,
models, routes, schemas). The garbage collector is off while they are made (its passes
over the growing heap were ~15% of a worker's start), one pass then frees what the start
left behind, and the rest is frozen: later collections no longer walk it.
"""
import gc

collecting = gc.isenabled()
gc.disable()
try:
    from app import create_app

    app = create_app()
finally:
    gc.collect()
    gc.freeze()
    if collecting:
        gc.enable()
