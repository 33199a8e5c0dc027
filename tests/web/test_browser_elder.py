"""Elder mode (长辈模式) and accessibility norms of DESIGN.md, measured in Chromium."""
import pytest

from tests.web.conftest import login, screenshot

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
