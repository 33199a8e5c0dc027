"""审批 and 绿色社区 in Chromium at 390×844 on the demo estate: the committee records an
approval on the project's console page (a refusal names the field), the street office sees
the project waiting on it, and an owner sees every approval's progress on the project page;
the committee marks a green-community criterion met with its evidence, and the owner reads it.
The joint meeting's overdue task is flagged on the console and the street's 超期事项, is
done with its evidence, and the owner reads the decisions without the internal notes.
Screenshots: tests/screenshots/console-approvals.png, street-approvals.png,
project-approvals.png, console-green.png, green.png, console-coordination.png,
street-tasks.png, coordination.png."""
from datetime import timedelta

from app.demo.api import data
from app.display import china_today
from tests.web.conftest import login, screenshot

OWNER = "13900000002"  # 王秀英
PROJECT = 1  # the demo's 2026 renovation, in 共建


def test_approvals_and_green_checks_recorded_on_the_console_reach_the_street_and_the_residents(
        site, open_context):
    site.flask("demo", "load", "--activity")  # the demo's renovation, its approvals settled
    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE, start=f"/console/projects/{PROJECT}")
    land = committee.locator("#approvals details[data-kind='land_use']")
    assert "无需办理" in land.inner_text()
    assert "已批准" in committee.inner_text("#approvals details[data-kind='construction_permit'] summary")
    land.locator("summary").click()
    form = land.locator("form").first
    form.locator("select[name=status]").select_option("approved")
    form.locator("input[name=submitted_on]").fill(str(china_today() - timedelta(days=9)))
    form.locator("button[type=submit]").click()
    # approved, but no date of the decision and no document number: the fields say so
    form.locator("[data-error-for=decided_on]:has-text('请填写批复日期')").wait_for()
    form.locator("select[name=status]").select_option("submitted")
    form.locator("input[name=department]").fill("东城区规划和自然资源分局")
    form.locator("button[type=submit]").click()
    committee.locator("#approvals details[data-kind='land_use'] summary:has-text('已等 9 天')").wait_for()
    screenshot(committee, "console-approvals")

    staff = open_context().new_page()
    login(staff, site, data.STAFF_PHONE, start="/street/")
    staff.click("a.tab:has-text('审批')")
    staff.wait_for_url("**/street/approvals")
    row = staff.locator("#approvals tr[data-kind='land_use']")
    assert "和平里小区" in row.inner_text() and "已等 9 天" in row.inner_text()
    assert "东城区规划和自然资源分局" in row.inner_text()
    screenshot(staff, "street-approvals")

    owner = open_context().new_page()
    login(owner, site, OWNER, start=f"/projects/{PROJECT}")
    approvals = owner.locator("#approvals")
    assert "施工许可：已批准（东建施〔2026〕88号）" in approvals.inner_text()
    assert "用地：已申报，等待审批" in approvals.inner_text()
    assert "原址改造" not in approvals.inner_text()  # the committee's note is not for residents
    approvals.scroll_into_view_if_needed()
    screenshot(owner, "project-approvals")

    committee.goto(f"{site.url}/console/estates/1/projects")
    committee.click("#green-link")
    committee.wait_for_url("**/console/estates/1/green")
    assert committee.inner_text("#green-summary") == "2 项已达标，共 14 项"
    waste = committee.locator("details[data-criterion='waste_sorting']")
    waste.locator("summary").click()
    waste.locator("select[name=status]").select_option("met")
    waste.locator("button[type=submit]").click()
    waste.locator("[data-error-for=evidence]:has-text('达标要写明依据')").wait_for()
    waste.locator("textarea[name=evidence]").fill("3号楼前垃圾分类驿站已建成")
    waste.locator("button[type=submit]").click()
    committee.locator("#green-summary:has-text('3 项已达标')").wait_for()
    screenshot(committee, "console-green")

    owner.goto(f"{site.url}/estates/1/projects")
    owner.click("#green-link")
    owner.wait_for_url("**/estates/1/green")
    item = owner.locator("li[data-criterion='waste_sorting']")
    assert "已达标" in item.inner_text() and "3号楼前垃圾分类驿站已建成" in item.inner_text()
    assert owner.inner_text("#green-summary") == "3 项已达标，共 14 项"
    screenshot(owner, "green")

    staff.click("a.tab:has-text('超期事项')")
    staff.wait_for_url("**/street/tasks")
    assert "核实燃气管线走向" in staff.inner_text("#overdue-tasks") and "已超期 3 天" in staff.inner_text("#overdue-tasks")
    screenshot(staff, "street-tasks")

    committee.goto(f"{site.url}/console/estates/1/projects")
    committee.click("#coordination-link")
    committee.wait_for_url("**/console/estates/1/coordination")
    gas = committee.locator("details.task.flagged")
    assert gas.count() == 1 and "已超期 3 天" in gas.inner_text()
    gas.locator("summary").click()
    gas.locator("select[name=status]").select_option("done")
    gas.locator("button[type=submit]").click()
    gas.locator("[data-error-for=evidence]:has-text('完成要写明依据')").wait_for()
    gas.locator("textarea[name=evidence]").fill("燃气公司现场核实，管线不受影响")
    gas.locator("button[type=submit]").click()
    committee.locator("#overdue-count").wait_for(state="detached")
    assert committee.locator("details.task.flagged").count() == 0
    screenshot(committee, "console-coordination")
    staff.reload()
    assert "没有超期的事项" in staff.inner_text("main")

    owner.goto(f"{site.url}/estates/1/projects")
    owner.click("#coordination-link")
    owner.wait_for_url("**/estates/1/coordination")
    text = owner.inner_text("main")
    assert "停水提前三天在公示栏和平台公告" in text and "燃气公司现场核实，管线不受影响" in text
    assert "燃气单位未到会" not in text  # the internal notes are not for residents
    screenshot(owner, "coordination")
