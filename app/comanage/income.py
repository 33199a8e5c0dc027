"""Public income (公共收益): what the estate earns from its common parts (parking,
advertising, venues) and what is spent from it, each spending under the owners' decision
that allowed it (民法典第二百七十八条第一款第（八）项, the special rule), never below zero.

The balance check and the insert are one decision per estate: the estate's row is locked
(app.db.lock_row) first, so concurrent spendings never overdraw.
"""
from datetime import date

from sqlalchemy import case, func, select

from app.audit.api import record
from app.comanage import messages
from app.comanage.models import PublicIncomeEntry
from app.consultations.api import services as consultations
from app.consultations.api import Consultation
from app.db import lock_row
from app.display import yuan
from app.errors import Conflict, InvalidInput
from app.estates.api import Estate
from app.extensions import db

#: a spending of public income is item 八 of Art. 278: the special rule (a city may be stricter)
SPENDING_RULES = {"civil_code_278_special"}


def balance_cents(estate_id: int) -> int:
    signed = case((PublicIncomeEntry.kind == "income", PublicIncomeEntry.amount_cents),
                  else_=-PublicIncomeEntry.amount_cents)
    return int(db.session.scalar(select(func.coalesce(func.sum(signed), 0)).where(
        PublicIncomeEntry.estate_id == estate_id)))


def _decision_allows(estate_id: int, consultation_id: int) -> bool:
    c = db.session.get(Consultation, consultation_id)
    if c is None or c.estate_id != estate_id or c.scope_type != "estate":
        return False
    if c.rule_key not in SPENDING_RULES or c.status.value not in ("closed", "published"):
        return False
    return consultations.results(c).decision == "passed"


def _check(estate_id: int, kind: str, category: str, consultation_id) -> None:
    categories = messages.INCOME_CATEGORIES if kind == "income" else messages.SPENDING_CATEGORIES
    if category not in categories:
        raise InvalidInput(fields={"category": messages.CATEGORY_WRONG})
    if kind == "income" and consultation_id is not None:
        raise InvalidInput(fields={"consultation_id": messages.INCOME_NO_DECISION})
    if kind == "spending":
        if consultation_id is None:
            raise InvalidInput(messages.SPENDING_NEEDS_DECISION,
                               fields={"consultation_id": messages.SPENDING_NEEDS_DECISION})
        if not _decision_allows(estate_id, consultation_id):
            raise Conflict(messages.SPENDING_DECISION_NOT_PASSED, code="decision_not_passed")


def add_entry(estate_id: int, kind: str, category: str, amount_cents: int, occurred_on: date,
              memo: str, actor_id: int, consultation_id: int | None = None) -> PublicIncomeEntry:
    _check(estate_id, kind, category, consultation_id)
    lock_row(db.session, Estate, estate_id)
    if kind == "spending":
        balance = balance_cents(estate_id)
        if amount_cents > balance:
            db.session.rollback()
            raise Conflict(messages.OVER_BALANCE.format(balance=yuan(balance), amount=yuan(amount_cents)),
                           code="over_balance")
    entry = PublicIncomeEntry(estate_id=estate_id, kind=kind, category=category,
                              amount_cents=amount_cents, occurred_on=occurred_on, memo=memo,
                              consultation_id=consultation_id, created_by_id=actor_id)
    db.session.add(entry)
    db.session.flush()
    record("public_income.entry", estate_id=estate_id, actor_id=actor_id,
           subject_type="public_income_entry", subject_id=entry.id,
           data={"kind": kind, "category": category, "amount_cents": amount_cents,
                 "consultation_id": consultation_id})
    db.session.commit()
    return entry


def ledger(estate_id: int) -> dict:
    """The 公示: every entry with the running balance, totals, and each spending's decision.

    Entries run in the order they were recorded (entry id), not by the date they occurred:
    add_entry checks a spending against the balance of everything recorded before it under
    the estate's row lock, so in this order no running balance is ever below zero, and an
    entry recorded late (a bill paid before the income was entered) is shown, not refused.
    """
    entries = db.session.scalars(select(PublicIncomeEntry).where(
        PublicIncomeEntry.estate_id == estate_id).order_by(PublicIncomeEntry.id)).all()
    titles = dict(db.session.execute(select(Consultation.id, Consultation.title).where(
        Consultation.id.in_({e.consultation_id for e in entries if e.consultation_id}))).all())
    rows, running, income, spending = [], 0, 0, 0
    for entry in entries:
        income += entry.amount_cents if entry.kind == "income" else 0
        spending += entry.amount_cents if entry.kind == "spending" else 0
        running = income - spending
        labels = messages.INCOME_CATEGORIES if entry.kind == "income" else messages.SPENDING_CATEGORIES
        rows.append({"id": entry.id, "kind": entry.kind, "kind_label": messages.KIND_LABELS[entry.kind],
                     "category": entry.category, "category_label": labels[entry.category],
                     "amount_cents": entry.amount_cents, "occurred_on": entry.occurred_on,
                     "memo": entry.memo, "balance_cents": running,
                     "consultation_id": entry.consultation_id,
                     "decision_title": titles.get(entry.consultation_id)})
    return {"estate_id": estate_id, "income_cents": income, "spending_cents": spending,
            "balance_cents": income - spending, "entries": rows}


def spending_decisions(estate_id: int, user) -> list[Consultation]:
    """The passed decisions a spending may follow (the console's picker)."""
    return [c for c in consultations.list_consultations(estate_id, user)
            if c.status.value in ("closed", "published") and _decision_allows(estate_id, c.id)]
