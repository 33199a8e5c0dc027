"""Project pages say one thing at a time (issues 30 item 6, 36 item 6), in Chromium at
390×844 on the demo estate: each project's phase is the same on the list and on its page,
the work under way is in 共建 and the finished one in 共享 at 100%, a project shows its own
evaluation only, and its money is the public page's table (app.funding), the same numbers. Screenshots: tests/screenshots/project-under-way.png, project-finished.png."""
from tests.web.conftest import login, screenshot

OWNER = "13900000002"  # 王秀英


def test_project_pages_agree_with_themselves(site, open_context):
    site.flask("demo", "load", "--activity")  # the demo's projects: one under way, one finished
    page = open_context().new_page()
    login(page, site, OWNER)
    page.goto(f"{site.url}/estates/1/projects")
    under_way = page.locator("a.entry:has-text('2026年和平里小区综合整治')")
    finished = page.locator("a.entry:has-text('2025年2号楼屋面防水')")
    assert "现在的阶段：共建" in under_way.inner_text()
    assert "现在的阶段：共享" in finished.inner_text()

    finished.click()
    page.locator("#project-summary .lead").wait_for()
    assert page.inner_text("#project-summary .lead") == "现在的阶段：共享"
    assert page.locator("#project-summary .stages li").all_inner_texts()[-1].startswith("共享")
    page.locator("#work-progress:has-text('100.0%')").wait_for()
    evaluations = page.locator("#evaluations .evaluation")
    assert evaluations.count() == 1
    assert "2025年2号楼屋面防水改造效果评价" in evaluations.inner_text()
    page.locator(".evaluation-summary:has-text('满意度')").wait_for()
    screenshot(page, "project-finished")

    page.goto(f"{site.url}/estates/1/projects")
    page.click("a.entry:has-text('2026年和平里小区综合整治')")
    page.locator("#project-summary .lead").wait_for()
    assert page.inner_text("#project-summary .lead") == "现在的阶段：共建"
    page.locator("#work-progress:has-text('%')").wait_for()
    assert "项目总进度：100" not in page.inner_text("#work-progress")
    # another project's evaluation is not this project's
    assert page.locator("#evaluations .evaluation").count() == 0
    assert "还没有开始评价" in page.inner_text("#evaluations")
    budget = page.inner_text("#project-money .project-budget")
    assert budget == "预算 3,800,000.00 元", budget
    screenshot(page, "project-under-way")
    # the money by source is the public page's table (app.funding), the same numbers
    owners_table = page.inner_text("#project-money .money-table")
    project_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    page.goto(f"{site.url}/estates/1/public")
    assert page.inner_text(f"#public-money-{project_id} .money-table") == owners_table
