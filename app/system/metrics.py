"""Prometheus metrics at /metrics (text format 0.0.4), written by hand: four families
need no client library. Off unless METRICS_ENABLED; never public (a bearer token, or an
address on METRICS_ALLOW). Each server process answers for itself: scrape every port.
"""
import hmac
import threading
import time
from bisect import bisect_left

from flask import Response, abort, current_app, g, request

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency: dict[tuple[str, str], list] = {}  # (method, route) -> [bucket counts, sum, count]
        self.ballots = 0
        self.unsent: dict[int, float] = {}  # consultation id -> first ballot not yet in a sent tally
        self.tally_lag = 0.0  # seconds, of the last tally sent
        self.tally_lag_sum, self.tallies = 0.0, 0

    def observe(self, method: str, route: str, seconds: float) -> None:
        with self.lock:
            counts = self.latency.setdefault((method, route), [[0] * len(BUCKETS), 0.0, 0])
            index = bisect_left(BUCKETS, seconds)
            if index < len(BUCKETS):
                counts[0][index] += 1
            counts[1] += seconds
            counts[2] += 1

    def ballot_cast(self, consultation_id: int) -> None:
        with self.lock:
            self.ballots += 1
            self.unsent.setdefault(consultation_id, time.monotonic())

    def tally_sent(self, consultation_id: int) -> None:
        with self.lock:
            started = self.unsent.pop(consultation_id, None)
            if started is not None:
                self.tally_lag = time.monotonic() - started
                self.tally_lag_sum += self.tally_lag
                self.tallies += 1

    def text(self, live_clients: int) -> str:
        lines = ["# HELP gongzhi_request_seconds HTTP request latency by route.",
                 "# TYPE gongzhi_request_seconds histogram"]
        with self.lock:
            for (method, route), (buckets, total, count) in sorted(self.latency.items()):
                labels = f'method="{method}",route="{route}"'
                running = 0
                for bound, n in zip(BUCKETS, buckets):
                    running += n
                    lines.append(f'gongzhi_request_seconds_bucket{{{labels},le="{bound}"}} {running}')
                lines.append(f'gongzhi_request_seconds_bucket{{{labels},le="+Inf"}} {count}')
                lines.append(f"gongzhi_request_seconds_sum{{{labels}}} {total:.6f}")
                lines.append(f"gongzhi_request_seconds_count{{{labels}}} {count}")
            lines += ["# HELP gongzhi_ballots_written_total Ballot versions written by this process.",
                      "# TYPE gongzhi_ballots_written_total counter",
                      f"gongzhi_ballots_written_total {self.ballots}",
                      "# HELP gongzhi_live_clients Socket.IO clients connected to this process.",
                      "# TYPE gongzhi_live_clients gauge",
                      f"gongzhi_live_clients {live_clients}",
                      "# HELP gongzhi_tally_lag_seconds From a ballot to the live tally that holds it "
                      "(the last one sent).",
                      "# TYPE gongzhi_tally_lag_seconds gauge",
                      f"gongzhi_tally_lag_seconds {self.tally_lag:.6f}",
                      "# HELP gongzhi_tally_lag_seconds_sum Summed lag of every tally sent.",
                      "# TYPE gongzhi_tally_lag_seconds_sum counter",
                      f"gongzhi_tally_lag_seconds_sum {self.tally_lag_sum:.6f}",
                      "# HELP gongzhi_tallies_sent_total Live tallies sent after a ballot.",
                      "# TYPE gongzhi_tallies_sent_total counter",
                      f"gongzhi_tallies_sent_total {self.tallies}"]
        return "\n".join(lines) + "\n"


def _allowed() -> bool:
    config = current_app.config
    token = config["METRICS_TOKEN"]
    sent = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
        return True
    return request.remote_addr in config["METRICS_ALLOW"]


def _live_clients(app) -> int:
    socketio = app.extensions.get("socketio")
    server = getattr(socketio, "server", None)
    if server is None:
        return 0
    return len(server.manager.rooms.get("/", {}).get(None, {}))


def init_app(app) -> None:
    """Count requests, ballots and tallies and serve /metrics (only when enabled)."""
    if not app.config["METRICS_ENABLED"]:
        return
    from app.signals import ballot_cast

    metrics = app.extensions["metrics"] = Metrics()

    @app.before_request
    def _start():
        g.metrics_started = time.perf_counter()

    @app.after_request
    def _observe(response):
        started = g.pop("metrics_started", None)
        if started is not None and request.url_rule is not None:
            metrics.observe(request.method, request.url_rule.rule, time.perf_counter() - started)
        return response

    def on_ballot(_sender, consultation_id, **_):
        metrics.ballot_cast(consultation_id)

    ballot_cast.connect(on_ballot, sender=app, weak=False)
    live = app.extensions.get("realtime")
    if live is not None:  # the tally lag: from a ballot to the coalesced tally that holds it
        send = live.tallies.send

        def send_and_measure(consultation_id):
            send(consultation_id)
            metrics.tally_sent(consultation_id)

        live.tallies.send = send_and_measure

    def serve():
        if not _allowed():
            abort(404)  # as if there were none: it is not public
        return Response(metrics.text(_live_clients(app)), mimetype="text/plain; version=0.0.4")

    app.add_url_rule("/metrics", "metrics", serve)
