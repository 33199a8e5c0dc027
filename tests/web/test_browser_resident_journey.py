"""Issue 17 in Chromium at 390×844, the last stretch of a resident's way: a 一事一议 case's
resolution vote (a reminder with its unread badge, an owner of two flats voting for each,
editing my post, the moderation log), its published outcome and my receipt checked from
我的记录, the published figures in elder mode; the sunlight analysis of my stairwell's
elevator, and my data downloaded. Screenshots: tests/screenshots/."""
import json
from datetime import timedelta

from app.db import utcnow
from app.demo.api import data
from tests.web.conftest import DESKTOP, follow, login, page_api, screenshot, submit_ballot

TWO_FLATS = "13900000006"  # 周国华: 1号楼 2单元 401 and 3号楼 1单元 202
ELEVATOR_OWNER = "13900000005"  # 2号楼 1单元 201, whose stairwell has the demo elevator


def test_a_case_resolution_from_the_reminder_to_the_published_outcome(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    owner = open_context().new_page()
    login(owner, site, TWO_FLATS)
    flats = [f["flat_id"] for f in page_api(owner, "GET", "/api/v1/me").json()["flats"]]
    case = page_api(owner, "POST", "/api/v1/estates/1/cases", {
        "title": "楼前空地改停车位", "description": "有人提议把楼前空地改成停车位，请大家表决。",
        "affected_flat_ids": flats}).json()["id"]
    closes_at = (utcnow() + timedelta(hours=20)).isoformat()
    resolution = page_api(committee, "POST", f"/api/v1/cases/{case}/resolution",
                          {"closes_at": closes_at, "proposal": "楼前空地划出 4 个车位，车位费用于楼道照明"})
    assert resolution.status == 201, resolution.text()
    vote = resolution.json()["resolution"]["consultation_id"]
    site.flask("notifications", "remind-closing")

    # the opening notice and the reminder: a badge on home, read on the notifications page
    owner.reload()
    assert "2 条未读" in owner.inner_text("#unread-badge")
    todo = owner.locator(f"#todo a[href='/consultations/{vote}']")
    assert "1号楼 2单元 401：还没投票" in todo.inner_text() and "3号楼 1单元 202：还没投票" in todo.inner_text()
    with owner.expect_response(lambda response: "/api/v1/me/notifications/read" in response.url):
        follow(owner, "#notifications-link")
    owner.locator(".notification:has-text('快截止了')").wait_for()
    opened = owner.locator(".notification:has-text('请您表决')")
    assert opened.count() == 1 and opened.get_attribute("href") == f"/consultations/{vote}"
    screenshot(owner, "notifications")
    owner.goto(site.url + "/")
    assert owner.locator("#unread-badge").count() == 0

    # one flat votes on the proposal it reads; the page says the other has not, and switches to it
    follow(owner, f"#todo a[href='/consultations/{vote}']")
    assert "楼前空地划出 4 个车位" in owner.inner_text("main")
    owner.click("#question-resolution label.pick:has-text('同意')")
    submit_ballot(owner)
    assert "3号楼 1单元 202 还没有投票" in owner.inner_text("#not-voted")
    screenshot(owner, "resolution-other-flat")
    with owner.expect_navigation():
        owner.click("label.pick:has-text('3号楼 1单元 202')")
    owner.click("#question-resolution label.pick:has-text('同意')")
    submit_ballot(owner)
    assert owner.locator("#not-voted").count() == 0 and owner.locator(".receipt-line").count() == 2

    # the discussion: my post edited (its earlier text kept), another hidden with its reason
    owner.goto(f"{site.url}/cases/{case}")
    owner.fill("#post-body", "我同意，但要留出消防通道")
    owner.click("#post-form button[type=submit]")
    mine = owner.locator("article.post:has-text('消防通道')")
    mine.locator("[data-edit]").click()
    mine.locator(".post-edit textarea").fill("我同意，但一定要留出消防通道和绿化")
    mine.locator(".post-edit button[type=submit]").click()
    mine.locator(".post-edited").wait_for()
    mine.locator("[data-revisions]").click()
    mine.locator(".post-revisions:has-text('我同意，但要留出消防通道')").wait_for()
    screenshot(owner, "case-post-edited")
    post = page_api(committee, "POST", f"/api/v1/cases/{case}/posts", {"body": "广告：出售车位"}).json()["id"]
    assert page_api(committee, "POST", f"/api/v1/posts/{post}/hide", {"reason": "与本事无关的广告"}).status == 200
    owner.locator(f"#post-{post} .post-hidden:has-text('与本事无关的广告')").wait_for()
    owner.reload()
    owner.click("#moderation-log summary")
    assert "隐藏：与本事无关的广告" in owner.inner_text("#moderation-log")

    # closed, published and the case closed: 我的记录 keeps it, with the outcome and my receipts
    owner.goto(site.url + "/")
    for step in ("close", "publish"):
        assert page_api(committee, "POST", f"/api/v1/consultations/{vote}/{step}").status == 200
    assert page_api(committee, "POST", f"/api/v1/cases/{case}/close",
                    {"outcome": "同意改为停车位，保留消防通道"}).status == 200
    owner.reload()
    record = owner.locator(f"#records a[href='/consultations/{vote}#receipt']")
    assert "已公示" in record.inner_text() and "回执已核对 ✓" in record.inner_text()
    screenshot(owner, "home-records")
    follow(owner, f"#records a[href='/consultations/{vote}#receipt']")
    assert owner.locator("#receipt .badge:has-text('已在公示名单中')").count() == 2
    assert "实时结果" not in owner.inner_text("main") and "截止前可以随时修改" not in owner.inner_text("main")
    owner.goto(f"{site.url}/cases/{case}")
    assert "同意改为停车位" in owner.inner_text("#outcome") and "投票已截止" in owner.inner_text("#resolution")
    screenshot(owner, "case-outcome")

    # the published figures in elder mode: the chart labels at the elder size, nothing cut
    owner.click("#elder-toggle")
    owner.goto(f"{site.url}/estates/1/public")
    label = owner.locator("figure svg text").first
    assert label.evaluate("node => node.getBoundingClientRect().height") >= 18
    box = owner.locator("figure svg").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    screenshot(owner, "public-elder")


def test_my_stairwells_sunlight_analysis_and_my_data(site, open_context):
    owner = open_context().new_page()
    login(owner, site, ELEVATOR_OWNER)
    follow(owner, "a:has-text('日照分析')")
    follow(owner, "#sunlight-analyses a.entry")
    first = owner.locator(".sun-window").first
    assert "您家" in first.inner_text() and "2号楼1单元201" in first.inner_text()
    owner.wait_for_function("() => { const img = document.querySelector('img.sun-chart');"
                            " return img.complete && img.naturalWidth > 0; }")
    screenshot(owner, "sunlight-analysis")

    owner.goto(site.url + "/account")
    with owner.expect_download() as download:
        owner.click("#export-link")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["account"]["phone"] == ELEVATOR_OWNER and exported["records"]
