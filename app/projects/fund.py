"""住宅专项维修资金 per flat (分户账): collected, raised, used; each entry apportioned by area.

Every entry names its scope (列支范围): the estate, some buildings, some stairwells or
some flats. Its amount is split over the flats of that scope in proportion to their
registered area, exact to the cent (largest remainder, app/money.py), and posted to
each flat's sub-account. A use (民法典第二百七十八条第五项) and a raise (第六项) need a
passed decision of the owners of exactly those flats. A use never takes a sub-account
below zero: the affected sub-accounts are locked in flat order (no deadlock between two
uses over overlapping flats), checked, then written, in one transaction; the database
refuses a negative balance besides (a CHECK). The estate's balance is the sum of its
entries, and always equals the sum of its sub-accounts.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.orm import joinedload

from app.audit.api import record
from app.db import insert_or_ignore, lock_rows
from app.display import yuan
from app.errors import Conflict, InvalidInput
from app.estates.api import Flat, FlatLink, LinkStatus, Relation
from app.estates.api import FUND_TYPES, Scope
from app.estates.api import flat_label
from app.extensions import db
from app.money import largest_remainder
from app.projects import messages
from app.projects.decisions import decision_problem, require_decision
from app.projects.models import FundAccount, FundEntry, FundEntryKind, FundPosting
from app.rules.api import item_rule
from app.rules.api import RAISE_FUND, USE_FUND, item_label

SCOPE_TYPES = tuple(FUND_TYPES)
#: the Art. 278 item an entry of this kind needs a decision on (collection needs none)
DECISION_ITEMS = {FundEntryKind.used: USE_FUND, FundEntryKind.topped_up: RAISE_FUND}
NEEDS_DECISION = {FundEntryKind.used: messages.FUND_USE_NEEDS_DECISION,
                  FundEntryKind.topped_up: messages.FUND_RAISE_NEEDS_DECISION}


@dataclass(frozen=True)
class Share:
    """One flat's part of an entry."""

    flat: Flat
    cents: int


def _scope_error(message: str) -> InvalidInput:
    return InvalidInput(message, fields={"scope": message})


def scope_flats(estate_id: int, scope_type: str, scope_ids) -> list[Flat]:
    """The flats of a scope, in id order; 422 naming `scope` when it is not the estate's."""
    ids = sorted(set(scope_ids or []))
    if scope_type != "estate" and not ids:
        raise _scope_error(messages.FUND_SCOPE_IDS_REQUIRED)
    scope = Scope.from_fund(estate_id, scope_type, ids)
    flats = list(db.session.scalars(scope.flats().options(
        joinedload(Flat.building), joinedload(Flat.stairwell))).unique())
    named = {"buildings": {f.building_id for f in flats}, "stairwells": {f.stairwell_id for f in flats},
             "flats": {f.id for f in flats}}.get(scope_type)
    if named is not None and named != set(ids):
        raise _scope_error(messages.FUND_SCOPE_NOT_IN_ESTATE)
    if not sum((f.area_m2 for f in flats), Decimal(0)):
        raise _scope_error(messages.FUND_SCOPE_EMPTY)
    return flats


def apportion(amount_cents: int, flats: list[Flat]) -> list[Share]:
    """Split by registered area, exact to the cent, summing to the amount."""
    cents = largest_remainder(amount_cents, [Fraction(f.area_m2) for f in flats])
    return [Share(flat, part) for flat, part in zip(flats, cents)]


def _balances(flat_ids: list[int]) -> dict[int, int]:
    rows = db.session.execute(select(FundAccount.flat_id, FundAccount.balance_cents)
                              .where(FundAccount.flat_id.in_(flat_ids))).all()
    return {flat_id: int(balance) for flat_id, balance in rows}


def _short(kind: FundEntryKind, shares: list[Share], balances: dict[int, int]) -> list[Share]:
    if kind != FundEntryKind.used:
        return []
    return [s for s in shares if s.cents > balances.get(s.flat.id, 0)]


