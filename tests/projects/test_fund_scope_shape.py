"""The fund takes a scope in the consultation's shape, `scope: {type, id, flat_ids}`; the
older `{scope_type, scope_ids}` is still read (deprecated) and posts to the same flats."""
import json
from decimal import Decimal

import pytest

from app import create_app
from app.config import TestConfig
from app.extensions import db
from app.projects.api import FundAccount
from tests.factories import auth, flats_of, make_estate, make_user


@pytest.fixture
def two_stairwells(app):
    estate = make_estate(buildings=(("1号楼", 2),), areas={"101": Decimal("50.00")})
    committee = make_user(roles=[("committee", estate.id)])
    return estate, committee, flats_of(estate.id)


def _post(client, estate, committee, path="", **body):
    memo = {} if path else {"memo": "归集"}
    return client.post(f"/api/v1/estates/{estate.id}/fund-ledger{path}", headers=auth(committee),
                       json={"kind": "collected", "amount_cents": 100_001, **memo, **body})


def _balances(estate_id) -> dict[int, int]:
    return dict(db.session.execute(db.select(FundAccount.flat_id, FundAccount.balance_cents)
                                   .where(FundAccount.estate_id == estate_id)).all())


def test_both_shapes_post_to_the_same_flats(client, two_stairwells):
    estate, committee, flats = two_stairwells
    stairwell = flats[0].stairwell_id
    new = _post(client, estate, committee, scope={"type": "stairwell", "id": stairwell})
    assert new.status_code == 201, new.json
    after_new = _balances(estate.id)
    old = _post(client, estate, committee, scope_type="stairwells", scope_ids=[stairwell])
    assert old.status_code == 201, old.json
    after_old = _balances(estate.id)
    in_stairwell = {f.id for f in flats if f.stairwell_id == stairwell}
    assert set(after_new) == in_stairwell and 0 < len(in_stairwell) < len(flats)
    assert after_old == {flat: 2 * cents for flat, cents in after_new.items()}
    assert [e["scope_type"] for e in old.json["entries"]] == ["stairwells", "stairwells"]


def test_flats_and_the_estate_in_the_new_shape(client, two_stairwells):
    estate, committee, flats = two_stairwells
    preview = _post(client, estate, committee, "/preview",
                    scope={"type": "flats", "flat_ids": [flats[2].id, flats[0].id]})
    assert preview.status_code == 200, preview.json
    assert [row["flat_id"] for row in preview.json["flats"]] == [flats[0].id, flats[2].id]
    whole = _post(client, estate, committee, "/preview", scope={"type": "estate", "id": None})
    assert whole.status_code == 200 and len(whole.json["flats"]) == len(flats)


@pytest.mark.parametrize("body, field", [
    ({"scope": {"type": "building"}}, "scope"),
    ({"scope": {"type": "flats"}}, "scope"),
    ({"scope": {"type": "rooms", "id": 1}}, "scope"),
    ({"scope": {"type": "estate"}, "scope_type": "flats", "scope_ids": [1]}, "scope"),
])
def test_a_bad_scope_is_refused_and_writes_nothing(client, two_stairwells, body, field):
    estate, committee, _ = two_stairwells
    refused = _post(client, estate, committee, **body)
    assert refused.status_code == 422, refused.json
    assert field in refused.json["error"]["fields"]
    assert _balances(estate.id) == {}


def test_the_openapi_marks_the_old_shape_deprecated():
    spec = create_app(TestConfig).test_client().get("/api/v1/openapi.json").json
    schema = spec["components"]["schemas"]["FundScopeIn"]["properties"]
    for old in ("scope_type", "scope_ids"):
        assert schema[old]["deprecated"] is True and "Deprecated" in schema[old]["description"]
    assert "ScopeIn" in json.dumps(schema["scope"])
