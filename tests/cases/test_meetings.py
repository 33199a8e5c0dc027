"""Meetings scheduled ahead: the affected flats' people told once each; minutes and attendance
recorded after the meeting; over HTTP only the committee may do either."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.cases.api import meetings, services
from app.cases.api import CaseStatus, Meeting
from app.db import utcnow
from app.errors import Conflict, InvalidInput
from app.extensions import db
from app.notifications.api import Notification
from tests.factories import auth, flats_of, link, make_estate, make_owner, make_user


@pytest.fixture
def setting(app):
    estate = make_estate()
    flats = flats_of(estate.id)
    owners = [make_owner(flat) for flat in flats[:3]]
    tenant = make_user()
    link(tenant, flats[0], relation="tenant")
    unaffected = make_owner(flats[5])
    committee = make_user(roles=[("committee", estate.id)])
    case = services.create_case(estate.id, title="绿地改停车位", description="南侧绿地",
                                affected_flat_ids=[f.id for f in flats[:2]], actor_id=owners[0].id)
    return {"estate": estate, "owners": owners, "tenant": tenant, "unaffected": unaffected,
            "committee": committee, "case": case}


def notified(kind="case_meeting") -> list[int]:
    return sorted(db.session.scalars(select(Notification.user_id).where(Notification.kind == kind)))


def test_a_scheduled_meeting_tells_the_affected_flats_people_once_each(setting):
    case, committee, owners = setting["case"], setting["committee"], setting["owners"]
    meeting = meetings.schedule_meeting(case, committee.id, held_at=utcnow() + timedelta(days=2),
                                        place="社区活动室", agenda="停车位方案")
    assert not meeting.held and meeting.minutes is None and meeting.agenda == "停车位方案"
    assert case.status == CaseStatus.open  # nothing was held yet
    assert notified() == sorted([owners[0].id, owners[1].id, setting["tenant"].id])
    notice = db.session.scalar(select(Notification).where(Notification.user_id == owners[0].id))
    assert "社区活动室" in notice.body and "停车位方案" in notice.body
    assert notice.link == f"/cases/{case.id}"


def test_a_meeting_in_the_past_cannot_be_scheduled_and_nothing_is_sent(setting):
    with pytest.raises(InvalidInput) as error:
        meetings.schedule_meeting(setting["case"], setting["committee"].id,
                                  held_at=utcnow() - timedelta(hours=1), place="广场", agenda="议题")
    db.session.rollback()
    assert "held_at" in error.value.fields
    assert db.session.scalar(select(func.count(Meeting.id))) == 0 and notified() == []


def test_minutes_are_recorded_once_after_the_meeting_and_start_mediation(setting):
    case, committee = setting["case"], setting["committee"]
    meeting = meetings.schedule_meeting(case, committee.id, held_at=utcnow() + timedelta(hours=1),
                                        place="社区活动室", agenda="停车位方案")
    with pytest.raises(InvalidInput):  # not held yet
        meetings.record_minutes(meeting, committee.id, minutes="双方陈述")
    db.session.rollback()
    held_at = utcnow() - timedelta(minutes=5)  # it was moved earlier
    meetings.record_minutes(meeting, committee.id, minutes="双方陈述", attendees=["2楼住户", "王主任"],
                            agreement="同意移到北侧", held_at=held_at)
    assert meeting.held and meeting.attendees == ["2楼住户", "王主任"]
    assert meeting.recorded_by_id == committee.id and meeting.scheduled_by_id == committee.id
    assert case.status == CaseStatus.mediation
    with pytest.raises(Conflict) as error:
        meetings.record_minutes(meeting, committee.id, minutes="再记一次")
    assert error.value.code == "meeting_recorded"
    db.session.rollback()
    assert db.session.get(Meeting, meeting.id).minutes == "双方陈述"


def test_scheduling_and_minutes_over_http(client, setting):
    case, committee, owner = setting["case"], setting["committee"], setting["owners"][0]
    url = f"/api/v1/cases/{case.id}/scheduled-meetings"
    body = {"held_at": (utcnow() + timedelta(days=1)).isoformat(), "place": "活动室", "agenda": "方案"}
    assert client.post(url, headers=auth(owner), json=body).status_code == 403
    past = client.post(url, headers=auth(committee), json={**body, "held_at": "2020-01-01T19:00:00+08:00"})
    assert past.status_code == 422 and "held_at" in past.json["error"]["fields"]
    assert client.post(url, headers=auth(committee), json={**body, "agenda": " "}).status_code == 422
    made = client.post(url, headers=auth(committee), json=body)
    assert made.status_code == 201 and made.json["held"] is False and made.json["minutes"] is None
    listed = client.get(f"/api/v1/cases/{case.id}", headers=auth(owner)).json["meetings"]
    assert [(m["agenda"], m["held"]) for m in listed] == [("方案", False)]
    minutes_url = f"/api/v1/case-meetings/{made.json['id']}/minutes"
    assert client.post(minutes_url, headers=auth(owner), json={"minutes": "x"}).status_code == 403
    early = client.post(minutes_url, headers=auth(committee), json={"minutes": "纪要"})
    assert early.status_code == 422
    done = client.post(minutes_url, headers=auth(committee),
                       json={"minutes": "纪要", "attendees": ["甲"], "held_at": utcnow().isoformat()})
    assert done.status_code == 200 and done.json["held"] is True
    again = client.post(minutes_url, headers=auth(committee), json={"minutes": "纪要"})
    assert again.status_code == 409
    assert client.post("/api/v1/case-meetings/999999/minutes", headers=auth(committee),
                       json={"minutes": "x"}).status_code == 404
