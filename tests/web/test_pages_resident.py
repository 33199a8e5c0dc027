"""Resident pages for issue 17, without a browser: the defects that cost votes and trust.

Each test here failed before its fix (checked against the commit before it). Both databases.
"""
import re
from pathlib import Path

import pytest

from app.consultations.api import services
from tests.elevators.helpers import Stairwell6
from tests.factories import flats_of, link, make_consultation, make_estate, make_owner, make_user
from tests.web.helpers import web_login
from tests.web.helpers import csrf_of

WEB = Path(__file__).resolve().parents[2] / "app" / "web"


@pytest.fixture
def estate(app):
    return make_estate()


@pytest.fixture
def committee(estate):
    return make_user(phone="13911130001", roles=[("committee", estate.id)])


def test_a_long_vote_comes_in_steps_by_category_with_a_review_before_submitting(client, estate, committee):
    owner = make_owner(flats_of(estate.id)[0], phone="13911130002")
    vote = make_consultation(estate, "content_vote", actor=committee)
    web_login(client, owner.phone)
    page = client.get(f"/consultations/{vote.id}").text
    steps = re.findall(r'class="item-group" data-step="([^"]+)"', page)
    assert steps == ["基础类", "完善类", "提升类"]
    # the review box the script fills, and its words; without JS all questions are in one form
    assert 'id="vote-review"' in page and "/assets/vote_steps.js" in page
    assert page.count('class="item"') == len(vote.questions[0]["items"])
    script = (WEB / "static" / "vote_steps.js").read_text()
    assert "reviewItems" in script and "reviewConfirm" in script
    from app.web.api import REVIEW_ITEMS
    assert REVIEW_ITEMS.format(title="改造内容", agree=5, oppose=1, abstain=2, blank=32).endswith(
        "同意 5 项、反对 1 项、弃权 2 项、未选 32 项（按弃权计）")


def test_a_refused_ballot_points_at_the_question_and_scrolls_to_it(client, estate, committee):
    owner = make_owner(flats_of(estate.id)[0], phone="13911130003")
    survey = make_consultation(estate, "willingness_survey", actor=committee)
    web_login(client, owner.phone)
    csrf = csrf_of(client.get(f"/consultations/{survey.id}").text)
    refused = client.post(f"/consultations/{survey.id}/ballot", data={"csrf_token": csrf})
    assert refused.status_code == 422
    title = survey.questions[0]["title"]
    assert f"第 1 题“{title}”没有答好" in refused.text
    assert 'id="vote-error" data-question="willing"' in refused.text
    assert 'href="#question-willing"' in refused.text
    # the form posts back to its own place on the page
    assert f'action="/consultations/{survey.id}/ballot#answer"' in refused.text


def test_tenants_are_not_invited_to_owner_votes_and_are_told_what_they_can_do(client, estate, committee):
    tenant = make_user(phone="13911130004")
    link(tenant, flats_of(estate.id)[0], "tenant")
    vote = make_consultation(estate, "content_vote", actor=committee)
    web_login(client, tenant.phone)
    home = client.get("/").text
    entry = home[home.index(f'href="/consultations/{vote.id}"'):]
    entry = entry[:entry.index("</a>")]
    assert "去参加" not in entry and "查看 ›" in entry and "您是租户" in entry
    assert "现在没有需要您处理的事" in home
    assert 'href="/proxies"' not in home  # 家人代投 is an owner's


def test_elevator_page_shows_no_share_to_a_tenant(client):
    place = Stairwell6()
    created = place.create(client)
    tenant = make_user(phone="13911130005")
    link(tenant, place.flats[5], "tenant")
    web_login(client, tenant.phone)
    page = client.get(f"/elevators/{created.json['id']}").text
    assert "应分摊 " not in page and "我家" not in page.split('id="flat-')[1].split("</h2>")[1]
    assert "您是租户，不需要分摊" in page


