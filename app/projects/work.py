"""From decision to work (Decidim's accountability): a passed content vote creates the
project's items; each item has a status, a progress and a timeline of updates; the
project's progress is the items' progress weighted by their estimated cost, exactly.
Then the joint acceptance (联合验收) with resident representatives' sign-off.
"""
from datetime import date
from fractions import Fraction

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.display import percent_figure
from app.audit.api import record
from app.db import lock_row
from app.errors import Conflict, InvalidInput, NotFound
from app.estates.api import Flat
from app.extensions import db
from app.projects import messages
from app.projects.decisions import content_vote, content_vote_outcome
from app.projects.guards import require_phase
from app.projects.models import (
    AcceptanceSignature, ItemStatus, ItemUpdate, JointAcceptance, Phase, PhaseChange, ProjectItem,
    RenovationProject)


def _invalid(field: str, message: str) -> InvalidInput:
    return InvalidInput(message, fields={field: message})


def create_from_vote(estate_id: int, consultation_id: int, title: str, actor_id: int) -> RenovationProject:
    """A project in 共谋 carrying the vote's approved items within means, in order of approval;
    the budget is their estimated total. One project per content vote (a unique index)."""
    vote = content_vote(estate_id, consultation_id)
    if vote is None:
        raise _invalid("consultation_id", messages.VOTE_NOT_CONTENT)
    outcome = content_vote_outcome(estate_id, consultation_id)
    if not outcome.final:
        raise Conflict(messages.VOTE_NOT_FINAL, code="vote_not_final")
    if outcome.decision != "passed":
        raise Conflict(messages.VOTE_NOT_PASSED, code="vote_not_passed")
    included = outcome.means.included if outcome.means is not None else []
    if not included:
        raise Conflict(messages.VOTE_NO_ITEMS, code="vote_no_items")
    if db.session.scalar(select(RenovationProject.id).where(
            RenovationProject.content_vote_id == consultation_id)):
        raise Conflict(messages.VOTE_HAS_PROJECT, code="vote_has_project")
    project = RenovationProject(estate_id=estate_id, title=title, content_vote_id=consultation_id,
                                budget_cents=outcome.means.total_cents, created_by_id=actor_id,
                                phase=Phase.co_plan)
    try:
        with db.session.begin_nested():
            db.session.add(project)
            db.session.flush()
    except IntegrityError:
        raise Conflict(messages.VOTE_HAS_PROJECT, code="vote_has_project") from None
    db.session.add(PhaseChange(project_id=project.id, estate_id=estate_id, phase=Phase.co_plan,
                               actor_id=actor_id))
    for item in included:
        db.session.add(ProjectItem(
            project_id=project.id, estate_id=estate_id, code=item.code, label=item.label,
            category=item.category or "basic", estimated_cost_cents=item.estimated_cost_cents or 0,
            flat_contribution_cents=item.flat_contribution_cents, status=ItemStatus.planned,
            progress_percent=0))
    record("project.created_from_vote", estate_id=estate_id, actor_id=actor_id,
           subject_type="project", subject_id=project.id,
           data={"consultation_id": consultation_id, "codes": [i.code for i in included],
                 "budget_cents": project.budget_cents})
    db.session.commit()
    db.session.refresh(project)
    return project


def _check_update(item: ProjectItem, status: ItemStatus, progress: int) -> None:
    if item.status in (ItemStatus.completed, ItemStatus.cancelled):
        raise Conflict(messages.ITEM_CLOSED.format(status=messages.ITEM_STATUS_LABELS[item.status.value]),
                       code="item_closed")
    if status == ItemStatus.completed and progress != 100:
        raise _invalid("progress_percent", messages.ITEM_PROGRESS_DONE)
    if status == ItemStatus.planned and progress != 0:
        raise _invalid("progress_percent", messages.ITEM_PROGRESS_PLANNED)
    if status != ItemStatus.cancelled and progress < item.progress_percent:
        raise _invalid("progress_percent", messages.ITEM_PROGRESS_BACK.format(now=item.progress_percent))


