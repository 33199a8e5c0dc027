"""Voting and answering surveys in Chromium, against a real server with the demo estate.

A resident scans a stairwell link, logs in with a code from the console outbox,
claims a flat that a committee member approves in a second browser, votes, and
watches the live tally change when another resident votes, without reloading.
"""
import requests

from app.demo.api import data
from tests.web.conftest import (
    DESKTOP, PHONE, confirm, enter_code, follow, login, next_step, page_api, screenshot,
    submit_ballot)
from tests.web.helpers import stairwell_id
from tests.web.helpers import create_on_console


def option_line(page, question: str, option: str):
    return page.locator(f"#results [data-result={question}] [data-option={option}] .option-line")


def test_resident_scans_claims_votes_and_sees_the_live_tally(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    stairwell = stairwell_id(committee, site)
    vote_id = create_on_console(committee, site, "elevator_consent", "1号楼1单元 加装电梯意愿征询",
                                stairwell=stairwell)
    screenshot(committee, "console-consultation")

    # The resident scans the stairwell's code: the landing page, then the login
    resident = open_context().new_page()
    link = site.flask("qr", "link", "stairwell", str(stairwell)).strip()
    resident.goto(link)
    assert "1号楼" in resident.inner_text("main") and "1号楼1单元 加装电梯意愿征询" in resident.inner_text("main")
    screenshot(resident, "scan-landing")
    follow(resident, "a:has-text('用手机号登录')")
    enter_code(resident, site, "13911130001")
    assert f"/claim?stairwell={stairwell}" in resident.url
    resident.click("label.pick:has-text('202')")
    resident.click("label.pick:has-text('业主')")
    resident.click("button:has-text('提交登记')")
    resident.wait_for_selector(".form-ok:has-text('等待居委会审核')")
    resident.wait_for_selector("label.pick.taken:has-text('202')")

    # A committee member approves the claim in the other browser
    committee.goto(f"{site.url}/console/estates/1/claims")
    row = committee.locator("tr", has_text="1号楼 1单元 202")
    row.locator("button[data-approve]").click()
    row.locator("text=已认证").wait_for()

    # Home lists the open vote, not yet answered for this flat
    resident.goto(site.url + "/")
    entry = resident.locator(f"a.entry[href='/consultations/{vote_id}']")
    assert "1号楼 1单元 202：还没投票" in entry.inner_text()
    screenshot(resident, "home-consultations")
    follow(resident, f"a.entry[href='/consultations/{vote_id}']")
    resident.locator("#live-state:has-text('结果会自动更新')").wait_for()
    assert resident.locator("#question-concerns").is_hidden()
    screenshot(resident, "consultation-vote")

    resident.check("input[name='q.install'][value=agree]")
    with resident.expect_navigation():
        resident.click("#ballot-form button[type=submit]")
    assert "已提交。回执编号：" in resident.inner_text("#vote-ok")
    receipt = resident.inner_text("#receipt .receipt")
    assert "1号楼 1单元 202" in receipt and "第 1 次提交" in receipt
    resident.locator("#live-state:has-text('结果会自动更新')").wait_for()
    option_line(resident, "install", "agree").filter(has_text="同意：1 人").wait_for()
    screenshot(resident, "consultation-receipt")

    # Another owner of the stairwell votes (on their phone, through the API): the tally
    # on this page changes by itself; the page is not reloaded
    resident.evaluate("window.__sameDocument = true")
    other = site.api_login("13900000001")
    cast = requests.put(f"{site.url}/api/v1/consultations/{vote_id}/ballots/mine",
                        json={"answers": {"install": "agree"}}, headers=other)
    assert cast.status_code == 200, cast.text
    option_line(resident, "install", "agree").filter(has_text="同意：2 人").wait_for()
    assert resident.evaluate("window.__sameDocument") is True
    assert "已参与：业主 2/" in resident.inner_text("#results .participation")
    screenshot(resident, "consultation-live")

    # Changing my mind while open: opposing asks why (a conditional question)
    resident.check("input[name='q.install'][value=oppose]")
    resident.locator("#question-concerns").wait_for(state="visible")
    resident.check("input[name='q.concerns'][value=cost]")
    with resident.expect_navigation():
        resident.click("#ballot-form button[type=submit]")
    assert "第 2 次提交" in resident.inner_text("#receipt .receipt")
    option_line(resident, "install", "oppose").filter(has_text="不同意：1 人").wait_for()
    resident.locator("#live-state:has-text('结果会自动更新')").wait_for()

    # The committee enters a paper ballot for an owner without a phone (代填), with its
    # evidence; the resident's tally follows
    committee.goto(f"{site.url}/console/consultations/{vote_id}")
    option_line(committee, "install", "agree").filter(has_text="同意：1 人").wait_for()
    committee.fill("#room-search", "501")  # the consultation is this stairwell's: one 501
    committee.press("#room-search", "Enter")
    committee.wait_for_selector("#picked:has-text('已选：1号楼 1单元 501')")
    committee.select_option("#assisted-channel", "paper")
    committee.check("#assisted-form input[name='q.install'][value=agree]")
    with committee.expect_navigation():
        committee.click("#assisted-form button[type=submit]")
    assert "必填" in committee.inner_text("#assisted-form")  # no evidence: refused, kept as typed
    assert committee.locator("#assisted-form input[name='q.install'][value=agree]").is_checked()
    committee.fill("#assisted-evidence", "纸质票 第 0501 号，本人签字")
    with committee.expect_navigation():
        committee.click("#assisted-form button[type=submit]")
    assert "已录入。回执编号：" in committee.inner_text("#receipt")
    option_line(resident, "install", "agree").filter(has_text="同意：2 人").wait_for()
    assert "纸质 1" in committee.inner_text("#channel-counts")

    # The committee closes it: the resident's page follows without a tap
    resident.evaluate("window.__sameDocument = true")
    with resident.expect_navigation():
        with committee.expect_navigation():
            confirm(committee, "button[data-lifecycle=close]")
    assert "已截止" in resident.inner_text("main")
    assert resident.locator("#ballot-form").count() == 0


def test_resident_answers_a_survey_and_the_evaluation(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    survey_id = create_on_console(committee, site, "willingness_survey", "和平里小区改造意愿征询")
    created = page_api(committee, "POST", "/api/v1/estates/1/consultations", {
        "template": "evaluation", "closes_at": "2099-12-31T18:00:00+08:00",
        "hide_results_until_closed": True})
    assert created.status == 201, created.text()
    evaluation_id = created.json()["id"]
    assert page_api(committee, "POST", f"/api/v1/consultations/{evaluation_id}/open").status == 200
    committee.goto(f"{site.url}/console/estates/1/consultations")
    screenshot(committee, "console-consultations")

    # An owner answers the willingness survey; the follow-up question depends on the answer
    owner = open_context().new_page()
    login(owner, site, "13900000002")
    follow(owner, f"a.entry[href='/consultations/{survey_id}']")
    # one question a step; the follow-up question of each answer is the next step
    assert owner.locator("#question-contribute").is_hidden()
    assert "第 1 步，共 2 步" in owner.inner_text(".step-label")
    owner.check("input[name='q.willing'][value=oppose]")
    next_step(owner)
    owner.locator("#question-oppose_reason").wait_for(state="visible")
    owner.click("#ballot-form .step-nav button:has-text('上一步')")
    owner.check("input[name='q.willing'][value=agree]")
    next_step(owner)
    owner.locator("#question-contribute").wait_for(state="visible")
    assert owner.locator("#question-oppose_reason").is_hidden()
    owner.check("input[name='q.contribute'][value=willing]")
    next_step(owner)
    owner.check("input[name='q.join'][value=meetings]")
    owner.check("input[name='q.join'][value=supervision]")
    screenshot(owner, "survey")
    next_step(owner)
    review = owner.inner_text("#vote-review")
    assert "同意" in review and "参加施工监督" in review
    screenshot(owner, "survey-review")
    submit_ballot(owner)
    assert "回执编号" in owner.inner_text("#vote-ok")
    option_line(owner, "join", "supervision").filter(has_text="参加施工监督：1 人").wait_for()
    owner.goto(site.url + "/")
    assert "1号楼 1单元 302：已投票" in owner.inner_text(f"a.entry[href='/consultations/{survey_id}']")

    # A tenant answers the evaluation (one answer per resident); its results stay hidden
    tenant = open_context(viewport=PHONE).new_page()
    login(tenant, site, "13900000004")
    entry = tenant.locator(f"a.entry[href='/consultations/{evaluation_id}']")
    assert "还没回答" in entry.inner_text()
    follow(tenant, f"a.entry[href='/consultations/{evaluation_id}']")
    tenant.click("#question-overall label.pick:has-text('5')")
    next_step(tenant)
    tenant.click("#question-quality label.pick:has-text('4')")
    next_step(tenant)
    tenant.click("#question-process label.pick:has-text('4')")
    next_step(tenant)
    next_step(tenant)  # best_items: none chosen
    tenant.fill("textarea[name='q.suggestions']", "楼道灯很亮，谢谢大家")
    screenshot(tenant, "evaluation")
    submit_ballot(tenant)
    assert "第 1 次提交" in tenant.inner_text("#receipt")
    assert "截止后才公布结果" in tenant.inner_text("#results-card")
    tenant.goto(site.url + "/")
    assert "已回答" in tenant.inner_text(f"a.entry[href='/consultations/{evaluation_id}']")

    # A missing answer is explained beside the question, and nothing is lost
    second = open_context().new_page()
    login(second, site, "13900000003", start=f"/consultations/{survey_id}")
    next_step(second)
    second.check("input[name='q.join'][value=volunteer]")
    submit_ballot(second)
    # the message names the question, and the page opens on it
    assert "第 1 题" in second.inner_text("#vote-error")
    second.locator("#question-willing .field-error:has-text('请回答这道题')").wait_for()
    assert second.locator("#question-willing").is_visible()
    assert second.locator("input[name='q.join'][value=volunteer]").is_checked()


def test_content_vote_fits_a_small_phone_in_elder_mode(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    created = page_api(committee, "POST", "/api/v1/estates/1/consultations", {
        "template": "content_vote", "closes_at": "2099-12-31T18:00:00+08:00"})
    vote_id = created.json()["id"]
    assert page_api(committee, "POST", f"/api/v1/consultations/{vote_id}/open").status == 200

    small = {"width": 360, "height": 740}
    owner = open_context(viewport=small).new_page()
    login(owner, site, "13900000006", start=f"/consultations/{vote_id}")
    owner.click("#elder-toggle")
    owner.reload()
    assert owner.evaluate("document.documentElement.classList.contains('elder')")
    # the ballot opens at the top: the title and the flat first, not the step bar
    assert owner.evaluate("window.scrollY") == 0
    # one owner of two flats chooses which flat this ballot is for
    assert owner.locator("input[name=flat_id]").count() == 2
    item = owner.locator("#question-items .item[data-item='basic.water_supply']")
    agree = item.locator("label.pick:has-text('同意')").first
    agree.scroll_into_view_if_needed()
    owner.evaluate("window.scrollBy(0, 40)")
    before = owner.evaluate("window.scrollY")
    assert before > 0
    agree.click()
    owner.wait_for_timeout(300)  # a smooth scroll, had there been one, would have moved by now
    assert owner.evaluate("window.scrollY") == before  # the page stays still while answering
    next_step(owner)  # 基础类 -> 完善类
    owner.locator("#question-items .item[data-item='improvement.elevator'] label.pick:has-text('反对')").click()
    owner.locator("#question-items .item-group[data-step='完善类'] .item:not([data-item='improvement.elevator']) "
                  "label.pick:has-text('弃权')").first.click()
    overflow = owner.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    smallest = owner.evaluate("""Math.min(...[...document.querySelectorAll('#ballot-form label.pick')]
        .filter(label => label.offsetParent !== null)
        .map(label => Math.min(label.getBoundingClientRect().width, label.getBoundingClientRect().height)))""")
    assert smallest >= 60  # elder mode: tap targets of 60×60 CSS px at least
    owner.set_viewport_size(PHONE)
    screenshot(owner, "content-vote-elder")
    owner.set_viewport_size(small)
    next_step(owner)  # 提升类
    next_step(owner)  # the review: what is blank counts as 弃权
    total = owner.locator("#question-items .item").count()
    # an explicit 弃权 is said apart from what was left blank
    assert f"同意 1 项、反对 1 项、弃权 1 项、未选 {total - 3} 项（按弃权计）" in owner.inner_text("#vote-review")
    owner.set_viewport_size(PHONE)
    screenshot(owner, "content-vote-review")
    submit_ballot(owner)
    assert "回执编号" in owner.inner_text("#vote-ok")
    water = owner.locator("#results [data-result=items] [data-item='basic.water_supply']")
    assert "同意 1，反对 0，弃权 0" in water.inner_text()
    lift = owner.locator("#results [data-result=items] [data-item='improvement.elevator']")
    assert "同意 0，反对 1，弃权 0" in lift.inner_text()
