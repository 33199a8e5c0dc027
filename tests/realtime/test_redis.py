"""Several server processes joined by Redis, and what happens when Redis goes away."""
import time
import uuid

import requests

from app.auth.api import issue
from app.projects.api import create_project
from tests.factories import flats_of, make_consultation, make_estate, make_owner, make_user
from tests.realtime.helpers import (LiveClient, RedisProcess, agreeing_owners, http_results,
                                    post_progress, seeding, vote)

SHARED_REDIS = "redis://127.0.0.1:6379/0"


def _estate_with_project(url):
    with seeding(url):
        estate = make_estate()
        committee = make_user(roles=[("committee", estate.id)])
        owner = make_owner(flats_of(estate.id)[0])
        project = create_project(estate.id, "综合改造", 100_000_00, committee.id)
        return estate.id, project.id, issue(committee, "access"), issue(owner, "access")


def _two_servers(start_server, backend, url, redis_url, **extra_env):
    # A channel of this run's own, so parallel runs on the shared Redis never mix.
    env = {"REDIS_URL": redis_url, "SOCKETIO_CHANNEL": f"gz-test-{uuid.uuid4().hex}", **extra_env}
    return (start_server(backend, database_url=url, **env),
            start_server(backend, database_url=url, **env))


def test_an_event_on_process_a_reaches_a_client_of_process_b(start_server, backend, clone_database):
    url = clone_database(backend)
    estate_id, project_id, committee_token, owner_token = _estate_with_project(url)
    server_a, server_b = _two_servers(start_server, backend, url, SHARED_REDIS)
    on_a, on_b = LiveClient(server_a.url, owner_token), LiveClient(server_b.url, owner_token)
    try:
        assert on_a.subscribe(f"estate:{estate_id}") == {"ok": True}
        assert on_b.subscribe(f"estate:{estate_id}") == {"ok": True}
        sent = post_progress(server_a.url, committee_token, project_id, "管线改造开工")
        assert sent.status_code == 201
        expected = {"project_id": project_id, "post": sent.json()}
        assert on_b.wait_for("progress") == expected
        assert on_a.wait_for("progress") == expected
        time.sleep(0.5)
        assert len(on_a.events("progress")) == len(on_b.events("progress")) == 1
    finally:
        on_a.close()
        on_b.close()


def test_a_ballot_sent_to_process_a_reaches_a_client_of_process_b_as_a_tally(
        start_server, backend, clone_database):
    url = clone_database(backend)
    with seeding(url):
        estate = make_estate()
        vote_id = make_consultation(estate, "elevator_consent").id
        owner_token = issue(make_owner(flats_of(estate.id)[0]), "access")
    server_a, server_b = _two_servers(start_server, backend, url, SHARED_REDIS)
    on_b = LiveClient(server_b.url, owner_token)
    try:
        assert on_b.subscribe(f"consultation:{vote_id}") == {"ok": True}
        vote(server_a.url, owner_token, vote_id)
        tally = on_b.wait_for("tally", lambda data: agreeing_owners(data) == 1)
        assert tally is not None, on_b.received
        assert tally == http_results(server_b.url, owner_token, vote_id)
    finally:
        on_b.close()


def test_redis_outage_keeps_http_working_and_live_updates_resume(
        start_server, backend, clone_database, tmp_path):
    redis_server = RedisProcess(tmp_path).start()
    url = clone_database(backend)
    estate_id, project_id, committee_token, owner_token = _estate_with_project(url)
    try:
        # rate limits on, stored in that Redis too
        server_a, server_b = _two_servers(start_server, backend, url, redis_server.url,
                                          RATELIMIT_ENABLED="1")
        on_a, on_b = LiveClient(server_a.url, owner_token), LiveClient(server_b.url, owner_token)
        room = f"estate:{estate_id}"
        assert on_a.subscribe(room) == {"ok": True} and on_b.subscribe(room) == {"ok": True}

        def post(server, body):
            response = post_progress(server.url, committee_token, project_id, body)
            assert response.status_code == 201, response.text
            return response.json()["id"]

        def seen_by(client, post_id, timeout_s=15):
            return client.wait_for("progress", lambda data: data["post"]["id"] == post_id,
                                   timeout_s=timeout_s)

        before = post(server_a, "停水通知")
        assert seen_by(on_b, before)

        redis_server.kill()
        during = [post(server, f"第{n}条进度") for n in range(8)
                  for server in (server_a, server_b)]
        code = requests.post(f"{server_a.url}/api/v1/auth/sms-codes", json={"phone": "13911110009"},
                             timeout=30)
        assert code.status_code == 202, code.text
        # each process still reaches its own clients
        assert seen_by(on_a, during[-2]) and seen_by(on_b, during[-1])

        saved = requests.get(f"{server_b.url}/api/v1/projects/{project_id}/progress",
                             headers={"Authorization": f"Bearer {owner_token}"}, timeout=30)
        assert saved.status_code == 200
        assert {before, *during} <= {item["id"] for item in saved.json()}

        redis_server.start()  # same port
        deadline, resumed = time.monotonic() + 30, None
        while resumed is None and time.monotonic() < deadline:
            attempt = post(server_a, "恢复供水")
            resumed = seen_by(on_b, attempt, timeout_s=1)
        assert resumed is not None, "events did not flow between processes again"
        on_a.close()
        on_b.close()
        for server in (server_a, server_b):
            log = server.output()
            assert log.count("Redis unreachable") == 1, log[-3000:]
            assert "Traceback" not in log, log[-3000:]
    finally:
        redis_server.kill()
