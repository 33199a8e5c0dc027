"""Helpers of the 共管 tests: owners for every flat, votes through the API."""
from datetime import timedelta

from app.db import utcnow
from tests.factories import auth, flats_of, make_owner

A = "/api/v1"


def later(days=7) -> str:
    return (utcnow() + timedelta(days=days)).isoformat()


def owners_of(estate) -> list:
    """A verified owner for every flat of the estate, in flat order."""
    return [make_owner(flat) for flat in flats_of(estate.id)]


def vote(client, consultation_id, owners, answers_list):
    """Each owner casts the matching answers (None: the owner does not vote)."""
    for owner, answers in zip(owners, answers_list):
        if answers is None:
            continue
        response = client.put(f"{A}/consultations/{consultation_id}/ballots/mine",
                              json={"answers": answers}, headers=auth(owner))
        assert response.status_code == 200, response.json


def close(client, consultation_id, committee):
    response = client.post(f"{A}/consultations/{consultation_id}/close", json={},
                           headers=auth(committee))
    assert response.status_code == 200, response.json


def decide(client, estate, committee, body) -> int:
    response = client.post(f"{A}/estates/{estate.id}/comanage-decisions",
                           json={"closes_at": later(), **body}, headers=auth(committee))
    assert response.status_code == 201, response.json
    return response.json["id"]
