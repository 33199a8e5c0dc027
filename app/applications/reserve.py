"""The street's reserve (项目储备库) and annual plans (年度改造计划).

Staff move an estate whose application was submitted into the reserve with an estimated
cost, then into a year's plan of its district. A plan never goes past its capacity
(财政承受能力, "不得盲目举债铺摊子"): the plan's row is locked while the sum is checked
and the entry written, so two additions at once are decided one after the other.
"""
from fractions import Fraction

from sqlalchemy import func, select

from app.applications import messages
from app.applications.models import (
    AnnualPlan, AnnualPlanEntry, Application, ApplicationStatus, ReserveEntry)
from app.applications.services import percent
from app.audit.api import record
from app.db import add_once, lock_row
from app.display import yuan
from app.errors import Conflict, InvalidInput, NotFound
from app.estates.api import Estate
from app.extensions import db


def add_to_reserve(application: Application, estimated_cost_cents: int, note: str | None,
                   actor_id: int) -> ReserveEntry:
    if application.status != ApplicationStatus.submitted:
        raise Conflict(messages.NOT_SUBMITTED, code="not_submitted")
    entry = ReserveEntry(estate_id=application.estate_id, application_id=application.id,
                         estimated_cost_cents=estimated_cost_cents, note=note, added_by_id=actor_id)
    add_once(db.session, entry, Conflict(messages.ALREADY_RESERVED, code="already_reserved"))
    record("reserve.added", estate_id=application.estate_id, actor_id=actor_id,
           subject_type="application", subject_id=application.id,
           data={"estimated_cost_cents": estimated_cost_cents})
    db.session.commit()
    return entry


def reserve_entries() -> list[tuple[ReserveEntry, Estate, AnnualPlanEntry | None]]:
    """Every estate in the reserve with its plan entry (None while not planned)."""
    rows = db.session.execute(
        select(ReserveEntry, Estate, AnnualPlanEntry)
        .join(Estate, Estate.id == ReserveEntry.estate_id)
        .outerjoin(AnnualPlanEntry, AnnualPlanEntry.estate_id == ReserveEntry.estate_id)
        .order_by(ReserveEntry.id)).all()
    return [tuple(row) for row in rows]


def submitted_not_reserved() -> list[tuple[Application, Estate]]:
    """Applications the committees submitted that the street has not taken into the reserve."""
    reserved = select(ReserveEntry.application_id)
    rows = db.session.execute(
        select(Application, Estate).join(Estate, Estate.id == Application.estate_id)
        .where(Application.status == ApplicationStatus.submitted, Application.id.not_in(reserved))
        .order_by(Application.submitted_at, Application.id)).all()
    return [tuple(row) for row in rows]


def create_plan(year: int, district: str, capacity_cents: int, actor_id: int) -> AnnualPlan:
    plan = AnnualPlan(year=year, district=district, capacity_cents=capacity_cents,
                      created_by_id=actor_id)
    add_once(db.session, plan, Conflict(messages.PLAN_EXISTS.format(district=district, year=year),
                                        code="plan_exists"))
    db.session.commit()
    return plan


def get_plan(plan_id: int) -> AnnualPlan:
    plan = db.session.get(AnnualPlan, plan_id)
    if plan is None:
        raise NotFound()
    return plan


def list_plans() -> list[AnnualPlan]:
    return list(db.session.scalars(select(AnnualPlan).order_by(AnnualPlan.year.desc(),
                                                               AnnualPlan.district)))


def used_cents(plan_id: int) -> int:
    """The plan's estimates added up (PostgreSQL sums BIGINT as NUMERIC: back to int)."""
    return int(db.session.scalar(select(func.coalesce(func.sum(AnnualPlanEntry.cost_cents), 0))
                             .where(AnnualPlanEntry.plan_id == plan_id)))


def add_to_plan(plan: AnnualPlan, estate_id: int, actor_id: int) -> AnnualPlanEntry:
    """Take a reserved estate of the plan's district into the plan, within its capacity."""
    reserved = db.session.scalar(select(ReserveEntry).where(ReserveEntry.estate_id == estate_id))
    if reserved is None:
        raise Conflict(messages.NOT_IN_RESERVE, code="not_in_reserve")
    estate = db.session.get(Estate, estate_id)
    if estate.district != plan.district:
        raise InvalidInput(messages.WRONG_DISTRICT.format(
            estate_district=estate.district, plan_district=plan.district),
            fields={"estate_id": messages.WRONG_DISTRICT.format(
                estate_district=estate.district, plan_district=plan.district)})
    lock_row(db.session, AnnualPlan, plan.id)
    planned = db.session.scalar(select(AnnualPlanEntry).where(AnnualPlanEntry.estate_id == estate_id))
    if planned is not None:
        year = db.session.get(AnnualPlan, planned.plan_id).year
        raise Conflict(messages.ALREADY_PLANNED.format(year=year), code="already_planned")
    used, cost = used_cents(plan.id), reserved.estimated_cost_cents
    if used + cost > plan.capacity_cents:
        raise Conflict(messages.OVER_CAPACITY.format(
            total=yuan(used + cost), capacity=yuan(plan.capacity_cents), used=yuan(used),
            cost=yuan(cost), remaining=yuan(plan.capacity_cents - used)), code="over_capacity")
    entry = AnnualPlanEntry(plan_id=plan.id, estate_id=estate_id, cost_cents=cost,
                            added_by_id=actor_id)
    # planned into another plan at the same moment: the unique estate_id decides
    add_once(db.session, entry, Conflict(messages.ALREADY_PLANNED.format(year=plan.year),
                                         code="already_planned"))
    record("annual_plan.added", estate_id=estate_id, actor_id=actor_id, subject_type="annual_plan",
           subject_id=plan.id, data={"year": plan.year, "cost_cents": cost})
    db.session.commit()
    return entry


def plan_view(plan: AnnualPlan) -> dict:
    """A plan with its estates and how much of the capacity they use."""
    used = used_cents(plan.id)
    share = Fraction(used, plan.capacity_cents) if plan.capacity_cents else Fraction(0)
    names = dict(db.session.execute(select(Estate.id, Estate.name).where(
        Estate.id.in_([entry.estate_id for entry in plan.entries]))).all())
    return {"id": plan.id, "year": plan.year, "district": plan.district,
            "capacity_cents": plan.capacity_cents, "used_cents": used,
            "remaining_cents": plan.capacity_cents - used, "used_percent": percent(share),
            "usage": messages.PLAN_USAGE.format(used=yuan(used), capacity=yuan(plan.capacity_cents),
                                                percent=percent(share)),
            "entries": [{"estate_id": entry.estate_id, "estate_name": names.get(entry.estate_id, ""),
                         "cost_cents": entry.cost_cents, "added_at": entry.added_at}
                        for entry in plan.entries]}
