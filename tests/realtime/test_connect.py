"""Connecting and subscribing with a real Socket.IO client against a real server process."""
import requests

from app.auth.api import issue
from app.extensions import db
from app.realtime.api import messages
from tests.factories import flats_of, link, make_estate, make_owner, make_user
from tests.realtime.helpers import LiveClient, seeding


def test_connect_needs_a_valid_access_token(start_server, backend, clone_database):
    url = clone_database(backend)
    with seeding(url):
        estate = make_estate()
        owner = make_owner(flats_of(estate.id)[0])
        revoked = make_owner(flats_of(estate.id)[1])
        token, refresh = issue(owner, "access"), issue(owner, "refresh")
        revoked_token = issue(revoked, "access")
        revoked.token_version += 1
        db.session.commit()
    server = start_server(backend, database_url=url)

    good = LiveClient(server.url, token)
    assert good.connected
    good.close()

    for bad in (None, "", "not-a-token", refresh, revoked_token, token[:-4] + "AAAA"):
        refused = LiveClient(server.url, bad)
        assert not refused.connected, bad
        assert refused.connect_error in (
            {"message": messages.LOGIN_REQUIRED}, {"message": messages.LOGIN_EXPIRED}), bad


def test_subscribe_only_where_http_would_show(start_server, backend, clone_database):
    url = clone_database(backend)
    with seeding(url):
        mine, other = make_estate(name="甲小区"), make_estate(name="乙小区")
        owner = make_owner(flats_of(mine.id)[0])
        pending = make_user()
        from tests.factories import link
        link(pending, flats_of(mine.id)[1], status="pending")
        committee = make_user(roles=[("committee", other.id)])
        staff = make_user(roles=[("staff", None)])
        tokens = {name: issue(user, "access") for name, user in
                  (("owner", owner), ("pending", pending), ("committee", committee), ("staff", staff))}
        mine_id, other_id = mine.id, other.id
    server = start_server(backend, database_url=url)
    clients = {name: LiveClient(server.url, token) for name, token in tokens.items()}
    try:
        owner = clients["owner"]
        assert owner.subscribe(f"estate:{mine_id}") == {"ok": True}
        assert owner.subscribe(f"estate:{other_id}") == {"ok": False, "error": messages.NOT_VISIBLE}
        assert owner.subscribe("estate:999999") == {"ok": False, "error": messages.NOT_VISIBLE}
        assert owner.subscribe("consultation:1") == {"ok": False, "error": messages.NOT_VISIBLE}
        for bad in ("estate:abc", "estate:", "flat:1", "estate:1:committee", "estate:0"):
            assert owner.subscribe(bad) == {"ok": False, "error": messages.BAD_ROOM}, bad
        assert owner.client.call("subscribe", "estate:1", timeout=15) == {
            "ok": False, "error": messages.BAD_ROOM}

        assert clients["pending"].subscribe(f"estate:{mine_id}")["ok"] is False
        assert clients["committee"].subscribe(f"estate:{other_id}") == {"ok": True}
        assert clients["committee"].subscribe(f"estate:{mine_id}")["ok"] is False
        assert clients["staff"].subscribe(f"estate:{mine_id}") == {"ok": True}
        assert clients["staff"].subscribe(f"estate:{other_id}") == {"ok": True}
    finally:
        for client in clients.values():
            client.close()


def test_ids_past_integer_are_refused_with_an_ack(start_server, backend, clone_database):
    """A 16-digit id overflowed PostgreSQL's INTEGER in the access check: a traceback in
    the log and no ack at all (issue 16.10). Ids are checked to the INTEGER range."""
    url = clone_database(backend)
    with seeding(url):
        owner = make_owner(flats_of(make_estate().id)[0])
        token = issue(owner, "access")
    server = start_server(backend, database_url=url)
    client = LiveClient(server.url, token)
    try:
        for room in ("estate:9999999999999999", "consultation:2147483648", "case:99999999999",
                     "elevator:1234567890123456"):
            answer = client.client.call("subscribe", {"room": room}, timeout=5)
            assert answer == {"ok": False, "error": messages.BAD_ROOM}, room
        assert client.subscribe("estate:2147483647") == {"ok": False, "error": messages.NOT_VISIBLE}
        assert client.subscribe("estate:1") == {"ok": True}  # the connection is still fine
    finally:
        client.close()


def test_origin_must_be_allowed(start_server, clone_database):
    url = clone_database("sqlite")
    with seeding(url):
        owner = make_owner(flats_of(make_estate().id)[0])
        token = issue(owner, "access")
    server = start_server("sqlite", database_url=url,
                          SOCKETIO_ALLOWED_ORIGINS="https://gongzhi.example.cn")
    allowed = [server.url, "https://gongzhi.example.cn"]
    for origin in allowed:
        client = LiveClient(server.url, token, origin=origin)
        assert client.connected, origin
        client.close()
    refused = LiveClient(server.url, token, origin="https://evil.example")
    assert not refused.connected


def test_a_person_who_has_not_agreed_to_the_current_rules_is_refused_as_the_api_refuses(
        start_server, backend, clone_database):
    """The live channel is behind the consent gate: never agreed, or agreed to an older
    version of the rules, the connection is refused with the API's consent_required."""
    url = clone_database(backend)
    with seeding(url):
        estate = make_estate()
        never = make_user(consented=False)
        link(never, flats_of(estate.id)[0])
        older = make_owner(flats_of(estate.id)[1])
        older.privacy_version = "2020-01"
        db.session.commit()
        tokens = {"never": issue(never, "access"), "older": issue(older, "access")}
        estate_id = estate.id
    server = start_server(backend, database_url=url)
    api = requests.get(f"{server.url}/api/v1/estates/{estate_id}", timeout=15,
                       headers={"Authorization": f"Bearer {tokens['older']}"})
    assert api.status_code == 403
    for name, token in tokens.items():
        refused = LiveClient(server.url, token)
        assert not refused.connected, name
        assert refused.connect_error == {"message": api.json()["error"]["message"],
                                         "data": api.json()["error"]}, name
