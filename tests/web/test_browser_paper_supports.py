"""Issue 34 item 5 in Chromium at 390×844: an owner starts the estate's application; the
committee, on a phone, enters the owner's flat's support from a signed sheet with its photo
and sees the count go up and the row say 纸质 with who entered it; the owner's application
page then says their flat supported on paper, entered by the committee.
Screenshots: tests/screenshots/paper-support-*.png."""
from PIL import Image

from app.demo.api import data
from tests.web.conftest import follow, login, screenshot

OWNER = "13900000001"  # 张建国, 1号楼 1单元 101


def test_committee_enters_a_paper_support_and_the_owner_sees_it(site, open_context, tmp_path):
    owner = open_context().new_page()
    login(owner, site, OWNER)
    follow(owner, "a:has-text('小区改造申请')")
    owner.fill("#apply-reason", "屋面漏水，想申请改造")
    with owner.expect_navigation():
        owner.click("#application-start button[type=submit]")
    assert "已有 0/" in owner.inner_text("#application")

    sheet = tmp_path / "签名表.jpg"
    Image.new("RGB", (800, 600), (245, 245, 235)).save(sheet, "JPEG")
    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/application")
    assert "已有 0/" in committee.inner_text("#application")
    assert committee.viewport_size == {"width": 390, "height": 844}
    committee.select_option("#paper-flat", label="1号楼 1单元 101")
    committee.set_input_files("#paper-photo", str(sheet))
    screenshot(committee, "paper-support-entry")
    with committee.expect_navigation():
        committee.click("#paper-support button[type=submit]")
    assert "已有 1/" in committee.inner_text("#application")
    row = committee.locator(".support-row:has-text('1号楼 1单元 101')")
    assert "纸质" in row.inner_text() and "工作人员" in row.inner_text()
    assert row.locator("a:has-text('看签名表')").count() == 1
    assert committee.locator("#paper-flat option:has-text('1号楼 1单元 101')").count() == 0
    screenshot(committee, "paper-support-entered")

    owner.reload()
    mine = owner.locator(".support-flat:has-text('1号楼 1单元 101')")
    assert "已支持" in mine.inner_text()
    assert "纸质" in mine.locator(".support-how").inner_text()
    assert "已有 1/" in owner.inner_text("#application")
    screenshot(owner, "paper-support-resident")
