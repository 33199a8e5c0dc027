"""打印材料 in Chromium (issue 34 item 4), at 390×844 and at desktop width: the committee
downloads the board notice, a door-to-door list, the letters (asks first) and a meeting's
sign-in sheet, and each PDF reads back with pdftotext."""
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from app.demo.api import data
from tests.web.conftest import DESKTOP, PHONE, confirm, console_nav, login, page_api, screenshot
from tests.web.test_browser_console import OVERFLOWING, fits


def pdf_text(download) -> str:
    body = download.value.path().read_bytes()
    assert body.startswith(b"%PDF"), body[:300]
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=body, capture_output=True)
    assert done.returncode == 0, (done.stderr, len(body), body[-200:])
    return done.stdout.decode()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_committee_prints_the_kit(sqlite_site, open_context, viewport):
    site = sqlite_site
    page = open_context(viewport=viewport, accept_downloads=True).new_page()
    login(page, site, data.COMMITTEE_PHONE, start="/console/estates/1")
    console_nav(page, "打印材料")
    page.wait_for_selector("h1:has-text('打印材料')")
    stairwell = page.locator("form.print-door select option").nth(1).get_attribute("value")
    flats = page_api(page, "GET", f"/api/v1/stairwells/{stairwell}/flats").json()[:2]
    case = page_api(page, "POST", "/api/v1/estates/1/cases", {
        "title": "车棚漏雨", "description": "顶棚破了", "affected_flat_ids": [f["id"] for f in flats]}).json()
    held_at = (datetime.now(timezone.utc) + timedelta(days=2)).isoformat()
    scheduled = page_api(page, "POST", f"/api/v1/cases/{case['id']}/scheduled-meetings",
                         {"held_at": held_at, "place": "社区活动室", "agenda": "换顶棚"})
    assert scheduled.status == 201, scheduled.text()
    page.reload()
    if viewport == PHONE:
        assert fits(page) <= 390 and page.evaluate(OVERFLOWING) == []
    screenshot(page, f"console-print-{'phone' if viewport == PHONE else 'desktop'}")
    vote = page.locator("section.print-vote").first
    title = vote.locator("h3").inner_text()

    with page.expect_download() as notice:
        vote.locator("a:has-text('公告栏通知')").click()
    text = pdf_text(notice)
    assert "表决通知" in text and title[:6] in text and "手机扫码" in text

    vote.locator("form.print-door select").select_option(index=1)
    with page.expect_download() as door:
        vote.locator("form.print-door button").click()
    text = pdf_text(door)
    assert "上门走访名单" in text and "138" not in text and "139" not in text  # no phone numbers

    vote.locator("form.print-letters select").select_option(index=0)  # every flat in the vote
    with page.expect_download() as letters:
        confirm(page, f"section.print-vote >> nth=0 >> form.print-letters button")
    text = pdf_text(letters)
    assert "告业主书" in text and "本户认证码" in text
    page.wait_for_selector("section.print-vote >> nth=0 >> form.print-letters .form-ok:has-text('已下载')")

    with page.expect_download() as sheet:
        page.locator("section.print-meeting a").first.click()
    text = pdf_text(sheet)
    assert "会议签到表" in text and "车棚漏雨" in text and "签名" in text
