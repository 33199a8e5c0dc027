"""What each flat owes for a charge, derived from the decision that set it (never stored).

Elevator: the flat's net cost share (app.elevators' split: floor coefficient × area, exact
to the cent). Agreed: the decision's amount per flat, or its total split over the flats it
decided for by registered area (largest remainder, app/money.py). Fund use: the flat's
posting of the maintenance fund's use, already debited from its sub-account, so it is owed
and paid from the fund at once (never counted again as a payment).
"""
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.contributions import messages
from app.contributions.models import Charge, ChargeKind
from app.display import day_label, yuan
from app.estates.api import Flat
from app.extensions import db
from app.money import largest_remainder


@dataclass(frozen=True)
class Line:
    """One flat's part of a charge, and why."""

    flat: Flat
    owed_cents: int
    #: paid from the flat's maintenance fund sub-account by the fund's own entry
    from_fund_cents: int
    basis: str


def _flats(flat_ids) -> dict[int, Flat]:
    flats = db.session.scalars(select(Flat).where(Flat.id.in_(list(flat_ids))).options(
        joinedload(Flat.building), joinedload(Flat.stairwell), joinedload(Flat.owner)))
    return {flat.id: flat for flat in flats.unique()}


def lines(charge: Charge) -> list[Line]:
    """Every flat the charge concerns, in building, stairwell, floor and room order."""
    found = {ChargeKind.elevator: _elevator, ChargeKind.agreed: _agreed,
             ChargeKind.fund_use: _fund_use}[charge.kind](charge)
    return sorted(found, key=lambda line: (line.flat.building_id, line.flat.stairwell_id,
                                           line.flat.floor, line.flat.room, line.flat.id))


def _elevator(charge: Charge) -> list[Line]:
    from app.elevators.api import ElevatorProject, services

    project = db.session.get(ElevatorProject, charge.elevator_project_id)
    split = services.cost_shares(project)
    flats = _flats(share.flat_id for share in split.shares)
    out = []
    for share in split.shares:
        flat = flats[share.flat_id]
        basis = messages.ELEVATOR_RULE.format(
            elevator=f"{flat.building.name}{flat.stairwell.name}加装电梯",
            total=yuan(project.total_cost_cents), subsidy=yuan(project.subsidy_cents),
            owners=yuan(split.owners_cost_cents), floor=share.floor, coefficient=share.coefficient,
            area=share.area_m2)
        if share.receives_cents:
            basis += messages.ELEVATOR_RECEIVES.format(receives=yuan(share.receives_cents))
        if share.share_cents <= 0:
            basis += messages.ELEVATOR_NOTHING
        out.append(Line(flat, max(share.share_cents, 0), 0, basis))
    return out


def _agreed(charge: Charge) -> list[Line]:
    from app.projects.api import passed_decision

    decision, flat_ids = passed_decision(charge.estate_id, charge.consultation_id)
    flats = [flat for _, flat in sorted(_flats(flat_ids).items())]
    if charge.per_flat_cents:
        basis = messages.AGREED_PER_FLAT.format(title=decision.title, amount=yuan(charge.per_flat_cents))
        return [Line(flat, charge.per_flat_cents, 0, basis) for flat in flats]
    area_total = sum(flat.area_m2 for flat in flats)
    parts = largest_remainder(charge.total_cents, [Fraction(flat.area_m2) for flat in flats])
    return [Line(flat, part, 0, messages.AGREED_BY_AREA.format(
        title=decision.title, total=yuan(charge.total_cents), area=flat.area_m2, area_total=area_total))
        for flat, part in zip(flats, parts)]


def _fund_use(charge: Charge) -> list[Line]:
    from app.projects.api import FundEntry, FundPosting

    entry = db.session.get(FundEntry, charge.fund_entry_id)
    postings = db.session.execute(select(FundPosting.flat_id, FundPosting.amount_cents).where(
        FundPosting.entry_id == entry.id)).all()
    flats = _flats(flat_id for flat_id, _ in postings)
    basis = messages.FUND_USE_RULE.format(memo=entry.memo, day=day_label(entry.occurred_on))
    return [Line(flats[flat_id], -amount, -amount, basis) for flat_id, amount in postings]
