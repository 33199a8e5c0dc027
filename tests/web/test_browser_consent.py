"""Consent at first login and 我的个人信息, in Chromium at 390x844: a new person signs in, reads
the short consent page before anything else, agrees, and lands where they were going; their
data page lists what we keep, with the PDF and the JSON beside it."""
from tests.web.conftest import Site, screenshot


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_first_login_asks_for_consent_then_shows_my_data(start_server, open_context):
    site = Site(start_server("sqlite"))
    page = open_context().new_page()
    phone = "13912348888"
    page.goto(f"{site.url}/login?next=/notifications")
    page.fill("#phone", phone)
    page.click("#send-code")
    page.wait_for_selector("#code-step:not([hidden])")
    page.fill("#code", site.latest_code(phone))
    page.click("#login-button")
    page.wait_for_selector("#consent-title")
    assert "/consent" in page.url
    assert page.inner_text("#consent-title") == "使用前请您同意"
    assert "手机号" in page.inner_text("#consent-kept")
    for button in ("#consent-agree", "#consent-decline"):
        box = page.locator(button).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    fits_the_phone(page)
    screenshot(page, "consent-first-login")
    # the full rules are one tap away, and back again
    page.click("#consent-full")
    page.wait_for_selector("h1:has-text('个人信息处理规则')")
    page.go_back()
    page.wait_for_selector("#consent-agree")
    with page.expect_navigation():
        page.click("#consent-agree")
    assert page.url.endswith("/notifications")  # where they were going
    # my data: from the account page (open even before agreeing: it is the person's right)
    page.goto(f"{site.url}/account")
    with page.expect_navigation():
        page.click("#my-data-link")
    page.wait_for_selector("#my-data-title")
    text = page.inner_text("main")
    for section in ("账号", "房屋", "投票（含回执号）", "消息", "同意记录", "登录记录"):
        assert section in text
    assert phone in text and "个人信息处理规则" in page.inner_text("#my-data-5")
    assert "短信验证码" in page.inner_text("#my-data-6")
    fits_the_phone(page)
    screenshot(page, "my-data")
    pdf = page.request.get(site.url + page.get_attribute("#my-data-pdf", "href"))
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    data = page.request.get(site.url + page.get_attribute("#my-data-json", "href"))
    assert data.status == 200 and data.json()["account"]["phone"] == phone
