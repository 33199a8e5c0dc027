"""Sunlight (日照) in Chromium at 390×844: the committee ties the demo's analysis to a case on
the console (a bad row is refused beside it), and a resident reads their own window on the case page."""
from app.demo.api import data
from tests.web.conftest import follow, login, page_api, screenshot
from tests.web.helpers import check_page

RESIDENT = "13900000005"  # 陈桂英, owner of 2号楼 1单元 201


def test_a_resident_sees_their_window_before_and_after_on_the_case_page(site, open_context):
    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/sunlight")
    flats = page_api(committee, "GET", "/api/v1/estates/1/sunlight-analyses").json()[0]["windows"]
    created = page_api(committee, "POST", "/api/v1/estates/1/cases", {
        "title": "2号楼1单元加装电梯与采光", "description": "电梯井在南侧，两边的住户担心挡光。",
        "affected_flat_ids": [w["flat_id"] for w in flats]})
    assert created.status == 201, created.text()
    case_id = created.json()["id"]

    # The committee opens the analysis on a phone, ties it to the case; a window put inside
    # a building is refused beside its row, in words
    committee.reload()
    follow(committee, "table.sun-table a")
    committee.select_option("select[name=case_id]", str(case_id))
    first_window = committee.locator("[data-rows=windows] > .sun-row").first
    first_window.locator("summary").click()
    first_window.locator("input[name=y]").fill("48")
    committee.click("#sun-form button[type=submit]")
    committee.wait_for_selector("[data-error-path='windows.0']:has-text('里面')")
    assert "2号楼" in first_window.inner_text()
    first_window.locator("input[name=y]").fill("42")
    with committee.expect_navigation():
        committee.click("#sun-form button[type=submit]")
    committee.wait_for_selector("#sun-results")
    assert "数字供大家讨论参考" in committee.inner_text("#sun-results")
    screenshot(committee, "console-sunlight")
    check_page(committee, elder=False)

    # The resident finds the case on the home page and reads their own window
    resident = open_context().new_page()
    login(resident, site, RESIDENT)
    follow(resident, "a.entry:has-text('2号楼1单元加装电梯与采光')")
    card = resident.locator("section.sunlight")
    card.wait_for()
    text = card.inner_text()
    assert "窗户：2号楼1单元201" in text and "2号楼1单元202" not in text
    mine = next(w for w in flats if w["label"] == "2号楼1单元201")
    before_h, before_m = divmod(mine["before_minutes"], 60)
    after_h, after_m = divmod(mine["after_minutes"], 60)
    assert f"{before_h} 小时 {before_m} 分钟" in text and f"{after_h} 小时 {after_m} 分钟" in text
    assert "国家标准" in text and "大寒日 ≥ 2 小时" in text and "加装电梯" in text
    image = card.locator("img.sun-chart")
    image.scroll_into_view_if_needed()
    resident.wait_for_function("img => img.complete && img.naturalWidth === 480", arg=image.element_handle())
    box = image.bounding_box()
    assert box["width"] <= 390 and box["height"] > 100
    screenshot(resident, "case-sunlight")
    check_page(resident, elder=False)
