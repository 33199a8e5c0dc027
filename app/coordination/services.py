"""Joint meetings and the responsibility list: record, read (residents without the notes),
move a task, and flag what is overdue."""
from sqlalchemy import select

from app.audit.api import record
from app.coordination import messages
from app.coordination.models import JointMeeting, ResponsibilityTask, TaskStatus
from app.db import utcnow
from app.display import china_today
from app.errors import InvalidInput
from app.extensions import db
from app.notifications.api import people_of_estate, tell


def record_meeting(estate_id: int, data: dict, actor_id: int) -> JointMeeting:
    """A meeting as it was held (audited); its project must be this estate's."""
    if data["held_on"] > china_today():
        raise InvalidInput(messages.HELD_IN_FUTURE, fields={"held_on": messages.HELD_IN_FUTURE})
    project_id = data.get("project_id")
    if project_id is not None and not _estates_project(estate_id, project_id):
        raise InvalidInput(messages.NOT_THIS_ESTATES_PROJECT,
                           fields={"project_id": messages.NOT_THIS_ESTATES_PROJECT})
    meeting = JointMeeting(estate_id=estate_id, project_id=project_id, held_on=data["held_on"],
                           place=data["place"].strip(), agenda=data["agenda"].strip(),
                           attending_orgs=list(dict.fromkeys(data["attending_orgs"])),
                           decisions=[line.strip() for line in data["decisions"] if line.strip()],
                           notes=data.get("notes", "").strip(), created_by_id=actor_id)
    db.session.add(meeting)
    db.session.flush()
    record("coordination.meeting", estate_id=estate_id, actor_id=actor_id, subject_type="joint_meeting",
           subject_id=meeting.id, data={"held_on": meeting.held_on.isoformat(), "orgs": meeting.attending_orgs})
    _tell_decisions(meeting)
    db.session.commit()
    return meeting


def _tell_decisions(meeting: JointMeeting) -> None:
    """The estate's residents hear what the meeting decided (never its internal notes)."""
    if not meeting.decisions:
        return
    decisions = "；".join(f"{n}. {line}" for n, line in enumerate(meeting.decisions, 1))
    tell(people_of_estate(meeting.estate_id), estate_id=meeting.estate_id, kind="joint_meeting",
         title=messages.DECIDED_TITLE.format(count=len(meeting.decisions)),
         body=messages.DECIDED_BODY.format(held_on=f"{meeting.held_on.month}月{meeting.held_on.day}日", agenda=meeting.agenda,
                                           decisions=decisions),
         link=f"/estates/{meeting.estate_id}/coordination", dedup_key=f"joint_meeting:{meeting.id}")


def _estates_project(estate_id: int, project_id: int) -> bool:
    from app.projects.api import RenovationProject

    project = db.session.get(RenovationProject, project_id)
    return project is not None and project.estate_id == estate_id


def add_task(meeting: JointMeeting, task: str, org: str, deadline, actor_id: int) -> ResponsibilityTask:
    row = ResponsibilityTask(estate_id=meeting.estate_id, meeting_id=meeting.id, task=task.strip(), org=org,
                             deadline=deadline, updated_by_id=actor_id)
    db.session.add(row)
    db.session.flush()
    record("coordination.task", estate_id=meeting.estate_id, actor_id=actor_id, subject_type="joint_meeting",
           subject_id=meeting.id, data={"task_id": row.id, "org": org, "deadline": deadline.isoformat()})
    db.session.commit()
    return row


def move_task(task: ResponsibilityTask, status: str, evidence: str, actor_id: int) -> ResponsibilityTask:
    """Where a task stands; 已完成 needs what shows it, and records the day."""
    evidence = evidence.strip()
    if status == TaskStatus.done.value and not evidence:
        raise InvalidInput(messages.EVIDENCE_REQUIRED, fields={"evidence": messages.EVIDENCE_REQUIRED})
    task.status, task.evidence = TaskStatus(status), evidence
    task.done_on = china_today() if task.status == TaskStatus.done else None
    task.updated_by_id, task.updated_at = actor_id, utcnow()
    record("coordination.task_moved", estate_id=task.estate_id, actor_id=actor_id,
           subject_type="joint_meeting", subject_id=task.meeting_id, data={"task_id": task.id, "status": status})
    db.session.commit()
    return task


def task_view(task: ResponsibilityTask) -> dict:
    return {"id": task.id, "meeting_id": task.meeting_id, "task": task.task, "org": task.org,
            "org_label": messages.ORGS.get(task.org, task.org), "deadline": task.deadline,
            "status": task.status.value, "status_label": messages.STATUS_LABELS[task.status.value],
            "evidence": task.evidence, "done_on": task.done_on, **_due(task)}


def _due(task: ResponsibilityTask) -> dict:
    """Overdue: past its deadline and not done (Beijing date)."""
    if task.status == TaskStatus.done:
        return {"overdue": False, "due_text": ""}
    days = (china_today() - task.deadline).days
    if days > 0:
        return {"overdue": True, "overdue_days": days, "due_text": messages.OVERDUE.format(days=days)}
    return {"overdue": False, "due_text": messages.DUE_TODAY if days == 0 else messages.DUE_IN.format(days=-days)}


def meetings_of(estate_id: int, with_notes: bool) -> list[dict]:
    """The estate's meetings, newest first, each with its tasks; notes only `with_notes`."""
    meetings = db.session.scalars(select(JointMeeting).where(JointMeeting.estate_id == estate_id)
                                  .order_by(JointMeeting.held_on.desc(), JointMeeting.id.desc())).all()
    tasks = db.session.scalars(select(ResponsibilityTask).where(ResponsibilityTask.estate_id == estate_id)
                               .order_by(ResponsibilityTask.deadline, ResponsibilityTask.id)).all()
    return [{"id": m.id, "project_id": m.project_id, "held_on": m.held_on, "place": m.place,
             "agenda": m.agenda, "attending_orgs": m.attending_orgs,
             "attending_labels": [messages.ORGS.get(org, org) for org in m.attending_orgs],
             "decisions": m.decisions, "notes": m.notes if with_notes else "",
             "tasks": [task_view(t) for t in tasks if t.meeting_id == m.id]} for m in meetings]


def overdue_tasks(estate_ids: list[int] | None = None) -> list[dict]:
    """Every estate's tasks past their deadline and not done, the longest overdue first."""
    from app.estates.api import Estate

    query = (select(ResponsibilityTask, Estate.name).join(Estate, Estate.id == ResponsibilityTask.estate_id)
             .where(ResponsibilityTask.status != TaskStatus.done, ResponsibilityTask.deadline < china_today()))
    if estate_ids is not None:
        query = query.where(ResponsibilityTask.estate_id.in_(estate_ids))
    rows = [{"estate_id": task.estate_id, "estate_name": name, **task_view(task)}
            for task, name in db.session.execute(query)]
    return sorted(rows, key=lambda row: -row["overdue_days"])
