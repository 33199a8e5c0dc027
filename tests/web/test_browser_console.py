"""The committee console on a phone (390×844) in Chromium: acts that cannot be undone ask
first in a dialog in view; a paper ballot's flat typed or picked on the grid, its receipt in
view and 下一户; every console page fits the screen (tables become cards)."""
import pytest
from app.demo.api import data
from tests.web.conftest import DESKTOP, PHONE, login, page_api, screenshot
from tests.web.helpers import check_page
from tests.web.helpers import OVERFLOWING, fits, in_view

#: every console page of the demo estate, to open at 390 px
CONSOLE_PAGES = ["/console/", "/console/estates/1", "/console/estates/1/consultations",
                 "/console/estates/1/claims", "/console/estates/1/ledger",
                 "/console/estates/1/flat-codes", "/console/estates/1/cases",
                 "/console/estates/1/posters", "/console/estates/1/elevators",
                 "/console/estates/1/sunlight", "/console/estates/1/cases/new",
                 "/console/estates/1/members", "/console/estates/1/projects",
                 "/console/estates/1/complaints", "/console/estates/1/fund"]
STREET_PAGES = ["/street/", "/street/estates", "/street/operations"]
WIDE = {"width": 1280, "height": 800}


def test_lifecycle_asks_first_and_paper_ballots_are_entered_flat_after_flat(site, open_context):
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/consultations")
    created = page_api(committee, "POST", "/api/v1/estates/1/consultations", {
        "template": "willingness_survey", "closes_at": "2099-12-31T18:00:00+08:00"})
    assert created.status == 201, created.text()
    vote_id = created.json()["id"]
    committee.goto(f"{site.url}/console/consultations/{vote_id}")

    # 开始 asks first, saying what it does; 再想想 leaves it a draft
    committee.click("button[data-lifecycle=open]")
    committee.wait_for_selector("#confirm-dialog[open]")
    assert "题目和范围不能再改" in committee.inner_text("#confirm-text")
    assert in_view(committee, "#confirm-dialog")
    screenshot(committee, "console-confirm-phone")
    committee.click("#confirm-back")
    assert committee.locator("#confirm-dialog[open]").count() == 0
    assert "草稿" in committee.inner_text("#status")
    committee.click("button[data-lifecycle=open]")
    with committee.expect_navigation():
        committee.click("#confirm-ok")
    assert "进行中" in committee.inner_text("#status")

    # A paper ballot: a room typed is found in the stairwell on screen; another is tapped on
    # the building → stairwell → room grid; "1-1-101" names all three
    committee.fill("#room-search", "501")
    committee.press("#room-search", "Enter")
    assert "已选：1号楼 1单元 501" in committee.inner_text("#picked")
    committee.click("[data-pick-building]:has-text('2号楼')")
    committee.click("[data-pick-stairwell]:visible:has-text('2单元')")
    committee.click(".room-grid:visible label:has-text('501')")
    assert "已选：2号楼 2单元 501" in committee.inner_text("#picked")
    committee.fill("#room-search", "1-1-101")
    committee.press("#room-search", "Enter")
    assert "已选：1号楼 1单元 101" in committee.inner_text("#picked")
    committee.select_option("#assisted-channel", "paper")
    committee.fill("#assisted-evidence", "纸质票 第 0101 号")
    committee.check("#assisted-form input[name='q.willing'][value=agree]", force=True)
    committee.check("#assisted-form input[name='q.contribute'][value=willing]", force=True)
    with committee.expect_navigation():
        committee.click("#assisted-form button[type=submit]")
    committee.wait_for_function("() => document.activeElement && document.activeElement.id === 'receipt'")
    assert "回执编号" in committee.inner_text("#receipt") and in_view(committee, "#receipt")
    assert "纸质票 第 0101 号" in committee.inner_text("#entered")
    screenshot(committee, "console-paper-ballot-receipt-phone")
    with committee.expect_navigation():
        committee.click("#next-flat")
    assert "已选：1号楼 1单元 102" in committee.inner_text("#picked")
    assert fits(committee) <= 390
    check_page(committee, elder=False)  # tap targets, contrast, line height

    # 截止 asks too; after it the page says it is closed
    committee.click("button[data-lifecycle=close]")
    assert "不能撤销" in committee.inner_text("#confirm-text")
    with committee.expect_navigation():
        committee.click("#confirm-ok")
    assert "已截止" in committee.inner_text("#status")


