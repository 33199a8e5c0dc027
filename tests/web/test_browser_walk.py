"""What the fresh walk of issue 36 found, in Chromium at 390×844: pages that say what is true
for the person reading them (a verified owner is not asked for a flat code, a committee member
without a flat has no survey to do, a stepped ballot just sent is not step 1 again, a closed
round's results are not promised for later, a vote closed early says when, a plan open for
comments says so, the data download in plain words)."""
from app.demo.api import data
from tests.web.conftest import DESKTOP, follow, login, next_step, page_api, screenshot, submit_ballot
from tests.web.test_browser_elder import check_page

OWNER = "13900000002"  # 王秀英, verified owner of 1号楼 1单元 302


def open_from_template(committee, template: str) -> int:
    """An estate-wide round from a template, open until 2099; its id."""
    created = page_api(committee, "POST", "/api/v1/estates/1/consultations", {
        "template": template, "closes_at": "2099-12-31T18:00:00+08:00"})
    assert created.status == 201, created.text()
    consultation_id = created.json()["id"]
    assert page_api(committee, "POST", f"/api/v1/consultations/{consultation_id}/open").status == 200
    return consultation_id


def test_a_survey_walked_as_an_owner_and_as_a_committee_member_without_a_flat(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    evaluation_id = open_from_template(committee, "evaluation")

    # the committee member has no flat: the survey is not in her to-do, nor "还没回答"
    committee.goto(site.url + "/")
    entry = committee.locator(f"a.entry[href='/consultations/{evaluation_id}']")
    assert entry.count() == 1
    assert committee.locator(f"#todo a[href='/consultations/{evaluation_id}']").count() == 0
    assert "还没回答" not in entry.inner_text()

    # a verified owner is not asked for a flat code on the home page
    owner = open_context().new_page()
    login(owner, site, OWNER)
    assert owner.locator(f"#todo a[href='/consultations/{evaluation_id}']").count() == 1
    assert not owner.locator("#flat-code").is_visible()
    assert "有户码？直接认证" not in owner.inner_text("main")
    screenshot(owner, "walk-home-verified-owner")
    tenant = open_context().new_page()
    login(tenant, site, "13900000004")  # 刘志强, a verified tenant: no flat code to type either
    assert not tenant.locator("#flat-code").is_visible()

    # answered in steps and sent: the page shows what was sent, not "第 1 步" again
    owner.goto(f"{site.url}/consultations/{evaluation_id}")
    assert "第 1 步" in owner.inner_text(".step-label")
    for question in ("overall", "quality", "process"):
        owner.click(f"#question-{question} label.pick:has-text('4')")
        next_step(owner)
    submit_ballot(owner)
    assert "回执编号" in owner.inner_text("#vote-ok")
    label = owner.inner_text(".step-label")
    assert "第 1 步" not in label and "您已提交" in label, label
    assert owner.locator("#vote-review").is_visible()
    assert not owner.locator("#ballot-form button[type=submit]").is_visible()
    screenshot(owner, "walk-survey-sent")
    # changing it is one tap away, from the first step
    owner.click("#ballot-form .step-nav button:has-text('我要修改')")
    assert "第 1 步" in owner.inner_text(".step-label")

    # closed early (planned for 2099): the console says when it really closed
    assert page_api(committee, "POST", f"/api/v1/consultations/{evaluation_id}/close").status == 200
    committee.goto(f"{site.url}/console/estates/1/consultations")
    closes = committee.inner_text(f"tr[data-consultation='{evaluation_id}'] td.closes")
    assert "提前截止" in closes and "原定 2099" in closes, closes
    committee.goto(f"{site.url}/console/consultations/{evaluation_id}")
    assert "提前截止" in committee.inner_text("#closes")

    # the owner's page: the results are shown now, not promised "after publication"
    owner.goto(f"{site.url}/consultations/{evaluation_id}")
    over = owner.inner_text("#round-over")
    assert owner.locator("#results").count() == 1
    assert not over.startswith("投票已截止，结果公示后"), over
    assert "结果在下面" in over, over
    screenshot(owner, "walk-survey-closed")


def test_plan_open_for_comments_and_the_data_download_in_plain_words(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    made = page_api(committee, "POST", "/api/v1/estates/1/plan-versions", {
        "title": "和平里小区改造方案（征求意见稿）",
        "sections": [{"title": "屋面", "body": "屋面重做防水。"}]})
    assert made.status == 201, made.text()

    owner = open_context().new_page()
    login(owner, site, OWNER, start="/estates/1/plan")
    notice = owner.inner_text("[data-publicity]")
    assert "还没有公示" not in notice or "提意见" in notice, notice
    assert "提意见" in notice, notice
    assert owner.locator(".plan-section textarea[name=body]").is_visible()
    screenshot(owner, "walk-plan-comments")

    # the check code printed on the public page (and in every 公示 export) says what its parts are
    owner.goto(f"{site.url}/estates/1/public")
    head = owner.inner_text(".audit-head")
    assert "estate:1 " in head and "小区编号、到现在的记录条数、校验码" in head, head

    owner.goto(f"{site.url}/account")
    text = owner.inner_text("main")
    assert "JSON" not in text, text
    screenshot(owner, "walk-account")


def test_an_owner_of_two_flats_reads_why_flats_and_owners_differ_in_the_results(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    survey_id = open_from_template(committee, "willingness_survey")

    # 周国华 owns two flats and agrees on both: two flats, one owner
    phone, _, _ = data.TWO_FLAT_OWNER
    owner = open_context().new_page()
    login(owner, site, phone, start=f"/consultations/{survey_id}")
    for _ in range(2):
        owner.check("input[name='q.willing'][value=agree]")
        next_step(owner)
        owner.check("input[name='q.contribute'][value=willing]")
        submit_ballot(owner)
        assert "回执编号" in owner.inner_text("#vote-ok")
        owner.goto(f"{site.url}/consultations/{survey_id}")
    line = owner.inner_text("#results [data-result=willing] [data-option=agree] .option-line")
    assert "1 人" in line, line
    note = owner.locator("#results [data-result=willing] .split-note")
    assert note.is_visible() and "一位业主有几户只算一人" in note.inner_text()
    assert "共有的一户也算一人" in owner.inner_text("#headcount-note")
    screenshot(owner, "walk-two-flats-results")


def test_the_sunlight_pictures_colours_are_read_in_large_type_in_elder_mode(sqlite_site, open_context):
    site = sqlite_site
    resident = open_context().new_page()
    login(resident, site, "13900000005", start="/estates/1/sunlight")  # 陈桂英, 2号楼 1单元 201
    resident.click("#elder-toggle")
    assert resident.get_attribute("#elder-toggle", "aria-pressed") == "true"
    follow(resident, "#sunlight-analyses a.entry")
    assert resident.evaluate("document.documentElement.classList.contains('elder')")
    legend = resident.locator(".sun-legend")
    assert legend.is_visible()
    text = legend.inner_text()
    assert "灰色：现有的楼" in text and "黄色：窗户有日照的时段" in text, text
    sizes = legend.locator("li").evaluate_all("items => items.map(i => parseFloat(getComputedStyle(i).fontSize))")
    assert sizes and min(sizes) >= 21, sizes  # elder mode's body size; the PNG's legend is about 12 px
    screenshot(resident, "walk-sunlight-legend-elder")
    check_page(resident, elder=True)


def test_a_roof_only_evaluation_asks_about_the_roof_only(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    project = page_api(committee, "POST", "/api/v1/estates/1/projects", {"title": "屋面防水", "budget_cents": 100})
    assert project.status == 201, project.text()
    project_id = project.json()["id"]
    assert page_api(committee, "PUT", f"/api/v1/projects/{project_id}/items", {"items": [
        {"code": "basic.roof_repair", "label": "屋面维修", "category": "basic"}]}).status == 200
    site.project_reached(project_id, "co_evaluate")
    evaluation = page_api(committee, "POST", f"/api/v1/projects/{project_id}/evaluations",
                          {"closes_at": "2099-12-31T18:00:00+08:00"}).json()["consultation_id"]
    assert page_api(committee, "POST", f"/api/v1/consultations/{evaluation}/open").status == 200

    owner = open_context().new_page()
    login(owner, site, OWNER, start=f"/consultations/{evaluation}")
    assert "共 5 步" in owner.inner_text(".step-label")  # the whole, quality, process, the roof, a word
    assert owner.locator("#ballot-form input[type=checkbox]").count() == 0  # no list of 41 kinds of work
    assert owner.locator("[data-question='item:basic.roof_repair']").count() == 1
    screenshot(owner, "walk-roof-evaluation")
