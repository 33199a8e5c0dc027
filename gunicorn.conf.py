"""gunicorn's settings file, read from the working directory (`gunicorn ... wsgi:app`).

The command line (Makefile `run`, docs/deploy.md's unit) names the worker and the
address; this file holds what makes a restart quick (docs/deploy.md, "Restarts").
"""


def worker_exit(server, worker):
    """A stopping worker's last step before the interpreter shuts down: freeze the garbage
    collector's objects, so the shutdown does not walk some 300,000 objects of the app in
    one last collection (measured 1.5 s of a 2.6 s stop on a loaded two-core machine);
    the process's memory is returned to the system as it exits anyway."""
    import gc

    gc.freeze()
