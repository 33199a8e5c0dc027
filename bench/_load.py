"""A load generator in its own process: C threads with keep-alive connections, for D seconds.

    python -m bench._load URL_BASE PLAN.json CONCURRENCY DURATION_S

PLAN.json: {"method": "GET"|"PUT", "path": "...", "bodies": [...], "tokens": [...],
"rate": optional requests per second}.
Request n sends tokens[n % len] with bodies[n % len]; client i sends requests i,
i + C, i + 2C, … (C clients), so no two clients ever send the same pair at once.
Without "rate" each client sends its next request as soon as the last one answers (a
closed loop: the server is saturated, and the mean latency is C / throughput whatever
the server does). With "rate" the clients together send at that rate, each on its own
schedule, and a latency counts from the time the request was due, so a server that
falls behind is not hidden by its clients waiting for it (no coordinated omission).
Prints one JSON line: requests, errors, seconds, p50_ms, p99_ms, and cpu_s (its own CPU).
"""
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlparse


#: what a request on a connection the server closed while idle fails with
STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


def worker(base, plan, index, step, deadline, latencies, errors):
    url = urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    used = False  # has this connection answered before (kept alive)?
    tokens, bodies = plan.get("tokens") or [None], plan.get("bodies") or [None]
    interval = step / plan["rate"] if plan.get("rate") else None
    due = time.perf_counter() + (interval * index / step if interval else 0)
    n = index
    while time.perf_counter() < deadline:
        if interval:
            time.sleep(max(0.0, due - time.perf_counter()))
        token, body = tokens[n % len(tokens)], bodies[n % len(bodies)]
        n += step
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        payload = None if body is None else json.dumps(body)
        started = due if interval else time.perf_counter()
        due += interval or 0
        for attempt in (1, 2):
            try:
                conn.request(plan["method"], plan["path"], body=payload, headers=headers)
                response = conn.getresponse()
                body = response.read()
                ok = response.status < 400
                if not ok and len(errors) < 3:
                    print(response.status, body[:300], file=sys.stderr)
                used = True
                break
            except (OSError, http.client.HTTPException) as error:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
                # a kept-alive connection the server closed while idle (gunicorn's keepalive
                # is 2 s; a paced client may wait longer): sent again once on a new one, as
                # HTTP clients do (the requests are idempotent); any other failure counts
                stale, used = used and isinstance(error, STALE), False
                if not (attempt == 1 and stale):
                    if len(errors) < 3:
                        print(type(error).__name__, error, file=sys.stderr)
                    break
        latencies.append(time.perf_counter() - started)
        if not ok:
            errors.append(1)


def main():
    base, plan_path, concurrency, duration = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    plan = json.load(open(plan_path))
    latencies, errors = [], []
    started = time.perf_counter()
    deadline = started + duration
    threads = [threading.Thread(target=worker, args=(base, plan, i, concurrency, deadline, latencies, errors))
               for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 60)
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(p):
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000 if ordered else None

    print(json.dumps({"requests": len(latencies), "errors": len(errors), "seconds": elapsed,
                      "p50_ms": pct(0.50), "p99_ms": pct(0.99),
                      "cpu_s": time.process_time()}), flush=True)


if __name__ == "__main__":
    main()
