"""The committee checks a housing office's ledger in Chromium (issue 33): the preview is tables
of what was read and what would change, problems are named by sheet and row in Chinese, and
only the confirmed import writes (390×844 and 1280×800)."""
import io

from openpyxl import load_workbook

from app.demo.api import data
from tests.estates.ledger_shapes import office_xlsx
from tests.web.conftest import PHONE, confirm, login
from tests.web.helpers import both_sizes


def test_the_committee_previews_a_real_ledger_then_imports_it(site, open_context, tmp_path):
    page = open_context(viewport=PHONE).new_page()
    login(page, site, data.COMMITTEE_PHONE, start="/console/estates/1/ledger")
    good = office_xlsx()
    book = load_workbook(io.BytesIO(good))
    book["2号楼"]["G5"] = "七十平"
    bad = io.BytesIO()
    book.save(bad)
    (tmp_path / "bad.xlsx").write_bytes(bad.getvalue())
    (tmp_path / "台账.xlsx").write_bytes(good)

    page.set_input_files("#ledger-file", str(tmp_path / "bad.xlsx"))
    page.click("#ledger-check")
    page.wait_for_selector(".row-errors li")
    assert page.inner_text(".row-errors") == "工作表「2号楼」第 5 行「建筑面积」：面积应为数字，例如 63.50"
    assert page.locator("#ledger-import").is_hidden()

    page.set_input_files("#ledger-file", str(tmp_path / "台账.xlsx"))
    page.click("#ledger-check")
    page.wait_for_selector("#ledger-tables table")
    shown = page.inner_text("#ledger-tables")
    for words in ["271.75", "合计：7 户，5 位业主，建筑面积 411.75 平方米", "证件号码相同", "产权单位名称相同", "合计行", "空行",
                  "建筑面积(㎡)", "平方米", "→", "1号楼 1单元 101、2号楼 1单元 201"]:
        assert words in shown, words
    assert "area_m2" not in shown and "owner_name" not in shown
    assert "更新 7 户" in page.inner_text("#ledger-preview")  # the demo estate has these flats
    both_sizes(page, "console-ledger-real-preview")
    # the file carries owners' ID numbers (敏感个人信息): the import waits for the statement
    confirm(page, "#ledger-import")
    page.wait_for_selector("[data-error-for=id_number_consent]:has-text('请先勾选确认')")
    page.check("#ledger-id-consent")
    page.click("#ledger-check")
    page.wait_for_selector("#ledger-tables table")
    confirm(page, "#ledger-import")
    page.wait_for_selector("#ledger-preview:has-text('导入完成：新增 0 户，更新 7 户')")
