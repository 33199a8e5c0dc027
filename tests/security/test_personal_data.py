"""PIPL: names and phones masked in every view that is not the person's own or the committee's.

The sweep reads every GET route of the access table (test_access_matrix.py) as each
resident role allowed to read it (tenant, owner, moderator) and looks for any other
person's full name or phone in the answer: the ledger's owners, the residents, the
relative holding a proxy, the witness of a paper ballot, the committee. Their masked
forms (张**, 138****0000) are what may show. Exports in PDF and images are left to
tests/consultations (their text is not in the bytes as such).

tests/account/test_pipl.py covers export, deletion and ID numbers.
"""
from decimal import Decimal

import pytest

from app.elevators.api import services as elevators
from app.elevators.api import ElevatorProject
from app.elevators.api import Stage
from app.estates.api import LedgerRow
from app.estates.api import import_ledger
from app.extensions import db
from app.privacy import mask_name, mask_phone
from tests.factories import auth
from tests.security.test_access_matrix import ROWS
from tests.security.world import (
    OWNER_NAME, OWNER_PHONE, RELATIVE_PHONE, TENANT_NAME, TENANT_PHONE, WITNESS_PHONE, world_app)

LEDGER_NAME, LEDGER_PHONE = "欧阳娜娜", "13912345678"
READERS = ("tenant", "owner", "moderator")
BINARY = ("application/pdf", "image/png", "image/svg+xml", "image/jpeg")


@pytest.fixture(scope="module")
def app(backend, databases):
    for application in world_app(backend, databases, CASE_POST_LIMIT=1000):
        world = application.world
        a = world.a
        # the ledger names the owner of 1单元 101 with a phone (the committee's data)
        flat = a.flats[0]
        import_ledger(a.estate.id, [LedgerRow(
            row=2, building="1号楼", stairwell="1单元", room=flat.room, floor=flat.floor,
            area_m2=Decimal(flat.area_m2), owner_name=LEDGER_NAME, owner_phone=LEDGER_PHONE,
            owner_id_number="110101196001010011")])
        # the owner signs for 102 (the guards are tested in tests/elevators)
        project = db.session.get(ElevatorProject, a.elevator_id)
        project.stage = Stage.signing
        db.session.commit()
        elevators.sign(project, world.owner.id, a.flats[1].id)
        yield application


def secrets_of(world, reader) -> dict[str, str]:
    """Full names and phones the reader may not see, each with the masked form it may."""
    people = {OWNER_NAME: world.owner, OWNER_PHONE: world.owner, TENANT_NAME: world.tenant,
              TENANT_PHONE: world.tenant, RELATIVE_PHONE: None, WITNESS_PHONE: None,
              LEDGER_NAME: None, LEDGER_PHONE: None, world.committee.name: world.committee,
              world.committee.phone: world.committee, world.moderator.phone: world.moderator}
    return {secret: (mask_phone(secret) if secret.isdigit() else mask_name(secret))
            for secret, person in people.items() if person is not reader}


#: the console SMS backend's outbox (local runs and tests only: a deployment has no console
#: backend, app/auth/sms.py) shows every message sent, notices to the ledger's phones included
DEV_ONLY = ("/api/v1/dev/",)
READABLE = [(row, role) for row in ROWS if row.method == "GET" and not row.rule.startswith(DEV_ONLY)
            for role in READERS if row.outcomes()[role] == "2xx"]


@pytest.mark.parametrize("row,role", READABLE,
                         ids=[f"{row.rule}-{role}" for row, role in READABLE])
def test_no_other_persons_full_name_or_phone_in_a_residents_view(app, row, role):
    world = app.world
    reader = world.people[role]
    response = app.test_client().get(row.path(world), headers=auth(reader))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    if response.mimetype in BINARY:
        return
    text = response.get_data(as_text=True)
    leaked = [secret for secret in secrets_of(world, reader) if secret in text]
    assert leaked == []


def test_the_sweep_sees_masked_identities_where_they_are_shown(app):
    """The masked forms are really there, so the sweep above is looking at the right answers."""
    world, a = app.world, app.world.a
    client = app.test_client()
    as_tenant = auth(world.tenant)
    complaints = client.get(f"/api/v1/estates/{a.estate.id}/complaints", headers=as_tenant).json
    mine = next(c for c in complaints if c["id"] == a.complaint_id)
    assert (mine["complainant"], mine["complainant_id"], mine["complainant_phone"]) == (
        "张**", None, None)
    posts = client.get(f"/api/v1/cases/{a.case_id}/posts", headers=auth(world.owner)).json
    assert posts[0]["author"]["name_masked"] == "李**"
    case = client.get(f"/api/v1/cases/{a.case_id}", headers=as_tenant).json
    assert case["created_by"]["name_masked"] == "张**"
    assert all("*" in flat["room"] for flat in case["affected_flats"])
    export = client.get(f"/api/v1/consultations/{a.published_consultation_id}/export.csv",
                        headers=as_tenant).get_data(as_text=True)
    # the ledger named 欧阳娜娜 after this vote was published: its 公示 keeps the owners it
    # counted (the electorate frozen at opening, issue 30 item 2), each masked
    assert LEDGER_NAME not in export and LEDGER_PHONE not in export and "欧***" not in export
    assert "业**" in export


def test_the_committee_sees_who_complained(app):
    world, a = app.world, app.world.a
    complaints = app.test_client().get(f"/api/v1/estates/{a.estate.id}/complaints",
                                       headers=auth(world.committee)).json
    mine = next(c for c in complaints if c["id"] == a.complaint_id)
    assert (mine["complainant_id"], mine["complainant_phone"]) == (world.owner.id, OWNER_PHONE)


WEB_PAGES = [lambda w: "/", lambda w: f"/cases/{w.a.case_id}",
             lambda w: f"/claim?stairwell={w.a.stairwell_id}",
             lambda w: f"/estates/{w.a.estate.id}/public", lambda w: f"/q/{w.qr_token()}",
             lambda w: f"/consultations/{w.a.open_consultation_id}",
             lambda w: f"/consultations/{w.a.published_consultation_id}",
             lambda w: f"/elevators/{w.a.elevator_id}",
             lambda w: f"/elevators/{w.a.elevator_id}/progress"]


@pytest.mark.parametrize("role", ["tenant", "owner"])
def test_resident_web_pages_hold_no_other_persons_full_name_or_phone(app, role):
    """The pages a resident opens (signed in with the cookie session, as in the browser)."""
    from tests.security.test_access_matrix import sms_login

    world = app.world
    reader = world.people[role]
    client = app.test_client()
    signed_in = client.post("/api/v1/auth/session", json=sms_login(client, reader.phone))
    assert signed_in.status_code == 201
    secrets = secrets_of(world, reader)
    for page in WEB_PAGES:
        response = client.get(page(world), headers={"Accept": "text/html"})
        assert response.status_code == 200, page(world)
        text = response.get_data(as_text=True)
        assert [secret for secret in secrets if secret in text] == [], page(world)
    case_page = client.get(f"/cases/{world.a.case_id}").get_data(as_text=True)
    assert "李**" in case_page  # the post's author, masked: the sweep looks at a page with names
