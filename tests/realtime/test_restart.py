"""A restart is graceful and quick: SIGTERM to a real gunicorn + gevent server with an open
live-update connection. Before, the open socket kept the worker busy for the whole graceful
timeout, after which its master killed it (and the client saw the connection drop)."""
import os
import signal
import subprocess
import time

import socketio

from tests.factories import auth, make_user
from tests.realtime.helpers import LiveClient, seeding

GRACE_S = 20


def test_sigterm_closes_sockets_and_stops_within_seconds(start_server, clone_database):
    url = clone_database("sqlite")
    with seeding(url):
        token = auth(make_user())["Authorization"].split()[1]
    server = start_server("sqlite", database_url=url, args=("--graceful-timeout", str(GRACE_S)))
    live = LiveClient(server.url, token)
    assert live.connected
    reasons = []
    live.client.on("disconnect", lambda reason=None: reasons.append(reason))

    started = time.monotonic()
    os.killpg(server.process.pid, signal.SIGTERM)
    server.process.wait(timeout=GRACE_S + 10)
    stopped_s = time.monotonic() - started

    assert stopped_s < 5, f"stopped after {stopped_s:.1f} s (grace {GRACE_S} s)"
    # the client is told to reconnect: its transport closes (python-socketio says "transport
    # error", the browser "transport close"; both reconnect by themselves), unlike a server-side
    # disconnect, after which a client stays away
    deadline = time.monotonic() + 5
    while not reasons and time.monotonic() < deadline:
        time.sleep(0.05)
    assert reasons == [socketio.Client.reason.TRANSPORT_ERROR]
    output = server.output()
    assert "Worker exiting" in output and "SIGKILL" not in output and "timeout" not in output


def test_sigterm_without_sockets_stops_within_seconds(start_server):
    server = start_server("sqlite", args=("--graceful-timeout", str(GRACE_S)))
    worker = int(subprocess.check_output(["pgrep", "-P", str(server.process.pid)]).split()[0])
    started = time.monotonic()
    os.killpg(server.process.pid, signal.SIGTERM)
    server.process.wait(timeout=GRACE_S + 10)
    assert time.monotonic() - started < 5
    assert f"Worker exiting (pid: {worker})" in server.output()