def test_elevator_consent_as_a_consultation_shows_my_share_and_links_the_elevator_page(client):
    place = Stairwell6()
    created = place.create(client).json
    flat = next(f for f in place.flats if f.room == "302")
    web_login(client, place.owners[flat.id].phone)
    page = client.get(f"/consultations/{created['consultation_id']}").text
    assert "302 应分摊 26,666.67 元" in page
    assert f'href="/elevators/{created["id"]}"' in page


def test_published_results_stay_on_home_with_outcome_and_receipt_check(client, estate, committee):
    owner = make_owner(flats_of(estate.id)[0], phone="13911130006")
    survey = make_consultation(estate, "willingness_survey", actor=committee)
    ballot = services.cast_ballot(survey, owner, flats_of(estate.id)[0].id,
                                  {"willing": "agree", "contribute": "willing"})
    services.close_consultation(survey, committee.id)
    services.publish_consultation(survey, committee.id)
    web_login(client, owner.phone)
    home = client.get("/").text
    records = home[home.index('id="records"'):]
    assert f'href="/consultations/{survey.id}#receipt"' in records and "回执已核对 ✓" in records
    page = client.get(f"/consultations/{survey.id}").text
    assert "实时结果" not in page and "截止前可以随时修改" not in page
    assert "公示结果" in page and ballot.receipt in page
    assert "结果已公示。" in page and "现在不能投票" not in page and "已于 " in page


def test_an_owner_of_two_flats_is_told_the_other_has_not_voted(client, estate, committee):
    first, second = flats_of(estate.id)[:2]
    owner = make_owner(first, phone="13911130007")
    link(owner, second)
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    services.cast_ballot(vote, owner, first.id, {"willing": "agree", "contribute": "willing"})
    web_login(client, owner.phone)
    page = client.get(f"/consultations/{vote.id}?flat={first.id}").text
    assert 'id="not-voted"' in page and "1号楼 1单元 102 还没有投票" in page
    home = client.get("/").text
    todo = home[home.index('id="todo"'):home.index('id="records"')]
    assert f'href="/consultations/{vote.id}"' in todo and "102：还没投票" in todo
    # from the to-do link (no flat named) the ballot opens on the flat still to vote
    opened = client.get(f"/consultations/{vote.id}").text
    assert re.search(rf'name="flat_id" value="{second.id}" data-flat-switch checked', opened)
    assert not re.search(rf'name="flat_id" value="{first.id}" data-flat-switch checked', opened)


def test_consultation_page_gives_its_closing_time_to_the_script(client, estate, committee):
    """When the round closes (by time: no event), the script takes the form away."""
    owner = make_owner(flats_of(estate.id)[0], phone="13911130008")
    survey = make_consultation(estate, "willingness_survey", actor=committee)
    web_login(client, owner.phone)
    page = client.get(f"/consultations/{survey.id}").text
    assert '"closesAt": "' in page
    script = (WEB / "static" / "consultation.js").read_text()
    assert "closeForm" in script and "roundClosedLive" in script


def test_phone_fields_speak_the_task(client):
    refused = client.post("/api/v1/auth/sms-codes", json={"phone": "123"})
    assert refused.status_code == 422
    assert refused.json["error"]["fields"]["phone"] == "请输入11位手机号"


def test_no_resident_form_leaves_checks_to_the_browser():
    """Browser bubbles ("Please select one of these options.") are English and out of view."""
    templates = WEB / "templates" / "web"
    offenders = [f"{path.name}: {form}" for path in templates.rglob("*.html")
                 if "console" not in path.parts
                 for form in re.findall(r"<form[^>]*>", path.read_text()) if "novalidate" not in form]
    assert offenders == []
    assert "form.noValidate = true" in (WEB / "static" / "app.js").read_text()


def test_shares_read_as_percentages_with_one_decimal(app):
    from app.web.api import percent
    assert percent("0.0833") == "8.3%" and percent("0.75") == "75.0%" and percent("1") == "100.0%"


