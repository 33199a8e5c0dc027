"""The maintenance fund never overdraws, however many uses arrive at once (issue 16.1).

Real threads, each with its own app context and database connection, all released
at the same moment by a barrier: the balance check and the insert must be one
serialised decision. On PostgreSQL this is what the per-estate lock is for; on SQLite
the same lock takes the database's write lock first.
"""
import threading

from app.errors import Conflict
from app.projects.models import FundEntryKind
from app.projects.services import add_fund_entry, fund_balance_cents, fund_ledger
from app.db import utcnow
from tests.factories import flats_of, make_consultation, make_owner


def passed_fund_decision(estate, committee):
    from app.consultations.services import cast_ballot, close_consultation

    decision = make_consultation(estate, "elevator_consent", rule_key="civil_code_278_special")
    for flat in flats_of(estate.id)[:10]:
        cast_ballot(decision, make_owner(flat), flat.id, {"install": "agree"})
    close_consultation(decision, committee.id)
    return decision.id


def concurrent_uses(app, estate_id, decision_id, actor_id, uses, amount_cents):
    """`uses` threads each record a use of `amount_cents` at once; returns (accepted, refused, errors)."""
    barrier = threading.Barrier(uses)
    outcomes = []
    lock = threading.Lock()

    def use():
        with app.app_context():
            barrier.wait()
            try:
                add_fund_entry(estate_id, FundEntryKind.used, amount_cents, utcnow().date(),
                               "屋面防水", actor_id, decision_id)
                outcome = "accepted"
            except Conflict as refusal:
                outcome = refusal.code
            except Exception as error:  # noqa: BLE001 - reported by the assertion below
                outcome = repr(error)
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=use) for _ in range(uses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    accepted = outcomes.count("accepted")
    refused = outcomes.count("fund_over_balance")
    return accepted, refused, [o for o in outcomes if o not in ("accepted", "fund_over_balance")]


def check(app, estate, committee, balance_cents, uses, amount_cents, label):
    add_fund_entry(estate.id, FundEntryKind.collected, balance_cents, utcnow().date(), "归集",
                   committee.id)
    decision_id = passed_fund_decision(estate, committee)
    accepted, refused, errors = concurrent_uses(app, estate.id, decision_id, committee.id,
                                                uses, amount_cents)
    balance = fund_balance_cents(estate.id)
    lowest = min(row["balance_cents"] for row in fund_ledger(estate.id)["entries"])
    print(f"\n[fund] {label}: {uses} concurrent uses of {amount_cents} against {balance_cents}: "
          f"accepted={accepted} refused={refused} errors={len(errors)} "
          f"balance_after={balance} lowest_running_balance={lowest}")
    assert errors == []
    assert accepted == balance_cents // amount_cents
    assert refused == uses - accepted
    assert balance == balance_cents - accepted * amount_cents
    assert balance >= 0 and lowest >= 0


def test_thirty_concurrent_uses_never_overdraw(app, estate, committee, backend):
    check(app, estate, committee, 100_000, 30, 10_000, f"{backend}, 30 uses")


def test_two_simultaneous_uses_of_the_whole_balance_accept_one(app, estate, committee, backend):
    check(app, estate, committee, 10_000, 2, 10_000, f"{backend}, 2 uses")
