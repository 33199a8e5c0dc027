"""Sessions in Chromium (issue 31 item 5, issue 36 item 8): a one-time link of another
account asks before switching, and 全部退出登录 asks before it logs out everywhere."""
from urllib.parse import urlsplit

import requests

from tests.web.conftest import follow, login, page_api, screenshot

WANG, ZHANG = "13900000002", "13900000001"  # the demo's 王秀英 and 张建国


def me(page) -> int:
    return page_api(page, "GET", "/api/v1/me").status


def test_another_accounts_link_asks_before_switching(site, open_context):
    page = open_context().new_page()
    login(page, site, WANG)
    made = requests.post(f"{site.url}/api/v1/auth/web-tickets", json={"next": "/account"},
                         headers=site.api_login(ZHANG))
    assert made.status_code == 201, made.text
    page.goto(site.url + urlsplit(made.json()["url"]).path)

    question = page.inner_text("#switch-question")
    assert question == "切换到张**（139****0001）的账号？"
    assert "王**（139****0002）" in page.inner_text("main")
    assert page_api(page, "GET", "/api/v1/me").json()["name"] == "王秀英"  # nothing switched yet
    screenshot(page, "enter-switch-question")

    follow(page, "#switch-yes")
    assert urlsplit(page.url).path == "/account"
    assert page_api(page, "GET", "/api/v1/me").json()["name"] == "张建国"


def test_staying_keeps_the_account_signed_in(site, open_context):
    page = open_context().new_page()
    login(page, site, WANG)
    made = requests.post(f"{site.url}/api/v1/auth/web-tickets", json={},
                         headers=site.api_login(ZHANG))
    page.goto(site.url + urlsplit(made.json()["url"]).path)
    follow(page, "#switch-no")
    assert page_api(page, "GET", "/api/v1/me").json()["name"] == "王秀英"


def test_logout_everywhere_asks_first(site, open_context):
    page = open_context().new_page()
    login(page, site, WANG, start="/account")

    page.click("#logout-everywhere summary")
    page.wait_for_selector("#logout-everywhere-yes", state="visible")
    assert "所有手机和电脑" in page.inner_text("#logout-everywhere .review")
    assert urlsplit(page.url).path == "/account" and me(page) == 200
    screenshot(page, "logout-everywhere-ask")

    follow(page, "#logout-everywhere-cancel")  # changed their mind: still signed in
    assert me(page) == 200 and page.locator("#logout-everywhere-yes").is_hidden()

    page.click("#logout-everywhere summary")
    with page.expect_navigation(url=lambda url: "/login" in url):
        page.click("#logout-everywhere-yes")
    assert me(page) == 401
