"""Residents' supervision reports (居民监督) and the committee's answers.

An answer is public with its report and tells the reporter in the app; a later answer
replaces the earlier one (a correction), and each is kept in the audit log.
"""
from sqlalchemy import select

from app.audit.api import record
from app.db import utcnow
from app.extensions import db
from app.notifications.api import notify
from app.projects import messages
from app.projects.models import RenovationProject, SupervisionReport


def reports_of(project: RenovationProject) -> list[SupervisionReport]:
    """A project's supervision reports, newest first."""
    return list(db.session.scalars(select(SupervisionReport).where(
        SupervisionReport.project_id == project.id).order_by(SupervisionReport.id.desc())))


def answer_report(report: SupervisionReport, actor_id: int, answer: str) -> SupervisionReport:
    """The committee answers a report; the reporter is told in the app."""
    project = db.session.get(RenovationProject, report.project_id)
    replaced = report.answer
    report.answer, report.answered_by_id, report.answered_at = answer, actor_id, utcnow()
    record("project.supervision_answered", estate_id=report.estate_id, actor_id=actor_id,
           subject_type="project", subject_id=report.project_id,
           data={"report_id": report.id, "answer": answer, "replaced": replaced})
    notification = notify(
        report.reporter_id, estate_id=report.estate_id, kind="supervision_answer",
        title=messages.SUPERVISION_ANSWER_TITLE,
        body=messages.SUPERVISION_ANSWER_BODY.format(project=project.title, answer=answer)[:500],
        link=f"/projects/{project.id}")
    db.session.commit()
    return report
