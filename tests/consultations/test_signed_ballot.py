"""An owner's ballot PUT checks the bearer token's user inside its rights query (
app.auth.signed): no query of its own for the user, and whatever that query doubts goes the
way of every route, so each refusal is the one another route gives and nothing is written."""
import pytest
from sqlalchemy import func, select

from app.auth.api import end_session, issue, start_session
from app.consultations.api import Ballot
from app.db import utcnow
from app.extensions import db
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user
from tests.statements import brief, statements

VOTE = {"answers": {"install": "agree"}}


def ballots() -> int:
    return db.session.scalar(select(func.count(Ballot.id)))


def put(client, consultation_id, headers, body=VOTE):
    return client.put(f"/api/v1/consultations/{consultation_id}/ballots/mine", headers=headers, json=body)


@pytest.fixture
def vote():
    estate = make_estate()
    owner = make_owner(flats_of(estate.id)[0])
    return make_consultation(estate).id, owner


def test_the_owner_is_checked_in_the_rights_query_not_in_a_query_of_its_own(client, vote):
    consultation_id, owner = vote
    headers = auth(owner)
    db.session.remove()
    with statements() as seen:
        response = put(client, consultation_id, headers)
    assert response.status_code == 200, response.json
    assert not [s for s in seen if " ".join(s.split()).startswith("SELECT users.")], brief(seen)
    rights = next(s for s in seen if "FROM consultations" in s)
    assert "users.token_version" in rights and "users.privacy_version" in rights
    assert ballots() == 1


def refusal_elsewhere(client, consultation_id, headers):
    """What another authenticated route answers the same token (the user is loaded first)."""
    response = client.get(f"/api/v1/consultations/{consultation_id}", headers=headers)
    return response.status_code, response.json


@pytest.mark.parametrize("change", ["deleted", "newer_token_version", "no_consent"])
def test_a_user_not_as_the_token_says_is_refused_as_anywhere(client, vote, change):
    consultation_id, owner = vote
    headers = auth(owner)
    if change == "deleted":
        owner.deleted_at = utcnow()
    elif change == "newer_token_version":
        owner.token_version += 1
    else:
        owner.privacy_version = None
    db.session.commit()
    status, body = refusal_elsewhere(client, consultation_id, headers)
    assert status == (403 if change == "no_consent" else 401)
    assert body["error"]["code"] == ("consent_required" if change == "no_consent" else "invalid_token")
    response = put(client, consultation_id, headers)
    assert (response.status_code, response.json) == (status, body)
    assert ballots() == 0


def test_an_ended_sign_in_is_refused_and_a_live_one_votes(client, vote):
    consultation_id, owner = vote
    live, ended = start_session(owner, "api"), start_session(owner, "api")
    db.session.commit()
    ended_headers = {"Authorization": f"Bearer {issue(owner, 'access', ended.id)}"}
    live_headers = {"Authorization": f"Bearer {issue(owner, 'access', live.id)}"}
    end_session(ended.id)
    response = put(client, consultation_id, ended_headers)
    assert response.status_code == 401 and response.json["error"]["code"] == "invalid_token"
    assert ballots() == 0
    assert put(client, consultation_id, live_headers).status_code == 200
    assert ballots() == 1


def test_someone_with_no_flat_there_gets_the_answer_of_the_full_check(client, vote):
    consultation_id, _ = vote
    stranger = make_user()
    response = put(client, consultation_id, auth(stranger))
    assert response.status_code == 404
    unknown = put(client, consultation_id + 1000, auth(stranger))
    assert unknown.status_code == 404
    assert ballots() == 0
