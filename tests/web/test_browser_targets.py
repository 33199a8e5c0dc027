"""Issue 36 item 8 in Chromium at 390×844: every tap target at least 44 px (60 in 长辈模式),
and the elevator page after its consent round closed."""
import pytest

from app.demo.api import data
from tests.web.conftest import follow, login, page_api, screenshot

OWNER = "13900000005"  # 陈桂英, owner of 2号楼 1单元 201: an elevator, consultations, cases

# Every control a finger taps: links styled as buttons or list entries, buttons, choices,
# links in lists and in navigation bars, and a link standing on its own line (alone in its
# paragraph or line, like the footer's). A link inside a sentence of text (a <p>, a <td>,
# a list item's words) is exempt: it is read as part of the sentence, and WCAG 2.5.8
# excludes inline targets. So a list's link counts only when it is the item's own target
# (the first thing in the item, or alone in it), not when it is one word of the item's text.
MEASURE = """() => {
  function visible(el) { const b = el.getBoundingClientRect();
                         return b.width > 0 && b.height > 0 && !el.closest("[hidden], .sr-only"); }
  function listTarget(a) {
    const li = a.closest("li"); if (!li || a.closest("p, td, th")) return false;
    const first = Array.from(li.childNodes).find(n => n.nodeType === 1 || n.textContent.trim());
    return first === a || a.parentElement === li && li.children.length === 1;
  }
  function ownLine(a) {  // nothing but the link between the line breaks around it
    const line = []; let node = a;
    while (node.previousSibling && node.previousSibling.nodeName !== "BR") { node = node.previousSibling; line.push(node); }
    node = a;
    while (node.nextSibling && node.nextSibling.nodeName !== "BR") { node = node.nextSibling; line.push(node); }
    return line.every(n => !n.textContent.trim());
  }
  const found = new Set(document.querySelectorAll("a.btn, button, label.pick, nav a, .brand, a.entry"));
  document.querySelectorAll("li a").forEach(a => { if (listTarget(a)) found.add(a); });
  document.querySelectorAll("p > a, footer > a, div > a").forEach(a => { if (ownLine(a)) found.add(a); });
  return Array.from(found).filter(visible).map(el => { const b = el.getBoundingClientRect();
    return {text: (el.textContent || el.id).trim().slice(0, 20), tag: el.tagName, cls: el.className,
            width: Math.round(b.width * 10) / 10, height: Math.round(b.height * 10) / 10}; });
}"""


def small_targets(page, elder: bool) -> list[dict]:
    least = (60 if elder else 44) - 0.5
    targets = page.evaluate(MEASURE)
    assert targets, page.url
    return [t for t in targets if t["height"] < least or t["width"] < least]


def owner_page(open_context, site, elder: bool):
    """陈桂英 logged in on a phone, in elder mode (the cookie #elder-toggle sets) or not."""
    cookies = [{"name": "gz_elder", "value": "1", "url": site.url}] if elder else []
    context = open_context()
    context.add_cookies(cookies)
    page = context.new_page()
    login(page, site, OWNER)
    return page


@pytest.mark.parametrize("elder", [False, True])
def test_every_tap_target_is_big_enough_on_the_residents_pages(sqlite_site, open_context, elder):
    site = sqlite_site
    page = owner_page(open_context, site, elder)
    pages = {"home": page.url}
    page.goto(site.url + "/")
    pages["consultation"] = site.url + page.get_attribute("a.entry[href^='/consultations/']", "href")
    pages["elevator"] = site.url + page.get_attribute("a.entry[href^='/elevators/']", "href")
    rooms = page_api(page, "GET", "/api/v1/stairwells/1/rooms").json()["rooms"]
    case = page_api(page, "POST", "/api/v1/estates/1/cases", {
        "title": "楼道灯不亮", "description": "晚上下楼看不清台阶。",
        "affected_flat_ids": [r["flat_id"] for r in rooms if r["floor"] == 1]})
    assert case.status == 201, case.text()
    pages["case"] = f"{site.url}/cases/{case.json()['id']}"
    pages["account"] = site.url + "/account"
    pages["notifications"] = site.url + "/notifications"
    found = {}
    for name, url in pages.items():
        page.goto(url)
        small = small_targets(page, elder)
        if small:
            found[name] = small
        screenshot(page, f"targets-{name}{'-elder' if elder else ''}")
    assert found == {}, found


def test_the_elevator_page_says_its_consent_round_closed(site, open_context):
    """After the committee closes the consent round the page no longer says it is open."""
    page = owner_page(open_context, site, elder=False)
    follow(page, "a.entry[href^='/elevators/']")
    consultation_id = int(page.get_attribute(".vote-form", "data-consultation"))
    assert "请业主表态" in page.inner_text("#stage-hint")
    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE)
    closed = page_api(committee, "POST", f"/api/v1/consultations/{consultation_id}/close")
    assert closed.status == 200, closed.text()
    # live, without a reload: the form goes and the stage's hint stops asking for a stance
    page.wait_for_selector(".round-closed")
    page.wait_for_selector("#stage-hint:has-text('意愿征询已经截止')")
    page.wait_for_selector("#progress:has-text('意愿征询已经截止，结果：未通过')")
    live = page.inner_text("main")
    assert "请业主表态" not in live and "还差业主" not in live
    page.reload()  # and after a reload
    main = page.inner_text("main")
    assert "请业主表态" not in main and "还差业主" not in main and "表决中" not in main
    assert "意愿征询已经截止，不能再表态了" in page.inner_text("#stage-hint")
    assert "意愿征询已经截止，结果：未通过。" in page.inner_text("#progress")
    assert page.inner_text("#stage-label") == "意愿征询"  # the stage itself moves on when the committee says so
    screenshot(page, "elevator-round-closed")
