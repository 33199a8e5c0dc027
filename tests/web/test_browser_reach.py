"""Issue 34 in Chromium: the committee previews and sends a vote's notice to every owner and
reads the reach table (390×844 and desktop); the street office sees the reach per estate; an
owner who never registered taps the SMS link, confirms with a code and lands on the ballot."""
import re
from datetime import timedelta

import requests

from app.db import utcnow
from app.demo.api import data
from tests.web.conftest import agree_if_asked, DESKTOP, PHONE, confirm, login, page_api, screenshot


def open_vote(page) -> int:
    """The committee opens a 改造意愿征询 over the estate through the API, with the page's session."""
    estate_id = int(re.search(r"/console/estates/(\d+)", page.get_attribute("a[href^='/console/estates/']", "href")).group(1))
    made = page_api(page, "POST", f"/api/v1/estates/{estate_id}/consultations",
                    {"template": "willingness_survey", "closes_at": (utcnow() + timedelta(days=10)).isoformat()})
    assert made.status == 201, made.text()
    c_id = made.json()["id"]
    assert page_api(page, "POST", f"/api/v1/consultations/{c_id}/open").status == 200
    return c_id


def test_notice_reach_and_the_sms_link(site, open_context):
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    c_id = open_vote(committee)
    committee.goto(f"{site.url}/console/consultations/{c_id}")
    with committee.expect_navigation():
        committee.click("#reach-link")
    committee.click("#notice-preview")
    committee.wait_for_selector("#notice-send-button:not([hidden])")
    preview = committee.inner_text("#notice-result")
    sms, app = (int(n) for n in re.search(r"短信 (\d+) 人，应用内消息 (\d+) 人", preview).groups())
    assert app == 5 and sms > 50, preview  # the demo's five owner accounts; the ledger's phones
    assert "联系不上" in preview and not committee.locator("#unreachable").is_hidden()
    screenshot(committee, "reach-preview-phone")
    confirm(committee, "#notice-send-button")
    committee.wait_for_selector("#notice-result:has-text('已发出')")
    committee.wait_for_selector(".notice-sent", timeout=10_000)
    assert f"短信 {sms} 人" in committee.inner_text("#notices-sent")
    total = committee.locator("#reach-total")
    assert total.locator("td[data-col='flats']").inner_text() == "96"
    assert int(total.locator("td[data-col='notified']").inner_text()) == 96 - int(
        re.search(r"联系不上 (\d+) 户", preview).group(1))
    missing = [int(cell) for cell in committee.locator("#reach-table tbody td[data-col='not_voted']").all_inner_texts()]
    assert missing == sorted(missing, reverse=True) and len(missing) == 8
    screenshot(committee, "reach-table-phone")

    committee.set_viewport_size(DESKTOP)
    assert committee.locator("#reach-table tbody tr .reach-bar").count() == 8
    screenshot(committee, "reach-table-desktop")
    committee.set_viewport_size(PHONE)

    staff = open_context(viewport=DESKTOP).new_page()
    login(staff, site, data.STAFF_PHONE, start="/street/reach")
    row = staff.locator(f"#street-reach tr[data-consultation='{c_id}']")
    assert row.locator("td[data-col='flats']").inner_text() == "96"
    screenshot(staff, "street-reach-desktop")

    # an owner who never registered: the SMS's link, a code to the same phone, the ballot
    outbox = requests.get(f"{site.url}/api/v1/dev/sms-outbox").json()
    notice = next(m for m in outbox if m["phone"].startswith("1360000") and "/n/" in m["body"])
    phone, link = notice["phone"], re.search(r"http\S+/n/\w+", notice["body"]).group(0)
    owner = open_context(viewport=PHONE).new_page()
    owner.goto(site.url + link[link.index("/n/"):])
    owner.wait_for_selector("#link-code-step:not([hidden])")
    assert phone[-4:] in owner.inner_text("#link-status")
    owner.click("#link-send-code")
    owner.wait_for_selector("#link-code-sent:has-text('验证码已发到')")
    owner.fill("#link-code", site.latest_code(phone))
    screenshot(owner, "reach-link-phone")
    owner.click("#link-go")
    # a first sign-in: the processing rules first (agreed as people do), then the ballot
    owner.wait_for_url(lambda url: "/consent" in url or url.endswith(f"/consultations/{c_id}"))
    agree_if_asked(owner)
    owner.wait_for_url(f"**/consultations/{c_id}")
    owner.wait_for_selector("#ballot-form")
    screenshot(owner, "reach-link-ballot-phone")
    committee.reload()
    assert committee.locator("#reach-total td[data-col='opened']").inner_text() == "1"
