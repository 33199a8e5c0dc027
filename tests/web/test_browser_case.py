"""A case's discussion (一事一议) in Chromium: post, reply, report, hide; live posts."""
from app.demo.api import data
from tests.web.conftest import follow, login, page_api, screenshot
from tests.web.helpers import check_page


def test_residents_discuss_a_case_and_a_moderator_hides_a_post(site, open_context):
    moderator = open_context().new_page()
    login(moderator, site, data.MODERATOR_PHONE)
    rooms = page_api(moderator, "GET", "/api/v1/stairwells/1/rooms").json()["rooms"]
    created = page_api(moderator, "POST", "/api/v1/estates/1/cases", {
        "title": "加装电梯影响一楼采光", "description": "一楼住户担心电梯井挡住阳光。\n请大家说说意见。",
        "affected_flat_ids": [r["flat_id"] for r in rooms if r["floor"] == 1]})
    assert created.status == 201, created.text()
    case_id = created.json()["id"]

    first = open_context().new_page()
    login(first, site, "13900000001")
    follow(first, "a.entry:has-text('加装电梯影响一楼采光')")
    assert first.url.endswith(f"/cases/{case_id}")
    first.wait_for_selector("#live-state:has-text('新发言会自动出现')")

    second = open_context().new_page()
    login(second, site, "13900000002", start=f"/cases/{case_id}")
    second.wait_for_selector("#live-state:has-text('新发言会自动出现')")

    # Text is text: markup in a post is shown as typed, never run
    first.fill("#post-body", "我家在一楼，<b>希望</b>电梯装在北侧。")
    first.click("button:has-text('发表')")
    first.wait_for_selector(".post-body:has-text('<b>希望</b>')")
    post_id = int(first.get_attribute(".post", "data-post"))
    second.wait_for_selector(f"#post-{post_id}:has-text('希望')", timeout=10000)

    second.click(f"#post-{post_id} [data-reply]")
    second.fill("#post-body", "同意，北侧不挡光。")
    second.click("button:has-text('发表')")
    second.wait_for_selector(".post.reply:has-text('北侧不挡光')")
    first.wait_for_selector(".post.reply:has-text('北侧不挡光')", timeout=10000)
    reply_id = int(second.get_attribute(".post.reply", "data-post"))
    screenshot(first, "case")

    first.click(f"#post-{reply_id} [data-report]")
    first.click("#reason-dialog button[value=ok]")
    # the confirmation appears under the reported post, where the person is looking
    first.wait_for_selector(f"#post-{reply_id} .post-notice:has-text('已举报')")
    assert first.locator(f"#post-{reply_id} .post-notice").is_visible()

    moderator.goto(f"{site.url}/cases/{case_id}")
    assert "被举报 1 次：人身攻击或不实信息" in moderator.inner_text(f"#post-{reply_id}")
    moderator.click(f"#post-{reply_id} [data-hide]")
    moderator.fill("#reason-input", "与本事无关")
    moderator.click("#reason-dialog button[value=ok]")
    moderator.wait_for_selector(f"#post-{reply_id}.hidden-post")
    assert "北侧不挡光" in moderator.inner_text(f"#post-{reply_id}")  # moderators still read it

    first.wait_for_selector(f"#post-{reply_id}.hidden-post", timeout=10000)
    first.reload()
    hidden = first.inner_text(f"#post-{reply_id}")
    assert "已被隐藏" in hidden and "与本事无关" in hidden and "北侧不挡光" not in hidden
    check_page(first, elder=False)
    first.click("#elder-toggle")
    first.reload()
    check_page(first, elder=True)
    screenshot(first, "case-elder")
