"""Paper ballots in Chromium at 390×844 (a committee member's phone): the sheets are printed
from the page, a photo of a marked sheet is taken (uploaded), the draft is shown with the
box the reader is unsure of outlined, corrected, and confirmed with a witness."""
import random

from PIL import ImageDraw

from app.demo.api import data
from tests.paperballots.sheets import dark_ink, draw_mark, faint_ink, photograph, render_pages
from tests.web.conftest import PHONE, login, page_api, screenshot
from tests.web.helpers import stairwell_id
from tests.web.helpers import create_on_console


def test_committee_photographs_a_sheet_checks_and_confirms_it(site, open_context, tmp_path):
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    stairwell = stairwell_id(committee, site)
    vote_id = create_on_console(committee, site, "elevator_consent", "1号楼1单元 加装电梯（纸质票）",
                                stairwell=stairwell)
    committee.click("#paper-link")
    committee.wait_for_url(f"**/console/consultations/{vote_id}/paper")
    counts = committee.inner_text("#paper-print")
    assert "1号楼 1单元" in counts
    screenshot(committee, "console-paper-print")

    # Print: the PDF and its layout, as the page's links fetch them
    sheets = page_api(committee, "GET", f"/api/v1/consultations/{vote_id}/paper-ballots.pdf"
                                        f"?stairwell_id={stairwell}")
    assert sheets.status == 200 and sheets.headers["content-type"] == "application/pdf"
    layout = page_api(committee, "GET", f"/api/v1/consultations/{vote_id}/paper-ballots/layout.json"
                                        f"?stairwell_id={stairwell}").json()
    page = layout["pages"][1]
    image = render_pages(sheets.body(), first=page["page"], last=page["page"])[0]
    rng = random.Random(4)
    draw = ImageDraw.Draw(image)
    boxes = {b["option"]: b for b in page["boxes"] if b["question"] == "install"}
    draw_mark(draw, boxes["agree"]["rect_pt"], "check", rng, dark_ink(rng))
    draw_mark(draw, boxes["oppose"]["rect_pt"], "cross", rng, faint_ink(rng))  # an erased mark?
    photo = tmp_path / "sheet.jpg"
    photo.write_bytes(photograph(image, rng, max_turn_deg=7))

    # Take the photo: it is sent at once and the draft comes back
    with committee.expect_navigation():
        committee.set_input_files("#scan-file", str(photo))
    committee.wait_for_selector("#draft")
    assert "1 处看不准" in committee.inner_text("#flash")
    assert "您是否同意本单元加装电梯" in committee.inner_text(".unsure-list")
    assert committee.locator("#question-install.unsure").count() == 1
    assert committee.locator(".sheet-photo rect.box-unsure").count() == 3
    assert committee.locator("svg.zoom").count() == 1  # the unsure row, enlarged
    wide = committee.evaluate("""Array.from(document.querySelectorAll('body *')).filter(
        e => !e.closest('svg') && e.getBoundingClientRect().right > window.innerWidth + 1).map(
        e => e.tagName + '.' + e.className + '#' + e.id)""")
    assert wide == [], f"wider than the phone: {wide}"  # (an svg clips its photo to its box)
    screenshot(committee, "console-paper-draft")

    # The committee member looks at the photo, chooses 同意 and confirms with a witness
    committee.click("#question-install label.pick:has-text('同意'):not(:has-text('不同意'))")
    committee.fill("#witness", "13912345678")
    with committee.expect_navigation():
        committee.click("#confirm-form button[type=submit]")
    assert "已录入。回执编号" in committee.inner_text("#flash")
    assert "没有待核对的表决票" in committee.inner_text("#paper-drafts")
    cells = committee.locator(f"#paper-print tr[data-stairwell='{stairwell}'] td").all_inner_texts()
    assert cells[2:4] == ["1", "1"]  # returned, confirmed
    screenshot(committee, "console-paper-confirmed")

    results = page_api(committee, "GET", f"/api/v1/consultations/{vote_id}/results").json()
    assert results["channels"]["paper"] == 1
    assert results["questions"][0]["options"]["agree"]["ballots"] == 1

    # The entered ballot on the console page: its evidence in plain words, each page of the
    # flat's sheet (this one has one) a link to its photo
    committee.goto(f"{site.url}/console/consultations/{vote_id}")
    entered = committee.inner_text("#entered")
    assert "纸质表决票扫描件" in entered and "第 1 页" in entered
    assert "/api/v1" not in committee.inner_text("body")
    scan_link = committee.locator("#entered a.evidence-page")
    assert scan_link.all_inner_texts() == ["第 1 页"]
    image = page_api(committee, "GET", scan_link.get_attribute("href"))
    assert image.status == 200 and image.headers["content-type"].startswith("image/")
    screenshot(committee, "console-paper-entered")
