"""Elevator projects: creation with their consent round, shares, objections, signatures, stages.

Services take plain arguments, raise `app.errors` types before writing anything,
commit at the end of a unit of work, and announce `elevator_stage_changed` (sent after the commit).
"""
from datetime import datetime

from sqlalchemy import select

from app.audit.api import record
from app.auth.api import is_moderator
from app.db import utcnow
from app.display import china_time
from app.consultations.api import services as consultations
from app.elevators import consent, messages
from app.elevators.models import (
    ElevatorProject, Objection, ObjectionStatus, Signature, StageTransition)
from app.elevators.shares import (
    FlatArea, Split, coefficients_json, compensation_json, parse_cap, parse_coefficients,
    parse_compensation, split_costs)
from app.elevators.stages import GuardFacts, Stage, next_stage, refusal
from app.elevators.statement import render_statement
from app.errors import Conflict, Forbidden, GuardFailed, InvalidInput, NotFound
from app.estates.api import Flat, FlatLink, LinkStatus, Stairwell
from app.estates.api import is_verified_owner
from app.extensions import db
from app.privacy import mask_room
from app.rules.api import publicity_days as city_publicity_days
from app.signals import elevator_stage_changed
from app.unit_of_work import announce, unit


def get_project(project_id: int) -> ElevatorProject:
    project = db.session.get(ElevatorProject, project_id)
    if project is None:
        raise NotFound()
    return project


def projects_of(stairwell_id: int) -> list[ElevatorProject]:
    return list(db.session.scalars(select(ElevatorProject).where(
        ElevatorProject.stairwell_id == stairwell_id).order_by(ElevatorProject.id.desc())))


def projects_of_estate(estate_id: int) -> list[ElevatorProject]:
    """Every elevator project of an estate, newest first (the committee's list)."""
    return list(db.session.scalars(select(ElevatorProject).where(
        ElevatorProject.estate_id == estate_id).order_by(ElevatorProject.id.desc())))


def projects_for_user(user_id: int) -> list[ElevatorProject]:
    """Projects of the stairwells where the user has a verified flat, newest first."""
    stairwells = select(Flat.stairwell_id).join(FlatLink, FlatLink.flat_id == Flat.id).where(
        FlatLink.user_id == user_id, FlatLink.status == LinkStatus.verified)
    return list(db.session.scalars(select(ElevatorProject).where(
        ElevatorProject.stairwell_id.in_(stairwells)).order_by(ElevatorProject.id.desc())))


def my_flats(user_id: int, project: ElevatorProject) -> list[tuple[Flat, FlatLink]]:
    """The user's verified flats in the project's stairwell, with the link (owner, tenant, …)."""
    return list(db.session.execute(select(Flat, FlatLink).join(FlatLink, FlatLink.flat_id == Flat.id)
                                   .where(FlatLink.user_id == user_id,
                                          FlatLink.status == LinkStatus.verified,
                                          Flat.stairwell_id == project.stairwell_id)
                                   .order_by(Flat.floor, Flat.room)).tuples())


def stairwell_flats(stairwell_id: int) -> list[Flat]:
    return list(db.session.scalars(
        select(Flat).where(Flat.stairwell_id == stairwell_id).order_by(Flat.floor, Flat.room,
                                                                        Flat.id)))


def flat_areas(flats: list[Flat]) -> list[FlatArea]:
    return [FlatArea(flat_id=f.id, floor=f.floor, area_m2=f.area_m2, room=f.room) for f in flats]


# --- cost plans --------------------------------------------------------------------------------

def read_plan(data: dict, base: ElevatorProject | None = None) -> dict:
    """Turn request fields into the stored (JSON) form, refusing bad tables in Chinese.

    Fields missing from `data` come from `base` (the saved project), for the what-if.
    """
    def pick(name, default=None):
        if name in data and data[name] is not None:
            return data[name]
        return getattr(base, name) if base is not None else default

    return {
        "total_cost_cents": pick("total_cost_cents"),
        "subsidy_cents": pick("subsidy_cents", 0),
        "floor_coefficients": coefficients_json(parse_coefficients(pick("floor_coefficients", {}))),
        "low_floor_compensation_cents": compensation_json(
            parse_compensation(pick("low_floor_compensation_cents", {}))),
        "compensation_cap": str(parse_cap(pick("compensation_cap", "3/10"))),
    }


def split_for(stairwell_id: int, plan_fields: dict) -> Split:
    """The split a plan (stored form) gives over the stairwell's flats now."""
    plan = ElevatorProject(**plan_fields).cost_plan()
    return split_costs(flat_areas(stairwell_flats(stairwell_id)), plan)


