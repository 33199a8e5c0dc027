"""Time decides, reads don't write: a consultation past `closes_at` reads as closed in the
API, the pages, the public page and the live tally, and none of these reads locks a row,
moves a status, appends to the audit chain or commits. The close is recorded by the
close job (or the next write). Both databases."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.audit.api import AuditEntry
from app.consultations.api import Consultation, Status
from app.consultations.api import cast_ballot, close_due
from app.db import utcnow
from app.extensions import db
from app.realtime.api import send_tally
from app.consultations.api import STATUS_LABELS
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user
from tests.statements import statements
from tests.web.helpers import web_login

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|COMMIT)\b|\bFOR (UPDATE|SHARE|NO KEY UPDATE)\b",
                   re.IGNORECASE)


def writes_in(statements: list[str]) -> list[str]:
    return [s for s in statements if WRITE.search(s)]


def audit_count() -> int:
    return db.session.scalar(select(func.count(AuditEntry.id)))


def stored_status(consultation_id: int) -> Status:
    return db.session.scalar(select(Consultation.stored_status).where(Consultation.id == consultation_id))


@pytest.fixture
def lapsed(app):
    """An elevator consent vote with one ballot whose closing time has just passed."""
    estate = make_estate()
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    committee = make_user(roles=[("committee", estate.id)])
    vote = make_consultation(estate, actor=committee, scope_type="stairwell",
                             scope_id=flat.stairwell_id)
    cast_ballot(vote, owner, flat.id, {"install": "agree"})
    vote.closes_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    db.session.expire_all()
    return vote, owner, committee, estate


def test_reads_past_closing_time_show_closed_and_write_nothing(client, lapsed):
    vote, owner, committee, estate = lapsed
    before = audit_count()
    reads = []
    with statements() as seen:
        reads.append(client.get(f"/api/v1/consultations/{vote.id}/results", headers=auth(owner)))
        reads.append(client.get(f"/api/v1/consultations/{vote.id}", headers=auth(owner)))
        reads.append(client.get(f"/api/v1/estates/{estate.id}/consultations", headers=auth(owner)))
        send_tally(vote.id)
    assert [r.status_code for r in reads] == [200, 200, 200]
    results, detail, listed = (r.json for r in reads)
    assert results["status"] == "closed" and results["decision"] in ("passed", "failed")
    assert detail["status"] == "closed"
    assert [c["status"] for c in listed if c["id"] == vote.id] == ["closed"]
    assert writes_in(seen) == []

    web_login(client, owner.phone)
    with statements() as seen:
        page = client.get(f"/consultations/{vote.id}")
        home = client.get("/")
    assert page.status_code == 200 and home.status_code == 200
    shown = page.get_data(as_text=True)
    assert f'badge-closed">{STATUS_LABELS["closed"]}' in shown
    assert "ballot-form" not in shown  # no ballot form once closed
    assert writes_in(seen) == []

    web_login(client, committee.phone)
    with statements() as seen:
        console = client.get(f"/console/consultations/{vote.id}")
    assert console.status_code == 200
    assert writes_in(seen) == []

    db.session.expire_all()
    assert audit_count() == before
    assert stored_status(vote.id) == Status.open


def test_the_close_job_records_the_close_once_and_a_write_settles_it(client, lapsed):
    vote, owner, committee, estate = lapsed
    before = audit_count()
    assert close_due() == [vote.id]
    assert stored_status(vote.id) == Status.closed
    assert audit_count() == before + 1
    assert close_due() == []
    assert audit_count() == before + 1


def test_a_ballot_after_closing_time_records_the_close_then_refuses(client, lapsed):
    vote, owner, committee, estate = lapsed
    before = audit_count()
    response = client.put(f"/api/v1/consultations/{vote.id}/ballots/mine", headers=auth(owner),
                          json={"answers": {"install": "oppose"}})
    assert response.status_code == 409 and response.json["error"]["code"] == "consultation_closed"
    db.session.expire_all()
    assert stored_status(vote.id) == Status.closed
    assert audit_count() == before + 1  # the close, not the ballot
