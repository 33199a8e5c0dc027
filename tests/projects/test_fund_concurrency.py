"""The maintenance fund never overdraws a sub-account, however many uses arrive at once.

Real threads, each with its own app context and database connection, all released at
the same moment by a barrier. Each use locks the sub-accounts it charges in flat order,
checks them and writes, in one transaction: uses over overlapping scopes (the estate,
one stairwell, the other) wait for each other and never deadlock. On SQLite the same
locks take the database's write lock first.
"""
from app.db import utcnow
from app.projects.api import add_fund_entry, fund_balance_cents
from app.projects.api import FundEntryKind
from tests.factories import flats_of, make_estate, make_user
from tests.projects.fund_helpers import fund_decision
from tests.helpers import together
from tests.projects.helpers import accounts, assert_consistent


def run_at_once(app, calls):
    """Each use (estate_id, amount, decision_id, scope_type, scope_ids, actor_id) in its own
    thread, all at the same moment (tests/helpers.together); the outcomes."""
    return together(app, len(calls), lambda i: use(*calls[i]))


def use(estate_id, amount_cents, decision_id, scope_type, scope_ids, actor_id):
    add_fund_entry(estate_id, FundEntryKind.used, amount_cents, utcnow().date(),
                   "屋面防水", actor_id, decision_id, scope_type, scope_ids)


def test_thirty_concurrent_uses_never_overdraw(app, estate, committee, backend):
    # 12 equal flats: 10,000 cents each; each use takes 1,000 from every flat
    add_fund_entry(estate.id, FundEntryKind.collected, 120_000, utcnow().date(), "归集", committee.id)
    decision = fund_decision(estate, committee, flats_of(estate.id), agree=10)
    outcomes = run_at_once(app, [(estate.id, 12_000, decision.id, "estate", [], committee.id)] * 30)
    accepted = outcomes.count("ok")
    print(f"\n[fund] {backend}, 30 uses of 120.00 against 1,200.00 over 12 equal flats: "
          f"accepted={accepted} refused={outcomes.count('fund_over_balance')} "
          f"balance_after={fund_balance_cents(estate.id)}")
    assert set(outcomes) == {"ok", "fund_over_balance"}
    assert accepted == 10 and fund_balance_cents(estate.id) == 0
    assert_consistent(estate.id)


def test_two_simultaneous_uses_of_the_whole_balance_accept_one(app, estate, committee, backend):
    add_fund_entry(estate.id, FundEntryKind.collected, 12_000, utcnow().date(), "归集", committee.id)
    decision = fund_decision(estate, committee, flats_of(estate.id), agree=10)
    outcomes = run_at_once(app, [(estate.id, 12_000, decision.id, "estate", [], committee.id)] * 2)
    assert sorted(outcomes) == ["fund_over_balance", "ok"]
    assert fund_balance_cents(estate.id) == 0
    assert_consistent(estate.id)


def test_overlapping_scopes_at_once_never_deadlock_nor_overdraw(app, backend):
    estate = make_estate(buildings=(("1号楼", 2),))
    committee = make_user(roles=[("committee", estate.id)])
    flats = flats_of(estate.id)
    one, two = flats[0].stairwell_id, flats[-1].stairwell_id
    add_fund_entry(estate.id, FundEntryKind.collected, 240_000, utcnow().date(), "归集", committee.id)
    whole = fund_decision(estate, committee, flats, agree=24)
    first = fund_decision(estate, committee, flats[:12], agree=12, scope_type="stairwell", scope_id=one)
    second = fund_decision(estate, committee, flats[12:], agree=12, scope_type="stairwell",
                           scope_id=two)
    # 24 flats of 10,000 cents each; every use charges 500 cents a flat in its scope
    calls = ([(estate.id, 12_000, whole.id, "estate", [], committee.id)] * 8
             + [(estate.id, 6_000, first.id, "stairwells", [one], committee.id)] * 8
             + [(estate.id, 6_000, second.id, "stairwells", [two], committee.id)] * 8)
    calls = calls[::3] + calls[1::3] + calls[2::3]  # interleave the scopes
    outcomes = run_at_once(app, calls)
    accepted = outcomes.count("ok")
    balances = accounts(estate.id)
    print(f"\n[fund] {backend}, 24 uses over overlapping scopes: accepted={accepted} "
          f"refused={outcomes.count('fund_over_balance')} lowest_sub_account={min(balances.values())}")
    assert set(outcomes) <= {"ok", "fund_over_balance"}, outcomes
    # each flat has 20 charges of 500 available: the estate and stairwell uses together reach
    # at most 16 per flat (8 estate + 8 stairwell), so here every use fits and none may fail
    assert accepted == 24
    assert min(balances.values()) == 10_000 - 16 * 500
    assert_consistent(estate.id)


def test_overlapping_scopes_that_exhaust_the_accounts_stop_at_zero(app, backend):
    estate = make_estate(buildings=(("1号楼", 2),))
    committee = make_user(roles=[("committee", estate.id)])
    flats = flats_of(estate.id)
    one = flats[0].stairwell_id
    add_fund_entry(estate.id, FundEntryKind.collected, 24_000, utcnow().date(), "归集", committee.id)
    whole = fund_decision(estate, committee, flats, agree=24)
    first = fund_decision(estate, committee, flats[:12], agree=12, scope_type="stairwell", scope_id=one)
    # each flat holds 1,000 cents; each use takes 400 from each flat of its scope
    calls = ([(estate.id, 9_600, whole.id, "estate", [], committee.id)] * 6
             + [(estate.id, 4_800, first.id, "stairwells", [one], committee.id)] * 6)
    outcomes = run_at_once(app, calls[::2] + calls[1::2])
    balances = accounts(estate.id)
    assert set(outcomes) <= {"ok", "fund_over_balance"}, outcomes
    assert min(balances.values()) >= 0
    # at most two charges of 400 fit in a flat of 1,000: the first stairwell's flats took two
    assert all(1_000 - balances[f.id] in (0, 400, 800) for f in flats)
    assert max(1_000 - balances[f.id] for f in flats[:12]) == 800
    assert_consistent(estate.id)