def cost_shares(project: ElevatorProject) -> Split:
    return split_costs(flat_areas(stairwell_flats(project.stairwell_id)), project.cost_plan())


def what_if(project: ElevatorProject, overrides: dict) -> Split:
    """Shares under other coefficients or amounts; nothing is saved."""
    return split_for(project.stairwell_id, read_plan(overrides, base=project))


# --- creation ------------------------------------------------------------------------------------

def _transition(project: ElevatorProject, to: Stage, actor_id: int | None, note=None,
                now: datetime | None = None) -> StageTransition:
    now = now or utcnow()
    step = StageTransition(estate_id=project.estate_id, project_id=project.id,
                           from_stage=None if to == Stage.proposed else project.stage,
                           to_stage=to, actor_id=actor_id, note=note, created_at=now)
    db.session.add(step)
    record("elevator.stage_changed", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="elevator_project", subject_id=project.id,
           data={"from": step.from_stage.value if step.from_stage else None, "to": to.value,
                 "note": note})
    project.stage, project.stage_changed_at = to, now
    if to == Stage.publicity:
        project.publicity_started_at = now
    return step


def _send_stage(project: ElevatorProject) -> None:
    """The stage's live update, sent after the commit."""
    announce(elevator_stage_changed, project_id=project.id, estate_id=project.estate_id,
             stage=project.stage.value)


@unit
def create_project(stairwell: Stairwell, *, total_cost_cents: int, subsidy_cents: int,
                   floor_coefficients: dict, publicity_days: int, closes_at: datetime,
                   actor_id: int, low_floor_compensation_cents: dict | None = None,
                   compensation_cap=None, rule_key: str | None = None) -> ElevatorProject:
    """Propose an elevator and open its consent round among the stairwell's owners; its plan's
    公示 lasts `publicity_days` (None: the city's days for an elevator plan)."""
    if publicity_days is None:
        publicity_days = city_publicity_days("elevator_plan")
    if publicity_days < 1:
        raise InvalidInput(messages.PUBLICITY_DAYS, fields={"publicity_days": messages.PUBLICITY_DAYS})
    plan_fields = read_plan({
        "total_cost_cents": total_cost_cents, "subsidy_cents": subsidy_cents,
        "floor_coefficients": floor_coefficients,
        "low_floor_compensation_cents": low_floor_compensation_cents or {},
        "compensation_cap": compensation_cap})
    split_for(stairwell.id, plan_fields)  # refuses a plan that does not fit the floors
    live = next(iter(projects_of(stairwell.id)), None)
    if live is not None and consent.decision(consent.outcome_of(live.consultation_id)) != "failed":
        raise Conflict(messages.PROJECT_EXISTS, code="project_exists")

    project = ElevatorProject(estate_id=stairwell.estate_id, stairwell_id=stairwell.id,
                              publicity_days=publicity_days, created_by_id=actor_id,
                              stage=Stage.proposed, **plan_fields)
    db.session.add(project)
    db.session.flush()
    _transition(project, Stage.proposed, actor_id)
    record("elevator.created", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="elevator_project", subject_id=project.id,
           data={"stairwell_id": stairwell.id, **plan_fields, "publicity_days": publicity_days})
    title = messages.CONSENT_TITLE.format(building=stairwell.building.name,
                                          stairwell=stairwell.name)
    # The consultations service refuses a bad closes_at or rule: the unit then rolls back.
    round_ = consent.open_round(stairwell, title=title, closes_at=closes_at,
                                actor_id=actor_id, rule_key=rule_key)
    project.consultation_id = round_.id
    _transition(project, Stage.consent, actor_id)
    _send_stage(project)
    return project


# --- who may act ----------------------------------------------------------------------------------

def flat_in_stairwell(project: ElevatorProject, flat_id: int) -> Flat:
    flat = db.session.get(Flat, flat_id)
    if flat is None or flat.stairwell_id != project.stairwell_id:
        raise InvalidInput(messages.FLAT_NOT_IN_STAIRWELL,
                           fields={"flat_id": messages.FLAT_NOT_IN_STAIRWELL})
    return flat


def in_scope(user_id: int, project: ElevatorProject) -> bool:
    """A resident with a verified link (any relation) to a flat of the stairwell."""
    return db.session.scalar(select(FlatLink.id).join(Flat, Flat.id == FlatLink.flat_id).where(
        FlatLink.user_id == user_id, FlatLink.status == LinkStatus.verified,
        Flat.stairwell_id == project.stairwell_id).limit(1)) is not None


