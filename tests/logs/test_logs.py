"""Structured logs with a request id (docs/deploy.md, "Logs")."""
import json
import re

import requests


def test_request_id_is_kept_or_made_and_sent_back(client):
    kept = client.get("/api/v1/health", headers={"X-Request-Id": "nginx-4f2a.77"})
    assert kept.headers["X-Request-Id"] == "nginx-4f2a.77"
    made = client.get("/api/v1/health")
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["X-Request-Id"])
    for bad in ("has space", "x" * 65, "semi;colon"):
        answer = client.get("/api/v1/health", headers={"X-Request-Id": bad})
        assert re.fullmatch(r"[0-9a-f]{32}", answer.headers["X-Request-Id"]), bad
    refused = client.get("/api/v1/no-such-thing", headers={"X-Request-Id": "r-404"})
    assert refused.status_code == 404 and refused.headers["X-Request-Id"] == "r-404"


def test_a_server_writes_one_json_object_a_line_with_the_request_id(start_server):
    server = start_server("sqlite", LOG_FORMAT="json")
    requests.get(server.url + "/api/v1/health", headers={"X-Request-Id": "probe-1"}, timeout=10)
    requests.post(server.url + "/api/v1/auth/sms-codes", json={"phone": "nope"},
                  headers={"X-Request-Id": "probe-2"}, timeout=10)
    server.stop()
    lines = [line for line in server.output().splitlines() if line.startswith("{")]
    entries = [json.loads(line) for line in lines]  # every app line is one JSON object
    assert entries
    access = {entry["request_id"]: entry for entry in entries if entry["logger"] == "app.access"}
    assert access["probe-1"]["status"] == 200 and access["probe-1"]["method"] == "GET"
    assert access["probe-1"]["path"] == "/api/v1/health"
    assert access["probe-2"]["status"] == 422 and access["probe-2"]["duration_ms"] >= 0
    assert all(set(entry) >= {"time", "level", "logger", "message", "request_id"}
               for entry in entries)
    assert not [line for line in server.output().splitlines()
                if line.startswith(("INFO:", "WARNING:", "ERROR:"))]  # no plain app lines left
