"""Helpers shared by the tests of this folder, so no test module imports another."""
from app.consultations.api import Ballot, BallotVersion, Consultation
from app.consultations.api import results
from app.extensions import db
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user


A = "/api/v1"


def paper(client, vote, committee, flat, answer):
    entered = client.post(f"{A}/consultations/{vote.id}/assisted-ballots", headers=auth(committee), json={
        "flat_id": flat.id, "answers": {"install": answer}, "channel": "paper",
        "evidence": "纸质表决票", "witness_phone": "13912345678"})
    assert entered.status_code == 201, entered.json


def agree_count(vote):
    return results(db.session.get(Consultation, vote.id)).as_dict()["questions"][0]["options"]["agree"]["ballots"]


def object_to(client, vote, owner, flat, reason):
    filed = client.post(f"{A}/consultations/{vote.id}/objections", headers=auth(owner),
                        json={"flat_id": flat.id, "reason": reason})
    assert filed.status_code == 201, filed.json
    return filed.json["id"]
