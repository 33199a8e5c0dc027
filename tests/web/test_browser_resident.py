"""A resident's way through the pages, in Chromium, against a real server."""
from app.demo.api import data
from tests.web.conftest import DESKTOP, confirm, console_nav, follow, login, screenshot
from tests.web.helpers import stairwell_id


def test_resident_claims_a_flat_that_a_committee_member_approves(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/")
    stairwell = stairwell_id(committee, site)
    resident = open_context().new_page()

    # A stairwell link first asks for a login, then comes back to the stairwell
    resident.goto(f"{site.url}/claim?stairwell={stairwell}")
    assert "/login" in resident.url
    screenshot(resident, "login")
    login(resident, site, "13911110001", start=f"/claim?stairwell={stairwell}")
    assert f"/claim?stairwell={stairwell}" in resident.url
    assert "和平里小区 1号楼 1单元" in resident.inner_text("main")
    screenshot(resident, "claim")

    resident.click("label.pick:has-text('202')")
    resident.click("label.pick:has-text('业主')")
    resident.click("button:has-text('提交登记')")
    resident.wait_for_selector(".form-ok:has-text('等待居委会审核')")
    resident.wait_for_selector("label.pick.taken:has-text('202')")  # the page reloads with the claim

    # The committee member approves it in another browser, on the console
    committee.goto(site.url + "/console/")
    follow(committee, "a:has-text('和平里小区')")
    console_nav(committee, '住户审核')
    row = committee.locator("tr", has_text="1号楼 1单元 202")
    assert "139****0001" in row.inner_text()
    screenshot(committee, "console-claims")
    row.locator("button[data-approve]").click()
    row.locator("text=已认证").wait_for()

    resident.goto(site.url + "/")
    flat = resident.locator("li.flat", has_text="1号楼 1单元 202")
    assert "已认证" in flat.inner_text()
    screenshot(resident, "home")


def test_rejected_claim_shows_the_reason_to_the_resident(site, open_context):
    resident = open_context().new_page()
    login(resident, site, "13911110002", start="/claim?stairwell=1")
    resident.click("label.pick:has-text('301')")
    resident.click("label.pick:has-text('租户')")
    # the page reloads itself 1.5 s after the claim is accepted; let that finish first
    with resident.expect_navigation():
        resident.click("button:has-text('提交登记')")
        resident.wait_for_selector(".form-ok:has-text('等待居委会审核')")

    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/claims")
    row = committee.locator("tr", has_text="1号楼 1单元 301")
    row.locator("button:has-text('不通过')").click()
    committee.fill("#reject-reason", "租赁合同请拿到居委会看一下")
    committee.click("#reject-dialog button[value=ok]")
    row.locator("text=没有通过").wait_for()

    resident.goto(site.url + "/")
    flat = resident.locator("li.flat", has_text="1号楼 1单元 301")
    assert "没有通过" in flat.inner_text()
    assert "租赁合同请拿到居委会看一下" in flat.inner_text()


def test_flat_codes_downloaded_on_the_console_verify_an_owner(site, open_context):
    committee = open_context(viewport=DESKTOP, accept_downloads=True).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/flat-codes")
    with committee.expect_download() as download:
        confirm(committee, "button:has-text('生成并下载户码表')")
    csv_text = open(download.value.path(), encoding="utf-8-sig").read()
    header, *rows = [line.split(",") for line in csv_text.strip().splitlines()]
    assert header == ["flat_id", "building", "stairwell", "room", "code"]
    code = next(r[4] for r in rows if r[1:4] == ["2号楼", "2单元", "502"])

    resident = open_context().new_page()
    login(resident, site, "13911110003")
    assert "您还没有登记房屋" in resident.inner_text("main")
    resident.fill("#flat-code", "00000000")
    resident.click("button:has-text('输入户码，认证为业主')")
    resident.wait_for_selector(".form-error:has-text('户码不对')")
    resident.fill("#flat-code", code)
    resident.click("button:has-text('输入户码，认证为业主')")
    resident.wait_for_selector(".form-ok:has-text('认证成功')")
    resident.reload()
    assert "已认证" in resident.locator("li.flat", has_text="2号楼 2单元 502").inner_text()


def test_login_page_explains_a_wrong_code(site, open_context):
    page = open_context().new_page()
    page.goto(site.url + "/login")
    page.fill("#phone", "12345678901")
    page.click("#send-code")
    page.wait_for_selector("[data-error-for=phone]:has-text('11 位手机号')")
    page.fill("#phone", "13911110004")
    page.click("#send-code")
    page.wait_for_selector("#code-step:not([hidden])")
    assert "10 分钟内有效" in page.inner_text("#code-sent")
    page.fill("#code", "000000" if site.latest_code("13911110004") != "000000" else "111111")
    page.click("#login-button")
    page.wait_for_selector(".form-error:has-text('验证码不对')")
    assert "/login" in page.url


def test_console_shows_qr_codes_and_replaces_a_lost_one(site, open_context):
    committee = open_context(viewport=DESKTOP).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/posters")
    figure = committee.locator("figure.qr", has_text="1号楼 1单元")
    stairwell = figure.get_attribute("data-stairwell")
    committee.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=figure.locator("img").element_handle())
    old_link = committee.request.get(f"{site.url}/api/v1/stairwells/{stairwell}/qr").json()["url"]
    with committee.expect_download() as download:
        committee.click("a:has-text('下载全部海报')")
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
    screenshot(committee, "console-posters")

    confirm(committee, f"figure[data-stairwell='{stairwell}'] button:has-text('换新二维码')")
    figure.locator(".form-ok:has-text('已换新')").wait_for()
    new_link = committee.request.get(f"{site.url}/api/v1/stairwells/{stairwell}/qr").json()["url"]
    assert new_link != old_link
    resident = open_context().new_page()
    assert resident.goto(old_link).status == 404
    assert resident.goto(new_link).status == 200
