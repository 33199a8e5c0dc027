"""Elder mode (长辈模式) and accessibility norms of DESIGN.md, measured in Chromium."""
import pytest

from tests.web.conftest import login, screenshot
from tests.web.helpers import check_page


def test_elder_mode_is_bigger_and_remembered_across_visits(sqlite_site, open_context):
    site = sqlite_site
    context = open_context()
    page = context.new_page()
    login(page, site, "13900000001", start="/claim?stairwell=1")
    check_page(page, elder=False)
    normal_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    normal_button = page.locator("button:has-text('提交登记')").bounding_box()["height"]

    page.click("#elder-toggle")
    assert page.get_attribute("#elder-toggle", "aria-pressed") == "true"
    assert page.inner_text("#elder-toggle") == "长辈模式：开"
    page.reload()
    assert page.evaluate("document.documentElement.classList.contains('elder')")
    elder_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert elder_size >= 18 and elder_size > normal_size
    assert page.locator("button:has-text('提交登记')").bounding_box()["height"] >= max(60, normal_button)
    check_page(page, elder=True)
    screenshot(page, "claim-elder")

    # Another visit in the same browser (a new tab) keeps it; the home page too
    other = context.new_page()
    other.goto(site.url + "/")
    assert other.evaluate("document.documentElement.classList.contains('elder')")
    check_page(other, elder=True)
    screenshot(other, "home-elder")

    other.click("#elder-toggle")
    other.reload()
    assert not other.evaluate("document.documentElement.classList.contains('elder')")
    check_page(other, elder=False)


@pytest.mark.parametrize("elder", [False, True])
def test_pages_meet_the_norms_in_both_modes(sqlite_site, open_context, elder):
    site = sqlite_site
    context = open_context()
    if elder:
        context.add_cookies([{"name": "gz_elder", "value": "1", "url": site.url}])
    page = context.new_page()
    page.goto(site.url + "/")
    check_page(page, elder=elder)
    screenshot(page, "welcome-elder" if elder else "welcome")
    page.goto(site.url + "/login")
    check_page(page, elder=elder)
    login(page, site, "13900000006")
    check_page(page, elder=elder)


def test_read_aloud_is_offered_with_or_without_the_browsers_voice(sqlite_site, open_context):
    site = sqlite_site
    page = open_context().new_page()
    page.goto(site.url + "/")
    assert page.is_visible("#read-aloud")  # Chromium has speechSynthesis
    page.click("#read-aloud")  # started by a tap; must not break the page
    page.wait_for_function("() => ['停止朗读', '朗读'].includes(document.getElementById('read-aloud').textContent)",
                           timeout=15000)

    webview = open_context()  # like WeChat's browser or Android WebView: no speech
    webview.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page = webview.new_page()
    page.goto(site.url + "/")
    assert page.evaluate("!('speechSynthesis' in window)")
    assert page.is_visible("#read-aloud")  # the server speaks instead (test_browser_read_aloud.py)
    assert page.is_visible("#elder-toggle")
