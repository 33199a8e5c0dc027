"""Before money moves, and taking a wrong payment back, in Chromium at 390×844 on the demo
estate: the committee's 登记收款 asks first, naming the flat, the amount, the method and the
voucher; going back records nothing, saying yes records it once. A wrong payment is voided
(作废) with its reason after the same kind of question: the line then reads 已作废（原因：…）
and the flat owes again, as the demo's voided receipt does. A money entry on the project's
money page asks the same way, naming the source and the amount.
Screenshot: tests/screenshots/console-contributions-void.png."""
from app.demo.api import data
from app.display import china_today
from tests.web.conftest import confirm, login, page_api, screenshot
from tests.web.helpers import check_page

PROJECT = 1  # the demo's 2026 renovation
STAIRS = "section.charge[data-kind='agreed']"  # 楼道改造自筹, 300 元 a flat
RECORD = f"{STAIRS} details.record-payment button[type=submit]"


def line(page, charge_id: int, flat_id: int) -> dict:
    view = page_api(page, "GET", f"/api/v1/contribution-charges/{charge_id}").json()
    return next(row for row in view["flats"] if row["flat_id"] == flat_id)


def dialog_text(page, selector: str) -> str:
    page.click(selector)
    page.wait_for_selector("#confirm-dialog[open]")
    return page.inner_text("#confirm-text")


def go_back(page):
    """Say no in the dialog: it closes and nothing is sent."""
    page.click("#confirm-back")
    page.wait_for_selector("#confirm-dialog:not([open])", state="attached")
    page.wait_for_timeout(400)  # a request sent by mistake would have been answered by now


def test_money_asks_first_and_a_wrong_payment_is_voided_with_its_reason(site, open_context):
    site.flask("demo", "load", "--activity")
    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE, start=f"/console/projects/{PROJECT}/contributions")
    stairs = committee.locator(STAIRS)
    charge_id = int(stairs.get_attribute("data-charge"))
    assert "已作废（原因：登记错了户：这张收据是2单元102室的）" in stairs.inner_text()  # the demo's

    row = stairs.locator("tr", has_text="1号楼 1单元 202")
    flat_id = int(row.get_attribute("data-flat"))
    stairs.locator("details.record-payment summary").click()
    form = stairs.locator("details.record-payment form")
    form.locator("select[name=flat_id]").select_option(value=str(flat_id))
    form.locator("input[name=amount_cents]").fill("300")
    form.locator("select[name=method]").select_option("cash")
    form.locator("input[name=paid_on]").fill(str(china_today()))
    form.locator("input[name=reference]").fill("收据 No.0000320")
    asked = dialog_text(committee, RECORD)
    assert asked == ("确认登记：1号楼 1单元 202 交来 300 元（现金），凭证号 收据 No.0000320？"
                     "登记后这户的业主会收到通知。")
    go_back(committee)
    assert line(committee, charge_id, flat_id)["payments"] == []  # going back recorded nothing
    confirm(committee, RECORD)
    row.locator(".due-cell:text-is('0.00')").wait_for()
    paid = line(committee, charge_id, flat_id)
    assert [p["amount_cents"] for p in paid["payments"]] == [30_000]  # once

    payment = row.locator(".payment").first
    payment.locator("details.void-payment summary").click()
    void_button = f"{STAIRS} tr[data-flat='{flat_id}'] details.void-payment button[type=submit]"
    confirm(committee, void_button)  # no reason: refused beside the field
    payment.locator("[data-error-for=reason]:has-text('请写明作废原因')").wait_for()
    payment.locator("input[name=reason]").fill("金额写错了，应为 3000 元")
    asked = dialog_text(committee, void_button)  # names what is voided: the flat, the amount, the receipt
    assert asked.startswith("确认作废：1号楼 1单元 202（刘桂英）") and "300.00 元" in asked
    assert f"收据 GZ0001-{paid['payments'][0]['id']:06d}" in asked
    go_back(committee)
    assert not line(committee, charge_id, flat_id)["payments"][0]["voided"]
    confirm(committee, void_button)
    row.locator(".void-text:has-text('已作废（原因：金额写错了，应为 3000 元）')").wait_for()
    assert row.locator(".due-cell").inner_text() == "300.00"
    after = line(committee, charge_id, flat_id)
    assert after["paid_cents"] == 0 and [p["voided"] for p in after["payments"]] == [True]
    screenshot(committee, "console-contributions-void")
    check_page(committee, elder=False)

    committee.goto(f"{site.url}/console/projects/{PROJECT}/money")
    count = len(page_api(committee, "GET", f"/api/v1/projects/{PROJECT}/public-money").json()["entries"])
    entry = committee.locator("#new-money-entry")
    entry.locator("select[name=source]").select_option("district_subsidy")
    entry.locator("select[name=stage]").select_option("committed")
    entry.locator("input[name=amount_cents]").fill("50000")
    entry.locator("input[name=dated_on]").fill(str(china_today()))
    entry.locator("input[name=party]").fill("东城区住建委")
    asked = dialog_text(committee, "#new-money-entry button[type=submit]")
    assert "50000 元" in asked and "东城区住建委" in asked and "确认登记" in asked
    go_back(committee)
    assert len(page_api(committee, "GET", f"/api/v1/projects/{PROJECT}/public-money").json()["entries"]) == count
    confirm(committee, "#new-money-entry button[type=submit]")
    committee.locator(".money-entry:has-text('东城区住建委')").wait_for()
    assert len(page_api(committee, "GET", f"/api/v1/projects/{PROJECT}/public-money").json()["entries"]) == count + 1
