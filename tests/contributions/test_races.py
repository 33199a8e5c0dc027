"""Payments recorded at once, by real threads (each its own app context and connection,
released together by a barrier), on SQLite and PostgreSQL: one voucher is recorded once, and a
flat is never taken above what it owes."""
import threading
from datetime import timedelta

from sqlalchemy import func, select

from app.contributions.api import Charge, Payment, add_charge, record_payment
from app.db import utcnow
from app.errors import Conflict
from app.extensions import db
from tests.contributions.helpers import Place


def together(app, calls):
    """Run each call(charge_id, data, actor_id) in its own thread; the outcomes, in any order."""
    barrier = threading.Barrier(len(calls))
    outcomes, lock = [], threading.Lock()

    def run(charge_id, data, actor_id):
        with app.app_context():
            barrier.wait()
            try:
                record_payment(db.session.get(Charge, charge_id), data, actor_id)
                outcome = "accepted"
            except Conflict as refusal:
                outcome = refusal.code
            except Exception as error:  # noqa: BLE001 - a deadlock or a 500: reported below
                outcome = repr(error)
            finally:
                db.session.remove()
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


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
    same = together(app, [(charge.id, payment(flat.id, 1000, "BANK-SAME"), place.committee.id)] * 6)
    assert sorted(same) == ["accepted"] + ["payment_exists"] * 5, same
    quarter = (owed - 1000) // 4
    many = together(app, [(charge.id, payment(flat.id, quarter, f"BANK-{n}"), place.committee.id)
                          for n in range(7)])
    print(f"\n[contributions] {backend}: 7 payments of a quarter at once: {sorted(many)}")
    assert sorted(many) == ["accepted"] * 4 + ["over_owed"] * 3, many
    paid = db.session.scalar(select(func.sum(Payment.amount_cents)).where(Payment.flat_id == flat.id))
    assert paid == 1000 + 4 * quarter <= owed
