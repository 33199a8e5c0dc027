"""专业经营单位 and 公开资金 in Chromium at 390×844 on the demo estate: the committee sees the
places to be dug twice on the project's utilities page, plans a heating work in a stairwell
just dug (a wrong date is named beside its field; then a new warning names both works),
hands it over with the signed record and a photo; on the money page a spend beyond the money
received is refused saying what is left, a typed amount with commas is refused, a right one
is recorded; the street office sees the clashes still ahead; anyone reads the project's money by source
with its chart on the public page.
Screenshots: tests/screenshots/console-utilities.png, console-money.png,
street-utility-clashes.png, public-money.png."""
import io
from datetime import timedelta

from PIL import Image

from app.demo.api import data
from app.display import china_today, yuan
from tests.web.conftest import confirm, login, page_api, screenshot
from tests.web.helpers import check_page

PROJECT = 1  # the demo's 2026 renovation, in 共建


def png() -> dict:
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (230, 230, 220)).save(out, "PNG")
    return {"name": "record.png", "mimeType": "image/png", "buffer": out.getvalue()}


def test_utilities_and_public_money_from_the_console_to_the_street_and_the_public_page(site, open_context):
    site.flask("demo", "load", "--activity")  # works, a handover, the project's money
    today = china_today()
    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE, start=f"/console/projects/{PROJECT}")
    committee.click("#utilities-link")
    committee.wait_for_url(f"**/console/projects/{PROJECT}/utilities")
    clashes = committee.locator("#clashes .clash")
    assert clashes.count() == 2
    # the water company finished: the gas can only move, not dig at the same time
    assert "小区主路刚挖过又要挖：供水单位“更换供水立管和入户水表”" in clashes.nth(0).inner_text()
    assert "已完工" in clashes.nth(0).inner_text() and "请尽量推迟或改线" in clashes.nth(0).inner_text()
    assert "前后只隔 24 天" in clashes.nth(0).inner_text()
    assert "北京市自来水集团东城分公司" in committee.inner_text("#handovers")

    form = committee.locator("#new-work")
    form.locator("select[name=party]").select_option("heating")
    form.locator("input[name=title]").fill("供热立管更换")
    form.locator("select[name=stairwell_id]").select_option(label="1号楼1单元")
    form.locator("input[name=starts_on]").fill(str(today - timedelta(days=5)))
    form.locator("input[name=ends_on]").fill(str(today - timedelta(days=6)))
    form.locator("button[type=submit]").click()
    form.locator("[data-error-for=ends_on]:has-text('完工日期不能早于开工日期')").wait_for()
    form.locator("input[name=ends_on]").fill(str(today - timedelta(days=1)))
    form.locator("button[type=submit]").click()
    committee.locator("#clashes .clash[data-place='1号楼1单元']").wait_for()
    stairwell = committee.inner_text("#clashes .clash[data-place='1号楼1单元']")
    assert "供水单位“更换供水立管和入户水表”" in stairwell and "供热单位“供热立管更换”" in stairwell
    assert "前后只隔 4 天" in stairwell

    handover = committee.locator("#new-handover")
    handover.locator("select[name=work_id]").select_option(label="供热单位：供热立管更换")
    handover.locator("textarea[name=facilities]").fill("供热立管 6 根、阀门 12 个")
    handover.locator("input[name=receiver]").fill("北京热力集团")
    handover.locator("input[name=handed_on]").fill(str(today))
    handover.locator("input[name=record]").set_input_files(png())
    confirm(committee, "#new-handover button[type=submit]")
    handover.locator("[data-error-for=photo]:has-text('请上传现场照片')").wait_for()  # the photo is missing
    handover.locator("input[name=record]").set_input_files(png())
    handover.locator("input[name=photo]").set_input_files(png())
    confirm(committee, "#new-handover button[type=submit]")
    committee.locator("#handovers .handover:has-text('移交给 北京热力集团')").wait_for()
    screenshot(committee, "console-utilities")
    check_page(committee, elder=False)  # tap targets, text sizes and contrast

    committee.goto(f"{site.url}/console/projects/{PROJECT}")
    committee.click("#money-link")
    committee.wait_for_url(f"**/console/projects/{PROJECT}/money")
    # received: the demo's entries and 居民出资's recorded payments, as the API counts them
    money = page_api(committee, "GET", f"/api/v1/projects/{PROJECT}/public-money").json()
    received, left = money["totals"]["received_cents"], money["totals"]["received_cents"] - 180_000_000
    city = next(row for row in money["sources"] if row["source"] == "city_subsidy")
    city_left = city["received_cents"] - city["spent_cents"]  # a source spends what it received
    total = committee.locator(".money-table tfoot tr")
    assert "3,600,000.00" in total.inner_text() and yuan(received) in total.inner_text()
    assert "1,800,000.00" in total.inner_text()
    entry = committee.locator("#new-money-entry")
    entry.locator("select[name=source]").select_option("city_subsidy")
    entry.locator("select[name=stage]").select_option("spent")
    entry.locator("input[name=amount_cents]").fill("1,000")
    entry.locator("input[name=dated_on]").fill(str(today))
    confirm(committee, "#new-money-entry button[type=submit]")
    entry.locator("[data-error-for=amount_cents]:has-text('不要加逗号')").wait_for()
    entry.locator("input[name=amount_cents]").fill(f"{(city_left + 1) / 100:.2f}")
    confirm(committee, "#new-money-entry button[type=submit]")
    entry.locator(f"[data-error-for=amount_cents]:has-text('还能支出 {yuan(city_left)} 元')").wait_for()
    assert f"市级补助资金已到账 {yuan(city['received_cents'])} 元，已支出 {yuan(city['spent_cents'])} 元" \
        in entry.inner_text()
    entry.locator("input[name=amount_cents]").fill("28000.50")
    entry.locator("input[name=party]").fill("北京城建某公司（施工单位）")
    entry.locator("input[name=document_no]").fill("工程进度款第3期 发票 01002")
    confirm(committee, "#new-money-entry button[type=submit]")
    committee.locator(f"#money-left:has-text('结余 {yuan(left - 2_800_050)} 元')").wait_for()
    assert "1,828,000.50" in committee.inner_text(".money-table tfoot tr")
    screenshot(committee, "console-money")
    check_page(committee, elder=False)

    staff = open_context().new_page()
    login(staff, site, data.STAFF_PHONE, start="/street/")
    staff.click("a.tab:has-text('管线冲突')")
    staff.wait_for_url("**/street/utility-clashes")
    text = staff.inner_text("#utility-clashes")
    assert "和平里小区" in text and text.count("小区主路要挖两次") == text.count("小区主路刚挖过又要挖") == 1
    assert "1号楼1单元" not in text  # both of those works are over: the street sees what is ahead
    screenshot(staff, "street-utility-clashes")

    public = open_context().new_page()  # nobody signed in
    public.goto(f"{site.url}/estates/1/public")
    money = public.locator(f"#public-money-{PROJECT}")
    utilities = money.locator(".money-table tr[data-source='utilities']").inner_text()
    assert "专业经营单位" in utilities and "800,000.00" in utilities and "500,000.00" in utilities
    assert "1,828,000.50" in money.locator(".money-table tfoot tr").inner_text()
    assert money.locator("svg.bar-chart").count() == 1
    money.locator("details.money-entries summary").click()
    assert "工程进度款第3期 发票 01002" in money.inner_text()
    assert "居民出资（平台记录的 3 笔缴款，截至该日）" in money.inner_text()  # who paid: never
    money.scroll_into_view_if_needed()
    screenshot(public, "public-money")
    check_page(public, elder=False)
