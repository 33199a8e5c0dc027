"""The committee runs an estate on a phone (390×844) in Chromium, from the ledger import to a
published evaluation's follow-ups: ledger checked first (bad rows named, nothing written),
then imported; a case opened for residents, a meeting scheduled and its minutes recorded, a post hidden and restored,
the discussion locked, the case closed; a project with items, funding, progress with a photo, a supervision report answered;
a complaint answered; the fund ledger; the street office's ranking and drill-down (1280×800)."""
import io
from datetime import datetime, timedelta

from PIL import Image

from app.demo.api import data
from app.display import CHINA_TZ
from tests.estates.ledgers import CHINESE, csv_bytes, ledger_rows
from tests.web.conftest import PHONE, confirm, login, page_api, screenshot
from tests.web.helpers import OVERFLOWING, fits
from tests.web.helpers import check_page
from tests.web.helpers import WIDE, both_sizes


def test_the_committee_runs_an_estate_on_a_phone(site, open_context, tmp_path):
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/ledger")

    # 台账: a bad file is checked and named row by row; a good one is previewed, then imported
    rows = ledger_rows(buildings=(("9号楼", 1),), floors=2)
    bad = [list(rows[0]), list(rows[1]), list(rows[2]), list(rows[3])]
    bad[1][4], bad[3][3] = "很大", "三楼"  # two rows wrong, one good between them
    (tmp_path / "bad.csv").write_bytes(csv_bytes(bad, CHINESE))
    (tmp_path / "good.csv").write_bytes(csv_bytes(rows, CHINESE))
    committee.set_input_files("#ledger-file", str(tmp_path / "bad.csv"))
    committee.click("#ledger-check")
    committee.wait_for_selector(".row-errors li")
    named = committee.inner_text(".row-errors")
    assert "第 3 行" in named and "第 5 行" in named and "第 4 行" not in named
    assert "有 2 处需要改正" in committee.inner_text("#ledger-form") and "没有写入任何数据" in committee.inner_text("#ledger-form")
    assert committee.locator("#ledger-import").is_hidden()
    committee.set_input_files("#ledger-file", str(tmp_path / "good.csv"))
    # what the progress line said while the file went up and was read (a large file's wait)
    committee.evaluate("""() => { const said = window.progressSaid = [];
      const line = document.getElementById("ledger-progress-text");
      new MutationObserver(() => { if (line.textContent) said.push(line.textContent); })
        .observe(line, {childList: true, characterData: true, subtree: true}); }""")
    committee.click("#ledger-check")
    committee.wait_for_selector("#ledger-preview:has-text('新增 4 户')")
    assert committee.locator("#ledger-progress").is_hidden()
    said = committee.evaluate("window.progressSaid")
    assert said[0].startswith("正在上传") and "已上传，正在逐行检查" in said[-1], said
    both_sizes(committee, "console-ledger-preview")
    committee.check("#ledger-id-consent")  # the file has ID numbers: the committee's statement
    confirm(committee, "#ledger-import")
    committee.wait_for_selector("#ledger-preview:has-text('导入完成：新增 4 户')")

    # 户码 for the flats of one stairwell whose owners lost theirs (asks first), a CSV
    committee.goto(f"{site.url}/console/estates/1/flat-codes")
    committee.select_option("#codes-stairwell", index=1)
    committee.click("#codes-flats label >> nth=0")
    with committee.expect_download() as download:
        confirm(committee, "#flat-codes-some button[type=submit]")
    lines = download.value.path().read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[0].startswith("flat_id"), lines
    both_sizes(committee, "console-flat-codes")

    # 二维码海报: each code's version and scans; 换新二维码 asks first, then shows version 2
    committee.goto(f"{site.url}/console/estates/1/posters")
    first = "figure.qr[data-stairwell] >> nth=0"
    committee.wait_for_selector(f"{first} >> .qr-stats:has-text('第 1 版')")
    confirm(committee, f"{first} >> button[type=submit]")
    committee.wait_for_selector(f"{first} >> .qr-stats:has-text('第 2 版')")
    assert "/q/" in committee.inner_text(f"{first} >> .qr-link")
    assert "?v=2" in committee.get_attribute(f"{first} >> img", "src")
    both_sizes(committee, "console-posters")

    # 一事一议 for residents: two stairwells, a meeting, a post hidden and restored, locked, closed
    committee.goto(f"{site.url}/console/estates/1/cases/new")
    committee.fill("#case-title", "9号楼楼道堆物")
    committee.fill("#case-description", "居民到居委会反映：楼道里堆了杂物，影响通行。")
    committee.check("input[name=stairwell] >> nth=0")
    with committee.expect_navigation():
        committee.click("#new-case button[type=submit]")
    case_id = int(committee.url.rstrip("/").rsplit("/", 1)[1])
    # the meeting scheduled ahead (asks first: the flats are told), its minutes recorded after
    tomorrow = (datetime.now(CHINA_TZ) + timedelta(days=1)).strftime("%Y-%m-%d")
    committee.fill("#schedule-date", tomorrow)
    committee.fill("#schedule-place", "居委会会议室")
    committee.fill("#schedule-agenda", "楼道杂物怎么清理")
    with committee.expect_navigation():
        confirm(committee, "#schedule-form button[type=submit]")
    assert "已安排" in committee.inner_text("#meetings") and "议题：楼道杂物怎么清理" in committee.inner_text("#meetings")
    both_sizes(committee, "console-case-meeting-scheduled")
    committee.click("details.minutes summary")  # not yet held: folded until it is
    held = (datetime.now(CHINA_TZ) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    committee.fill(".minutes-form input[name=held_at]", held)
    committee.fill(".minutes-form textarea[name=attendees]", "李书记\n张建国")
    committee.fill(".minutes-form textarea[name=minutes]", "约定本周末前清理。")
    with committee.expect_navigation():
        committee.click(".minutes-form button[type=submit]")
    assert "参加：李书记、张建国" in committee.inner_text("#meetings")
    assert "已安排" not in committee.inner_text("#meetings")
    post = page_api(committee, "POST", f"/api/v1/cases/{case_id}/posts", {"body": "这是一条不文明的发言"})
    assert post.status == 201, post.text()
    committee.reload()
    hide = f"[data-hide='{post.json()['id']}']"
    committee.click(hide)
    assert "可以恢复" in committee.inner_text("#confirm-text")
    with committee.expect_navigation():
        committee.click("#confirm-ok")
    committee.wait_for_selector(f"[data-unhide='{post.json()['id']}']")
    both_sizes(committee, "console-case")
    with committee.expect_navigation():
        committee.click(f"[data-unhide='{post.json()['id']}']")
    committee.wait_for_selector(hide)
    assert "恢复：" in committee.inner_text("#moderation-log")
    with committee.expect_navigation():
        confirm(committee, "#lock-form button")
    assert "讨论已锁定" in committee.inner_text("main")
    committee.fill("#close-outcome", "已清理完毕。")
    with committee.expect_navigation():
        confirm(committee, "#close-form button[type=submit]")
    assert "已结案。处理结果：已清理完毕。" in committee.inner_text("#outcome")

    # A renovation project: items, funding, progress with a photo, the next phase refused
    # (no passed content vote: tests/web/test_browser_coplan.py walks a project from one)
    committee.goto(f"{site.url}/console/estates/1/projects")
    committee.select_option("#project-vote", "")
    committee.fill("#project-title", "和平里小区综合整治")
    committee.fill("#project-budget", "1000000")
    with committee.expect_navigation():
        confirm(committee, "#new-project button[type=submit]")
    committee.wait_for_selector("#phase-now:has-text('共谋')")
    committee.fill("#items-basic", "屋面防水\n外墙保温")
    committee.click("#project-items button[type=submit]")
    committee.wait_for_selector("#project-items .form-ok:has-text('已保存')")
    committee.fill("#source-central", "600000")
    committee.fill("#source-residents", "100000.50")
    committee.click("#project-funding button[type=submit]")
    committee.wait_for_selector("#unfunded:has-text('还差 299,999.50 元')")
    photo = tmp_path / "site.jpg"
    Image.new("RGB", (64, 48), (200, 120, 40)).save(photo, "JPEG")
    committee.fill("#progress-body", "脚手架已搭好。")
    committee.set_input_files("#progress-photos", str(photo))
    committee.click("#progress-form button[type=submit]")
    committee.wait_for_selector("#progress-list img.progress-photo")
    confirm(committee, "#project-advance button")
    committee.wait_for_selector("#project-advance .form-error:has-text('改造内容表决')")
    assert "共谋" in committee.inner_text("#phase-now")
    assert committee.inner_text("#phase-steps").split() == ["共谋", "共建", "共管", "共评", "共享"]
    project_id = committee.url.rstrip("/").rsplit("/", 1)[1]
    report = page_api(committee, "POST", f"/api/v1/projects/{project_id}/supervision-reports",
                      {"body": "脚手架没有挂防护网"})
    assert report.status == 201, report.text()
    committee.reload()
    item = f"#supervision-{report.json()['id']}"
    committee.fill(f"{item} textarea", "已要求施工方今天挂好。")
    confirm(committee, f"{item} button[type=submit]")
    committee.wait_for_selector(f"{item} .answer:has-text('居委会答复：已要求施工方今天挂好。')")
    both_sizes(committee, "console-project")
    project_url = committee.url

    # 共评: the evaluation launched (asks first), opened, closed and published; its summary
    # and follow-ups on the project page. Only in 共评 (its guards: tests/projects/test_coplan_walk.py)
    assert committee.locator("#evaluation-form").count() == 0
    site.project_reached(int(project_id), "co_evaluate")
    committee.reload()
    with committee.expect_navigation():
        confirm(committee, "#evaluation-form button[type=submit]")
    assert "草稿" in committee.inner_text("#status")
    for step in ("open", "close", "publish"):
        with committee.expect_navigation():
            confirm(committee, f"button[data-lifecycle={step}]")
    assert "已公示" in committee.inner_text("#status")
    committee.goto(project_url)
    committee.wait_for_selector("[data-evaluation] .summary:has-text('平均分')")
    committee.click("[data-follow-up]")
    committee.wait_for_selector("#follow-ups li")

    # A complaint: taken up, answered, closed (asks first)
    filed = page_api(committee, "POST", "/api/v1/estates/1/complaints", {"title": "施工噪音", "body": "晚上十点还在施工"})
    assert filed.status == 201, filed.text()
    committee.goto(f"{site.url}/console/estates/1/complaints")
    card = f"[data-complaint='{filed.json()['id']}']"
    committee.click(f"{card} [data-to=handling]")
    committee.wait_for_selector(f"{card} .badge:has-text('处理中')")
    committee.fill(f"{card} textarea", "已要求施工方晚上八点后停工。")
    committee.click(f"{card} [data-to=answered]")
    committee.wait_for_selector(f"{card} .badge:has-text('已答复')")
    both_sizes(committee, "console-complaints")
    confirm(committee, f"{card} [data-to=closed]")
    committee.wait_for_selector(f"{card} .badge:has-text('已办结')")

    # The fund ledger: money collected, previewed flat by flat, recorded after its confirmation
    committee.goto(f"{site.url}/console/estates/1/fund")
    committee.fill("#fund-amount", "abc")
    committee.click("#fund-preview-button")
    committee.wait_for_selector("#fund-form .form-error:has-text('请填写金额')")
    committee.fill("#fund-amount", "52000.5")
    committee.fill("#fund-memo", "2026 年归集")
    committee.click("#fund-preview-button")
    committee.wait_for_selector("#fund-preview:not([hidden])")
    confirm(committee, "#fund-form button[type=submit]")
    committee.wait_for_selector("#fund-balance:has-text('52,000.50')")
    both_sizes(committee, "console-fund")


def test_the_street_office_ranks_and_drills_down(site, open_context):
    staff = open_context(viewport=WIDE).new_page()
    login(staff, site, data.STAFF_PHONE, start="/street/")
    assert "第 1 名" in staff.inner_text("#ranking") and "/30 分" in staff.inner_text("#ranking")
    screenshot(staff, "street-ranking-desktop")
    staff.set_viewport_size(PHONE)
    assert fits(staff) <= 390 and staff.evaluate(OVERFLOWING) == []
    screenshot(staff, "street-ranking-phone")
    staff.goto(f"{site.url}/street/estates")
    assert "和平里小区" in staff.inner_text("#estates")
    phase = staff.locator("#phases [data-phase]").filter(has_text="（1）").first
    with staff.expect_navigation():
        phase.click()  # the demo estate's phase, counted, then its estates alone
    assert staff.get_attribute("#phases [aria-current=page]", "data-phase") is not None
    assert "和平里小区" in staff.inner_text("#estates")
    both_sizes(staff, "street-estates")
    with staff.expect_navigation():
        staff.click("#estates a:has-text('进入小区')")
    assert staff.url.endswith("/console/estates/1")
