"""Payments recorded at once, by real threads (each its own app context and connection,
released together by a barrier), on SQLite and PostgreSQL: one voucher is recorded once, and a
flat is never taken above what it owes; how to pay, written by several committee members at
once, is one text."""
from datetime import timedelta

from sqlalchemy import func, select

from app.contributions.api import Charge, Payment, add_charge, record_payment
from app.db import utcnow
from app.extensions import db
from tests.contributions.helpers import Place
from tests.helpers import together


def record_at_once(app, charge_id, payments, actor_id):
    """Record each payment in its own thread, all at the same moment; the outcomes."""
    return together(app, len(payments), lambda i: record_payment(
        db.session.get(Charge, charge_id), payments[i], actor_id))


def payment(flat_id, amount_cents, reference):
    return {"flat_id": flat_id, "amount_cents": amount_cents, "method": "transfer", "reference": reference,
            "paid_on": utcnow().date() - timedelta(days=1)}


def test_one_voucher_recorded_at_once_by_many_is_one_payment_and_none_goes_above_the_owed(app, backend):
    place = Place()
    charge = add_charge(place.project, {"kind": "elevator", "title": "加装电梯",
                                        "elevator_project_id": place.elevator.id}, place.committee.id)
    flat = place.flats[10]
    from app.contributions.api import lines

    owed = next(line.owed_cents for line in lines(charge) if line.flat.id == flat.id)
    same = record_at_once(app, charge.id, [payment(flat.id, 1000, "BANK-SAME")] * 6, place.committee.id)
    assert sorted(same) == ["ok"] + ["payment_exists"] * 5, same
    quarter = (owed - 1000) // 4
    many = record_at_once(app, charge.id, [payment(flat.id, quarter, f"BANK-{n}") for n in range(7)],
                          place.committee.id)
    print(f"\n[contributions] {backend}: 7 payments of a quarter at once: {sorted(many)}")
    assert sorted(many) == ["ok"] * 4 + ["over_owed"] * 3, many
    paid = db.session.scalar(select(func.sum(Payment.amount_cents)).where(Payment.flat_id == flat.id))
    assert paid == 1000 + 4 * quarter <= owed


def test_how_to_pay_written_at_once_by_several_is_one_text(app, backend):
    from app.contributions.api import PayingInstructions, set_paying_instructions
    from app.projects.api import RenovationProject

    place = Place()
    texts = [f"到居委会交现金，第 {n} 种写法" for n in range(6)]
    outcomes = together(app, len(texts), lambda i: set_paying_instructions(
        db.session.get(RenovationProject, place.project.id), texts[i], place.committee.id))
    assert outcomes == ["ok"] * len(texts), outcomes
    kept = db.session.scalars(select(PayingInstructions.text).where(
        PayingInstructions.project_id == place.project.id)).all()
    assert len(kept) == 1 and kept[0] in texts
