"""Renovation projects: phases, items, funding, progress, supervision, complaints.

The maintenance fund (per flat) is app/projects/fund.py."""
from datetime import timedelta

from flask import current_app

from app.audit.api import record
from app.db import utcnow
from app.display import yuan
from app.errors import Conflict, InvalidInput, NotFound
from app.extensions import db
from app.media.api import store_photo
from app.projects import messages
from app.projects.models import (
    Complaint, ComplaintStatus, FundingShare, Phase,
    PhaseChange, ProgressPhoto, ProgressPost, ProjectItem, RenovationProject, SupervisionReport)
from app.signals import progress_posted
from app.unit_of_work import announce


def create_project(estate_id: int, title: str, budget_cents: int, actor_id: int) -> RenovationProject:
    project = RenovationProject(estate_id=estate_id, title=title, budget_cents=budget_cents,
                                created_by_id=actor_id, phase=Phase.co_plan)
    db.session.add(project)
    db.session.flush()
    db.session.add(PhaseChange(project_id=project.id, estate_id=estate_id, phase=Phase.co_plan,
                               actor_id=actor_id))
    record("project.created", estate_id=estate_id, actor_id=actor_id, subject_type="project",
           subject_id=project.id, data={"title": title, "budget_cents": budget_cents})
    db.session.commit()
    return project


def set_funding(project: RenovationProject, shares: dict[str, int], budget_cents: int | None,
                actor_id: int) -> RenovationProject:
    """Replace the funding table; the sources together may not exceed the budget."""
    budget = project.budget_cents if budget_cents is None else budget_cents
    total = sum(shares.values())
    if total > budget:
        raise InvalidInput(messages.FUNDING_OVER_BUDGET.format(total=yuan(total), budget=yuan(budget)),
                           fields={"shares": messages.FUNDING_OVER_BUDGET.format(
                               total=yuan(total), budget=yuan(budget))})
    project.budget_cents = budget
    existing = {share.source.value: share for share in project.funding}
    for source, amount in shares.items():
        share = existing.pop(source, None)
        if share is None:
            share = FundingShare(project_id=project.id, estate_id=project.estate_id, source=source)
            db.session.add(share)
        share.amount_cents = amount
    for stale in existing.values():
        db.session.delete(stale)
    record("project.funding_set", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="project", subject_id=project.id,
           data={"budget_cents": budget, "shares": shares})
    db.session.commit()
    db.session.refresh(project)
    return project


def set_items(project: RenovationProject, items: list[dict], actor_id: int) -> RenovationProject:
    """Replace the project's content items; each is {code, label, category} from the catalogue.
    A project made from a content vote keeps the items the owners decided."""
    if project.content_vote_id is not None:
        raise Conflict(messages.ITEMS_FROM_VOTE, code="items_from_vote")
    wanted = {item["code"]: item for item in items}
    started = [item.label for item in project.items if item.code not in wanted and item.updates]
    if started:
        raise Conflict(messages.ITEM_HAS_TIMELINE.format(items="、".join(started)), code="item_has_timeline")
    for item in list(project.items):
        if item.code not in wanted:
            db.session.delete(item)
    have = {item.code for item in project.items}
    for code, item in wanted.items():
        if code not in have:
            db.session.add(ProjectItem(project_id=project.id, estate_id=project.estate_id, code=code,
                                       label=item["label"], category=item["category"]))
    record("project.items_set", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="project", subject_id=project.id, data={"codes": sorted(wanted)})
    db.session.commit()
    db.session.refresh(project)
    return project


def post_progress(project: RenovationProject, author_id: int, author_role: str, body: str,
                  photos: list[bytes]) -> ProgressPost:
    """Photos are checked and re-encoded before anything is written."""
    limit = current_app.config["MEDIA_MAX_PHOTOS_PER_POST"]
    if len(photos) > limit:
        raise InvalidInput(messages.TOO_MANY_PHOTOS.format(max=limit),
                           fields={"photos": messages.TOO_MANY_PHOTOS.format(max=limit)})
    stored = [store_photo(project.estate_id, data) for data in photos]
    post = ProgressPost(project_id=project.id, estate_id=project.estate_id, author_id=author_id,
                        author_role=author_role, body=body)
    db.session.add(post)
    db.session.flush()
    for image in stored:
        db.session.add(ProgressPhoto(post_id=post.id, estate_id=project.estate_id,
                                     storage_key=image.key, width=image.width, height=image.height,
                                     size_bytes=image.size_bytes))
    announce(progress_posted, project_id=project.id, estate_id=project.estate_id,
             post_id=post.id)
    db.session.commit()
    db.session.refresh(post)
    return post


def report_supervision(project: RenovationProject, reporter_id: int, body: str) -> SupervisionReport:
    report = SupervisionReport(project_id=project.id, estate_id=project.estate_id,
                               reporter_id=reporter_id, body=body)
    db.session.add(report)
    db.session.commit()
    return report


# Complaints (投诉举报)

def file_complaint(estate_id: int, complainant_id: int, title: str, body: str, anonymous: bool,
                   project_id: int | None = None) -> Complaint:
    if project_id is not None:
        project = db.session.get(RenovationProject, project_id)
        if project is None or project.estate_id != estate_id:
            raise NotFound(messages.NO_SUCH_PROJECT, fields={"project_id": messages.NO_SUCH_PROJECT})
    due = utcnow() + timedelta(days=current_app.config["COMPLAINT_DUE_DAYS"])
    complaint = Complaint(estate_id=estate_id, project_id=project_id, complainant_id=complainant_id,
                          anonymous=anonymous, title=title, body=body, due_at=due,
                          status=ComplaintStatus.received)
    db.session.add(complaint)
    db.session.commit()
    return complaint


# Which status a committee may move a complaint to, from which.
COMPLAINT_STEPS = {
    ComplaintStatus.handling: {ComplaintStatus.received},
    ComplaintStatus.answered: {ComplaintStatus.received, ComplaintStatus.handling},
    ComplaintStatus.closed: {ComplaintStatus.answered},
}


def move_complaint(complaint: Complaint, to: ComplaintStatus, actor_id: int,
                   answer: str | None = None) -> Complaint:
    if to == ComplaintStatus.answered and not (answer or "").strip():
        raise InvalidInput(messages.ANSWER_REQUIRED, fields={"answer": messages.ANSWER_REQUIRED})
    if complaint.status == ComplaintStatus.closed:
        raise Conflict(messages.COMPLAINT_CLOSED, code="complaint_closed")
    if complaint.status not in COMPLAINT_STEPS[to]:
        if to == ComplaintStatus.closed:
            raise Conflict(messages.COMPLAINT_NOT_ANSWERED, code="complaint_not_answered")
        raise Conflict(messages.COMPLAINT_BAD_STEP.format(
            status=messages.COMPLAINT_STATUS_LABELS[complaint.status.value]), code="complaint_bad_step")
    now = utcnow()
    complaint.status = to
    if to == ComplaintStatus.handling:
        complaint.handler_id = actor_id
    if to == ComplaintStatus.answered:
        complaint.handler_id = complaint.handler_id or actor_id
        complaint.answer, complaint.answered_at = answer, now
    if to == ComplaintStatus.closed:
        complaint.closed_at = now
    record(f"complaint.{to.value}", estate_id=complaint.estate_id, actor_id=actor_id,
           subject_type="complaint", subject_id=complaint.id, data={"answer": answer})
    db.session.commit()
    return complaint
