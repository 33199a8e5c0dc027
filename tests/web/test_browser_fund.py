"""The maintenance fund on a phone (390×844) in Chromium: the committee picks a use's scope,
sees each flat's share and the consequence in words before recording, and cannot record a
use its decision does not cover; an owner then sees the use on their own sub-account."""
import re
from datetime import timedelta

from app.db import utcnow
from app.demo.api import data
from tests.web.conftest import PHONE, confirm, login, page_api, screenshot
from tests.web.helpers import OVERFLOWING, fits


def stairwell_use_decision(page) -> tuple[int, int]:
    """An estate-wide collection, and a passed fund_use vote of 1号楼 1单元 (paper ballots),
    made through the API with the committee page's session."""
    def call(method, path, body=None):
        response = page_api(page, method, "/api/v1" + path, body)
        assert response.status < 300, response.text()
        return response.json()

    stairwell = call("GET", "/estates/1/buildings")[0]["stairwells"][0]["id"]
    call("POST", "/estates/1/fund-ledger", {"kind": "collected", "amount_cents": 9_600_000,
                                           "memo": "首次归集"})
    vote = call("POST", "/estates/1/consultations", {
        "template": "fund_use", "title": "1单元屋面防水用维修资金",
        "closes_at": (utcnow() + timedelta(days=3)).isoformat(),
        "scope": {"type": "stairwell", "id": stairwell}})
    call("POST", f"/consultations/{vote['id']}/open")
    for flat in call("GET", f"/stairwells/{stairwell}/flats"):
        call("POST", f"/consultations/{vote['id']}/assisted-ballots", {
            "flat_id": flat["id"], "answers": {"use": "agree"}, "channel": "paper", "evidence": "纸质票"})
    call("POST", f"/consultations/{vote['id']}/close")
    return stairwell, vote["id"]


def preview(page, scope: str, stairwell: int | None = None):
    page.check(f"#fund-form input[name=scope_type][value={scope}]", force=True)
    if stairwell:
        page.check(f"#fund-form input[name=stairwells][value='{stairwell}']", force=True)
    page.click("#fund-preview-button")
    page.wait_for_selector("#fund-preview:not([hidden])")


def test_a_use_is_previewed_flat_by_flat_confirmed_and_seen_by_the_owner(site, open_context):
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/fund")
    stairwell, vote_id = stairwell_use_decision(committee)
    committee.reload()
    committee.wait_for_selector("#fund-ledger tbody tr")
    committee.select_option("#fund-kind", "used")
    committee.fill("#fund-amount", "1200")
    committee.select_option("#fund-decision", str(vote_id))

    # the whole estate on a stairwell's vote: the preview says why, and nothing can be recorded
    preview(committee, "estate")
    assert "范围" in committee.inner_text("#fund-decision-check")
    assert committee.is_disabled("#fund-confirm")

    # the stairwell the owners decided: each of its 12 flats' share, the consequence in words
    preview(committee, "stairwells", stairwell)
    consequence = committee.inner_text("#fund-consequence")
    assert consequence.startswith("将按面积支出 1,200.00 元，分摊到所选 1 个单元共 12 户")
    assert committee.locator("#fund-shares tbody tr").count() == 12
    assert committee.is_enabled("#fund-confirm")
    assert fits(committee) <= PHONE["width"] and committee.evaluate(OVERFLOWING) == []
    screenshot(committee, "console-fund-preview-phone")
    committee.fill("#fund-memo", "1单元屋面防水")
    confirm(committee, "#fund-confirm")
    committee.wait_for_selector("#fund-ledger tbody tr:has-text('1单元屋面防水')")
    assert "94,800.00" in committee.inner_text("#fund-balance")  # 96,000.00 − 1,200.00

    owner = open_context(viewport=PHONE).new_page()
    login(owner, site, data.RESIDENTS[0][0], start="/me/fund")
    text = owner.inner_text("main")
    assert "1号楼 1单元 101" in text and "使用 -" in text and "1单元屋面防水" in text
    assert re.search(r"\d{4}年\d{2}月\d{2}日 结余", text) and not re.search(r"\d{4}-\d{2}-\d{2}", text), text
    assert fits(owner) <= PHONE["width"]
    screenshot(owner, "resident-my-fund-phone")
