"""The unit of work (app/unit_of_work.py): one commit, and announcements only after it.

Services queue their signals; the session sends them once its commit succeeded and drops
them on a rollback. A unit called inside another joins it; a request is the outermost unit.
Real services, real signals, SQLite and PostgreSQL; the live test runs a real server and a
real Socket.IO client.
"""
import time
from contextlib import contextmanager

import pytest
import requests
from sqlalchemy import create_engine, event, func, select, text

from app import unit_of_work
from app.auth.api import issue
from app.consultations.api import Consultation
from app.consultations.api import create_consultation, open_consultation
from app.db import utcnow
from app.extensions import db
from app.signals import consultation_status_changed
from app.unit_of_work import announce, unit
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user
from tests.realtime.helpers import LiveClient, seeding


class Forced(RuntimeError):
    """The failure a test injects after the work was done and announced."""


@contextmanager
def received(signal):
    """Every sending of `signal` while the block runs, with whether the sender's own work
    was committed by then (seen from another connection of the same database)."""
    calls = []

    def listener(_sender, **kwargs):
        with db.engine.connect() as other:
            committed = other.scalar(select(func.count(Consultation.id)).where(
                Consultation.id == kwargs["consultation_id"]))
        calls.append({**kwargs, "committed": bool(committed)})

    signal.connect(listener)
    try:
        yield calls
    finally:
        signal.disconnect(listener)


def _consultations() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Consultation.id)))


def _draft(estate, committee):
    return create_consultation(estate.id, template_key="elevator_consent", actor_id=committee.id,
                               closes_at=utcnow().replace(year=utcnow().year + 1))


def test_an_announcement_is_sent_once_after_the_commit(app):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    draft = _draft(estate, committee)
    with received(consultation_status_changed) as calls:
        open_consultation(draft, committee.id)
    assert calls == [{"consultation_id": draft.id, "estate_id": estate.id, "status": "open",
                      "committed": True}]
    assert unit_of_work.pending() == []


def test_a_unit_that_fails_after_announcing_writes_nothing_and_tells_nobody(app):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    before = _consultations()
    queued = []

    @unit
    def open_a_vote_then_fail():
        draft = _draft(estate, committee)  # both services join this unit: no commit of theirs
        open_consultation(draft, committee.id)
        queued.extend(unit_of_work.pending())
        raise Forced("after the announcement was queued")

    with received(consultation_status_changed) as calls:
        with pytest.raises(Forced):
            open_a_vote_then_fail()
        # a later commit in the same session does not carry the dropped announcement along
        db.session.commit()
    assert len(queued) == 1  # the status change had been announced, then rolled back
    assert calls == []
    assert _consultations() == before
    assert unit_of_work.pending() == []


def test_nested_units_commit_once_at_the_outermost(app):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    commits = []

    @unit
    def two_votes():
        first, second = _draft(estate, committee), _draft(estate, committee)
        open_consultation(first, committee.id)
        open_consultation(second, committee.id)
        return first.id, second.id

    def committed(session):
        commits.append(session)

    session = db.session()
    event.listen(session, "after_commit", committed)
    try:
        with received(consultation_status_changed) as calls:
            ids = two_votes()
    finally:
        event.remove(session, "after_commit", committed)
    assert len(commits) == 1
    assert [(call["consultation_id"], call["committed"]) for call in calls] == [
        (ids[0], True), (ids[1], True)]


def test_the_same_announcement_twice_in_one_transaction_is_sent_once(app):
    estate = make_estate()
    with received(consultation_status_changed) as calls:
        for _ in range(2):
            announce(consultation_status_changed, consultation_id=0, estate_id=estate.id,
                     status="open")
        db.session.commit()
    assert [call["consultation_id"] for call in calls] == [0]


@contextmanager
def audit_refused(database_url: str):
    """While the block runs, the database refuses every new audit entry (a trigger): the
    close below fails at its last step, after its announcement was queued."""
    engine = create_engine(database_url)
    postgresql = engine.dialect.name == "postgresql"
    with engine.begin() as conn:
        if postgresql:
            conn.execute(text("CREATE OR REPLACE FUNCTION gz_uow_refuse() RETURNS trigger "
                              "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$"))
            conn.execute(text("CREATE TRIGGER gz_uow_refuse BEFORE INSERT ON audit_entries "
                              "FOR EACH ROW EXECUTE FUNCTION gz_uow_refuse()"))
        else:
            conn.execute(text("CREATE TRIGGER gz_uow_refuse BEFORE INSERT ON audit_entries "
                              "BEGIN SELECT RAISE(ABORT, 'refused'); END"))
    try:
        yield
    finally:
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER gz_uow_refuse" + (" ON audit_entries" if postgresql else "")))
        engine.dispose()


def test_a_request_that_fails_after_announcing_rolls_back_and_tells_nobody(app, client):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    vote = make_consultation(estate, actor=committee)
    vote_id = vote.id
    db.session.commit()
    with received(consultation_status_changed) as calls:
        with audit_refused(db.engine.url.render_as_string(hide_password=False)):
            failed = client.post(f"/api/v1/consultations/{vote_id}/close", headers=auth(committee))
        assert failed.status_code == 500 and set(failed.json) == {"error"}
        assert calls == []
        db.session.expire_all()
        assert db.session.get(Consultation, vote_id).stored_status.value == "open"
        closed = client.post(f"/api/v1/consultations/{vote_id}/close", headers=auth(committee))
        assert closed.status_code == 200, closed.get_data(as_text=True)
    assert [(call["status"], call["committed"]) for call in calls] == [("closed", True)]


def test_a_failed_request_sends_no_live_update(start_server, backend, clone_database):
    url = clone_database(backend)
    with seeding(url):
        estate = make_estate()
        committee = make_user(roles=[("committee", estate.id)])
        vote_id = make_consultation(estate, actor=committee).id
        owner = make_owner(flats_of(estate.id)[0])
        committee_token, owner_token = issue(committee, "access"), issue(owner, "access")
    server = start_server(backend, database_url=url)
    resident = LiveClient(server.url, owner_token)
    close = f"{server.url}/api/v1/consultations/{vote_id}/close"
    headers = {"Authorization": f"Bearer {committee_token}"}
    try:
        assert resident.subscribe(f"consultation:{vote_id}") == {"ok": True}
        with audit_refused(url):
            failed = requests.post(close, headers=headers, timeout=30)
            assert failed.status_code == 500, failed.text
            time.sleep(2)  # an event sent by mistake would have arrived by now
        assert resident.events("consultation_status") == []
        closed = requests.post(close, headers=headers, timeout=30)
        assert closed.status_code == 200, closed.text
        assert resident.wait_for("consultation_status") == {"id": vote_id, "status": "closed"}
        assert len(resident.events("consultation_status")) == 1
    finally:
        resident.close()
