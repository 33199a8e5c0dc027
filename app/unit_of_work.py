"""The unit of work: one transaction, and what it announces once it has committed.

Services never send a signal themselves. They `announce(signal, **kwargs)` (a blinker
signal of app/signals.py: live updates, notifications) or queue `after_commit(func, *args)`
(sealing the audit chain soon) on the session; the session sends them, in order, only
after its commit succeeded. A rollback (a refusal, an error, a failed commit) drops them:
nothing is told about what did not happen.

`@unit` marks a service function as one unit of work. Called on its own (a CLI command, a
job, a test) it commits at its end; called inside another unit, it joins it (flushes only)
and the outermost unit commits once. A request is a unit too (`begin_request` /
`end_request`, installed by `init_app`): services marked `@unit` that a route calls join the
request, which commits once when the answer is a success and rolls back otherwise. A
request that ran no unit commits nothing at its end (a read never writes).
"""
from functools import wraps

from flask import current_app, g
from flask_sqlalchemy.session import Session as FlaskSession

#: session.info keys: the queued announcements, and how deep the units are nested
QUEUE = "gz_after_commit"
DEPTH = "gz_unit_depth"
#: g key: a request unit ran a service unit (the request then commits at its end)
REQUEST_WORK = "gz_unit_work"


class UnitSession(FlaskSession):
    """The app's session: sends what was announced after a commit, drops it on a rollback."""

    def commit(self) -> None:
        super().commit()
        queued = self.info.pop(QUEUE, None)
        for func, args, kwargs in queued or ():
            func(*args, **kwargs)

    def rollback(self) -> None:
        self.info.pop(QUEUE, None)
        super().rollback()

    def close(self) -> None:
        self.info.pop(QUEUE, None)
        self.info.pop(DEPTH, None)
        super().close()


def _session():
    """The current session (app.extensions' db, read from the app: extensions imports us)."""
    return current_app.extensions["sqlalchemy"].session()


def after_commit(func, *args, **kwargs) -> None:
    """Call `func(*args, **kwargs)` once the current transaction has committed (never if it
    rolls back). The same call queued twice in one transaction runs once."""
    queue = _session().info.setdefault(QUEUE, [])
    if (func, args, kwargs) not in queue:
        queue.append((func, args, kwargs))


def _send(signal, kwargs: dict) -> None:
    signal.send(current_app._get_current_object(), **kwargs)


def announce(signal, **kwargs) -> None:
    """Send the blinker `signal` with these keyword arguments after the commit."""
    after_commit(_send, signal, kwargs)


def pending() -> list:
    """What the current transaction will announce when it commits (for tests and logs)."""
    return list(_session().info.get(QUEUE, ()))


def unit(func):
    """Make `func` one unit of work: commit at its end, or join the unit it runs in."""

    @wraps(func)
    def run(*args, **kwargs):
        session = _session()
        depth = session.info.get(DEPTH, 0)
        session.info[DEPTH] = depth + 1
        try:
            result = func(*args, **kwargs)
            if depth:
                session.flush()
                if g and DEPTH in g:
                    g.setdefault(REQUEST_WORK, True)
            else:
                session.commit()
            return result
        except BaseException:
            if not depth:
                session.rollback()
            raise
        finally:
            session.info[DEPTH] = depth
    return run


def begin_request() -> None:
    """before_request: the request is the outermost unit; services marked @unit join it."""
    g.setdefault(DEPTH, True)
    session = _session()
    session.info[DEPTH] = session.info.get(DEPTH, 0) + 1


def end_request(response):
    """after_request: a success commits the units the request ran (then announces); any
    other answer rolls them back. Nothing to commit: nothing done."""
    if not g.pop(DEPTH, None):
        return response
    session = _session()
    session.info[DEPTH] = max(session.info.get(DEPTH, 1) - 1, 0)
    if not g.pop(REQUEST_WORK, None):
        return response
    if response.status_code < 400:
        session.commit()
    else:
        session.rollback()
    return response


def teardown_request(_error=None) -> None:
    """An exception no handler answered: whatever the request's units did is rolled back."""
    if g.pop(DEPTH, None):
        session = _session()
        session.info[DEPTH] = 0
        if g.pop(REQUEST_WORK, None):
            session.rollback()


def init_app(app) -> None:
    app.before_request(begin_request)
    app.after_request(end_request)
    app.teardown_request(teardown_request)
