"""Input the database cannot hold is refused in one place, before it gets there.

Found by the schemathesis run (test_fuzz_openapi.py) and kept here as plain cases, on
both databases: PostgreSQL refuses NUL in text, lone surrogates, and numbers past its
column types, which used to surface as 500.
"""
import pytest

from app.projects.api import FundEntry, RenovationProject
from app.extensions import db
from tests.factories import auth, make_estate, make_user

BIG = 2**31  # one past PostgreSQL INTEGER
HUGE = 2**70  # past BIGINT and SQLite's integers too


@pytest.fixture
def estate(app):
    return make_estate(floors=1)


@pytest.fixture
def committee(estate):
    return make_user(roles=[("committee", estate.id)])


@pytest.mark.parametrize("path", [
    f"/api/v1/estates/{BIG}", f"/api/v1/estates/{HUGE}", f"/api/v1/cases/{HUGE}/posts",
    f"/api/v1/elevator-projects/{HUGE}/flats/{HUGE}/statement.pdf",
    f"/api/v1/projects/{BIG}/evaluations/{HUGE}/summary",
])
def test_path_ids_past_the_id_type_are_not_found(client, committee, path):
    response = client.get(path, headers=auth(committee))
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


@pytest.mark.parametrize("body", [
    {"relation": "tenant", "flat_id": BIG},
    {"relation": "tenant", "flat_id": -HUGE},
])
def test_integer_fields_past_the_id_type_are_invalid(client, committee, body):
    response = client.post("/api/v1/flats/claims", json=body, headers=auth(committee))
    assert response.status_code == 422
    assert "flat_id" in response.json["error"]["fields"]


def test_integers_inside_lists_are_bounded_too(client, committee, estate):
    response = client.post(f"/api/v1/estates/{estate.id}/cases", headers=auth(committee), json={
        "title": "噪音", "description": "夜间施工", "affected_flat_ids": [1, HUGE]})
    assert response.status_code == 422
    response = client.post("/api/v1/me/notifications/read", json={"ids": [BIG]},
                           headers=auth(committee))
    assert response.status_code == 422


def json_escaped(body: dict) -> str:
    """JSON text with every character as \\uXXXX: the way a client sends NUL or a lone surrogate."""
    return "{" + ", ".join(f'"{key}": "' + "".join(f"\\u{ord(c):04x}" for c in value) + '"'
                           for key, value in body.items()) + "}"


@pytest.mark.parametrize("text", ["噪音\x00", "噪音\ud800", "\udfff"])
def test_nul_and_lone_surrogates_are_refused(client, committee, estate, text):
    response = client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee),
                           data=json_escaped({"title": text}), content_type="application/json")
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.json["error"]["fields"] == {"title": "含有无法保存的字符"}
    assert db.session.query(RenovationProject).count() == 0


def test_unstorable_text_in_keys_and_nested_values_is_refused(client, committee, estate):
    body = '{"template": "willingness_survey", "closes_at": "2030-01-01T00:00:00+08:00", ' \
           '"scope": {"type": "estate", "\\ud83d": 1}}'
    response = client.post(f"/api/v1/estates/{estate.id}/consultations", data=body,
                           content_type="application/json", headers=auth(committee))
    assert response.status_code == 422
    assert response.json["error"]["fields"] == {"scope": "含有无法保存的字符"}
    response = client.get("/api/v1/dev/sms-outbox?phone=%00")
    assert response.status_code == 422


def test_money_past_integer_is_kept_exactly(client, committee, estate):
    """A 30-million-yuan budget is 3,000,000,000 cents: past INTEGER, fine as BIGINT."""
    response = client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee),
                           json={"title": "综合改造", "budget_cents": 3_000_000_000})
    assert response.status_code == 201, response.json
    assert response.json["budget_cents"] == 3_000_000_000
    response = client.post(f"/api/v1/estates/{estate.id}/fund-ledger", headers=auth(committee),
                           json={"kind": "collected", "amount_cents": 5_000_000_000, "memo": "归集"})
    assert response.status_code == 201, response.json
    db.session.expire_all()
    assert db.session.query(FundEntry).one().amount_cents == 5_000_000_000


def test_error_answers_are_documented_with_their_real_shape(client):
    document = client.get("/api/v1/openapi.json").json
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    body = document["components"]["schemas"][error["properties"]["error"]["$ref"].rsplit("/", 1)[1]]
    assert set(body["required"]) == {"code", "message", "fields"}
    estate = document["paths"]["/api/v1/estates/{estate_id}"]
    assert estate["get"]["responses"]["default"] == {"$ref": "#/components/responses/DEFAULT_ERROR"}
    assert estate["parameters"][0]["schema"] == {"type": "integer", "minimum": 0,
                                                 "maximum": 2**31 - 1}


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00",
                                  "1899-12-31T23:00:00+00:00", "2200-06-01T00:00:00+08:00"])
def test_times_outside_sensible_years_are_invalid_not_an_overflow(client, committee, estate, when):
    """Near year 1 or 9999 an offset pushed the time out of range while converting to UTC."""
    response = client.post(f"/api/v1/estates/{estate.id}/consultations", headers=auth(committee),
                           json={"template": "willingness_survey", "closes_at": when})
    assert response.status_code == 422
    assert response.json["error"]["fields"] == {"closes_at": "时间超出范围"}
    response = client.post(f"/api/v1/estates/{estate.id}/fund-ledger", headers=auth(committee),
                           json={"kind": "collected", "amount_cents": 1, "memo": "归集",
                                 "occurred_on": when[:10]})
    assert response.status_code == 422
    assert response.json["error"]["fields"] == {"occurred_on": "日期超出范围"}
    response = client.get(f"/api/v1/estates/{estate.id}/qr-scans",
                          query_string={"since": when}, headers=auth(committee))
    assert response.status_code == 422