def add_fund_entry(estate_id: int, kind: FundEntryKind, amount_cents: int, occurred_on: date,
                   memo: str, actor_id: int, consultation_id: int | None = None,
                   scope_type: str = "estate", scope_ids=None) -> FundEntry:
    """Record an entry and post it to the sub-accounts of its scope, or change nothing."""
    flats = scope_flats(estate_id, scope_type, scope_ids)
    shares = apportion(amount_cents, flats)
    flat_ids = [f.id for f in flats]
    item = DECISION_ITEMS.get(kind)
    if item is not None:
        if consultation_id is None:
            raise InvalidInput(NEEDS_DECISION[kind], fields={"consultation_id": NEEDS_DECISION[kind]})
        require_decision(estate_id, consultation_id, item, set(flat_ids))
    insert_or_ignore(db.session, FundAccount, [
        {"flat_id": flat_id, "estate_id": estate_id, "balance_cents": 0} for flat_id in flat_ids])
    lock_rows(db.session, FundAccount, FundAccount.flat_id, flat_ids)
    balances = _balances(flat_ids)
    short = _short(kind, shares, balances)
    if short:
        refusal = Conflict(messages.FUND_OVER_BALANCE.format(
            count=len(short), flat=flat_label(short[0].flat),
            balance=yuan(balances.get(short[0].flat.id, 0)), share=yuan(short[0].cents)),
            code="fund_over_balance")
        db.session.rollback()  # release the sub-accounts at once
        raise refusal
    sign = -1 if kind == FundEntryKind.used else 1
    entry = FundEntry(estate_id=estate_id, kind=kind, amount_cents=amount_cents,
                      occurred_on=occurred_on, memo=memo, consultation_id=consultation_id,
                      scope_type=scope_type, scope_ids=sorted(set(scope_ids or [])),
                      entered_by_id=actor_id)
    db.session.add(entry)
    db.session.flush()
    posted = [{"entry_id": entry.id, "flat_id": s.flat.id, "estate_id": estate_id,
               "amount_cents": sign * s.cents} for s in shares if s.cents]
    if posted:
        db.session.execute(FundPosting.__table__.insert(), posted)
        db.session.connection().execute(
            update(FundAccount.__table__).where(FundAccount.__table__.c.flat_id == bindparam("f"))
            .values(balance_cents=FundAccount.__table__.c.balance_cents + bindparam("d")),
            [{"f": row["flat_id"], "d": row["amount_cents"]} for row in posted])
    record(f"fund.{kind.value}", estate_id=estate_id, actor_id=actor_id, subject_type="fund_entry",
           subject_id=entry.id, data={"amount_cents": amount_cents, "memo": memo,
                                      "consultation_id": consultation_id, "scope": scope_type,
                                      "scope_ids": entry.scope_ids, "flats": len(posted)})
    db.session.commit()
    return entry


def _scope_text(scope_type: str, scope_ids) -> str:
    return messages.FUND_SCOPE_LABELS[scope_type].format(count=len(set(scope_ids or [])))


def preview(estate_id: int, kind: FundEntryKind, amount_cents: int, scope_type: str, scope_ids,
            consultation_id: int | None = None) -> dict:
    """What an entry would do, flat by flat, before anyone confirms it. Reads only."""
    flats = scope_flats(estate_id, scope_type, scope_ids)
    shares = apportion(amount_cents, flats)
    balances = _balances([f.id for f in flats])
    short = {s.flat.id for s in _short(kind, shares, balances)}
    sign = -1 if kind == FundEntryKind.used else 1
    rows = [{"flat_id": s.flat.id, "label": flat_label(s.flat), "area_m2": s.flat.area_m2,
             "share_cents": s.cents, "balance_cents": balances.get(s.flat.id, 0),
             "after_cents": balances.get(s.flat.id, 0) + sign * s.cents, "short": s.flat.id in short}
            for s in shares]
    area = sum((f.area_m2 for f in flats), Decimal(0))
    text = messages.FUND_CONSEQUENCE.format(
        verb=messages.FUND_VERBS[kind.value], amount=yuan(amount_cents),
        scope=_scope_text(scope_type, scope_ids), count=len(flats), area=area,
        low=yuan(min(s.cents for s in shares)), high=yuan(max(s.cents for s in shares)))
    if short:
        text += messages.FUND_SHORT.format(count=len(short))
    return {"kind": kind.value, "amount_cents": amount_cents, "scope_type": scope_type,
            "flat_count": len(flats), "area_m2": area, "flats": rows, "short_count": len(short),
            "decision": _decision_view(estate_id, kind, consultation_id, {f.id for f in flats}),
            "consequence": text}


