"""The privacy notice in Chromium at 390x844: reached from the login page's footer."""
from tests.web.conftest import screenshot


def test_the_notice_is_one_tap_from_the_login_page(start_server, open_context):
    server = start_server("sqlite", PRIVACY_CONTROLLER="和平里街道办事处")
    page = open_context().new_page()
    page.goto(server.url + "/login")
    page.click("footer a:has-text('个人信息处理规则')")
    page.wait_for_selector("h1:has-text('个人信息处理规则')")
    assert page.url.endswith("/privacy")
    assert "和平里街道办事处使用本平台" in page.inner_text("#privacy-who")
    assert "短信验证码：过期 1 天后删除" in page.inner_text("#privacy-retention")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the phone
    screenshot(page, "privacy-notice")
