"""Wording people meet (issue 36 items 7 and 8), in Chromium at 390×844: Beijing time, names
and roles where the reader may see them, plain words for the flat code and the record's check
code, and a QR landing that knows an owner is already linked."""
from datetime import datetime, timedelta

import requests

from app.demo.api import data
from app.display import CHINA_TZ
from tests.web.conftest import login, page_api, screenshot


def beijing_minutes(before: datetime, after: datetime) -> set[str]:
    """Every minute between two moments as the console writes them in Beijing time."""
    minute, shown = before.astimezone(CHINA_TZ).replace(second=0, microsecond=0), set()
    while minute <= after.astimezone(CHINA_TZ):
        shown.add(minute.strftime("%Y年%m月%d日 %H:%M"))
        minute += timedelta(minutes=1)
    return shown


def test_the_committee_reads_the_claimants_name_in_beijing_time_and_posts_signed_by_role(
        site, open_context):
    # 张建国 (owner of 1号楼 1单元 101) says he is family in 102: a claim for the committee
    resident = open_context().new_page()
    login(resident, site, data.RESIDENTS[0][0], start="/claim?stairwell=1")
    assert "用户码" not in resident.inner_text("body")
    rooms = page_api(resident, "GET", "/api/v1/stairwells/1/rooms").json()["rooms"]
    flat_id = next(r["flat_id"] for r in rooms if r["room"] == "102")
    before = datetime.now(CHINA_TZ)
    claimed = page_api(resident, "POST", "/api/v1/flats/claims", {"flat_id": flat_id, "relation": "family"})
    assert claimed.status == 201, claimed.text()
    after = datetime.now(CHINA_TZ)

    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/claims")
    row = committee.inner_text(f"tr[data-claim='{claimed.json()['id']}']")
    assert "张**" in row, row  # the claimant's name as the committee may see it, not only a phone
    assert any(minute in row for minute in beijing_minutes(before, after)), row
    screenshot(committee, "wording-claims")

    # members: a name for every member, never a bare dash
    committee.goto(f"{site.url}/console/estates/1/members")
    names = committee.locator("#members tbody tr td:first-child").all_inner_texts()
    assert names and "—" not in names and "李**" in names, names

    # posts by the committee are signed with the role, never as a resident: 李书记 by her
    # masked name and the tag 居委会; a new member who left no name as 居委会
    case = page_api(committee, "POST", "/api/v1/estates/1/cases", {
        "title": "车棚漏雨", "description": "车棚顶棚破了。", "affected_flat_ids": [flat_id]})
    assert case.status == 201, case.text()
    case_id = case.json()["id"]
    assert page_api(committee, "POST", f"/api/v1/cases/{case_id}/posts",
                    {"body": "居委会已联系物业看现场。"}).status == 201
    assert page_api(committee, "POST", "/api/v1/estates/1/members",
                    {"phone": "13811110009", "role": "committee"}).status == 201
    nameless = requests.post(f"{site.url}/api/v1/cases/{case_id}/posts", json={"body": "周六上午开会。"},
                             headers=site.api_login("13811110009"))
    assert nameless.status_code == 201, nameless.text
    committee.goto(f"{site.url}/cases/{case_id}")
    signed = committee.locator("article.post", has_text="居委会已联系物业").locator(".post-head").inner_text()
    assert "居民" not in signed and "李**" in signed and "居委会" in signed, signed
    unnamed = committee.locator("article.post", has_text="周六上午开会").locator(".post-head").inner_text()
    assert "居民" not in unnamed and "居委会" in unnamed, unnamed
    screenshot(committee, "wording-case-signed")

    # the flat codes page says it plainly
    committee.goto(f"{site.url}/console/estates/1/flat-codes")
    assert "用户码" not in committee.inner_text("body")


def test_the_public_page_says_what_its_check_code_is_for(site, open_context):
    page = open_context().new_page()
    page.goto(f"{site.url}/estates/1/public")
    text = page.inner_text(".audit-head")
    assert "记录链" not in text and "没有被改过" in text, text
    screenshot(page, "wording-public-check-code")


def test_the_qr_landing_tells_a_linked_owner_so_and_sends_them_home(site, open_context):
    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/posters")
    link = committee.request.get(f"{site.url}/api/v1/stairwells/1/qr").json()["url"]

    owner = open_context().new_page()
    login(owner, site, data.RESIDENTS[0][0])
    owner.goto(link)
    linked = owner.locator("#linked-flats")
    assert "1号楼 1单元 101" in linked.inner_text()
    assert "已认证" in linked.inner_text()
    assert owner.locator("a.btn.primary", has_text="认领").count() == 0  # no call to claim again
    screenshot(owner, "wording-qr-linked")
    with owner.expect_navigation():
        linked.locator("a.btn").first.click()
    assert "1号楼 1单元 101" in owner.inner_text("#my-flats")

    # someone with no flat here is still told how to claim
    stranger = open_context().new_page()
    login(stranger, site, "13911112222")
    stranger.goto(link)
    assert stranger.locator("#linked-flats").count() == 0
    assert stranger.locator("a.btn.primary", has_text="认领").count() >= 1
