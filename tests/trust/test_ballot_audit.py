"""Every ballot act is in the audit chain: first ballots, changes, proxies, entered ballots.

One `ballot.cast` entry per ballot version, naming who acted and the receipt the
voter was given; a refused ballot leaves no entry; the chain still verifies.
"""
from sqlalchemy import select

from app.audit.api import AuditEntry
from app.audit.api import chain_of, verify_chain
from app.consultations.api import BallotVersion
from app.extensions import db
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user


def ballot_entries(consultation_id):
    return db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "ballot.cast", AuditEntry.subject_type == "consultation",
        AuditEntry.subject_id == consultation_id).order_by(AuditEntry.seq)).all()


def test_each_ballot_version_is_audited_with_its_actor_and_receipt(client):
    estate = make_estate()
    flats = flats_of(estate.id)
    committee = make_user(roles=[("committee", estate.id)])
    owner, relative = make_owner(flats[0]), make_user()
    consultation = make_consultation(estate, scope_type="estate", actor=committee)
    mine = f"/api/v1/consultations/{consultation.id}/ballots/mine"
    entered = f"/api/v1/consultations/{consultation.id}/assisted-ballots"
    assert client.post(f"/api/v1/flats/{flats[0].id}/proxies", headers=auth(owner),
                       json={"phone": relative.phone}).status_code == 201

    acts = [  # (who acted, response)
        (relative, client.put(mine, headers=auth(relative),
                              json={"flat_id": flats[0].id, "answers": {"install": "agree"}})),
        (owner, client.put(mine, headers=auth(owner),
                           json={"flat_id": flats[0].id, "answers": {"install": "abstain"}})),
        (owner, client.put(mine, headers=auth(owner),
                           json={"flat_id": flats[0].id, "answers": {"install": "agree"}})),
        (committee, client.post(entered, headers=auth(committee), json={
            "flat_id": flats[1].id, "answers": {"install": "agree"}, "channel": "assisted",
            "evidence": "业主本人在场，居委会代录", "witness_phone": "13912345678"})),
        (committee, client.post(entered, headers=auth(committee), json={
            "flat_id": flats[2].id, "answers": {"install": "oppose", "concerns": ["cost"]},
            "channel": "paper", "evidence": "纸质表决票第 3 号"})),
        (committee, client.post(entered, headers=auth(committee), json={
            "flat_id": flats[3].id, "answers": {"install": "agree"}, "channel": "proxy",
            "evidence": "委托书原件存居委会"})),
    ]
    for _, response in acts:
        assert response.status_code in (200, 201), response.json
    # a refused ballot (a proxy after the owner) writes no entry
    refused = client.put(mine, headers=auth(relative),
                         json={"flat_id": flats[0].id, "answers": {"install": "oppose",
                                                                   "concerns": ["noise"]}})
    assert refused.status_code == 409

    entries = ballot_entries(consultation.id)
    assert [(e.actor_id, e.data["receipt"], e.data["version"], e.data["channel"])
            for e in entries] == [
        (actor.id, response.json["receipt"], response.json["version"], response.json["channel"])
        for actor, response in acts]
    assert [(e.data["slot"], e.data["cast_as"]) for e in entries] == [
        (f"flat:{flats[0].id}", "proxy"), (f"flat:{flats[0].id}", "owner"),
        (f"flat:{flats[0].id}", "owner"), (f"flat:{flats[1].id}", "owner"),
        (f"flat:{flats[2].id}", "owner"), (f"flat:{flats[3].id}", "proxy")]
    assert all(e.estate_id == estate.id for e in entries)
    # one entry per version kept, and the receipts agree with the history
    versions = db.session.scalars(select(BallotVersion).order_by(BallotVersion.id)).all()
    assert [v.receipt for v in versions] == [e.data["receipt"] for e in entries]
    # the entries hold no personal data of the witness
    assert all("13912345678" not in str(e.data) for e in entries)
    assert verify_chain(chain_of(estate.id)).broken_at is None