def can_view(user, project: ElevatorProject) -> bool:
    """Who sees a project (HTTP and live rooms alike): its estate's committee, moderators and
    staff, and residents verified in its stairwell."""
    return user is not None and (is_moderator(user, project.estate_id) or in_scope(user.id, project))


def _owner_flat(project: ElevatorProject, user_id: int, flat_id: int) -> Flat:
    flat = flat_in_stairwell(project, flat_id)
    if not is_verified_owner(user_id, flat.id):
        raise Forbidden(messages.NOT_OWNER)
    return flat


# --- objections ------------------------------------------------------------------------------------

def raise_objection(project: ElevatorProject, user_id: int, flat_id: int, reason: str) -> Objection:
    """An owner objects during publicity; the objection opens or joins the project's case."""
    flat = _owner_flat(project, user_id, flat_id)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(messages.REASON_REQUIRED, fields={"reason": messages.REASON_REQUIRED})
    if project.stage != Stage.publicity:
        raise Conflict(messages.OBJECTION_STAGE, code="wrong_stage")
    if any(o.flat_id == flat.id and not objection_handled(o) for o in objections_of(project)):
        raise Conflict(messages.OBJECTION_EXISTS, code="objection_exists")
    stairwell = project.stairwell
    case_id = consent.open_objection_case(
        project, flat, user_id,
        title=messages.CASE_TITLE.format(building=stairwell.building.name, stairwell=stairwell.name),
        description=messages.CASE_DESCRIPTION.format(room=flat.room, reason=reason))
    objection = Objection(estate_id=project.estate_id, project_id=project.id, flat_id=flat.id,
                          user_id=user_id, reason=reason, case_id=case_id)
    db.session.add(objection)
    db.session.flush()
    record("elevator.objection_raised", estate_id=project.estate_id, actor_id=user_id,
           subject_type="elevator_objection", subject_id=objection.id,
           data={"project_id": project.id, "flat_id": flat.id, "case_id": case_id})
    db.session.commit()
    return objection


def withdraw_objection(objection: Objection, user_id: int) -> Objection:
    if objection.user_id != user_id:
        raise Forbidden(messages.OBJECTION_NOT_YOURS)
    if objection.status != ObjectionStatus.open:
        raise Conflict(messages.OBJECTION_NOT_OPEN, code="objection_withdrawn")
    objection.status, objection.withdrawn_at = ObjectionStatus.withdrawn, utcnow()
    record("elevator.objection_withdrawn", estate_id=objection.estate_id, actor_id=user_id,
           subject_type="elevator_objection", subject_id=objection.id,
           data={"project_id": objection.project_id})
    db.session.commit()
    return objection


def objections_of(project: ElevatorProject) -> list[Objection]:
    return list(db.session.scalars(select(Objection).where(Objection.project_id == project.id)
                                   .order_by(Objection.id)))


def objection_handled(objection: Objection) -> bool:
    return objection.status == ObjectionStatus.withdrawn or consent.case_resolved(objection.case_id)


# --- signatures ------------------------------------------------------------------------------------

def sign(project: ElevatorProject, user_id: int, flat_id: int) -> Signature:
    """The owner accepts the flat's share as it stands now."""
    flat = _owner_flat(project, user_id, flat_id)
    if project.stage != Stage.signing:
        raise Conflict(messages.SIGNING_STAGE, code="wrong_stage")
    if db.session.scalar(select(Signature.id).where(
            Signature.project_id == project.id, Signature.flat_id == flat.id)) is not None:
        raise Conflict(messages.ALREADY_SIGNED, code="already_signed")
    share = next(s for s in cost_shares(project).shares if s.flat_id == flat.id)
    signature = Signature(estate_id=project.estate_id, project_id=project.id, flat_id=flat.id,
                          user_id=user_id, share_cents=share.share_cents)
    db.session.add(signature)
    db.session.flush()
    record("elevator.signed", estate_id=project.estate_id, actor_id=user_id,
           subject_type="elevator_signature", subject_id=signature.id,
           data={"project_id": project.id, "flat_id": flat.id, "share_cents": share.share_cents})
    db.session.commit()
    return signature


def signatures_of(project: ElevatorProject) -> list[Signature]:
    return list(db.session.scalars(select(Signature).where(Signature.project_id == project.id)
                                   .order_by(Signature.id)))


# --- stages ----------------------------------------------------------------------------------------