def filled_estate(committee, site) -> list[str]:
    """An elevator plan, a case with a scheduled meeting, a project with a supervision report,
    a complaint and a fund entry: the console pages with their tables full, as paths."""
    stairwell = committee.request.get(f"{site.url}/api/v1/estates/1/buildings").json()[0]["stairwells"][0]["id"]
    elevator = page_api(committee, "POST", f"/api/v1/stairwells/{stairwell}/elevator-projects", {
        "total_cost_cents": 60000000, "subsidy_cents": 20000000, "publicity_days": 10,
        "floor_coefficients": {"1": "0", "2": "0.4", "3": "0.7", "4": "1", "5": "1.1", "6": "1.2"},
        "closes_at": "2099-12-31T23:59:00+08:00"})
    assert elevator.status == 201, elevator.text()
    flats = committee.request.get(f"{site.url}/api/v1/stairwells/{stairwell}/flats").json()
    case = page_api(committee, "POST", "/api/v1/estates/1/cases", {
        "title": "南侧绿地改停车位", "description": "一楼住户担心采光", "affected_flat_ids": [flats[0]["id"]]})
    assert case.status == 201, case.text()
    meeting = page_api(committee, "POST", f"/api/v1/cases/{case.json()['id']}/scheduled-meetings", {
        "held_at": "2099-01-10T19:00:00+08:00", "place": "社区活动室", "agenda": "停车位放在哪里"})
    assert meeting.status == 201, meeting.text()
    project = page_api(committee, "POST", "/api/v1/estates/1/projects",
                       {"title": "和平里综合整治（外墙、管网、加装电梯）", "budget_cents": 123456789})
    assert project.status == 201, project.text()
    project_id = project.json()["id"]
    for url, body in ((f"/api/v1/projects/{project_id}/supervision-reports", {"body": "脚手架没有防护网"}),
                      ("/api/v1/estates/1/complaints", {"title": "夜间施工噪音", "body": "晚上十点还在切割",
                                                         "anonymous": False, "project_id": project_id})):
        assert page_api(committee, "POST", url, body).status == 201
    return [f"/console/estates/1/elevators/{elevator.json()['id']}", f"/console/cases/{case.json()['id']}",
            f"/console/projects/{project_id}"]


def test_every_console_page_fits_a_phone_and_a_desktop(site, open_context):
    """No element's right edge beyond the window, nothing scrolling sideways: at 390×844 the
    tables are cards; at 1280×800 nothing is cut either."""
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    pages = CONSOLE_PAGES + filled_estate(committee, site) + [
        "/console/consultations/1", "/console/consultations/1/paper"]
    staff = open_context(viewport=PHONE).new_page()
    login(staff, site, data.STAFF_PHONE, start="/street/")
    wide = {}
    for size, prefix in ((PHONE, "phone"), (WIDE, "desktop")):
        for who, paths in ((committee, pages), (staff, STREET_PAGES)):
            who.set_viewport_size(size)
            for path in paths:
                who.goto(site.url + path)
                who.wait_for_load_state("networkidle")  # the tables the scripts fill from the API
                width, cut = fits(who), who.evaluate(OVERFLOWING)
                if width > size["width"] or cut:
                    wide[f"{prefix} {path}"] = (width, cut)
                name = path.strip("/").replace("/", "-").replace("console-estates-1", "console-estate")
                screenshot(who, f"{prefix}-{name or 'street'}")
    assert wide == {}, f"pages wider than the window: {wide}"
