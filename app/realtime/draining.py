"""A restart that does not wait: a server process told to stop closes its sockets.

gunicorn's gevent worker, on SIGTERM, stops accepting and then waits until every
connection it holds has ended, or the whole graceful timeout has passed. A Socket.IO
connection never ends by itself, so one open page made every restart wait the full
grace period and then killed the worker. Here the worker's SIGTERM also closes every
Socket.IO connection of the process, and keeps closing any that arrive before the
listener is shut: each client sees its transport closed and reconnects (the browser
client and python-socketio do so by themselves), reaching the next server process.
"""
import logging
import signal

log = logging.getLogger("app.realtime")

#: how often a stopping process closes the sockets that connected since
DRAIN_EVERY_S = 0.2


def drain_on_term(eio_server) -> None:
    """Chain a socket-closing step before the worker's own SIGTERM handler (serving only)."""
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(signum, frame):
        import gevent

        gevent.spawn(close_sockets_forever, eio_server)
        if callable(previous):
            previous(signum, frame)

    signal.signal(signal.SIGTERM, on_term)


def close_sockets_forever(eio_server) -> None:
    """Until the process ends: close every engine.io socket it holds."""
    import gevent

    while True:
        sids = list(eio_server.sockets)
        if sids:
            log.info("stopping: closing %d live-update connections; clients reconnect", len(sids))
        for sid in sids:
            socket = eio_server.sockets.pop(sid, None)
            if socket is not None:
                # abort: no engine.io CLOSE packet, which python-socketio takes as "the server
                # sent me away" and does not reconnect after; the connection just ends
                socket.close(wait=False, abort=True, reason=eio_server.reason.TRANSPORT_CLOSE)
        gevent.sleep(DRAIN_EVERY_S)
