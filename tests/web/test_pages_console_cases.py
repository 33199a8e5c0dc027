"""The console's 一事一议 pages without a browser: open a case for residents, the case's
page (meetings, resolution, closing) and its moderation queue — report reasons, hide with a
confirmation, 恢复 for a hidden post, lock and unlock. Both databases."""
import re

import pytest

from app.cases.api import services as cases
from app.web.api import messages_console
from tests.factories import flats_of, make_estate, make_owner, make_user
from tests.web.helpers import web_login


@pytest.fixture
def estate(app):
    return make_estate(buildings=(("1号楼", 2),), floors=2)


@pytest.fixture
def committee(estate):
    return make_user(phone="13911140001", roles=[("committee", estate.id)])


def test_the_committee_opens_a_case_for_residents_by_stairwell(client, estate, committee):
    csrf = web_login(client, committee.phone)
    page = client.get(f"/console/estates/{estate.id}/cases/new").text
    boxes = re.findall(r'name="stairwell" value="(\d+)" data-flats="([^"]+)"', page)
    assert len(boxes) == 2 and "1号楼 1单元（4 户）" in page
    flats = [int(n) for n in re.findall(r"\d+", boxes[0][1].replace("&#34;", ""))]
    assert sorted(flats) == sorted(f.id for f in flats_of(estate.id)[:4])
    created = client.post(f"/api/v1/estates/{estate.id}/cases", headers={"X-CSRF-Token": csrf}, json={
        "title": "楼道堆物", "description": "1单元楼道堆放杂物", "affected_flat_ids": flats})
    assert created.status_code == 201
    listing = client.get(f"/console/estates/{estate.id}/cases").text
    assert f'href="/console/cases/{created.json["id"]}"' in listing and "代居民发起一事一议" in listing


def test_the_case_page_has_meetings_resolution_closing_and_asks_first(client, estate, committee):
    case = cases.create_case(estate.id, title="停车位纠纷", description="两户争一个车位",
                             affected_flat_ids=[f.id for f in flats_of(estate.id)[:2]], actor_id=committee.id)
    web_login(client, committee.phone)
    page = client.get(f"/console/cases/{case.id}").text
    assert 'id="meeting-form"' in page and 'id="resolution-form"' in page
    assert f'data-api="/api/v1/cases/{case.id}/close"' in page
    assert f'data-confirm="{messages_console.CONFIRM_CLOSE_CASE}"' in page
    assert f'data-confirm="{messages_console.CONFIRM_RESOLUTION}"' in page
    assert f'data-confirm="{messages_console.CONFIRM_LOCK}"' in page
    owner = make_owner(flats_of(estate.id)[0], phone="13911140002")
    web_login(client, owner.phone)
    assert client.get(f"/console/cases/{case.id}").status_code == 403


def test_moderation_queue_shows_reasons_and_a_hidden_post_can_be_restored(client, estate, committee):
    flats = flats_of(estate.id)
    case = cases.create_case(estate.id, title="噪音", description="楼上装修",
                             affected_flat_ids=[flats[0].id], actor_id=committee.id)
    author = make_owner(flats[0], phone="13911140003")
    neighbour = make_owner(flats[1], phone="13911140004")
    calm = cases.create_post(case, author, "希望周末不要施工")
    rude = cases.create_post(case, author, "骂人的话")
    cases.report_post(rude, neighbour, "人身攻击")
    csrf = web_login(client, committee.phone)
    page = client.get(f"/console/cases/{case.id}").text
    # the reported post first, with its reason; hiding asks first
    assert page.index(f'id="post-{rude.id}"') < page.index(f'id="post-{calm.id}"')
    assert "被举报 1 次：人身攻击" in page
    assert re.search(rf'data-hide="{rude.id}" data-confirm="{messages_console.CONFIRM_HIDE}"', page)
    hidden = client.post(f"/api/v1/posts/{rude.id}/hide", json={"reason": "人身攻击"},
                         headers={"X-CSRF-Token": csrf})
    assert hidden.status_code == 200
    page = client.get(f"/console/cases/{case.id}").text
    assert f'data-api="/api/v1/posts/{rude.id}/unhide"' in page and f'data-unhide="{rude.id}"' in page
    assert ">恢复</button>" in page and "已隐藏（版主隐藏）：人身攻击" in page
    assert client.post(f"/api/v1/posts/{rude.id}/unhide", json={"reason": "复核后恢复"},
                       headers={"X-CSRF-Token": csrf}).status_code == 200
    page = client.get(f"/console/cases/{case.id}").text
    assert f'data-hide="{rude.id}"' in page
    log = re.search(r'<ul id="moderation-log">.*?</ul>', page, re.S).group(0)
    assert "隐藏：人身攻击" in log and "恢复：复核后恢复" in log
    # lock, then unlock
    assert f'data-api="/api/v1/cases/{case.id}/lock"' in page
    assert client.post(f"/api/v1/cases/{case.id}/lock", json={}, headers={"X-CSRF-Token": csrf}).status_code == 200
    page = client.get(f"/console/cases/{case.id}").text
    assert f'data-api="/api/v1/cases/{case.id}/unlock"' in page and "讨论已锁定。" in page


