"""The rules of approvals (审批): which a project needs, how each moves, who waits on what."""
import re
from datetime import date

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import lazyload

from app.approvals import messages
from app.approvals.models import SETTLED, ApprovalKind, ApprovalStatus, ProjectApproval
from app.audit.api import record
from app.db import insert_or_update, utcnow
from app.display import CHINA_TZ, china_today
from app.errors import InvalidInput
from app.extensions import db
from app.media.api import store_photo
from app.notifications.api import people_of_estate, tell
from app.schemas import FULL_WIDTH


def check_required_setting(value: str) -> list[ApprovalKind]:
    """APPROVALS_REQUIRED, read at start: a city's mistake stops the start with its name."""
    kinds = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in kinds if name not in ApprovalKind.__members__]
    if unknown or not kinds:
        raise ValueError(f"APPROVALS_REQUIRED: unknown approval kinds {unknown or value!r}; "
                         f"use {', '.join(ApprovalKind.__members__)}")
    return [ApprovalKind(name) for name in kinds]


def required_kinds() -> list[ApprovalKind]:
    """The approvals a project of this city needs, in the order they are usually sought."""
    return check_required_setting(current_app.config["APPROVALS_REQUIRED"])


def approvals_of(project) -> list[dict]:
    """Every approval the project needs, and any other it recorded, each where it stands."""
    rows = db.session.scalars(select(ProjectApproval).where(ProjectApproval.project_id == project.id))
    return _views(project, {row.kind: row for row in rows}, required_kinds())


def _views(project, rows: dict, required: list[ApprovalKind]) -> list[dict]:
    kinds = required + [kind for kind in ApprovalKind if kind in rows and kind not in required]
    return [_view(kind, rows.get(kind), kind in required, project) for kind in kinds]


def _view(kind: ApprovalKind, row: ProjectApproval | None, required: bool, project) -> dict:
    status = row.status if row else ApprovalStatus.not_started
    return {"kind": kind.value, "label": messages.KIND_LABELS[kind.value], "required": required,
            "status": status.value, "status_label": messages.STATUS_LABELS[status.value],
            "department": row.department if row else "",
            "submitted_on": row.submitted_on if row else None,
            "decided_on": row.decided_on if row else None,
            "document_no": row.document_no if row else "",
            "document_key": row.document_key if row else None,
            "note": row.note if row else "", "updated_at": row.updated_at if row else None,
            "waiting": _waiting(status, row, project)}


def _waiting(status: ApprovalStatus, row: ProjectApproval | None, project) -> dict | None:
    """How long the project has waited on it: since handed in, or (never handed in) since the
    project started; nothing once approved or not needed."""
    if status in SETTLED:
        return None
    today = china_today()
    if row is not None and row.submitted_on is not None:
        days = (today - row.submitted_on).days
        return {"days": days, "since": "submitted", "text": messages.WAITING_DAYS.format(days=days)}
    days = (today - project.created_at.astimezone(CHINA_TZ).date()).days
    return {"days": days, "since": "project", "text": messages.NOT_SUBMITTED_DAYS.format(days=days)}


def check_change(data: dict) -> None:
    """What each status needs: handed in on a date; approved on a date, with its number; not
    needed, with the reason; no date after today, no decision before the hand-in."""
    status, problems, today = ApprovalStatus(data["status"]), {}, china_today()
    if status in (ApprovalStatus.submitted, ApprovalStatus.returned, ApprovalStatus.approved) \
            and data.get("submitted_on") is None:
        problems["submitted_on"] = messages.SUBMITTED_ON_REQUIRED
    if status in (ApprovalStatus.returned, ApprovalStatus.approved) and data.get("decided_on") is None:
        problems["decided_on"] = messages.DECIDED_ON_REQUIRED
    if status == ApprovalStatus.approved and not document_number(data.get("document_no", "")):
        problems["document_no"] = messages.DOCUMENT_NO_REQUIRED
    if status == ApprovalStatus.not_needed and not data.get("note", "").strip():
        problems["note"] = messages.NOTE_REQUIRED
    for name in ("submitted_on", "decided_on"):
        if isinstance(data.get(name), date) and data[name] > today:
            problems[name] = messages.DATE_IN_FUTURE
    if data.get("submitted_on") and data.get("decided_on") and data["decided_on"] < data["submitted_on"] \
            and "decided_on" not in problems:
        problems["decided_on"] = messages.DECIDED_BEFORE_SUBMITTED
    if problems:
        raise InvalidInput(next(iter(problems.values())), fields=problems)


_YEAR_IN_BRACKETS = re.compile(r"[\[［(（【〔﹝]\s*(\d{4})\s*[\]］)）】〕﹞]")


def document_number(written: str) -> str:
    """A document number (文号) as printed, 京规建字〔2026〕18号, from how people type it:
    [2026], (2026), 【2026】 or ２０２６ for the year, spaces anywhere."""
    text = "".join(written.translate(FULL_WIDTH).split())
    return _YEAR_IN_BRACKETS.sub(r"〔\1〕", text)


