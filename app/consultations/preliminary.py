"""询异公示 and the budget cap: a closed vote's preliminary result, owners' objections to how
their own flat is recorded, and the guard that holds the final 公示 until the period has
ended and every objection is resolved. The objection period is data: the rule's
`objection_days` (consultation_templates/rules/); 0 means no preliminary period.

The case that mediates an objection is opened by the cases domain (app.cases.objections),
which calls `record_objection` and `resolve` here in its own transaction.
"""
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.audit.api import record
from app.consultations import messages
from app.consultations.access import linked_flats, scope_condition
from app.consultations.cast_by import cast_by
from app.consultations.models import Ballot, Consultation, ObjectionStatus, ResultObjection, Status
from app.consultations.readers import result_kind
from app.db import utcnow
from app.display import china_time
from app.errors import Conflict, Forbidden
from app.estates.api import Flat
from app.estates.api import is_verified_owner
from app.extensions import db
from app.rules.api import get_rule



def objection_days(c: Consultation) -> int:
    rule = get_rule(c.rule_key)
    return rule.objection_days if rule is not None else 0


def preliminary_until(c: Consultation) -> datetime | None:
    """When the preliminary result's objection period ends (None: no period, or not closed)."""
    days = objection_days(c)
    if not days or c.status not in (Status.closed, Status.published):
        return None
    return (c.closed_at or c.closes_at) + timedelta(days=days)


def in_period(c: Consultation, now: datetime | None = None) -> bool:
    until = preliminary_until(c)
    return c.status == Status.closed and until is not None and (now or utcnow()) < until


def objections_of(c: Consultation, status: ObjectionStatus | None = None) -> list[ResultObjection]:
    query = select(ResultObjection).where(ResultObjection.consultation_id == c.id)
    if status is not None:
        query = query.where(ResultObjection.status == status)
    return list(db.session.scalars(query.order_by(ResultObjection.id)))


def rooms(objections: list[ResultObjection]) -> dict[int, str]:
    ids = {o.flat_id for o in objections}
    if not ids:
        return {}
    return dict(db.session.execute(select(Flat.id, Flat.room).where(Flat.id.in_(ids))).all())


def check_publishable(c: Consultation, now: datetime | None = None) -> None:
    """The final 公示 waits for the period to end and every objection to be resolved (409)."""
    now = now or utcnow()
    if in_period(c, now):
        until = preliminary_until(c)
        raise Conflict(messages.PRELIMINARY_RUNNING.format(until=china_time(until)),
                       code="preliminary_period")
    pending = objections_of(c, ObjectionStatus.open)
    if pending:
        names = rooms(pending)
        raise Conflict(messages.OBJECTIONS_PENDING.format(
            count=len(pending), rooms="、".join(names.get(o.flat_id, "") for o in pending)),
            code="objections_pending")


def record_objection(c: Consultation, user, flat_id: int, reason: str) -> ResultObjection:
    """Check and add an owner's objection (flushed, not committed: the caller opens its case)."""
    if not objection_days(c):
        raise Conflict(messages.NO_PERIOD, code="no_objection_period")
    if c.status != Status.closed:
        raise Conflict(messages.NOT_PRELIMINARY, code="not_preliminary")
    if not in_period(c):
        raise Conflict(messages.PERIOD_OVER.format(until=china_time(preliminary_until(c))),
                       code="objection_period_over")
    in_scope = db.session.scalar(select(Flat.id).where(scope_condition(c), Flat.id == flat_id))
    if in_scope is None or not is_verified_owner(user.id, flat_id):
        raise Forbidden(messages.NOT_YOUR_FLAT)
    if db.session.scalar(select(ResultObjection.id).where(
            ResultObjection.consultation_id == c.id, ResultObjection.flat_id == flat_id)):
        raise Conflict(messages.ALREADY_OBJECTED, code="objection_exists")
    objection = ResultObjection(consultation_id=c.id, estate_id=c.estate_id, flat_id=flat_id,
                                filed_by_id=user.id, reason=reason, status=ObjectionStatus.open)
    try:  # one per flat and vote: a simultaneous second one loses on the unique constraint
        with db.session.begin_nested():
            db.session.add(objection)
    except IntegrityError:
        raise Conflict(messages.ALREADY_OBJECTED, code="objection_exists") from None
    record("consultation.objection_filed", estate_id=c.estate_id, actor_id=user.id,
           subject_type="consultation", subject_id=c.id,
           data={"objection_id": objection.id, "flat_id": flat_id})
    return objection


def resolve(objection: ResultObjection, actor_id: int, resolution: str) -> ResultObjection:
    """Mark resolved (flushed, not committed: the caller closes its case in the same unit)."""
    if objection.status == ObjectionStatus.resolved:
        raise Conflict(messages.ALREADY_RESOLVED, code="objection_resolved")
    objection.status = ObjectionStatus.resolved
    objection.resolution, objection.resolved_by_id, objection.resolved_at = resolution, actor_id, utcnow()
    record("consultation.objection_resolved", estate_id=objection.estate_id, actor_id=actor_id,
           subject_type="consultation", subject_id=objection.consultation_id,
           data={"objection_id": objection.id, "resolution": resolution})
    db.session.flush()
    return objection


def set_budget_cap(c: Consultation, cap_cents: int | None, actor_id: int) -> Consultation:
    """A content vote's budget cap, set while it is a draft (voters see it before voting)."""
    if c.stored_status != Status.draft:
        raise Conflict(messages.BUDGET_CAP_NOT_DRAFT, code="wrong_status")
    if result_kind(c) != "content_vote":
        raise Conflict(messages.BUDGET_CAP_NOT_ITEMS, code="not_a_content_vote")
    c.budget_cap_cents = cap_cents
    record("consultation.budget_cap_set", estate_id=c.estate_id, actor_id=actor_id,
           subject_type="consultation", subject_id=c.id, data={"budget_cap_cents": cap_cents})
    db.session.commit()
    return c


def my_flat_records(c: Consultation, user) -> list[dict]:
    """How each of the user's own flats in scope is recorded: the current ballot (channel,
    answers, when) or none — what an owner checks before objecting."""
    flats = [flat_id for flat_id in linked_flats(c, user, owners_only=True)
             if is_verified_owner(user.id, flat_id)]
    mine = {o.flat_id: o for o in objections_of(c) if o.flat_id in flats}
    names = dict(db.session.execute(select(Flat.id, Flat.room).where(Flat.id.in_(flats))).all()) \
        if flats else {}
    records = []
    ballots = {b.flat_id: b for b in db.session.scalars(select(Ballot).where(
        Ballot.consultation_id == c.id, Ballot.slot.in_([f"flat:{i}" for i in flats])))}
    for flat_id in flats:
        ballot = ballots.get(flat_id)
        records.append({"flat_id": flat_id, "room": names.get(flat_id),
                        "recorded": ballot is not None,
                        "channel": ballot.channel.value if ballot else None,
                        "answers": ballot.answers if ballot else None,
                        "updated_at": ballot.updated_at if ballot else None,
                        "cast_by": cast_by(ballot, user.id) if ballot else None,
                        "objection_id": mine[flat_id].id if flat_id in mine else None})
    return records