def _decision_view(estate_id: int, kind: FundEntryKind, consultation_id, flat_ids: set[int]) -> dict:
    item = DECISION_ITEMS.get(kind)
    if item is None:
        return {"needed": False, "ok": True, "problem": None, "item": None, "item_label": None,
                "rule": None}
    problem = NEEDS_DECISION[kind] if consultation_id is None else None
    if consultation_id is not None:
        found = decision_problem(estate_id, consultation_id, item, flat_ids)
        problem = found[1] if found else None
    return {"needed": True, "ok": problem is None, "problem": problem, "item": item,
            "item_label": item_label(item), "rule": item_rule(item).title}


# -- reading ---------------------------------------------------------------------------------

def _signed_amount():
    return case((FundEntry.kind == FundEntryKind.used, -FundEntry.amount_cents),
                else_=FundEntry.amount_cents)


def fund_balance_cents(estate_id: int) -> int:
    # PostgreSQL sums BIGINT as NUMERIC (a Decimal here): cents are whole, keep them an int
    return int(db.session.scalar(select(func.coalesce(func.sum(_signed_amount()), 0))
                                 .where(FundEntry.estate_id == estate_id)))


def accounts_total_cents(estate_id: int) -> int:
    """The sum of the estate's sub-accounts: equal to fund_balance_cents, always."""
    return int(db.session.scalar(select(func.coalesce(func.sum(FundAccount.balance_cents), 0))
                                 .where(FundAccount.estate_id == estate_id)))


def fund_ledger(estate_id: int) -> dict:
    entries = db.session.scalars(select(FundEntry).where(FundEntry.estate_id == estate_id)
                                 .order_by(FundEntry.occurred_on, FundEntry.id)).all()
    running, rows = 0, []
    for entry in entries:
        running += -entry.amount_cents if entry.kind == FundEntryKind.used else entry.amount_cents
        rows.append({"entry": entry, "balance_cents": running,
                     "scope_label": _scope_text(entry.scope_type, entry.scope_ids)})
    return {"entries": rows, "balance_cents": running}


def estate_accounts(estate_id: int) -> list[dict]:
    """Every flat of the estate with its sub-account balance (0 where none is open yet)."""
    flats = db.session.scalars(select(Flat).where(Flat.estate_id == estate_id).order_by(Flat.id)
                               .options(joinedload(Flat.building), joinedload(Flat.stairwell)))
    flats = list(flats.unique())
    balances = _balances([f.id for f in flats])
    return [{"flat_id": f.id, "label": flat_label(f), "area_m2": f.area_m2,
             "balance_cents": balances.get(f.id, 0)} for f in flats]


def owned_accounts(user_id: int) -> list[dict]:
    """The sub-accounts of the flats this person verifiably owns, each with its postings."""
    flats = list(db.session.scalars(
        select(Flat).join(FlatLink, FlatLink.flat_id == Flat.id)
        .where(FlatLink.user_id == user_id, FlatLink.status == LinkStatus.verified,
               FlatLink.relation == Relation.owner).order_by(Flat.id)
        .options(joinedload(Flat.building), joinedload(Flat.stairwell))).unique())
    balances = _balances([f.id for f in flats])
    out = []
    for flat in flats:
        rows = db.session.execute(
            select(FundPosting, FundEntry).outerjoin(FundEntry, FundEntry.id == FundPosting.entry_id)
            .where(FundPosting.flat_id == flat.id).order_by(FundPosting.id)).all()
        running, postings = 0, []
        for posting, entry in rows:
            running += posting.amount_cents
            postings.append({
                "amount_cents": posting.amount_cents, "balance_cents": running,
                "kind": entry.kind.value if entry else "carried_over",
                "occurred_on": entry.occurred_on if entry else None,
                "memo": entry.memo if entry else messages.FUND_CARRIED_OVER,
                "consultation_id": entry.consultation_id if entry else None})
        out.append({"flat_id": flat.id, "estate_id": flat.estate_id, "label": flat_label(flat),
                    "area_m2": flat.area_m2, "balance_cents": balances.get(flat.id, 0),
                    "postings": postings})
    return out
