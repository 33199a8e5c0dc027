"""The load generator of bench.fanout: a separate process holding N Socket.IO clients.

    python -m bench._fanout_clients URL N TIMEOUT_S [TOKEN ROOM]

Connects N websocket clients (gevent: one greenlet each), subscribes them to
ROOM when given, prints "ready <connected>" and waits for one `tally` per
client. Then prints one JSON line: how many received it, and the wall-clock
times of the first and the last receipt. Gives up after TIMEOUT_S.
"""
from gevent import monkey

monkey.patch_all()

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402
import gevent.pool  # noqa: E402
import socketio  # noqa: E402

CONNECT_CONCURRENCY = 50


def main():
    url, count, timeout_s = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    token, room = (sys.argv[4], sys.argv[5]) if len(sys.argv) > 5 else (None, None)
    receipts: list[float] = []
    clients = []

    def connect_one(_):
        client = socketio.Client(reconnection=False)
        got = []

        @client.on("tally")
        def on_tally(data):
            if not got:
                got.append(True)
                receipts.append(time.time())

        try:
            client.connect(url, auth={"token": token} if token else None,
                           transports=["websocket"], wait_timeout=60)
            if room and client.call("subscribe", {"room": room}, timeout=60) != {"ok": True}:
                raise RuntimeError("subscribe refused")
        except Exception as error:  # a client that fails is counted, not fatal
            print(f"client failed: {error}", file=sys.stderr, flush=True)
            return
        clients.append(client)

    deadline = time.monotonic() + timeout_s
    gevent.pool.Pool(CONNECT_CONCURRENCY).map(connect_one, range(count))
    print(f"ready {len(clients)}", flush=True)
    while len(receipts) < len(clients) and time.monotonic() < deadline:
        gevent.sleep(0.01)
    print(json.dumps({"clients": len(clients), "received": len(receipts),
                      "first": min(receipts, default=None), "last": max(receipts, default=None)}),
          flush=True)
    for client in clients:
        gevent.spawn(client.disconnect)
    gevent.sleep(1)


if __name__ == "__main__":
    main()
