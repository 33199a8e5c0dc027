"""The reach pages render what the services answer: the console's notices and reach table,
the street office's reach per estate, the SMS link's landing page, the person's SMS setting."""
from tests.factories import make_consultation, make_user, sign_in_cookie
from tests.reach.helpers import ledger_estate, register


def test_the_console_and_street_pages_show_the_reach(client):
    estate = ledger_estate(12)
    register(estate, 2)
    committee = make_user(roles=[("committee", estate.id)])
    staff = make_user(roles=[("staff", None)])
    c = make_consultation(estate, "willingness_survey", actor=committee)
    sign_in_cookie(client, committee)
    client.post(f"/api/v1/consultations/{c.id}/notices", json={"audience": "all", "channels": ["sms", "app"]},
                headers={"X-CSRF-Token": "x"})
    page = client.get(f"/console/consultations/{c.id}/reach")
    assert page.status_code == 200, page.text
    text = page.get_data(as_text=True)
    assert "短信 10 人，应用内 2 人" in text and 'id="reach-total"' in text and "budget-form" not in text
    sign_in_cookie(client, staff)
    street = client.get("/street/reach")
    assert street.status_code == 200 and f'data-consultation="{c.id}"' in street.get_data(as_text=True)
    assert "budget-form" in client.get(f"/console/consultations/{c.id}/reach").get_data(as_text=True)


def test_the_link_page_and_my_sms_setting(client):
    assert client.get("/n/0000001abcdefgh").status_code == 200
    user = make_user()
    sign_in_cookie(client, user)
    page = client.get("/account")
    assert page.status_code == 200 and 'id="sms-setting"' in page.get_data(as_text=True)
