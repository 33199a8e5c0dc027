"""Helpers shared by the tests of this folder, so no test module imports another."""
from app.auth.api import request_code
from app.auth.api import SmsOutboxMessage
from app.extensions import db
from tests.web.conftest import PHONE, confirm, login, page_api, screenshot
from tests.web.conftest import (
    DESKTOP, PHONE, confirm, enter_code, follow, login, next_step, page_api, screenshot,
    submit_ballot)
import re


def web_login(client, phone):
    """Log in as the login page does (a fresh browser: no previous session)."""
    client.delete_cookie("session")
    request_code(phone)
    code = db.session.scalars(db.select(SmsOutboxMessage.code).where(SmsOutboxMessage.phone == phone)
                              .order_by(SmsOutboxMessage.id.desc())).first()
    response = client.post("/api/v1/auth/session", json={"phone": phone, "code": code})
    assert response.status_code == 201
    return response.json["csrf_token"]


# Measures every visible text element: its font size, line height, and the contrast
# of its colour against the first opaque background behind it (WCAG 2.x formula).
MEASURE_TEXT = """() => {
  function rgb(text) { const m = text.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
  function lum(c) { return [c.r, c.g, c.b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                     .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0); }
  function background(el) {
    for (let node = el; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.a > 0.99) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || el.closest("[hidden]")) continue;
    const style = getComputedStyle(el);
    const fg = rgb(style.color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    out.push({text: el.textContent.trim().slice(0, 20), tag: el.tagName,
              size: parseFloat(style.fontSize), weight: parseInt(style.fontWeight, 10),
              lineHeight: parseFloat(style.lineHeight), opacity: parseFloat(style.opacity),
              contrast: (hi + 0.05) / (lo + 0.05)});
  }
  return out;
}"""


# Every control a finger taps: buttons, links styled as buttons, fields, choices, tabs.
MEASURE_TARGETS = """() => Array.from(document.querySelectorAll(
    "button, .btn, .chip, .tab, .pick, .brand, input:not([type=radio]):not([type=checkbox]), select, textarea"))
  .filter(el => el.getBoundingClientRect().width > 0 && !el.closest("[hidden]"))
  .map(el => { const b = el.getBoundingClientRect();
               return {text: (el.textContent || el.name || el.id).trim().slice(0, 20), width: b.width, height: b.height}; })"""


def check_page(page, *, elder: bool):
    # after a form's reload the new page's elements exist before its stylesheet is applied:
    # measure the page as a person sees it, once it has loaded
    page.wait_for_load_state("load")
    min_target = 60 if elder else 44
    small = [t for t in page.evaluate(MEASURE_TARGETS)
             if t["width"] < min_target - 0.5 or t["height"] < min_target - 0.5]
    assert small == [], f"tap targets under {min_target}px: {small}"
    for item in page.evaluate(MEASURE_TEXT):
        large = item["size"] >= 24 or (item["size"] >= 18.66 and item["weight"] >= 700)
        needed = 3 if large else 4.5
        if item["opacity"] == 1:
            assert item["contrast"] >= needed, item
        if elder:
            assert item["size"] >= 18, item
        assert item["lineHeight"] >= 1.5 * item["size"] - 0.01, item


def in_view(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] \
        and box["x"] >= 0 and box["x"] + box["width"] <= size["width"]


def fits(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


#: elements cut off at the right edge, or scrolling sideways inside the page
OVERFLOWING = """() => {
  const out = [];
  for (const e of document.querySelectorAll("body *")) {
    const box = e.getBoundingClientRect(), style = getComputedStyle(e);
    const name = e.tagName + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : "");
    if (box.width > 1 && box.right > innerWidth + 1) out.push(name);
    if (["auto", "scroll"].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1) out.push("scrolls " + name);
  }
  return out.slice(0, 5);
}"""


def stairwell_id(page, site, building="1号楼", stairwell="1单元") -> int:
    """A stairwell's id, read through the API with the page's (committee) session."""
    buildings = page.request.get(f"{site.url}/api/v1/estates/1/buildings").json()
    return next(s["id"] for b in buildings if b["name"] == building
                for s in b["stairwells"] if s["name"] == stairwell)


WIDE = {"width": 1280, "height": 800}


def both_sizes(page, name):
    """A screenshot on the phone and at 1280×800; the phone page must fit and meet the norms."""
    assert fits(page) <= 390 and page.evaluate(OVERFLOWING) == [], name
    check_page(page, elder=False)
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(WIDE)
    screenshot(page, f"{name}-desktop")
    page.set_viewport_size(PHONE)


ROOF, LIGHTING = "basic.roof_repair", "improvement.lighting"


def create_on_console(committee, site, template: str, title: str, stairwell: int | None = None) -> int:
    """Start a consultation from a template on the console, open it; returns its id."""
    committee.goto(f"{site.url}/console/estates/1/consultations")
    committee.select_option("#template", template)
    if stairwell is not None:
        committee.select_option("#scope-type", "stairwell")
        committee.select_option("#stairwell", str(stairwell))
    committee.fill("#title", title)
    with committee.expect_navigation():
        committee.click("button:has-text('建立草稿')")
    consultation_id = int(committee.url.rstrip("/").rsplit("/", 1)[1])
    assert "草稿" in committee.inner_text("#status")
    with committee.expect_navigation():
        confirm(committee, "button[data-lifecycle=open]")
    assert "进行中" in committee.inner_text("#status")
    return consultation_id


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
