"""Which ledger a vote counts on, on a phone (390×844) in Chromium: the console and the
resident page say "按 … 的台账计票"; the committee re-bases the electorate (重新取台账) with
a confirmation before the first ballot, and the button is gone after it (issue 30, item 2)."""
import re

from app.demo.api import data
from tests.web.conftest import PHONE, login, page_api, screenshot
from tests.web.helpers import in_view

LEDGER_LINE = re.compile(r"按 \d{4}年\d{2}月\d{2}日 的台账计票")


def test_the_console_says_which_ledger_counts_and_rebases_only_before_the_first_ballot(
        site, open_context):
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/consultations")
    created = page_api(committee, "POST", "/api/v1/estates/1/consultations", {
        "template": "willingness_survey", "scope": {"type": "stairwell", "id": 1},
        "closes_at": "2099-12-31T18:00:00+08:00"})
    assert created.status == 201, created.text()
    vote_id = created.json()["id"]
    committee.goto(f"{site.url}/console/consultations/{vote_id}")
    assert committee.locator("#counts-on-ledger").count() == 0  # a draft counts the ledger as it is
    committee.click("button[data-lifecycle=open]")
    with committee.expect_navigation():
        committee.click("#confirm-ok")
    assert LEDGER_LINE.fullmatch(committee.inner_text("#counts-on-ledger"))
    assert "不计入本次表决" in committee.inner_text("#ledger-rule")

    # 重新取台账 asks first, saying what it does, then the vote counts on today's ledger
    committee.click("#rebase")
    committee.wait_for_selector("#confirm-dialog[open]")
    assert "有人投票后就不能再取" in committee.inner_text("#confirm-text")
    assert in_view(committee, "#confirm-dialog")
    screenshot(committee, "console-rebase-phone")
    with committee.expect_navigation():
        committee.click("#confirm-ok")
    assert LEDGER_LINE.fullmatch(committee.inner_text("#counts-on-ledger"))
    screenshot(committee, "console-ledger-date-phone")

    # after the first ballot the button is gone, and the API refuses in words
    flat = page_api(committee, "GET", "/api/v1/stairwells/1/flats").json()[0]
    entered = page_api(committee, "POST", f"/api/v1/consultations/{vote_id}/assisted-ballots", {
        "flat_id": flat["id"], "answers": {"willing": "agree", "contribute": "willing"},
        "channel": "paper", "evidence": "纸质票"})
    assert entered.status == 201, entered.text()
    committee.reload()
    assert committee.locator("#rebase").count() == 0
    refused = page_api(committee, "POST", f"/api/v1/consultations/{vote_id}/electorate/rebase")
    assert refused.status == 409 and "已经有人投票" in refused.json()["error"]["message"]

    committee.goto(f"{site.url}/consultations/{vote_id}")
    assert LEDGER_LINE.fullmatch(committee.inner_text("#counts-on-ledger"))
    screenshot(committee, "resident-ledger-date-phone")
