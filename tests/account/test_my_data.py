"""我的个人信息: the export a person reads (a page and a PDF, the JSON beside it): profile,
flats, ballots with receipts, messages, consents and sign-ins."""
import subprocess

from app.account.api import messages
from app.consultations.api import cast_ballot
from app.extensions import db
from app.notifications.api import Notification
from app.auth.api import CONSENT_LABELS
from tests.factories import flats_of, make_consultation, make_estate, make_owner, sign_in_cookie


def owner_with_a_ballot():
    estate = make_estate(name="和平里小区")
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat, phone="13912345678")
    consultation = make_consultation(estate)
    ballot = cast_ballot(consultation, owner, flat.id, {"install": "agree"})
    db.session.add(Notification(user_id=owner.id, estate_id=estate.id, kind="test",
                                title="表决开始了", body="加装电梯征询开始，请参与"))
    db.session.commit()
    return owner, ballot, consultation


def test_the_page_lists_what_we_keep(client):
    owner, ballot, consultation = owner_with_a_ballot()
    sign_in_cookie(client, owner)
    page = client.get("/account/data")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    for title in (messages.SECTION_ACCOUNT, messages.SECTION_FLATS, messages.SECTION_BALLOTS,
                  messages.SECTION_MESSAGES, messages.SECTION_CONSENTS, messages.SECTION_LOGINS):
        assert title in text
    assert "13912345678" in text  # their own data, unmasked
    assert ballot.receipt in text and consultation.title in text and "和平里小区 1号楼1单元101" in text
    assert "表决开始了" in text and CONSENT_LABELS["rules"] in text
    assert 'href="/account/data.pdf"' in text and 'href="/api/v1/me/export"' in text


def test_the_pdf_reads_the_same(client):
    owner, ballot, consultation = owner_with_a_ballot()
    sign_in_cookie(client, owner)
    response = client.get("/account/data.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=response.data,
                          capture_output=True, check=True).stdout.decode()
    compact = "".join(text.split())
    for expected in (messages.MY_DATA_TITLE, messages.SECTION_BALLOTS, ballot.receipt, "13912345678",
                     "".join(consultation.title.split()), "表决开始了", CONSENT_LABELS["rules"]):
        assert "".join(expected.split()) in compact, expected


def test_the_page_needs_a_login(client):
    assert client.get("/account/data").status_code == 302
    assert client.get("/account/data.pdf").status_code == 302