def test_live_posts_use_the_date_format_of_reloaded_ones():
    script = (WEB / "static" / "case.js").read_text()
    assert "toLocaleString" not in script and "GZ.cnTime(post.created_at)" in script


def test_elder_mode_scales_chart_labels():
    css = (WEB / "static" / "app.css").read_text()
    assert re.search(r"html\.elder svg text \{ font-size: var\(--fs-small\); \}", css)


def test_owners_count_in_people_and_flats_in_households_on_every_page(client, estate, committee):
    """"已参与 1/95 户" beside an estate of 96 户: one owner of two flats counts once, so the
    owners' count reads in 人 (业主 1/95 人) and 户 stays the word for flats."""
    owner = make_owner(flats_of(estate.id)[0], phone="13911130009")
    vote = make_consultation(estate, "content_vote", actor=committee)
    web_login(client, owner.phone)
    page = client.get(f"/consultations/{vote.id}").text
    assert "已参与业主 0/12 人、面积 0.00/720.00 ㎡" in page and "参与还差业主 8 人" in page
    assert "/12 户" not in page and "一位业主有几户只算一人" in page
    assert "1 栋楼，1 个单元，12 户" in client.get("/").text
    from app.web.api import JS, OPTION_LINE_AREA
    assert JS["participation"].format(owners="1/12", owners_percent="8.3%", area="60.00/720.00",
                                      area_percent="8.3%") == "已参与：业主 1/12 人（8.3%），面积 60.00/720.00 ㎡（8.3%）"
    assert OPTION_LINE_AREA.format(label="同意", owners=1, area="60.00") == "同意：1 人，60.00 ㎡"
    assert "GZ.percent(results.participation.owners_decimal)" in (WEB / "static" / "consultation.js").read_text()


def test_resident_pages_speak_to_residents_not_in_the_consoles_words(client, estate, committee):
    """The console's texts of the same name (代居民发起一事一议, 参加的人（每行一位）) stay in the console."""
    from app.cases.api import resolution, services as cases
    owner = make_owner(flats_of(estate.id)[0], phone="13911130010")
    case = cases.create_case(estate.id, title="占用绿地", description="北侧绿地被占",
                             affected_flat_ids=[flats_of(estate.id)[0].id], actor_id=owner.id)
    from app.db import utcnow
    resolution.record_meeting(case, committee.id, held_at=utcnow(), place="居委会", minutes="双方同意拆除",
                         attendees=["张建国", "李秀英"], agreement="一周内拆除")
    web_login(client, owner.phone)
    home = client.get("/").text
    assert ">发起一事一议<" in home and "代居民" not in home
    page = client.get(f"/cases/{case.id}").text
    assert "参加：张建国、李秀英" in page and "会议记录：双方同意拆除" in page and "达成的意见：一周内拆除" in page
    web_login(client, committee.phone)
    assert "代居民发起一事一议" in client.get(f"/console/estates/{estate.id}/cases").text


def test_chart_labels_sit_above_their_bars_so_elder_sizes_fit():
    """Elder mode draws chart labels at 19 px; beside the bar they ran into it and were cut."""
    from app.public.api import bar_chart
    svg = bar_chart("参与率", [("老旧小区改造意愿征询（第二轮）", 85, 100)], unit="%")
    label_y = float(re.search(r'<text x="0" y="([\d.]+)"', svg).group(1))
    bar_y = float(re.search(r'<rect x="0" y="([\d.]+)"', svg).group(1))
    assert "老旧小区改造意愿征询（第二轮）" in svg and label_y < bar_y
    css = (WEB / "static" / "app.css").read_text()
    assert "main figure { margin: 0" in css


def test_the_public_page_writes_dates_as_every_other_page(client, estate, committee):
    from app.projects.api import services as projects
    projects.create_project(estate.id, "综合改造", 100_000_00, committee.id)
    page = client.get(f"/estates/{estate.id}/public").text
    assert re.search(r"共谋：\d{4}年\d{2}月\d{2}日", page) and not re.search(r"：\d{4}-\d{2}-\d{2}", page)
