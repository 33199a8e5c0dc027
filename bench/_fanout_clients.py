"""The load generator of bench.fanout: a separate process holding N Socket.IO clients.

    python -m bench._fanout_clients URL N TIMEOUT_S [TOKEN ROOM]

Connects N websocket clients (gevent: one greenlet each), subscribes them to
ROOM when given, and prints "ready <connected>". Then, for each line "go" read
on stdin: prints "armed", waits until every client has one more `tally`, and
prints one JSON line with how many received it and the wall-clock time of the
last receipt. Each round gives up after TIMEOUT_S.
"""
from gevent import monkey

monkey.patch_all()

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402
import gevent.pool  # noqa: E402
import socketio  # noqa: E402
from gevent.fileobject import FileObject  # noqa: E402

CONNECT_CONCURRENCY = 50


def main():
    url, count, timeout_s = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    token, room = (sys.argv[4], sys.argv[5]) if len(sys.argv) > 5 else (None, None)
    receipts: dict[int, float] = {}  # client number -> time of its tally in this round
    clients = []

    def connect_one(number):
        client = socketio.Client(reconnection=False)

        @client.on("tally")
        def on_tally(data):
            receipts.setdefault(number, time.time())

        try:
            client.connect(url, auth={"token": token} if token else None,
                           transports=["websocket"], wait_timeout=60)
            if room and client.call("subscribe", {"room": room}, timeout=60) != {"ok": True}:
                raise RuntimeError("subscribe refused")
        except Exception as error:  # a client that fails is counted, not fatal
            print(f"client failed: {error}", file=sys.stderr, flush=True)
            return
        clients.append(client)

    gevent.pool.Pool(CONNECT_CONCURRENCY).map(connect_one, range(count))
    print(f"ready {len(clients)}", flush=True)
    for line in FileObject(sys.stdin.fileno(), "r"):  # read without blocking the clients
        if line.strip() != "go":
            break
        gevent.sleep(0.5)  # a late tally of the previous round lands before we count
        receipts.clear()
        print("armed", flush=True)
        deadline = time.monotonic() + timeout_s
        while len(receipts) < len(clients) and time.monotonic() < deadline:
            gevent.sleep(0.005)
        print(json.dumps({"clients": len(clients), "received": len(receipts),
                          "last": max(receipts.values(), default=None)}), flush=True)
    for client in clients:
        gevent.spawn(client.disconnect)
    gevent.sleep(1)


if __name__ == "__main__":
    main()
