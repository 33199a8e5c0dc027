"""Issue 30 items 1 and 4 in Chromium at 390×844: the committee enters a ballot for an owner's
flat; the owner reads who entered it, how and when (the message and the receipt), objects
after the close; the committee upholds the objection and voids the ballot on the console,
or corrects it on the console's 更正 page; the owner sees it voided (the flat no longer
recorded) or corrected. Screenshots: integrity-*."""
from datetime import timedelta

from app.db import utcnow
from app.demo.api import data
from tests.web.conftest import PHONE, confirm, login, page_api, screenshot
from tests.web.helpers import fits
from tests.web.helpers import check_page
from tests.web.helpers import ROOF

OWNER = "13900000002"  # 王秀英, 1号楼 1单元 302


def fits_phone(page, name):
    assert fits(page) <= 390, name
    check_page(page, elder=False)
    screenshot(page, f"integrity-{name}")


def entered_told_and_objected(site, open_context):
    """A committee entry for an owner's flat; the owner told, who objects after the close."""
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    resident = open_context(viewport=PHONE).new_page()
    login(resident, site, OWNER)
    made = page_api(committee, "POST", "/api/v1/estates/1/consultations", {
        "template": "content_vote", "rule": "civil_code_278_ordinary_objections", "title": "楼道照明改造表决",
        "closes_at": (utcnow() + timedelta(days=7)).isoformat()})
    assert made.status == 201, made.text()
    vote = made.json()["id"]
    assert page_api(committee, "POST", f"/api/v1/consultations/{vote}/open").status == 200
    flat_id = page_api(resident, "GET", f"/api/v1/consultations/{vote}").json()["voting_flats"][0]
    entered = page_api(committee, "POST", f"/api/v1/consultations/{vote}/assisted-ballots", {
        "flat_id": flat_id, "answers": {"items": {ROOF: "agree"}}, "channel": "assisted",
        "evidence": "上门协助录入"})
    assert entered.status == 201, entered.text()

    # the owner is told: the message links to the receipt, which says who, how and when
    resident.goto(f"{site.url}/notifications")
    resident.wait_for_selector("text=表决票已由他人录入")
    resident.click("a[href*='#receipt']")
    resident.wait_for_selector("#receipt .cast-by:has-text('代为录入（协助录入）')")
    assert "以您本人的投票为准" in resident.inner_text("#receipt")
    # (the open vote's answer rows are checked by the vote journeys; here the receipt)
    assert fits(resident) <= 390
    screenshot(resident, "integrity-entered")

    # after the close the owner objects; the committee upholds it and voids the ballot.
    # The page follows the close only once its live channel is subscribed (on a busy
    # machine that can come after the receipt is drawn)
    resident.wait_for_selector("#live-state.badge-open")
    assert page_api(committee, "POST", f"/api/v1/consultations/{vote}/close").status == 200
    # the open page follows the close by itself (a reload)
    resident.wait_for_selector("#my-records:has-text('代为录入（协助录入）')")
    resident.fill("#my-records textarea", "我没有请人代投，这张票不是我的意思")
    resident.click("#my-records button[type=submit]")
    resident.wait_for_selector("#my-objections:has-text('调解中')")
    return committee, resident, vote


def test_an_entry_for_an_owner_is_told_objected_to_and_voided(site, open_context):
    committee, resident, vote = entered_told_and_objected(site, open_context)
    committee.goto(f"{site.url}/console/consultations/{vote}")
    committee.fill("#objections-list textarea", "核实：业主当时不在家，录入有误，作废")
    committee.select_option("#objections-list select", "void")
    confirm(committee, "#objections-list button[type=submit]")
    committee.wait_for_selector("#objections-list .correction:has-text('已按异议作废')")
    fits_phone(committee, "voided")
    resident.goto(f"{site.url}/consultations/{vote}")
    resident.wait_for_selector("#my-objections .correction:has-text('已按异议作废')")
    resident.wait_for_selector("#my-records:has-text('没有投票记录')")
    fits_phone(resident, "objection-upheld")


def test_an_upheld_objection_corrects_the_ballot_on_the_console_page(site, open_context):
    committee, resident, vote = entered_told_and_objected(site, open_context)
    committee.goto(f"{site.url}/console/consultations/{vote}")
    with committee.expect_navigation():
        committee.click("#objections-list a:has-text('按业主实际的选择更正这张票')")
    roof = committee.locator(f"#question-items .item[data-item='{ROOF}']")
    assert roof.locator("input[value=agree]").is_checked()  # as it was entered
    roof.locator("label.pick:has-text('反对')").click()
    committee.fill("#correct-resolution", "核实：业主当时选的是反对，录入有误，更正")
    fits_phone(committee, "correct-form")
    with committee.expect_navigation():
        confirm(committee, "#correct-form button[type=submit]")
    committee.wait_for_selector("#objections-list .correction:has-text('已按异议更正')")
    resident.goto(f"{site.url}/consultations/{vote}")
    resident.wait_for_selector("#my-objections .correction:has-text('已按异议更正')")
    fits_phone(resident, "objection-corrected")
