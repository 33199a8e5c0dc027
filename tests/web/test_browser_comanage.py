"""共管 on a phone (390×844) in Chromium (issue 20): the committee starts a committee election
(candidates one a line, seats) behind a confirmation, records public income in yuan, posts
a notice; an owner reads the notice (the count moves), sees the 公示 and votes; the street
office groups two estates into a 片区 and registers spare premises, which a resident votes
for. Every page fits the screen, with tap targets, contrast and line height checked."""
from app.demo.api import data
from tests.web.conftest import PHONE, confirm, follow, login, page_api, screenshot, submit_ballot
from tests.web.helpers import OVERFLOWING
from tests.web.helpers import check_page

OWNER = "13900000001"


def looks_right(page, name):
    assert page.evaluate(OVERFLOWING) == [], name
    check_page(page, elder=False)
    screenshot(page, name)


def test_committee_owner_and_street_co_manage(site, open_context):
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/comanage")
    committee.select_option("#decision-matter", "committee_election")
    committee.fill("#decision-title", "第一届业主委员会选举")
    committee.fill("#decision-candidates", "张建国\n王秀英\n李志强")
    committee.fill("#decision-seats", "2")
    committee.fill("#decision-closes", "2099-12-31T18:00")
    committee.click("#decision-form button[type=submit]")
    committee.wait_for_selector("#confirm-dialog[open]")
    assert "不能撤回" in committee.inner_text("#confirm-text")
    with committee.expect_navigation():
        committee.click("#confirm-ok")
    assert "第一届业主委员会选举" in committee.inner_text("#decisions")
    looks_right(committee, "comanage-console-phone")

    committee.goto(f"{site.url}/console/estates/1/public-income")
    committee.select_option("#income-category", "parking")
    committee.fill("#income-amount", "1200.50")
    committee.fill("#income-date", "2026-11-01")
    committee.fill("#income-memo", "10月停车费")
    with committee.expect_navigation():
        confirm(committee, "#income-form button[type=submit]")
    assert "1,200.50" in committee.inner_text("#income-ledger")
    looks_right(committee, "public-income-console-phone")

    committee.goto(f"{site.url}/console/estates/1/notices")
    committee.fill("#notice-title", "业委会选举开始了")
    committee.fill("#notice-body", "请各位业主在 12 月底前投票。")
    with committee.expect_navigation():
        confirm(committee, "#notice-form button[type=submit]")
    assert "已读 0/" in committee.inner_text("#notice-table")
    looks_right(committee, "notices-console-phone")

    owner = open_context(viewport=PHONE).new_page()
    login(owner, site, OWNER, start="/notices")
    with owner.expect_navigation():
        owner.click("[data-notice] form button[type=submit]")
    assert owner.locator("[data-notice][data-read='1']").count() == 1
    looks_right(owner, "notices-phone")
    committee.reload()
    assert "已读 1/" in committee.inner_text("#notice-table")

    owner.goto(f"{site.url}/estates/1/public-income")
    assert "1,200.50" in owner.inner_text("#income-entries")
    looks_right(owner, "public-income-phone")
    owner.goto(f"{site.url}/estates/1/comanage")
    looks_right(owner, "comanage-phone")
    follow(owner, "[data-decision] a.btn.primary")
    owner.check("#ballot-form input[value=c1]", force=True)
    owner.check("#ballot-form input[value=c3]", force=True)
    submit_ballot(owner)
    assert owner.locator("#vote-ok").count() == 1

    street = open_context(viewport=PHONE).new_page()
    login(street, site, data.STAFF_PHONE, start="/street/areas")
    made = page_api(street, "POST", "/api/v1/estates", {"name": "和平里东小区", "district": "东城区",
                                                        "street": "和平里街道", "built_year": 1990})
    assert made.status == 201, made.text()
    street.reload()
    street.fill("#area-name", "和平里片区")
    for box in street.locator("#area-form input[name=estate_ids]").all():
        box.check(force=True)
    with street.expect_navigation():
        street.click("#area-form button[type=submit]")
    follow(street, "#areas a")
    street.fill("#resource-name", "原自行车棚")
    street.fill("#resource-location", "3号楼北侧")
    street.fill("#resource-area", "86.5")
    with street.expect_navigation():
        street.click("#resource-form button[type=submit]")
    street.click("[data-resource] details summary")
    street.fill("[data-resource] input[name=title]", "社区食堂")
    with street.expect_navigation():
        street.click("[data-resource] details form button[type=submit]")
    looks_right(street, "area-street-phone")

    owner.goto(f"{site.url}/estates/1/comanage")
    assert owner.locator("a[href^='/areas/']").count() == 1
    follow(owner, "a[href^='/areas/']")
    with owner.expect_navigation():
        owner.click("[data-proposal] form button[type=submit]")
    assert "1 票（我投的）" in owner.inner_text("[data-resource]")
    looks_right(owner, "area-phone")
    owner.click("#elder-toggle")  # 长辈模式: bigger text and targets on the same pages
    for path in ("/estates/1/comanage", "/estates/1/public-income", "/notices"):
        owner.goto(f"{site.url}{path}")
        assert owner.evaluate(OVERFLOWING) == [], path
        check_page(owner, elder=True)
