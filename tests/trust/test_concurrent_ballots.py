"""200 clients cast ballots for overlapping flats at once: one current ballot per flat,
every acknowledged ballot saved, no duplicates (PostgreSQL, a real server process).

Each of 40 flats has two co-owners and a family proxy; five clients per flat (both
owners, the proxy, and both owners again from a second phone) PUT their ballots at
the same moment. The unique constraint on (consultation_id, slot) is what keeps
one current ballot per flat; GZ_TRUST_DROP_BALLOT_UNIQUE=1 drops it from the
test's database, to see this test fail (tests/trust/NOTES.md records that run).
"""
import os

import pytest
from sqlalchemy import create_engine, text

from tests.trust.load import Load, inspect, join, seed

pytestmark = pytest.mark.postgresql_only

CLIENTS_PER_FLAT = 5


def drop_ballot_unique(database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE ballots DROP CONSTRAINT uq_ballots_consultation_id_slot"))
    engine.dispose()


def test_200_clients_leave_one_current_ballot_per_flat(start_server, clone_database):
    url = clone_database("postgresql")
    plan = seed(url, clients_per_flat=CLIENTS_PER_FLAT)
    assert len(plan.clients) == 200 and len(plan.flat_ids) == 40
    if os.environ.get("GZ_TRUST_DROP_BALLOT_UNIQUE") == "1":
        drop_ballot_unique(url)
    server = start_server("postgresql", database_url=url)
    load = Load(server.url, plan.consultation_id)
    join(load.run(plan.clients))
    saved = inspect(url, plan, load.outcomes)

    outcomes = load.outcomes
    acked = [o for o in outcomes if o.ack]
    refused = [o for o in outcomes if o.refused]
    gave_up = [o for o in outcomes if not o.ack and not o.refused]
    print(f"\n[trust] concurrent ballots (PostgreSQL): clients={len(plan.clients)} "
          f"flats={saved.flats} sent={len(outcomes)} "
          f"http_attempts={sum(o.attempts for o in outcomes)} "
          f"retried={sum(1 for o in outcomes if o.attempts > 1)} "
          f"acknowledged={len(acked)} refused={len(refused)} "
          f"({', '.join(sorted(set(o.refused for o in refused))) or '-'}) gave_up={len(gave_up)} "
          f"saved={saved.acks_saved} lost={len(saved.acks_lost)} "
          f"identical_retries={len(acked) - len({(o.flat_id, o.ack['version']) for o in acked})} "
          f"current_ballots={saved.current_ballots} ballot_versions={saved.ballot_versions} "
          f"duplicates={len(saved.duplicated_flats)} (flats with more than one current ballot)")

    assert len(outcomes) == len(plan.clients)
    # exactly one current ballot per flat, none twice
    assert saved.duplicated_flats == []
    assert saved.current_ballots == saved.flats
    # every acknowledged ballot is in the history, with the receipt the voter was given
    assert saved.acks_lost == []
    assert saved.acks_saved == len(acked)
    # an acknowledgement names the version holding exactly what that client sent, by that
    # person: a new version, or (an identical retry, issue 16 item 7) the current one again
    for o in acked:
        assert saved.versions[(o.flat_id, o.ack["version"], o.ack["receipt"])] == (
            plan.voter_of[o.token], o.answers)
    # so several acknowledgements share a version only when they sent the same ballot
    # (one person from two phones, the same answers), and each version has its own receipt
    acked_versions = {(o.flat_id, o.ack["version"], o.ack["receipt"]) for o in acked}
    assert len({receipt for _, _, receipt in acked_versions}) == len(acked_versions)
    # the version history of each flat is 1..n with the current ballot last, and the
    # answer rows the results count match the current ballot
    assert saved.broken_histories == [] and saved.mixed_answers == []
    # every version written is audited once, and the chain still verifies
    assert saved.ballot_audit_entries == saved.ballot_versions
    assert saved.audit_chain_ok
    # the only refusal is the rule: a proxy cannot replace an owner's ballot
    assert {o.refused for o in refused} <= {"owner_already_voted"}
    assert all(o.who == "proxy" for o in refused)
    assert gave_up == []
    # a version no acknowledgement names can only come from a response lost on the way
    assert saved.ballot_versions >= len(acked_versions)
    if not any(o.connection_errors for o in outcomes):
        assert saved.ballot_versions == len(acked_versions)
