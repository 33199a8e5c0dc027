"""Receipts (issue 16, item 7), on both databases: an identical retry changes nothing and
returns the receipt already given; a changed ballot's older receipt stays in the published
list, marked as replaced."""
from sqlalchemy import func, select

from app.audit.api import AuditEntry
from app.consultations.api import services
from app.consultations.api import BallotVersion
from app.extensions import db
from tests.factories import auth, flats_of, make_consultation, make_owner

AGREE, OPPOSE = {"install": "agree"}, {"install": "oppose", "concerns": ["noise"]}


def put(client, c, owner, flat, answers):
    response = client.put(f"/api/v1/consultations/{c.id}/ballots/mine", headers=auth(owner),
                          json={"flat_id": flat.id, "answers": answers})
    assert response.status_code == 200, response.json
    return response.json


def versions_and_audit(c):
    versions = db.session.scalar(select(func.count(BallotVersion.id)).where(
        BallotVersion.consultation_id == c.id))
    audited = db.session.scalar(select(func.count(AuditEntry.id)).where(
        AuditEntry.action == "ballot.cast", AuditEntry.subject_id == c.id))
    return versions, audited


def test_an_identical_retry_returns_the_same_receipt_and_writes_nothing(app, client, estate):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    c = make_consultation(estate, scope_type="estate")
    first = put(client, c, owner, flat, AGREE)
    retries = [put(client, c, owner, flat, dict(AGREE)) for _ in range(5)]
    versions, audited = versions_and_audit(c)
    print(f"\n[trust] 6 identical PUTs: versions {versions}, audit entries {audited}, "
          f"receipts {len({first['receipt'], *(r['receipt'] for r in retries)})}")
    assert {r["receipt"] for r in retries} == {first["receipt"]}
    assert {r["version"] for r in retries} == {1}
    assert (versions, audited) == (1, 1)


def test_a_replaced_receipt_stays_checkable_and_says_so(app, client, estate, committee):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    c = make_consultation(estate, scope_type="estate", actor=committee)
    first = put(client, c, owner, flat, AGREE)
    second = put(client, c, owner, flat, OPPOSE)
    assert second["receipt"] != first["receipt"] and second["version"] == 2
    services.close_consultation(c, committee.id)
    services.publish_consultation(c, committee.id)

    listed = {row["receipt"]: row for row in client.get(
        f"/api/v1/consultations/{c.id}/receipts", headers=auth(owner)).json}
    assert first["receipt"] in listed, "a receipt handed out is missing from the published list"
    assert listed[first["receipt"]]["current"] is False
    assert listed[first["receipt"]]["note"] == "这张回执已被后来的投票替换"
    assert listed[second["receipt"]]["current"] is True
    assert listed[second["receipt"]]["note"] is None
    assert listed[first["receipt"]]["room_masked"] == listed[second["receipt"]]["room_masked"]
