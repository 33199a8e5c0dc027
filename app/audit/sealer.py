"""Sealing soon after a deferred audit entry commits, off the request.

In a server process one greenlet seals the chains that had ballots, at most every
AUDIT_SEAL_INTERVAL_MS; elsewhere (CLI commands, tests) `wake` seals at once, after
the caller's commit, unless AUDIT_SEAL_AT_ONCE is off.
"""
import logging

log = logging.getLogger("app.audit")


class Sealer:
    def __init__(self):
        self.app = None
        self.seal = None  # services.seal, given by init_app (services imports this module)
        self._wake = None

    def configure(self, app, seal, serving: bool) -> None:
        self.app, self.seal = app, seal
        if serving:
            import gevent
            from gevent.event import Event

            self._wake = Event()
            gevent.spawn(self._seal_forever, app.config["AUDIT_SEAL_INTERVAL_MS"] / 1000)

    def wake(self, chain: str) -> None:
        """After the commit of a deferred entry of `chain` (in an app context)."""
        from flask import current_app

        if self._wake is not None:
            self._wake.set()
        elif current_app.config["AUDIT_SEAL_AT_ONCE"]:
            self.seal(chain)

    def _seal_forever(self, interval: float) -> None:
        import gevent

        while True:
            self._wake.wait(10 * interval)  # also seals what another process left behind
            self._wake.clear()
            gevent.sleep(interval)  # let a burst of ballots gather into one seal
            try:
                with self.app.app_context():
                    self.seal()
            except Exception:
                log.exception("audit seal failed; retried at the next wake")


sealer = Sealer()
