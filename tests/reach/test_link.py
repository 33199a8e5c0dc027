"""One tap from the SMS to the ballot: the signed link records its opening (by POST, the page's
GET writes nothing), a code goes to the same phone, and the new account owns the ledger's flats
of that phone at once (no claim step)."""
from sqlalchemy import select

from app.auth.api import SmsOutboxMessage
from app.estates.api import FlatLink, LinkStatus
from app.extensions import db
from app.personal.api import NOTICE_VERSION
from app.reach.api import token_for
from app.reach.api import NoticeRecipient
from tests.factories import auth, make_consultation, make_user
from tests.reach.helpers import PHONE0, ledger_estate


def sent_notice(client, owners=5, twice=(3,)):
    estate = ledger_estate(owners, twice=twice)
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, actor=committee)
    assert client.post(f"/api/v1/consultations/{c.id}/notices", json={"audience": "all", "channels": ["sms"]},
                       headers=auth(committee)).status_code == 202
    return estate, committee, c


def last_code(phone):
    return db.session.scalar(select(SmsOutboxMessage.code).where(
        SmsOutboxMessage.phone == phone, SmsOutboxMessage.kind == "login_code").order_by(SmsOutboxMessage.id.desc()))


def test_the_link_leads_an_unregistered_owner_to_the_ballot_of_their_flats(client):
    estate, committee, c = sent_notice(client)
    phone = str(PHONE0 + 3)  # owns two flats
    recipient = db.session.scalar(select(NoticeRecipient).where(NoticeRecipient.phone == phone))
    sms = db.session.scalar(select(SmsOutboxMessage).where(SmsOutboxMessage.phone == phone))
    token = token_for(recipient.id)
    assert sms.body.endswith(f"http://127.0.0.1:5000/n/{token}") or f"/n/{token}" in sms.body

    page = client.get(f"/n/{token}")
    assert page.status_code == 200
    db.session.expire_all()
    assert db.session.get(NoticeRecipient, recipient.id).opened_at is None  # a read never writes

    opened = client.post(f"/api/v1/notice-links/{token}/open").json
    assert opened == {"consultation_id": c.id, "path": f"/consultations/{c.id}", "signed_in": False,
                      "phone_masked": phone[:3] + "****" + phone[-4:]}
    assert client.post(f"/api/v1/notice-links/{token}/code").status_code == 201
    wrong = client.post(f"/api/v1/notice-links/{token}/session", json={"code": "000000"})
    assert wrong.status_code == 401 and not db.session.scalars(select(FlatLink)).all()
    signed = client.post(f"/api/v1/notice-links/{token}/session", json={"code": last_code(phone)})
    assert signed.status_code == 201 and signed.json["path"] == f"/consultations/{c.id}"
    links = db.session.scalars(select(FlatLink).where(FlatLink.status == LinkStatus.verified)).all()
    assert len(links) == 2 and {link.via for link in links} == {"ledger"}
    # a first sign-in: the processing rules are agreed to first, then the ballot opens
    asked = client.get(f"/consultations/{c.id}")
    assert asked.status_code == 302 and asked.location.startswith("/consent")
    agreed = client.post("/consent", data={"answer": "agree", "version": NOTICE_VERSION, "csrf_token":
                                           signed.json["csrf_token"], "next": f"/consultations/{c.id}"})
    assert agreed.status_code == 302 and agreed.location == f"/consultations/{c.id}"
    ballot_page = client.get(f"/consultations/{c.id}")
    assert ballot_page.status_code == 200

    reach = client.get(f"/api/v1/consultations/{c.id}/reach", headers=auth(committee)).json["total"]
    assert reach["opened"] == 2 and reach["registered"] == 2 and reach["notified"] == 6


def test_a_forged_or_unknown_link_opens_nothing(client):
    _, _, c = sent_notice(client, owners=2, twice=())
    recipient = db.session.scalar(select(NoticeRecipient))
    token = token_for(recipient.id)
    forged = token[:-1] + ("a" if token[-1] != "a" else "b")
    for bad in (forged, "0" * 15, "x", token_for(recipient.id + 50)):
        answer = client.post(f"/api/v1/notice-links/{bad}/open")
        assert answer.status_code == 404 and answer.json["error"]["code"] == "link_invalid"
    assert db.session.get(NoticeRecipient, recipient.id).opened_at is None


def test_a_registered_owner_with_the_link_goes_straight_on(client):
    _, _, c = sent_notice(client, owners=2, twice=())
    recipient = db.session.scalar(select(NoticeRecipient).where(NoticeRecipient.phone == str(PHONE0)))
    user = make_user(phone=str(PHONE0))
    opened = client.post(f"/api/v1/notice-links/{token_for(recipient.id)}/open", headers=auth(user)).json
    assert opened["signed_in"] is True and opened["path"] == f"/consultations/{c.id}"
