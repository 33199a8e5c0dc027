"""Scans are counted per place, old posters included; committees see which stairwells engage."""
from datetime import timedelta

from app.db import utcnow
from app.extensions import db
from app.qr.api import QrScan
from tests.factories import auth
from tests.qr.helpers import BASE_URL


def token_of(client, kind, place_id, committee):
    url = client.get(f"/api/v1/{kind}s/{place_id}/qr", headers=auth(committee)).json["url"]
    return url.removeprefix(BASE_URL + "/q/")


def counts(client, estate, committee, **query):
    response = client.get(f"/api/v1/estates/{estate.id}/qr-scans", query_string=query,
                          headers=auth(committee))
    assert response.status_code == 200, response.json
    return response.json


def test_scans_are_counted_per_stairwell_with_old_codes_apart(client, estate, stairwell, building,
                                                              committee):
    token = token_of(client, "stairwell", stairwell.id, committee)
    client.get(f"/q/{token}")
    client.get(f"/api/v1/qr/{token}")
    client.post(f"/api/v1/stairwells/{stairwell.id}/qr/rotate", headers=auth(committee))
    client.get(f"/q/{token}")  # the old poster is still up
    client.get(f"/q/{token_of(client, 'stairwell', stairwell.id, committee)}")
    client.get(f"/q/{token_of(client, 'building', building.id, committee)}")
    client.get("/q/forged-token")

    body = counts(client, estate, committee)
    by_id = {row["id"]: row for row in body["stairwells"]}
    assert len(by_id) == 3
    row = by_id[stairwell.id]
    assert (row["scans"], row["retired_scans"], row["version"]) == (4, 1, 2)
    assert row["building"] == "3号楼" and row["name"] == "1单元"
    assert row["last_scanned_at"] is not None
    others = [r for r in body["stairwells"] if r["id"] != stairwell.id]
    assert all(r["scans"] == 0 and r["last_scanned_at"] is None for r in others)
    building_row = next(r for r in body["buildings"] if r["id"] == building.id)
    assert (building_row["scans"], building_row["retired_scans"]) == (1, 0)
    assert db.session.scalar(db.select(db.func.count(QrScan.id))) == 5


def test_scans_keep_nothing_about_the_person(app):
    columns = set(QrScan.__table__.columns.keys())
    assert columns == {"id", "estate_id", "place_type", "place_id", "version", "retired", "via",
                       "scanned_at"}


def test_since_counts_only_later_scans(client, estate, stairwell, committee):
    token = token_of(client, "stairwell", stairwell.id, committee)
    client.get(f"/q/{token}")
    client.get(f"/q/{token}")
    first = db.session.scalar(db.select(QrScan).order_by(QrScan.id))
    first.scanned_at = utcnow() - timedelta(days=10)
    db.session.commit()
    since = (utcnow() - timedelta(days=1)).isoformat()
    row = next(r for r in counts(client, estate, committee, since=since)["stairwells"]
               if r["id"] == stairwell.id)
    assert row["scans"] == 1


def test_since_must_carry_a_timezone(client, estate, committee):
    response = client.get(f"/api/v1/estates/{estate.id}/qr-scans?since=2026-01-01T00:00:00",
                          headers=auth(committee))
    assert response.status_code == 422
    assert response.json["error"]["fields"]["since"] == "时间需要带时区"
