"""A ballot PUT costs a fixed, small number of SQL statements (issue 24): a count, not a time."""
import pytest

from sqlalchemy import select

from app.audit.api import chain_of, pending_count, seal, verify_chain
from app.consultations.api import Ballot, BallotVersion
from app.extensions import db
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner
from tests.statements import brief, statements

LIMIT = 8  # including the commit


@pytest.fixture
def config_overrides():
    # as in a server, where the sealer chains the ballots' audit entries off the request
    return {"AUDIT_SEAL_AT_ONCE": False}


def put(client, consultation_id, headers, answers):
    response = client.put(f"/api/v1/consultations/{consultation_id}/ballots/mine",
                          headers=headers, json={"answers": answers})
    assert response.status_code == 200, response.json
    return response.json


def test_a_ballot_put_is_at_most_eight_statements_first_changed_and_retried(client):
    estate = make_estate()
    owner = make_owner(flats_of(estate.id)[0])
    consultation_id, headers, estate_id = make_consultation(estate).id, auth(owner), estate.id
    db.session.remove()  # nothing cached: the request loads what it needs
    counts = []
    for answers in ({"install": "agree"}, {"install": "oppose", "concerns": ["cost"]},
                    {"install": "oppose", "concerns": ["cost"]}):
        with statements() as seen:
            receipt = put(client, consultation_id, headers, answers)
        counts.append(len(seen))
        assert len(seen) <= LIMIT, brief(seen)
        assert seen.count("COMMIT") == 1, seen
    first, changed, retried = counts
    # every guarantee still holds: one current ballot, both versions kept, the retry's receipt
    assert db.session.scalar(select(db.func.count(Ballot.id))) == 1
    assert db.session.scalar(select(db.func.count(BallotVersion.id))) == 2
    assert receipt["receipt"] == db.session.scalar(select(Ballot.receipt))
    # the two versions' audit entries wait for the sealer, then stand in the verified chain
    assert pending_count() == 2
    assert seal() == 2 and pending_count() == 0
    report = verify_chain(chain_of(estate_id))
    assert report.broken_at is None and report.entries >= 2
    print(f"statements per ballot PUT: first {first}, changed {changed}, retried {retried}")
