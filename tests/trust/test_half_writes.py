"""A failure inside a request leaves no half-written rows (SQLite and PostgreSQL).

Each test makes a multi-row write fail partway — after some of its rows were
already sent to the database — and checks that every table has exactly the rows
it had before, and that the client got the one JSON error shape.
"""
import io

import pytest
from sqlalchemy import func, select, text

from app.auth.api import consent
from app.heavyjobs.api import HeavyJob
from app.consultations.api import ballots as consultation_services
from app.consultations.api import Ballot, BallotAnswer, BallotVersion
from app.estates.api import ledger_import
from app.extensions import db
from app.qr.api import services as qr_services
from app.qr.api import QrPlace
from tests.estates.ledgers import csv_bytes, ledger_rows
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user


class Forced(RuntimeError):
    """The failure we inject; nothing in the app catches it on purpose."""


def row_counts() -> dict[str, int]:
    """Rows in every table of the schema."""
    db.session.expire_all()
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


def fail_after(module, name: str, monkeypatch) -> list:
    """Make `module.name` run for real, then raise: the step after it never happens.

    Returns the list of calls, to show the failure happened where we wanted it.
    """
    real, calls = getattr(module, name), []

    def failing(*args, **kwargs):
        real(*args, **kwargs)
        calls.append(name)
        db.session.flush()  # what was pending is now written in the open transaction
        raise Forced(f"forced failure after {name}")

    monkeypatch.setattr(module, name, failing)
    return calls


def assert_json_error(response, status: int, code: str):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    body = response.json
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]


def put_ballot(client, consultation, user, answers, flat_id):
    return client.put(f"/api/v1/consultations/{consultation.id}/ballots/mine", headers=auth(user),
                      json={"flat_id": flat_id, "answers": answers})


@pytest.fixture
def vote(app):
    estate = make_estate()
    flat = flats_of(estate.id)[0]
    return estate, flat, make_owner(flat), make_consultation(estate, scope_type="estate")


@pytest.fixture
def refused_by_database():
    """refuse(table): the database itself refuses every INSERT into `table` (a trigger), until
    the test ends. A ballot sends its rows in one statement on PostgreSQL and one by one
    on SQLite; a trigger fails both at the same row, where a patched function could not."""
    made = []

    def refuse(table: str) -> None:
        db.session.rollback()  # the test's open reads would keep CREATE TRIGGER waiting
        if db.engine.dialect.name == "postgresql":
            statements = [
                "CREATE OR REPLACE FUNCTION gz_test_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$",
                f"CREATE TRIGGER gz_test_refuse BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION gz_test_refuse()"]
        else:
            statements = [f"CREATE TRIGGER gz_test_refuse BEFORE INSERT ON {table} "
                          "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"]
        with db.engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
        made.append(table)

    yield refuse
    db.session.rollback()
    with db.engine.begin() as conn:
        for table in made:
            on = f" ON {table}" if db.engine.dialect.name == "postgresql" else ""
            conn.execute(text(f"DROP TRIGGER IF EXISTS gz_test_refuse{on}"))


def test_first_ballot_whose_audit_entry_the_database_refuses_writes_nothing(
        client, vote, refused_by_database):
    """The audit entry is the ballot's last row on SQLite, and written in the same
    statement as the ballot, its answers and version on PostgreSQL."""
    estate, flat, owner, consultation = vote
    before = row_counts()
    refused_by_database("audit_pending")
    response = put_ballot(client, consultation, owner, {"install": "agree"}, flat.id)
    assert_json_error(response, 500, "server_error")
    assert row_counts() == before
    assert db.session.scalar(select(func.count(Ballot.id))) == 0


def test_changed_ballot_whose_audit_entry_the_database_refuses_keeps_the_first_version(
        client, vote, refused_by_database):
    estate, flat, owner, consultation = vote
    first = put_ballot(client, consultation, owner, {"install": "agree"}, flat.id)
    assert first.status_code == 200, first.json
    before = row_counts()
    refused_by_database("audit_pending")
    response = put_ballot(client, consultation, owner, {"install": "abstain"}, flat.id)
    assert_json_error(response, 500, "server_error")
    assert row_counts() == before
    ballot = db.session.scalar(select(Ballot))
    assert (ballot.version, ballot.receipt, ballot.answers) == (1, first.json["receipt"],
                                                                {"install": "agree"})
    assert db.session.scalars(select(BallotAnswer.option_key)).all() == ["agree"]
    assert db.session.scalars(select(BallotVersion.version)).all() == [1]


