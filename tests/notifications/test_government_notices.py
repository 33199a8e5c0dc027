"""Residents hear of what the government side decided about their estate: a joint meeting's
decisions, an approval of their project granted or returned. In the app, with a link to the
page that shows it, once per decision; people of other estates hear nothing."""
from datetime import timedelta

from sqlalchemy import select

from app.approvals.api import services as approvals
from app.coordination.api import record_meeting
from app.display import china_today
from app.extensions import db
from app.notifications.api import Notification
from app.projects.api import create_project
from tests.factories import flats_of, make_estate, make_owner


def told(user, kind):
    return list(db.session.scalars(select(Notification).where(
        Notification.user_id == user.id, Notification.kind == kind)))


def test_a_meetings_decisions_reach_the_estates_residents_once(app, estate, committee, owner):
    elsewhere = make_owner(flats_of(make_estate(name="别的小区").id)[0])
    meeting = record_meeting(estate.id, {"held_on": china_today() - timedelta(days=1), "place": "社区党群服务中心",
                                         "agenda": "管线迁改与停水安排", "attending_orgs": ["party", "water"],
                                         "decisions": ["停水提前三天公示", "供水管线与屋面同期施工"], "notes": "内部"},
                             committee.id)
    [notice] = told(owner, "joint_meeting")
    assert notice.link == f"/estates/{estate.id}/coordination"
    assert "停水提前三天公示" in notice.body and "内部" not in notice.body
    assert told(elsewhere, "joint_meeting") == [] and told(committee, "joint_meeting") == []
    record_meeting(estate.id, {"held_on": china_today(), "place": "居委会", "agenda": "碰头",
                               "attending_orgs": ["party"], "decisions": [], "notes": ""}, committee.id)
    assert len(told(owner, "joint_meeting")) == 1  # a meeting that decided nothing says nothing
    assert meeting.id


def test_an_approval_granted_or_returned_reaches_the_projects_residents(app, estate, committee, owner):
    project = create_project(estate.id, "和平里综合改造", 1_000_000_00, committee.id)
    handed_in = china_today() - timedelta(days=10)
    approvals.set_approval(project, "planning", {"status": "submitted", "submitted_on": handed_in}, committee.id)
    assert told(owner, "approval_decided") == []  # handing in is the committee's work, not news
    approvals.set_approval(project, "planning", {"status": "returned", "submitted_on": handed_in,
                                                 "decided_on": handed_in + timedelta(days=3),
                                                 "department": "区规划分局"}, committee.id)
    granted = {"status": "approved", "submitted_on": handed_in, "decided_on": china_today(),
               "department": "区规划分局", "document_no": "京规建字〔2026〕18号"}
    approvals.set_approval(project, "planning", granted, committee.id)
    approvals.set_approval(project, "planning", {**granted, "note": "补一句"}, committee.id)  # saved again
    returned, approved = told(owner, "approval_decided")
    assert "退回" in returned.title and "规划许可" in returned.title
    assert "已批准" in approved.title and "京规建字〔2026〕18号" in approved.body
    assert approved.link == f"/projects/{project.id}#approvals"
