"""The committee answers residents' supervision reports; the reporter is told."""
import pytest
from sqlalchemy import select

from app.audit.api import AuditEntry
from app.extensions import db
from app.notifications.api import Notification
from app.projects.api import services, supervision
from tests.factories import auth


@pytest.fixture
def report(estate, committee, owner):
    project = services.create_project(estate.id, "和平里综合改造", 1_000_00, committee.id)
    return services.report_supervision(project, owner.id, "脚手架没有防护网")


def test_an_answer_is_kept_with_the_report_and_the_reporter_is_told(report, committee, owner):
    supervision.answer_report(report, committee.id, "已要求施工方今天装好")
    assert (report.answer, report.answered_by_id) == ("已要求施工方今天装好", committee.id)
    assert report.answered_at is not None
    told = db.session.scalars(select(Notification).where(Notification.user_id == owner.id)).all()
    assert [n.kind for n in told] == ["supervision_answer"] and "已要求施工方" in told[0].body
    supervision.answer_report(report, committee.id, "防护网已装好")  # a correction replaces it
    assert report.answer == "防护网已装好"
    audited = db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "project.supervision_answered")).all()
    assert [entry.data["replaced"] for entry in audited] == [None, "已要求施工方今天装好"]


def test_only_the_committee_answers_over_http(client, report, committee, owner):
    url = f"/api/v1/supervision-reports/{report.id}/answer"
    assert client.post(url, headers=auth(owner), json={"answer": "好"}).status_code == 403
    assert client.post(url, headers=auth(committee), json={"answer": ""}).status_code == 422
    answered = client.post(url, headers=auth(committee), json={"answer": "已处理"})
    assert answered.status_code == 200 and answered.json["answer"] == "已处理"
    listed = client.get(f"/api/v1/projects/{report.project_id}/supervision-reports", headers=auth(owner))
    assert listed.json[0]["answer"] == "已处理"
