"""The console's sections at 390×844 (issue 36 item 8): one short row of menus, one per task,
instead of 19 tabs wrapping into five rows; every section still one tap inside its menu."""
import pytest

from app.demo.api import data
from tests.web.conftest import login, screenshot

#: every section the nav linked to before it was grouped (19 tabs)
SECTIONS = ["", "/consultations", "/claims", "/ledger", "/flat-codes", "/cases", "/posters", "/elevators",
            "/projects", "/complaints", "/fund", "/comanage", "/public-income", "/notices", "/members",
            "/sunlight", "/application", "/plan", "/heritage", "/jobs", "/print"]
ESTATE = "/console/estates/1"

NAV_LINKS = """() => Array.from(document.querySelectorAll("nav.console-nav a")).map(a => a.getAttribute("href"))"""


def nav_rows(page) -> float:
    """The nav's height in rows: its height over the height of one row (a tab and the bar's padding)."""
    nav = page.locator("nav.console-nav").bounding_box()["height"]
    tab = page.locator("nav.console-nav .tab").first.bounding_box()["height"]
    return nav / (tab + 16)


@pytest.mark.parametrize("elder", [False, True])
def test_the_console_nav_is_two_rows_and_reaches_every_section(sqlite_site, open_context, elder):
    site = sqlite_site
    context = open_context()
    context.add_cookies([{"name": "gz_elder", "value": "1", "url": site.url}] if elder else [])
    page = context.new_page()
    login(page, site, data.COMMITTEE_PHONE, start=ESTATE)
    assert nav_rows(page) <= 2, nav_rows(page)
    assert sorted(page.evaluate(NAV_LINKS)) == sorted(ESTATE + s for s in SECTIONS)

    # Each section: open its menu, tap it; there its menu is marked and its link is current
    for section in SECTIONS[1:]:
        href = ESTATE + section
        link = page.locator(f"nav.console-nav a[href='{href}']")
        assert not link.is_visible()  # inside a closed menu
        menu = link.locator("xpath=ancestor::details[1]")
        menu.locator("summary").click()
        assert link.is_visible() and menu.evaluate("d => d.open")
        if section == "/consultations":
            screenshot(page, f"console-nav-open{'-elder' if elder else ''}")
        with page.expect_navigation():
            link.click()
        assert page.url == site.url + href
        assert page.get_attribute(f"nav.console-nav a[href='{href}']", "aria-current") == "page"
        marked = page.locator("nav.console-nav summary.current")
        assert marked.count() == 1 and marked.inner_text() == menu.locator("summary").inner_text()
        assert nav_rows(page) <= 2, (href, nav_rows(page))
    # opening one menu closes the other
    menus = page.locator("nav.console-nav details")
    menus.nth(0).locator("summary").click()
    menus.nth(1).locator("summary").click()
    page.wait_for_function("() => document.querySelectorAll('nav.console-nav details[open]').length === 1")
    assert menus.nth(1).evaluate("d => d.open")  # the 'toggle' event closes the first one
    screenshot(page, f"console-nav{'-elder' if elder else ''}")
