"""居民出资 in Chromium at 390×844 on the demo estate, with a city that has a WeChat Pay
merchant (a loopback fake of its API): the committee opens the renovation's contributions
from the project, is refused a payment above what a flat owes (the field says how much is
left), records the rest of 王秀英's elevator share by transfer; 王秀英 reads her flat's lines
and why, opens her receipt and her 公积金 certificate, pays the stairwell's 300 元 through
WeChat Pay (the fake's page, then its notify) and sees it paid; of her neighbours she sees
only how many flats of each stairwell paid and owe.
Screenshots: tests/screenshots/console-contributions.png, contributions.png."""
import re

import requests

from app.demo.api import data
from app.display import china_today
from tests.contributions.wechat_fake import APIV3_KEY, APP_ID, MCH_ID, MERCHANT_SERIAL, FakeWechatPay
from tests.web.conftest import Site, confirm, login, screenshot

OWNER = "13900000002"  # 王秀英, 1号楼 1单元 302
PROJECT = 1  # the demo's 2026 renovation


def test_who_pays_on_the_console_and_for_the_owner_with_wechat_pay(start_server, databases, backend,
                                                                   open_context, tmp_path):
    fake = FakeWechatPay(h5_page=True)
    key = tmp_path / "apiclient_key.pem"
    key.write_text(fake.merchant_key_pem(), encoding="utf-8")
    server = start_server(backend, database_url=databases.demo(backend), WECHAT_PAY_MCH_ID=MCH_ID,
                          WECHAT_PAY_CERT_SERIAL_NO=MERCHANT_SERIAL, WECHAT_PAY_PRIVATE_KEY_PATH=str(key),
                          WECHAT_PAY_APIV3_KEY=APIV3_KEY, WECHAT_PAY_APP_ID=APP_ID,
                          WECHAT_PAY_NOTIFY_URL="http://127.0.0.1/api/v1/wechat-pay/notify",
                          WECHAT_PAY_BASE_URL=fake.url)
    site = Site(server)
    try:
        site.flask("demo", "load", "--activity")
        committee = open_context().new_page()
        login(committee, site, data.COMMITTEE_PHONE, start=f"/console/projects/{PROJECT}")
        committee.click("#contributions-link")
        committee.wait_for_url(f"**/console/projects/{PROJECT}/contributions")
        # how to pay without the app, as the owners will read it: written on this page
        paying = committee.locator("#paying-instructions")
        paying.locator("textarea").fill(paying.locator("textarea").input_value() + "周六日不收款。")
        paying.locator("button[type=submit]").click()
        paying.locator(".form-ok:not(:empty)").wait_for()
        lift = committee.locator("section.charge[data-kind='elevator']")
        row = lift.locator("tr", has_text="1号楼 1单元 302")
        due = row.locator(".due-cell").inner_text()
        assert due != "0.00" and "王秀英" in row.inner_text()
        lift.locator("details.record-payment summary").click()
        form = lift.locator("details.record-payment form")
        form.locator("select[name=flat_id]").select_option(label=f"1号楼 1单元 302（欠缴 {due}）")
        # no amount yet: nothing to confirm; the form says what is missing, nothing is recorded
        form.locator("button[type=submit]").click()
        form.locator("[data-error-for=amount_cents]:has-text('请填写金额')").wait_for()
        assert not committee.locator("#confirm-dialog[open]").count()
        assert form.locator("input[name=paid_on]").input_value() == str(china_today())  # today unless changed
        assert row.locator(".due-cell").inner_text() == due
        form.locator("input[name=amount_cents]").fill("999999")
        form.locator("input[name=paid_on]").fill("2026-12-01")
        form.locator("input[name=reference]").fill("6222 流水 20261201007")
        confirm(committee, "section.charge[data-kind='elevator'] details.record-payment button[type=submit]")
        form.locator(f"[data-error-for=amount_cents]:has-text('最多还能收 {due} 元')").wait_for()
        # typed in full-width digits (a common input mode): the amount meant, not a hundredth
        full_width = due.replace(",", "").translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
        form.locator("input[name=amount_cents]").fill(full_width)
        form.locator("input[name=payer_name]").fill("王秀英之子")
        confirm(committee, "section.charge[data-kind='elevator'] details.record-payment button[type=submit]")
        committee.locator("section.charge[data-kind='elevator'] tr:has-text('1号楼 1单元 302') .due-cell:text-is('0.00')").wait_for()
        # the page comes back at the payment just recorded, outlined
        recorded = committee.locator(".payment:target")
        committee.wait_for_load_state("load")
        assert "1号楼 1单元 302" in recorded.locator("xpath=ancestor::tr[1]").inner_text()
        assert recorded.evaluate("el => { const box = el.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }")
        fund = committee.locator("section.charge[data-kind='fund_use']")
        assert "维修资金已付 4,800.00 元，欠缴 0.00 元" in fund.inner_text()
        screenshot(committee, "console-contributions")

        owner = open_context().new_page()
        login(owner, site, OWNER)
        # what she still owes is among the things to do on her home page, with the way there
        due = owner.locator("#todo a.todo-money")
        assert "您家还要交 300.00 元" in due.inner_text()
        screenshot(owner, "home-money-due")
        due.click()
        owner.wait_for_url(f"**/projects/{PROJECT}/contributions")
        owner.goto(f"{site.url}/projects/{PROJECT}")  # the project page leads there too
        owner.click("#contributions-link")
        owner.wait_for_url(f"**/projects/{PROJECT}/contributions")
        mine = owner.locator("#my-contributions")
        lift_line = mine.locator(".my-line", has_text="1号楼1单元加装电梯")
        assert "系数 0.8" in lift_line.inner_text() and "欠缴 0.00 元" in lift_line.inner_text()
        assert lift_line.locator(".payments li").count() == 2  # the demo's transfer and today's
        receipt = lift_line.locator(".payments a").first.get_attribute("href")
        answer = owner.request.get(site.url + receipt)
        assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
        certificate = lift_line.locator("a:has-text('公积金提取证明')").get_attribute("href")
        assert owner.request.get(site.url + certificate).body().startswith(b"%PDF")
        counts = owner.locator("section.charge", has_text="楼道改造自筹").locator(".stairwell-counts").inner_text()
        assert re.search(r"1号楼1单元：交清 \d+ 户，还没交 \d+ 户", counts) and "王秀英" not in counts and "3**" not in counts
        stairwell = mine.locator(".my-line", has_text="楼道改造自筹")
        assert "您家还要交 300.00 元" in owner.inner_text("#my-due-total")  # first thing she reads
        # and how, without the app: where and when, the account, whom to call, as the committee wrote it
        paying = owner.inner_text("#paying-instructions")
        assert "怎么交钱" in paying and "居委会" in paying and "账号" in paying and "周六日不收款。" in paying
        assert "按上面“怎么交钱”交现金或转账" in stairwell.locator(".how-to-pay").inner_text()
        assert "不用另交" in mine.locator(".my-line", has_text="楼道照明").inner_text()
        with owner.expect_navigation(url=f"{fake.url}/h5pay**"):
            stairwell.locator("form.pay-online button").click()
        sent = fake.orders[-1]
        assert sent["amount"]["total"] == 30_000 and sent["description"] == "楼道改造自筹"
        headers, body = fake.notify(sent, "4200000777202612070000001234")
        delivered = requests.post(f"{site.url}/api/v1/wechat-pay/notify", data=body.encode(), headers=headers)
        assert delivered.status_code == 204, delivered.text
        owner.goto(f"{site.url}/projects/{PROJECT}/contributions")
        stairwell = owner.locator("#my-contributions .my-line", has_text="楼道改造自筹")
        assert "欠缴 0.00 元" in stairwell.inner_text() and "微信支付 300.00 元" in stairwell.inner_text()
        assert stairwell.locator("form.pay-online").count() == 0
        assert owner.inner_text("#my-due-total") == "您家现在不欠钱。"
        # days as people read them (2026年12月02日), never 2026-12-02
        assert not re.search(r"\d{4}-\d{2}-\d{2}", owner.locator("main").inner_text())
        screenshot(owner, "contributions")
    finally:
        fake.close()
