"""Double submits (issue 16, item 6): the same request sent several times at once makes
one thing, never two, and never a 500 (PostgreSQL, a real server, real threads).

The losers of a race for a proxy get 409 `proxy_exists`; requests that name a new phone
at once (proxies on several flats, member grants) all get the same one account.
"""
from collections import Counter

import pytest
import requests
from sqlalchemy import func, select

from app.auth.api import RoleGrant, User
from app.auth.api import get_or_create_user
from app.auth.api import issue
from app.consultations.api import FlatProxy
from app.extensions import db
from tests.factories import flats_of, make_estate, make_owner, make_user, next_phone
from tests.helpers import together
from tests.realtime.helpers import seeding

pytestmark = pytest.mark.postgresql_only

TIMES = 6


def at_once(calls) -> list:
    """The calls in threads released together (tests/helpers.together); their results in order."""
    return together(None, len(calls), lambda i: calls[i](), returns=True, timeout_s=120)


def post(url, token, body):
    def call():
        response = requests.post(url, json=body, headers={"Authorization": f"Bearer {token}"},
                                 timeout=60)
        return response.status_code, response.json()
    return call


@pytest.fixture
def world(start_server, clone_database):
    url = clone_database("postgresql")
    with seeding(url):
        estate = make_estate(name="双击小区")
        flats = flats_of(estate.id)[:TIMES]
        owners = [make_owner(flat) for flat in flats]
        committee = make_user(roles=[("committee", estate.id)])
        world = {"url": url, "estate_id": estate.id, "flat_ids": [f.id for f in flats],
                 "owner_tokens": [issue(o, "access") for o in owners],
                 "committee_token": issue(committee, "access")}
    world["server"] = start_server("postgresql", database_url=url)
    return world


def count(url, statement) -> int:
    with seeding(url):
        return db.session.scalar(statement)


def test_six_identical_proxy_requests_make_one_proxy_and_five_409s(world):
    phone, flat_id = next_phone(), world["flat_ids"][0]
    url = f"{world['server'].url}/api/v1/flats/{flat_id}/proxies"
    results = at_once([post(url, world["owner_tokens"][0], {"phone": phone})] * TIMES)
    statuses = Counter(status for status, _ in results)
    active = count(world["url"], select(func.count(FlatProxy.id)).where(
        FlatProxy.flat_id == flat_id, FlatProxy.revoked_at.is_(None)))
    print(f"\n[trust] {TIMES} simultaneous proxy requests: statuses {dict(statuses)}, "
          f"active proxies {active}")
    assert active == 1
    assert statuses == {201: 1, 409: TIMES - 1}
    assert all(body["error"]["code"] == "proxy_exists" and body["error"]["message"]
               for status, body in results if status == 409)


def test_one_new_phone_named_on_six_flats_at_once_is_one_account(world):
    phone = next_phone()
    calls = [post(f"{world['server'].url}/api/v1/flats/{flat_id}/proxies", token, {"phone": phone})
             for flat_id, token in zip(world["flat_ids"], world["owner_tokens"])]
    results = at_once(calls)
    statuses = Counter(status for status, _ in results)
    users = count(world["url"], select(func.count(User.id)).where(User.phone == phone))
    print(f"\n[trust] one new phone, {TIMES} flats at once: statuses {dict(statuses)}, "
          f"accounts {users}")
    assert statuses == {201: TIMES}
    assert users == 1
    assert len({body["proxy_user_id"] for _, body in results}) == 1


def test_six_simultaneous_member_grants_are_one_account_and_one_grant(world):
    phone = next_phone()
    url = f"{world['server'].url}/api/v1/estates/{world['estate_id']}/members"
    results = at_once([post(url, world["committee_token"], {"phone": phone, "role": "moderator"})]
                      * TIMES)
    statuses = Counter(status for status, _ in results)
    with seeding(world["url"]):
        user_ids = db.session.scalars(select(User.id).where(User.phone == phone)).all()
        grants = db.session.scalar(select(func.count(RoleGrant.id)).where(
            RoleGrant.user_id.in_(user_ids)))
    print(f"\n[trust] {TIMES} simultaneous member grants: statuses {dict(statuses)}, "
          f"accounts {len(user_ids)}, grants {grants}")
    assert statuses == {201: TIMES}
    assert len(user_ids) == 1 and grants == 1
    assert {body["user_id"] for _, body in results} == set(user_ids)


def test_get_or_create_user_in_six_sessions_at_once(world):
    """The service itself, from six app contexts (six sessions) racing on one new phone."""
    from app import create_app
    from tests.conftest import make_config

    phone = next_phone()
    apps = [create_app(make_config(world["url"])) for _ in range(TIMES)]  # not thread-safe

    def call_in(app):
        def call():
            with app.app_context():
                try:
                    user_id = get_or_create_user(phone).id
                    db.session.commit()
                    return user_id
                except Exception as error:  # noqa: BLE001 - the figure to print
                    return type(error).__name__
                finally:
                    db.session.remove()
                    db.engine.dispose()
        return call

    ids = at_once([call_in(app) for app in apps])
    print(f"\n[trust] get_or_create_user x{TIMES} at once: {Counter(map(str, ids))}")
    assert len(set(ids)) == 1 and isinstance(ids[0], int)