def set_approval(project, kind: str, data: dict, actor_id: int) -> dict:
    """Record where an approval stands (audited); dates that the status does not use are
    cleared, so the record never says more than the status."""
    check_change(data)
    status = ApprovalStatus(data["status"])
    values = {"status": status, "department": data.get("department", "").strip(),
              "submitted_on": data.get("submitted_on") if status != ApprovalStatus.not_started else None,
              "decided_on": data.get("decided_on") if status in (ApprovalStatus.returned, ApprovalStatus.approved) else None,
              "document_no": document_number(data.get("document_no", "")) if status == ApprovalStatus.approved else "",
              "note": data.get("note", "").strip(), "updated_by_id": actor_id, "updated_at": utcnow()}
    row = _row(project, ApprovalKind(kind), values)
    if status in (ApprovalStatus.approved, ApprovalStatus.returned):
        _tell_decision(project, row)
    record("project.approval_set", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="project", subject_id=project.id,
           data={"kind": kind, "status": status.value, "document_no": row.document_no})
    db.session.commit()
    return _view(row.kind, row, row.kind in required_kinds(), project)


def _row(project, kind: ApprovalKind, values: dict) -> ProjectApproval:
    """The project's row of that kind, made on first use (two first writes at once: the later
    one changes the winner's row)."""
    return insert_or_update(db.session, ProjectApproval, {"project_id": project.id, "kind": kind}, values,
                            created={"estate_id": project.estate_id})


def _tell_decision(project, row: ProjectApproval) -> None:
    """The project's estate hears that a department granted or returned an approval, once per
    decision (saving it again tells nobody twice)."""
    kind, department = messages.KIND_LABELS[row.kind.value], row.department or messages.THE_DEPARTMENT
    when = f"{row.decided_on.month}月{row.decided_on.day}日"
    if row.status == ApprovalStatus.approved:
        title = messages.GRANTED_TITLE.format(kind=kind)
        body = messages.GRANTED_BODY.format(project=project.title, kind=kind, department=department,
                                            when=when, number=row.document_no)
    else:
        title = messages.RETURNED_TITLE.format(kind=kind)
        body = messages.RETURNED_BODY.format(project=project.title, kind=kind, department=department, when=when)
    tell(people_of_estate(project.estate_id), estate_id=project.estate_id, kind="approval_decided",
         title=title, body=body, link=f"/projects/{project.id}#approvals",
         dedup_key=f"approval:{row.id}:{row.status.value}:{row.decided_on.isoformat()}")


def _find(project_id: int, kind: ApprovalKind) -> ProjectApproval | None:
    return db.session.scalar(select(ProjectApproval).where(
        ProjectApproval.project_id == project_id, ProjectApproval.kind == kind).with_for_update())


def attach_document(project, kind: str, photo: bytes, actor_id: int) -> dict:
    """A photo of the approval's document (批文), kept beside its number."""
    row = _find(project.id, ApprovalKind(kind))
    if row is None:
        raise InvalidInput(messages.NO_APPROVAL_YET, fields={"photo": messages.NO_APPROVAL_YET})
    row.document_key = store_photo(project.estate_id, photo).key
    row.updated_by_id, row.updated_at = actor_id, utcnow()
    record("project.approval_document", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="project", subject_id=project.id, data={"kind": kind})
    db.session.commit()
    return _view(row.kind, row, row.kind in required_kinds(), project)


def waiting_projects(estate_ids: list[int] | None = None) -> list[dict]:
    """The street office's list: every project still before 共管 that waits on an approval,
    the one it has waited on longest first."""
    from app.projects.api import Phase, RenovationProject
    from app.estates.api import Estate

    query = (select(RenovationProject, Estate.name).join(Estate, Estate.id == RenovationProject.estate_id)
             .where(RenovationProject.phase.in_([Phase.co_plan, Phase.co_build]))
             .options(lazyload("*")))  # the list reads the project's own columns only
    if estate_ids is not None:
        query = query.where(RenovationProject.estate_id.in_(estate_ids))
    projects = db.session.execute(query).all()
    recorded: dict[int, dict] = {project.id: {} for project, _ in projects}
    if projects:
        for row in db.session.scalars(select(ProjectApproval).where(ProjectApproval.project_id.in_(recorded))):
            recorded[row.project_id][row.kind] = row
    required, rows = required_kinds(), []
    for project, estate_name in projects:
        for approval in _views(project, recorded[project.id], required):
            if approval["waiting"] is not None and approval["required"]:
                rows.append({"estate_id": project.estate_id, "estate_name": estate_name,
                             "project_id": project.id, "project_title": project.title, **approval})
    return sorted(rows, key=lambda row: -row["waiting"]["days"])
