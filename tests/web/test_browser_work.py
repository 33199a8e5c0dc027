"""Issue 19 (b) in Chromium at 390×844: the committee caps a content vote's budget, reads what
fits, creates the project from the vote, updates an item and sees the weighted progress, has
a phase refused with its reason, records the joint acceptance; an owner reads the preliminary
result of a vote with an objection period, objects to how their flat is recorded, and the
committee resolves it. Screenshots: tests/screenshots/coplan-*."""
from datetime import timedelta

from app.db import utcnow
from app.demo.api import data
from tests.web.conftest import PHONE, confirm, login, page_api, screenshot
from tests.web.helpers import OVERFLOWING, fits
from tests.web.helpers import check_page
from tests.web.helpers import LIGHTING, ROOF

OWNER = "13900000002"  # 王秀英, 1号楼 1单元 302


def fits_phone(page, name):
    """The phone page fits, meets the tap-target and text norms, and is kept as a screenshot."""
    assert fits(page) <= 390 and page.evaluate(OVERFLOWING) == [], name
    check_page(page, elder=False)
    screenshot(page, f"coplan-{name}")


def agreed_and_planned(site, vote: int, answers: dict) -> None:
    """The other owners' paper ballots (the law's two-thirds take part) and a plan whose
    publicity has ended, entered as the committee would, straight into the site's database."""
    from app.auth.api import User
    from app.consultations.api import get_consultation
    from app.extensions import db
    from tests.factories import agreed_on_paper, shown_plan
    from tests.realtime.helpers import seeding

    with seeding(site.server.database_url):
        committee = db.session.scalar(db.select(User).where(User.phone == data.COMMITTEE_PHONE))
        consultation = get_consultation(vote)
        agreed_on_paper(consultation, committee, answers)
        shown_plan(consultation.estate_id, committee.id)


def new_vote(committee, rule, title):
    made = page_api(committee, "POST", "/api/v1/estates/1/consultations", {
        "template": "content_vote", "rule": rule, "title": title,
        "closes_at": (utcnow() + timedelta(days=7)).isoformat()})
    assert made.status == 201, made.text()
    return made.json()["id"]


