"""A case page stays current without reloading (issue 36 item 8): an edited post changes in
place; a scheduled meeting or an opened resolution vote loads the page again, but never
over words someone is typing (then a notice with a button says so)."""
from datetime import datetime, timedelta, timezone

from app.demo.api import data
from tests.web.conftest import login, page_api, screenshot


def test_edits_meetings_and_the_resolution_vote_reach_an_open_case_page(site, open_context):
    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE)
    rooms = page_api(committee, "GET", "/api/v1/stairwells/1/rooms").json()["rooms"]
    created = page_api(committee, "POST", "/api/v1/estates/1/cases", {
        "title": "楼道堆物清理", "description": "三楼楼道堆了旧家具，挡住了路。",
        "affected_flat_ids": [r["flat_id"] for r in rooms if r["floor"] == 1]})
    assert created.status == 201, created.text()
    case_id = created.json()["id"]

    author = open_context().new_page()
    login(author, site, "13900000001", start=f"/cases/{case_id}")
    reader = open_context().new_page()
    login(reader, site, "13900000002", start=f"/cases/{case_id}")
    for page in (author, reader):
        page.wait_for_selector("#live-state:has-text('新发言会自动出现')")

    author.fill("#post-body", "周六上午大家一起搬。")
    author.click("button:has-text('发表')")
    post = reader.wait_for_selector(".post:has-text('周六上午')", timeout=10000)
    post_id = int(post.get_attribute("data-post"))
    reader.evaluate("window.stillHere = true")  # gone if the page loads again

    author.click(f"#post-{post_id} [data-edit]")
    author.fill(f"#post-{post_id} .post-edit textarea", "改到周日上午，大家一起搬。")
    author.click(f"#post-{post_id} .post-edit button[type=submit]")
    reader.wait_for_selector(f"#post-{post_id} .post-body:has-text('改到周日上午')", timeout=10000)
    assert reader.evaluate("window.stillHere") is True
    assert "已修改" in reader.inner_text(f"#post-{post_id} .post-head")
    screenshot(reader, "case-live-edited")

    # typing a reply: the news waits for the person, with a button
    reader.fill("#post-body", "我周日有空")
    held_at = (datetime.now(timezone.utc) + timedelta(days=2)).isoformat()
    scheduled = page_api(committee, "POST", f"/api/v1/cases/{case_id}/scheduled-meetings",
                         {"held_at": held_at, "place": "社区活动室", "agenda": "谁来搬、搬到哪"})
    assert scheduled.status == 201, scheduled.text()
    reader.wait_for_selector("#case-news:has-text('安排了一次调解会议')", timeout=10000)
    assert reader.evaluate("window.stillHere") is True
    assert reader.input_value("#post-body") == "我周日有空"
    screenshot(reader, "case-live-news")
    with reader.expect_navigation():
        reader.click("#case-news-reload")
    assert "谁来搬、搬到哪" in reader.inner_text(f"[data-meeting='{scheduled.json()['id']}']")

    # nothing typed: the page loads again by itself and shows the vote
    reader.wait_for_selector("#live-state:has-text('新发言会自动出现')")
    closes_at = (datetime.now(timezone.utc) + timedelta(days=7)).isoformat()
    with reader.expect_navigation(timeout=10000):
        opened = page_api(committee, "POST", f"/api/v1/cases/{case_id}/resolution",
                          {"closes_at": closes_at, "proposal": "旧家具周日上午搬到垃圾站"})
        assert opened.status == 201, opened.text()
    assert "旧家具周日上午搬到垃圾站" in reader.inner_text("#resolution")
    reader.click("#elder-toggle")
    reader.reload()
    screenshot(reader, "case-live-resolution-elder")