def update_item(project: RenovationProject, item_id: int, status: ItemStatus, progress: int,
                note: str, actor_id: int) -> ProjectItem:
    """A new timeline entry: the item's status and progress now (never backwards)."""
    item = db.session.get(ProjectItem, item_id)
    if item is None or item.project_id != project.id:
        raise NotFound(messages.ITEM_NOT_IN_PROJECT)
    require_phase(project, messages.ACTION_ITEM_UPDATE, Phase.co_build)
    lock_row(db.session, ProjectItem, item.id)
    db.session.refresh(item)
    _check_update(item, status, progress)
    item.status, item.progress_percent = status, progress
    db.session.add(ItemUpdate(item_id=item.id, project_id=project.id, estate_id=project.estate_id,
                              status=status, progress_percent=progress, note=note, actor_id=actor_id))
    record("project.item_updated", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="project", subject_id=project.id,
           data={"item": item.code, "status": status.value, "progress_percent": progress})
    db.session.commit()
    db.session.refresh(item)
    return item


def weighted_progress(items) -> Fraction:
    """Σ cost × progress / Σ cost over the items not cancelled, exactly (0–1). Items without an
    estimate weigh the same as each other when no item has one."""
    counted = [item for item in items if item.status != ItemStatus.cancelled]
    if not counted:
        return Fraction(0)
    total = sum(item.estimated_cost_cents for item in counted)
    if total == 0:
        return Fraction(sum(item.progress_percent for item in counted), 100 * len(counted))
    return Fraction(sum(item.estimated_cost_cents * item.progress_percent for item in counted),
                    100 * total)


def progress_view(project: RenovationProject) -> dict:
    value = weighted_progress(project.items)
    return {"fraction": f"{value.numerator}/{value.denominator}", "percent": percent_figure(value),
            "weights": "estimated_cost_cents"}


# 联合验收

def record_acceptance(project: RenovationProject, held_on: date, units: str, conclusion: str,
                      representatives: list[dict], actor_id: int) -> JointAcceptance:
    """The joint acceptance, in 共建, with at least ACCEPTANCE_MIN_RESIDENT_SIGNERS resident
    representatives (one per flat of the estate) signing off. Once per project."""
    if project.phase != Phase.co_build:
        raise Conflict(messages.ACCEPTANCE_WRONG_PHASE.format(
            phase=messages.PHASE_LABELS[project.phase.value]), code="wrong_phase")
    minimum = current_app.config["ACCEPTANCE_MIN_RESIDENT_SIGNERS"]
    flat_ids = [r["flat_id"] for r in representatives]
    if len(set(flat_ids)) != len(flat_ids):
        raise _invalid("representatives", messages.ACCEPTANCE_FLAT_TWICE)
    if len(flat_ids) < minimum:
        raise _invalid("representatives", messages.ACCEPTANCE_FEW_SIGNERS.format(
            min=minimum, count=len(flat_ids)))
    found = set(db.session.scalars(select(Flat.id).where(
        Flat.id.in_(flat_ids), Flat.estate_id == project.estate_id)))
    if found != set(flat_ids):
        raise _invalid("representatives", messages.ACCEPTANCE_FLAT_NOT_HERE)
    acceptance = JointAcceptance(project_id=project.id, estate_id=project.estate_id, held_on=held_on,
                                 units=units, conclusion=conclusion, recorded_by_id=actor_id)
    try:
        with db.session.begin_nested():
            db.session.add(acceptance)
            db.session.flush()
    except IntegrityError:
        raise Conflict(messages.ACCEPTANCE_EXISTS, code="acceptance_exists") from None
    for rep in representatives:
        db.session.add(AcceptanceSignature(acceptance_id=acceptance.id, estate_id=project.estate_id,
                                           flat_id=rep["flat_id"], name=rep["name"],
                                           signed_on=rep.get("signed_on") or held_on))
    record("project.accepted", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="project", subject_id=project.id,
           data={"held_on": held_on.isoformat(), "units": units, "flat_ids": flat_ids})
    db.session.commit()
    db.session.refresh(acceptance)
    return acceptance


def acceptance_of(project: RenovationProject) -> JointAcceptance | None:
    return db.session.scalar(select(JointAcceptance).where(JointAcceptance.project_id == project.id))
