"""A separate consent before an ID number (敏感个人信息) is processed: a person's own when
they verify as an owner, a committee's statement when its ledger carries owners' numbers.
Without it the number is refused with a Chinese message and nothing is written."""
import io

from sqlalchemy import func, select

from app.auth.api import consent
from app.auth.api import messages as auth_messages
from app.auth.api import Consent
from app.estates.api import Flat, IdentityAttempt
from app.extensions import db
from tests.estates.ledger_shapes import CERT_101, ZHANG, office_xlsx
from tests.factories import auth, make_user


def import_ledger(client, estate, user, data: bytes, filename: str, query: str = ""):
    return client.post(f"/api/v1/estates/{estate.id}/flats/import{query}", headers=auth(user),
                       data={"file": (io.BytesIO(data), filename)}, content_type="multipart/form-data")


def consents(user, kind):
    return db.session.execute(select(Consent.version, Consent.channel).where(
        Consent.user_id == user.id, Consent.kind == kind)).all()


def flats_in(estate):
    return db.session.scalar(select(func.count(Flat.id)).where(Flat.estate_id == estate.id))


def test_a_ledger_with_id_numbers_needs_the_committees_statement(client, estate, committee):
    before = flats_in(estate)
    refused = import_ledger(client, estate, committee, office_xlsx(), "台账.xlsx")
    assert refused.status_code == 422
    error = refused.json["error"]
    assert error["code"] == "id_number_consent_required"
    assert error["fields"] == {"id_number_consent": auth_messages.LEDGER_ID_CONSENT_REQUIRED}
    assert flats_in(estate) == before  # nothing imported
    # the preview writes nothing and needs no statement
    assert import_ledger(client, estate, committee, office_xlsx(), "台账.xlsx", "?preview=1").status_code == 200
    done = import_ledger(client, estate, committee, office_xlsx(), "台账.xlsx", "?id_number_consent=true")
    assert done.status_code == 200, done.json
    assert consents(committee, consent.LEDGER_ID_NUMBERS) == [(auth_messages.ID_NUMBER_CONSENT_VERSION, "api")]
    # given once for this version: the next import goes through
    again = import_ledger(client, estate, committee, office_xlsx(), "台账.xlsx")
    assert again.status_code == 200, again.json


def test_a_ledger_without_id_numbers_asks_nothing(client, estate, committee):
    ledger = "楼栋,单元,房号,楼层,建筑面积,业主姓名\n8号楼,1单元,101,1,63.50,张伟\n".encode()
    assert import_ledger(client, estate, committee, ledger, "台账.csv").status_code == 200
    assert consents(committee, consent.LEDGER_ID_NUMBERS) == []


def test_an_owner_consents_separately_before_the_id_number_is_checked(client, estate, committee):
    assert import_ledger(client, estate, committee, office_xlsx(), "台账.xlsx",
                         "?id_number_consent=true").status_code == 200
    owner = make_user()
    claim = {"name": "张三", "id_number": ZHANG, "certificate_number": CERT_101}
    refused = client.post("/api/v1/flats/claims/by-identity", headers=auth(owner), json=claim)
    assert refused.status_code == 422
    assert refused.json["error"]["code"] == "id_number_consent_required"
    assert refused.json["error"]["fields"] == {"id_number_consent": auth_messages.ID_NUMBER_CONSENT_REQUIRED}
    assert db.session.scalar(select(func.count(IdentityAttempt.id))) == 0  # not even a try counted
    assert consents(owner, consent.ID_NUMBER) == []
    verified = client.post("/api/v1/flats/claims/by-identity", headers=auth(owner),
                           json={**claim, "id_number_consent": True})
    assert verified.status_code == 201, verified.json
    assert consents(owner, consent.ID_NUMBER) == [(auth_messages.ID_NUMBER_CONSENT_VERSION, "api")]
    listed = client.get("/api/v1/me/consents", headers=auth(owner)).json
    assert next(item for item in listed["required"] if item["kind"] == "id_number")["agreed"] is True


def test_the_id_number_consent_can_be_given_ahead_through_the_api(client):
    owner = make_user()
    given = client.post("/api/v1/me/consents", headers=auth(owner),
                        json={"kind": "id_number", "version": auth_messages.ID_NUMBER_CONSENT_VERSION})
    assert given.status_code == 201 and given.json["kind"] == "id_number"
    consent.require_id_numbers(owner, consent.ID_NUMBER, False)  # on record: no refusal