def test_changed_ballot_whose_new_answers_the_database_refuses_writes_nothing(
        client, vote, refused_by_database):
    """The database refuses the new answer rows, after the ballot's update, its version and
    its audit entry were sent and the old answer rows deleted: all of it is undone."""
    estate, flat, owner, consultation = vote
    first = put_ballot(client, consultation, owner, {"install": "agree"}, flat.id)
    assert first.status_code == 200, first.json
    before = row_counts()
    refused_by_database("ballot_answers")
    response = put_ballot(client, consultation, owner, {"install": "abstain"}, flat.id)
    assert_json_error(response, 500, "server_error")
    assert row_counts() == before
    ballot = db.session.scalar(select(Ballot).where(Ballot.slot == f"flat:{flat.id}"))
    assert (ballot.version, ballot.receipt, ballot.answers) == (1, first.json["receipt"],
                                                                {"install": "agree"})
    assert db.session.scalars(select(BallotAnswer.option_key).where(
        BallotAnswer.ballot_id == ballot.id)).all() == ["agree"]


def test_assisted_ballot_whose_audit_entry_the_database_refuses_writes_nothing(
        client, vote, refused_by_database):
    estate, flat, owner, consultation = vote
    committee = make_user(roles=[("committee", estate.id)])
    before = row_counts()
    refused_by_database("audit_pending")
    response = client.post(
        f"/api/v1/consultations/{consultation.id}/assisted-ballots", headers=auth(committee),
        json={"flat_id": flat.id, "answers": {"install": "agree"}, "channel": "assisted",
              "evidence": "业主本人在场，居委会代录", "witness_phone": "13912345678"})
    assert_json_error(response, 500, "server_error")
    assert row_counts() == before


def test_ballot_refused_partway_by_a_domain_error_writes_nothing(client, vote, monkeypatch):
    """A refusal raised late (after the slot was claimed) answers 409 and keeps nothing."""
    from app.errors import Conflict

    estate, flat, owner, consultation = vote
    before = row_counts()
    real = consultation_services._upsert

    def refuse(*args, **kwargs):
        written = real(*args, **kwargs)
        assert written is not None  # the slot is claimed (with every row, on PostgreSQL)
        raise Conflict("测试：在写入途中拒绝", code="forced_conflict")

    monkeypatch.setattr(consultation_services, "_upsert", refuse)
    response = put_ballot(client, consultation, owner, {"install": "agree"}, flat.id)
    assert_json_error(response, 409, "forced_conflict")
    assert row_counts() == before


def test_ledger_import_failing_at_its_audit_entry_writes_nothing(client, app, monkeypatch):
    estate = make_estate(buildings=(("1号楼", 1),), floors=2)
    committee = make_user(roles=[("committee", estate.id)])
    rows = ledger_rows(buildings=(("1号楼", 1), ("9号楼", 2)), floors=3)  # new buildings and flats
    # the committee's separate consent to process the file's ID numbers, given before
    consent.give(committee, consent.LEDGER_ID_NUMBERS, consent.VERSIONS[consent.LEDGER_ID_NUMBERS], "sms")
    db.session.commit()
    before = row_counts()
    calls = fail_after(ledger_import, "record", monkeypatch)  # the import lives there
    response = client.post(f"/api/v1/estates/{estate.id}/flats/import", headers=auth(committee),
                           data={"file": (io.BytesIO(csv_bytes(rows)), "ledger.csv")},
                           content_type="multipart/form-data")
    assert calls == ["record"]
    assert_json_error(response, 500, "server_error")
    after = row_counts()
    # the import wrote nothing; what remains is its job's record, failed with the reason why
    # (a heavy job is recorded before its work starts, so a person sees what happened to it)
    assert after.pop("heavy_jobs") == before.pop("heavy_jobs") + 1
    assert after == before
    job = db.session.scalars(select(HeavyJob)).one()
    assert (job.kind, job.state.value, job.upload) == ("estates.ledger_import", "failed", None)


def test_first_qr_rotation_failing_after_its_savepoint_writes_nothing(client, app, monkeypatch):
    """The first rotation of a place creates its row inside a savepoint (begin_nested);
    a failure after the savepoint was released must still undo that row.

    With pysqlite's own transaction handling a SAVEPOINT opened outside a transaction
    began one, and its RELEASE committed it: the row survived the rollback (app/db.py).
    """
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    stairwell_id = flats_of(estate.id)[0].stairwell_id
    before = row_counts()
    assert db.session.scalar(select(func.count(QrPlace.place_id))) == 0
    calls = fail_after(qr_services, "record", monkeypatch)
    response = client.post(f"/api/v1/stairwells/{stairwell_id}/qr/rotate", headers=auth(committee))
    assert calls == ["record"]
    assert_json_error(response, 500, "server_error")
    assert row_counts() == before
    assert db.session.scalar(select(func.count(QrPlace.place_id))) == 0