def test_a_scheduled_meeting_on_the_console_and_the_residents_case_page(app, client, estate, committee):
    from datetime import timedelta

    from app.cases.api import meetings
    from app.db import utcnow

    owner = make_owner(flats_of(estate.id)[0])
    case = cases.create_case(estate.id, title="停车位纠纷", description="两户争一个车位",
                             affected_flat_ids=[flats_of(estate.id)[0].id], actor_id=committee.id)
    meeting = meetings.schedule_meeting(case, committee.id, held_at=utcnow() + timedelta(days=1),
                                        place="社区活动室", agenda="车位怎么分")
    web_login(client, committee.phone)
    page = client.get(f"/console/cases/{case.id}").text
    assert "已安排：" in page and "议题：车位怎么分" in page
    assert f'data-meeting="{meeting.id}"' in page and '<details class="minutes">' in page  # folded: not yet held
    assert f'data-confirm="{messages_console.CONFIRM_MEETING}"' in page
    neighbour = app.test_client()
    web_login(neighbour, owner.phone)
    resident = neighbour.get(f"/cases/{case.id}").text
    assert "议题：车位怎么分" in resident and "会议还没开" in resident, resident[-1500:]


def test_a_moderator_reaches_the_case_moderation_from_the_residents_page(client, estate, committee):
    """A moderator (not of the committee) opens the console's case page from the residents' case
    page and moderates there (report reasons, hide, 恢复, lock); the committee's forms and the
    estate's console sections are not shown, and those sections stay closed to them."""
    flats = flats_of(estate.id)
    case = cases.create_case(estate.id, title="噪音", description="楼上装修",
                             affected_flat_ids=[flats[0].id], actor_id=committee.id)
    author = make_owner(flats[0], phone="13911140005")
    rude = cases.create_post(case, author, "骂人的话")
    cases.report_post(rude, make_owner(flats[1], phone="13911140006"), "人身攻击")
    moderator = make_user(phone="13911140007", roles=[("moderator", estate.id)])
    web_login(client, moderator.phone)
    resident_page = client.get(f"/cases/{case.id}").text
    assert f'href="/console/cases/{case.id}"' in resident_page
    page = client.get(f"/console/cases/{case.id}")
    assert page.status_code == 200
    page = page.text
    assert "被举报 1 次：人身攻击" in page and f'data-hide="{rude.id}"' in page
    assert f'data-api="/api/v1/cases/{case.id}/lock"' in page
    for committee_only in ('id="meeting-form"', 'id="schedule-form"', 'id="resolution-form"',
                           f'data-api="/api/v1/cases/{case.id}/close"', 'class="console-nav"'):
        assert committee_only not in page, committee_only
    assert client.get(f"/console/estates/{estate.id}/cases").status_code == 403
    # every link on the page opens for them (the console's case list is the committee's)
    links = set(re.findall(r'href="(/[^"#]*)', page))
    assert links and {link: client.get(link).status_code for link in links
                      if client.get(link).status_code >= 400} == {}
    # a resident who is no moderator gets no link
    web_login(client, author.phone)
    assert f'href="/console/cases/{case.id}"' not in client.get(f"/cases/{case.id}").text