def test_a_content_vote_within_means_becomes_work_and_an_objection_is_mediated(site, open_context):
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    resident = open_context(viewport=PHONE).new_page()
    login(resident, site, OWNER)

    # the cap, on the draft's console page
    vote = new_vote(committee, "civil_code_278_ordinary", "屋面照明改造内容表决")
    committee.goto(f"{site.url}/console/consultations/{vote}")
    committee.fill("#budget-cap-yuan", "abc")
    committee.click("#budget-cap button[type=submit]")
    committee.wait_for_selector("#budget-cap [data-error-for=budget_cap_cents]:has-text('请填写金额')")
    committee.fill("#budget-cap-yuan", "1100000")
    committee.click("#budget-cap button[type=submit]")
    committee.wait_for_selector("#budget-cap-now:has-text('1,100,000.00 元')")
    fits_phone(committee, "budget-cap")
    assert page_api(committee, "POST", f"/api/v1/consultations/{vote}/open").status == 200
    agreed_and_planned(site, vote, {"items": {ROOF: "agree", LIGHTING: "agree",
                                              "basic.exterior_wall_repair": "agree"}})
    cast = page_api(resident, "PUT", f"/api/v1/consultations/{vote}/ballots/mine",
                    {"answers": {"items": {ROOF: "agree", LIGHTING: "agree", "basic.exterior_wall_repair": "agree"}}})
    assert cast.status == 200, cast.text()
    assert page_api(committee, "POST", f"/api/v1/consultations/{vote}/close").status == 200
    committee.goto(f"{site.url}/console/consultations/{vote}")
    means = committee.inner_text("#within-means")
    assert "预算上限 1,100,000.00 元" in means and "“外墙维修”虽已通过" in means

    # the project from the vote: refused before the final 公示, then built
    committee.goto(f"{site.url}/console/estates/1/projects")
    committee.select_option("#project-vote", str(vote))
    committee.fill("#project-title", "屋面和照明改造")
    with committee.expect_navigation():
        confirm(committee, "#new-project button[type=submit]")
    committee.wait_for_selector("#work-items .work-item:has-text('照明')")
    confirm(committee, "#project-advance button")
    committee.wait_for_selector("#project-advance .form-error:has-text('正式公示')")
    committee.wait_for_selector("#next-missing:has-text('正式公示')")
    fits_phone(committee, "phase-refused")
    assert page_api(committee, "POST", f"/api/v1/consultations/{vote}/publish").status == 200
    confirm(committee, "#project-advance button")
    committee.wait_for_selector("#phase-now:has-text('共建')")
    light = "#work-items .work-item:has-text('照明')"
    committee.select_option(f"{light} select", "in_progress")
    committee.fill(f"{light} input[type=number]", "50")
    committee.fill(f"{light} input:not([type])", "灯杆基础完成")
    committee.click(f"{light} button[type=submit]")
    committee.wait_for_selector("#work-progress:has-text('7.1%')")  # 15万×50% / (90万+15万)
    fits_phone(committee, "items")
    project_url = committee.url

    # the resident follows the items' timeline and the weighted progress
    resident.goto(site.url + project_url.split("/console")[1])
    resident.wait_for_selector("#work-items li:has-text('灯杆基础完成')")
    assert "7.1%" in resident.inner_text("#work-progress")
    fits_phone(resident, "resident-items")

    # the joint acceptance: refused with one representative, named next to the field
    committee.fill("#acceptance-held-on", "2026-11-20")
    committee.fill("#acceptance-conclusion", "屋面、照明合格")
    committee.select_option("#rep-flat-1", index=1)
    committee.fill("#rep-name-1", "张建国")
    confirm(committee, "#acceptance button[type=submit]")
    committee.wait_for_selector("#acceptance [data-error-for=representatives]:has-text('至少要有 2 位')")
    committee.select_option("#rep-flat-2", index=2)
    committee.fill("#rep-name-2", "李秀兰")
    confirm(committee, "#acceptance button[type=submit]")
    committee.wait_for_selector("#acceptance-done:has-text('张**、李**')")
    assert "2026年11月20日 联合验收" in committee.inner_text("#acceptance-done")  # a day as people write it

    # 询异: a vote with an objection period; the owner objects, the committee resolves it
    disputed = new_vote(committee, "civil_code_278_ordinary_objections", "外墙改造内容表决")
    assert page_api(committee, "POST", f"/api/v1/consultations/{disputed}/open").status == 200
    assert page_api(resident, "PUT", f"/api/v1/consultations/{disputed}/ballots/mine",
                    {"answers": {"items": {ROOF: "oppose"}}}).status == 200
    assert page_api(committee, "POST", f"/api/v1/consultations/{disputed}/close").status == 200
    resident.goto(f"{site.url}/consultations/{disputed}")
    resident.wait_for_selector("#my-records:has-text('已记录')")
    resident.click("#my-records button[type=submit]")
    resident.wait_for_selector("#my-records [data-error-for=reason]:not(:empty)")
    resident.fill("#my-records textarea", "我在纸上投的是同意，记成了反对")
    resident.click("#my-records button[type=submit]")
    resident.wait_for_selector("#my-objections:has-text('调解中')")
    fits_phone(resident, "objection")
    committee.goto(f"{site.url}/console/consultations/{disputed}")
    committee.fill("#objections-list textarea", "核对纸质票原件：记录有误，已更正")
    confirm(committee, "#objections-list button[type=submit]")
    committee.wait_for_selector("#objections-list:has-text('处理结果：核对纸质票原件')")
    fits_phone(committee, "objection-resolved")
