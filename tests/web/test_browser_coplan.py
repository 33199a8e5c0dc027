"""Issue 19 in Chromium at 390×844: an owner starts the estate's application and supports it
after the confirmation; the committee publishes a plan written as "## 标题" sections; the
owner comments on a passage selected in the plan; the committee answers and starts the
publicity; street staff set up a year's plan with its capacity typed in yuan.
Screenshots: tests/screenshots/coplan-*.png."""
from app.demo.api import data
from tests.web.conftest import DESKTOP, confirm, follow, login, screenshot

OWNER = "13900000001"


def select_in(page, selector: str, text: str):
    """Select `text` inside the element, as a finger or a mouse would, and let go."""
    page.evaluate("""([selector, text]) => {
        const node = document.querySelector(selector).firstChild;
        const start = node.textContent.indexOf(text);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + text.length);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        document.querySelector(selector).dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
    }""", [selector, text])


def test_apply_support_plan_comment_answer_publicity_and_a_years_plan(site, open_context):
    owner = open_context().new_page()
    login(owner, site, OWNER)
    follow(owner, "a:has-text('小区改造申请')")
    owner.fill("#apply-reason", "楼道灯坏了，屋面漏水，想申请改造")
    with owner.expect_navigation():
        owner.click("#application-start button[type=submit]")
    owner.click("button[data-reveal]")
    owner.locator("form.review:visible:has-text('每户只算一次')").wait_for()
    screenshot(owner, "coplan-support-confirm")
    with owner.expect_navigation():
        owner.click("form.review:visible button[type=submit]")
    owner.locator(".support-flat:has-text('已支持')").wait_for()
    assert "已有 1/" in owner.inner_text("#application")

    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/plan")
    committee.fill("#plan-title", "和平里小区改造方案（征求意见稿）")
    committee.fill("#plan-sections", "## 屋面\n屋面重做防水。\n## 外墙\n外墙涂料翻新，颜色保持原样。")
    committee.check("input[value='basic.exterior_wall_repair']")
    with committee.expect_navigation():
        committee.click("#new-plan-version button[type=submit]")
    committee.locator(".plan-version:has-text('第 1 版')").wait_for()

    follow(owner, "a:has-text('改造方案')")
    select_in(owner, ".plan-section:nth-of-type(3) .plan-text", "颜色保持原样")
    quote = owner.locator(".plan-section:nth-of-type(3) input[name=quote]")
    assert quote.input_value() == "颜色保持原样"
    owner.locator(".plan-section:nth-of-type(3) textarea[name=body]").fill("希望保留原来的青砖")
    with owner.expect_navigation():
        owner.click(".plan-section:nth-of-type(3) button[type=submit]")
    owner.locator("blockquote:has-text('颜色保持原样')").wait_for()
    # a comment on the whole 屋面 section: nothing selected, nothing quoted
    owner.locator(".plan-section:nth-of-type(2) textarea[name=body]").fill("屋面也要做保温")
    with owner.expect_navigation():
        owner.click(".plan-section:nth-of-type(2) button[type=submit]")
    roof = owner.locator(".plan-section:nth-of-type(2)")
    roof.locator("li:has-text('屋面也要做保温'):has-text('对这一节的意见')").wait_for()
    assert roof.locator("blockquote").count() == 0
    screenshot(owner, "coplan-plan")

    committee.reload()
    assert "对这一节的意见" in committee.inner_text(".comment:has-text('屋面也要做保温')")
    bricks = committee.locator(".comment:has-text('希望保留原来的青砖')")
    bricks.locator("textarea[name=answer]").fill("青砖部分只清洗，不刷涂料")
    with committee.expect_navigation():
        bricks.locator("button[type=submit]").click()
    confirm(committee, ".plan-version button[data-confirm]")
    committee.locator("[data-publicity=running]").wait_for()
    owner.reload()
    owner.locator("p:has-text('青砖部分只清洗')").wait_for()
    assert "正在公示" in owner.inner_text("#plan")

    staff = open_context().new_page()
    login(staff, site, data.STAFF_PHONE, start="/street/reserve")
    staff.fill("#plan-year", "2027")
    staff.fill("#plan-district", "东城区")
    staff.fill("#plan-capacity", "一百万")
    staff.click("#new-annual-plan button[type=submit]")
    staff.locator("#new-annual-plan [data-error-for=capacity_cents]:not(:empty)").wait_for()
    staff.fill("#plan-capacity", "1,000,000")
    with staff.expect_navigation():
        staff.click("#new-annual-plan button[type=submit]")
    staff.locator(".annual-plan:has-text('已用 0.00 / 1,000,000.00 元（0.0%）')").wait_for()
    screenshot(staff, "coplan-street-reserve")