def guard_facts(project: ElevatorProject, now: datetime | None = None,
                outcome=None) -> GuardFacts:
    """The facts the stage guards judge; `outcome` is the consent outcome when the caller
    already has it (one tally per request)."""
    now = now or utcnow()
    outcome = outcome or consent.outcome_of(project.consultation_id)
    signed = {s.flat_id for s in signatures_of(project)}
    agreeing = consent.agreeing_flat_ids(project.consultation_id)
    unsigned = [f.room for f in stairwell_flats(project.stairwell_id)
                if f.id in agreeing and f.id not in signed]
    return GuardFacts(
        now=now, consent_decision=consent.decision(outcome),
        publicity_started_at=project.publicity_started_at, publicity_days=project.publicity_days,
        open_objections=sum(1 for o in objections_of(project) if not objection_handled(o)),
        unsigned_agreeing_rooms=unsigned)


def advance(project: ElevatorProject, to: str, actor_id: int, note: str | None = None,
            now: datetime | None = None) -> ElevatorProject:
    """Move one stage forward, or raise GuardFailed naming the guard that refuses."""
    try:
        target = Stage(to)
    except ValueError:
        raise InvalidInput(messages.UNKNOWN_STAGE, fields={"to": messages.UNKNOWN_STAGE}) from None
    refused = refusal(project.stage, target, guard_facts(project, now))
    if refused is not None:
        raise GuardFailed(refused.message, fields={"guard": refused.guard})
    _transition(project, target, actor_id, note=note, now=now)
    _send_stage(project)
    db.session.commit()
    return project


def transitions_of(project: ElevatorProject) -> list[StageTransition]:
    return list(db.session.scalars(select(StageTransition).where(
        StageTransition.project_id == project.id).order_by(StageTransition.id)))



# --- views ---------------------------------------------------------------------------------------

def _room(flat: Flat, full_rooms: bool) -> str:
    return flat.room if full_rooms else mask_room(flat.room)


def objection_view(o: Objection, *, full_rooms: bool) -> dict:
    return {"id": o.id, "flat_id": o.flat_id, "room": _room(o.flat, full_rooms), "reason": o.reason,
            "status": o.status.value, "case_id": o.case_id, "handled": objection_handled(o),
            "created_at": o.created_at, "withdrawn_at": o.withdrawn_at}


def signature_view(s: Signature, *, full_rooms: bool) -> dict:
    return {"id": s.id, "flat_id": s.flat_id, "room": _room(s.flat, full_rooms),
            "share_cents": s.share_cents, "signed_at": s.signed_at}


def project_view(project: ElevatorProject, *, full_rooms: bool, outcome=None) -> dict:
    """The project as GET shows it; rooms are masked unless the viewer is the committee.
    `outcome`: the consent outcome when the caller already has it."""
    outcome = outcome or consent.outcome_of(project.consultation_id)
    upcoming = next_stage(project.stage)
    facts = guard_facts(project, outcome=outcome)
    return {
        "id": project.id, "estate_id": project.estate_id, "stairwell_id": project.stairwell_id,
        "stage": project.stage.value, "stage_label": project.stage.label,
        "next_stage": upcoming.value if upcoming else None,
        "consultation_id": project.consultation_id,
        "total_cost_cents": project.total_cost_cents, "subsidy_cents": project.subsidy_cents,
        "floor_coefficients": project.floor_coefficients,
        "low_floor_compensation_cents": project.low_floor_compensation_cents,
        "compensation_cap": project.compensation_cap, "publicity_days": project.publicity_days,
        "publicity_started_at": project.publicity_started_at,
        "publicity_ends_at": facts.publicity_ends_at,
        "consent": outcome.as_dict() if outcome is not None else None,
        "progress": consent.progress(outcome),
        "objections": [objection_view(o, full_rooms=full_rooms) for o in objections_of(project)],
        "signatures": [signature_view(s, full_rooms=full_rooms) for s in signatures_of(project)],
        "transitions": transitions_of(project),
        "payment_note": messages.STATEMENT_PROVIDENT_FUND,
        "created_at": project.created_at,
    }


def statement_pdf(project: ElevatorProject, flat: Flat) -> bytes:
    """The printable statement of one flat's share."""
    split = cost_shares(project)
    share = next(s for s in split.shares if s.flat_id == flat.id)
    signed = any(s.flat_id == flat.id for s in signatures_of(project))
    stairwell = project.stairwell
    return render_statement(
        estate=stairwell.building.estate.name, building=stairwell.building.name,
        stairwell=stairwell.name, room=flat.room, floor=flat.floor, area_m2=flat.area_m2,
        coefficient=share.coefficient, total_cost_cents=project.total_cost_cents,
        subsidy_cents=project.subsidy_cents, owners_cost_cents=split.owners_cost_cents,
        pays_cents=share.pays_cents, receives_cents=share.receives_cents,
        share_cents=share.share_cents, stage_label=project.stage.label, signed=signed,
        issued_on=china_time(utcnow(), "%Y年%m月%d日"))
