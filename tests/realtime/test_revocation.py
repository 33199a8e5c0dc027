"""Live sockets end with the access they were opened with (issue 31 item 4): after
全部退出登录, a revoked sign-in, a removed committee membership or a revoked proxy, an
open connection stops receiving the estate's updates within a second, also when the
change happens in another server process (the queue between them is Redis)."""
import time
import uuid

import requests

from app import create_app
from app.auth.api import RoleGrant, User
from app.auth.api import start_session
from app.auth.api import issue
from app.consultations.api import authorise_proxy
from app.extensions import db
from app.projects.api import create_project
from tests.conftest import make_config
from tests.factories import agree_to_rules, flats_of, make_estate, make_owner, make_user
from tests.live import TEST_SECRET
from tests.realtime.helpers import LiveClient, post_progress, seeding

SHARED_REDIS = "redis://127.0.0.1:6379/0"
RELATIVE_PHONE = "13766660001"


def signed_in(user) -> str:
    """An access token of its own sign-in (as the pages' live token and API clients have)."""
    auth_session = start_session(user, "api")
    db.session.commit()
    return issue(user, "access", auth_session.id)


def _world(url):
    with seeding(url):
        estate = make_estate()
        flats = flats_of(estate.id)
        committee = make_user(roles=[("committee", estate.id)])
        member = make_user(roles=[("committee", estate.id)])  # the one whose membership ends
        owner = make_owner(flats[0])
        relative_proxy = authorise_proxy(owner, flats[0], RELATIVE_PHONE)
        relative = db.session.get(User, relative_proxy.proxy_user_id)
        agree_to_rules(relative)  # as at their first login: the live channel asks it too
        project = create_project(estate.id, "综合改造", 100_000_00, committee.id)
        return {"estate": estate.id, "project": project.id, "proxy": relative_proxy.id,
                "committee": signed_in(committee), "owner": signed_in(owner),
                "relative": signed_in(relative), "member": signed_in(member), "member_id": member.id,
                "watcher": signed_in(make_owner(flats[1]))}


def _gone_within(client: LiveClient, seconds: float) -> float | None:
    """How long until the server dropped the connection, or None if it did not."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if not client.client.connected:
            return time.monotonic() - start
        time.sleep(0.02)
    return None


def _progress_seen(server_url, world, body, *clients) -> list[bool]:
    """Post a progress note; whether each client received it (the watcher always should)."""
    sent = post_progress(server_url, world["committee"], world["project"], body)
    assert sent.status_code == 201, sent.text
    return [client.wait_for("progress", lambda data: data["post"]["body"] == body, 3) is not None
            for client in clients]


def _two_servers(start_server, backend, url):
    env = {"REDIS_URL": SHARED_REDIS, "SOCKETIO_CHANNEL": f"gz-test-{uuid.uuid4().hex}"}
    return env, start_server(backend, database_url=url, **env), start_server(backend, database_url=url, **env)


def test_logging_out_everywhere_on_one_process_drops_the_socket_held_by_the_other(
        start_server, backend, clone_database):
    url = clone_database(backend)
    world = _world(url)
    _, server_a, server_b = _two_servers(start_server, backend, url)
    on_a, on_b = LiveClient(server_a.url, world["owner"]), LiveClient(server_b.url, world["owner"])
    watcher = LiveClient(server_b.url, world["watcher"])
    try:
        for client in (on_a, on_b, watcher):
            assert client.subscribe(f"estate:{world['estate']}") == {"ok": True}
        done = requests.post(f"{server_a.url}/api/v1/auth/logout-everywhere", json={},
                             headers={"Authorization": f"Bearer {world['owner']}"}, timeout=30)
        assert done.status_code in (200, 204), done.text
        took = [_gone_within(client, 1.0) for client in (on_b, on_a)]
        print(f"\n[live revocation] {backend}: logout everywhere on A dropped the sockets on B, A "
              f"after {took} s")
        assert None not in took
        assert watcher.client.connected  # someone else's connection stays
        assert _progress_seen(server_a.url, world, "开工", watcher) == [True]
    finally:
        for client in (on_a, on_b, watcher):
            client.close()


def test_a_revoked_proxy_and_a_removed_committee_member_leave_the_rooms_they_may_no_longer_see(
        start_server, backend, clone_database):
    url = clone_database(backend)
    world = _world(url)
    env, server_a, server_b = _two_servers(start_server, backend, url)
    estate_room = f"estate:{world['estate']}"
    relative = LiveClient(server_b.url, world["relative"])
    committee = LiveClient(server_b.url, world["member"])
    watcher = LiveClient(server_a.url, world["watcher"])
    try:
        for client in (relative, committee, watcher):
            assert client.subscribe(estate_room) == {"ok": True}
        assert _progress_seen(server_a.url, world, "一期开工", watcher, relative) == [True, True]

        # the owner revokes the proxy on process A: the relative's socket on B leaves the room
        revoked = requests.post(f"{server_a.url}/api/v1/proxies/{world['proxy']}/revoke", json={},
                                headers={"Authorization": f"Bearer {world['owner']}"}, timeout=30)
        assert revoked.status_code == 200, revoked.text
        time.sleep(1.0)
        assert _progress_seen(server_a.url, world, "二期开工", watcher, relative) == [True, False]
        assert relative.subscribe(estate_room)["ok"] is False  # and cannot come back

        # a committee membership ends in a third process (here: this test's, on the same Redis)
        third = create_app(make_config(url, SECRET_KEY=TEST_SECRET, **env))
        with third.app_context():
            grant = db.session.scalar(db.select(RoleGrant).where(RoleGrant.user_id == world["member_id"]))
            db.session.delete(grant)
            db.session.commit()
            db.session.remove()
            db.engine.dispose()
        time.sleep(1.0)
        assert _progress_seen(server_a.url, world, "三期开工", watcher, committee) == [True, False]
    finally:
        for client in (relative, committee, watcher):
            client.close()


def test_one_revoked_sign_in_drops_its_socket_and_keeps_the_others_on_one_process(
        start_server, backend, clone_database):
    """Without Redis (one process): an API client logs out (its sign-in revoked); the socket
    opened with that sign-in's token goes, the same person's other sign-in stays."""
    from app.auth.api import token_pair

    url = clone_database(backend)
    with seeding(url):
        estate = make_estate()
        owner = make_owner(flats_of(estate.id)[0])
        phone_pair, tablet_pair = (token_pair(owner, start_session(owner, "api")) for _ in range(2))
        db.session.commit()
        estate_id = estate.id
    server = start_server(backend, database_url=url)
    phone, tablet = LiveClient(server.url, phone_pair["access_token"]), LiveClient(server.url, tablet_pair["access_token"])
    try:
        for client in (phone, tablet):
            assert client.subscribe(f"estate:{estate_id}") == {"ok": True}
        done = requests.post(f"{server.url}/api/v1/auth/tokens/revoke",
                             json={"refresh_token": phone_pair["refresh_token"]}, timeout=30)
        assert done.status_code == 204, done.text
        assert _gone_within(phone, 1.0) is not None
        time.sleep(0.3)
        assert tablet.client.connected
    finally:
        phone.close()
        tablet.close()
