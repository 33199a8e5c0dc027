"""An added elevator (加装电梯) in Chromium: the committee proposes and advances it on the
console while a resident watches the stage change live, reads their share and consents."""
from app.demo.api import data
from tests.web.conftest import DESKTOP, PHONE, confirm, console_nav, follow, login, page_api, screenshot
from tests.web.helpers import check_page
from tests.web.helpers import stairwell_id

RESIDENT = "13900000002"  # owner of 1号楼 1单元 302
NEIGHBOURS = ("13900000001", "13900000003")  # owners of 101 and 501, same stairwell


def phone_screenshot(page, name):
    """Every screenshot at 390×844, the console's too (a committee member's phone)."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    screenshot(page, name)
    page.set_viewport_size(size)


def test_committee_advances_while_a_resident_watches_and_consents(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/elevators")
    stairwell = stairwell_id(committee, site)

    # The committee proposes an elevator for 1号楼 1单元; its consent round opens
    committee.select_option("#new-stairwell", str(stairwell))
    committee.fill("#new-total", "abc")
    committee.click("#elevator-new button[type=submit]")
    committee.wait_for_selector("#elevator-new .form-error:has-text('请填写金额')")
    committee.fill("#new-total", "600000")
    committee.fill("#new-subsidy", "200000.50")
    with committee.expect_navigation():
        committee.click("#elevator-new button[type=submit]")
    assert "/console/estates/1/elevators/" in committee.url
    project_id = int(committee.url.rstrip("/").rsplit("/", 1)[1])
    assert "进入下一阶段：方案公示" in committee.inner_text("#advance")
    total = committee.inner_text("#shares tfoot")
    assert "合计 399,999.50 元" in total  # 600,000 − 200,000.50, exactly to the cent

    # What-if: other coefficients, nothing saved
    committee.fill("#whatif-coefficients", "2=1\n3=1\n4=1\n5=1\n6=1")
    committee.click("#what-if button[type=submit]")
    committee.wait_for_selector("#what-if-result:not([hidden])")
    assert "合计 399,999.50 元" in committee.inner_text("#what-if-sum")
    assert committee.locator("#what-if-result tbody tr").count() == 12
    phone_screenshot(committee, "console-elevator")

    # The resident finds it on the home page and reads their share and how it was computed
    resident = open_context().new_page()
    login(resident, site, RESIDENT)
    follow(resident, "a.entry:has-text('1号楼 1单元 加装电梯')")
    assert resident.url.endswith(f"/elevators/{project_id}")
    resident.wait_for_selector("#live-state:has-text('阶段变化会自动显示')")
    card = resident.inner_text(".flat-card")
    assert "我家 302" in card and "应分摊" in card and "您家在 3 层，楼层系数 0.7" in card
    assert "总造价 600,000.00 元 − 补贴 200,000.50 元 = 399,999.50 元" in card
    assert resident.get_attribute("a.statement", "href").endswith(".pdf")
    assert resident.inner_text("#stage-label") == "意愿征询"

    # Consent: oppose asks for reasons; the resident settles on agree and gets a receipt
    resident.click("label.pick:has-text('不同意')")
    resident.wait_for_selector("fieldset[data-question=concerns]:not([hidden])")
    resident.click("label.pick:has-text('同意'):not(:has-text('不同意'))")
    assert resident.locator("fieldset[data-question=concerns]").is_hidden()
    resident.click(".vote-form button[type=submit]")
    resident.wait_for_selector(".vote-form .form-ok:has-text('回执编号')")
    assert "我的选择：同意" in resident.inner_text(".my-receipt")
    assert "第 1 次提交" in resident.inner_text(".my-receipt .receipt")
    resident.wait_for_selector("#progress:has-text('业主人数：1/12 人')")
    screenshot(resident, "elevator-consent")
    check_page(resident, elder=False)

    # Two neighbours vote online, the committee enters the other owners' paper ballots
    consultation_id = int(resident.get_attribute(".vote-form", "data-consultation"))
    for phone in NEIGHBOURS:
        neighbour = open_context().new_page()
        login(neighbour, site, phone, start=f"/elevators/{project_id}")
        neighbour.click("label.pick:has-text('同意'):not(:has-text('不同意'))")
        neighbour.click(".vote-form button[type=submit]")
        neighbour.wait_for_selector(".vote-form .form-ok:has-text('回执编号')")
    flats = page_api(committee, "GET", f"/api/v1/stairwells/{stairwell}/flats").json()
    for flat in flats:
        if flat["room"] in ("101", "302", "501"):
            continue
        entered = page_api(committee, "POST", f"/api/v1/consultations/{consultation_id}/assisted-ballots", {
            "flat_id": flat["id"], "answers": {"install": "agree"}, "channel": "paper",
            "evidence": f"纸质票 {flat['room']}"})
        assert entered.status == 201, entered.text()
    resident.wait_for_selector("#progress:has-text('业主人数：12/12 人')", timeout=10000)

    # A guard refuses in Chinese while the round is open; closing it lets the step through
    committee.reload()
    confirm(committee, "#advance button[type=submit]")
    committee.wait_for_selector("#advance .form-error:has-text('意愿征询还没有结束')")
    with committee.expect_navigation():
        confirm(committee, "#close-round button[type=submit]")
    committee.wait_for_selector("#progress-card:has-text('已通过')")
    resident.wait_for_selector(".round-closed:has-text('投票已经截止')")  # the form went, live
    assert resident.locator(".vote-form").count() == 0
    committee.fill("#advance-note", "业主大会决定")
    with committee.expect_navigation():
        confirm(committee, "#advance button[type=submit]")
    assert "方案公示" in committee.inner_text("#stage-label")

    # The resident's page follows without a reload and now offers the objection
    resident.wait_for_selector("#stage-label:has-text('方案公示')", timeout=10000)
    assert "阶段已更新为：方案公示" in resident.inner_text("#stage-notice")
    assert resident.locator("li.current").inner_text() == "方案公示"
    assert resident.locator(".vote-form").is_hidden()
    resident.click("details.object summary")
    resident.fill(".objection-form textarea", "电梯井离我家窗户太近，影响采光。")
    resident.click(".objection-form button[type=submit]")
    resident.wait_for_selector(".objection-form .form-ok:has-text('异议已提交')")
    case_link = resident.get_attribute(".objections a", "href")
    assert case_link.startswith("/cases/")
    screenshot(resident, "elevator-publicity")

    # The objection is on the console, linked to its 一事一议 case
    committee.reload()
    assert "电梯井离我家窗户太近" in committee.inner_text("main")
    assert committee.get_attribute(f"main a[href='{case_link}']", "href") == case_link
    console_nav(committee, '加装电梯')
    row = committee.locator(f"tr[data-project='{project_id}']")
    assert "方案公示" in row.inner_text() and "已通过" in row.inner_text()
    phone_screenshot(committee, "console-elevators")

    # Elder mode renders the same page bigger
    resident.click("#elder-toggle")
    resident.reload()
    resident.wait_for_selector("#live-state:has-text('阶段变化会自动显示')")
    check_page(resident, elder=True)
    screenshot(resident, "elevator-elder")
