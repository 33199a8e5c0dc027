"""A server killed (SIGKILL) in the middle of a ballot load loses no acknowledged ballot.

72 clients keep casting and changing ballots; once 72 were acknowledged the
server's process group gets SIGKILL, as a crash or an OOM kill would, and a new
server starts on the same port and database. The clients retry (5 times, backing
off) and carry on. Afterwards every acknowledged ballot must be in the database
(lost = 0), with one current ballot per flat and the audit chain intact: every version
audited once, the killed server's pending entries chained by the new one.
PostgreSQL only (tests/trust/conftest.py).
"""
import pytest

from tests.live import LiveServer
from tests.trust.load import Load, inspect, join, seed

pytestmark = pytest.mark.postgresql_only

BALLOTS_EACH = 4
KILL_AFTER_ACKS = 72


def test_killed_server_loses_no_acknowledged_ballot(start_server, clone_database):
    url = clone_database("postgresql")
    plan = seed(url, floors=3, owners_per_flat=2, proxies_per_flat=1, clients_per_flat=3)
    server = start_server("postgresql", database_url=url)
    load = Load(server.url, plan.consultation_id, backoff_s=0.5)
    threads = load.run(plan.clients, ballots_each=BALLOTS_EACH)

    load.wait_for_acks(KILL_AFTER_ACKS)
    server.kill()
    acked_at_kill = load.acked_count
    restarted = LiveServer(url, port=server.port).start()
    try:
        join(threads)
        # read while the new server runs: its sealer chains the audit entries the killed one
        # left pending as well as its own (inspect waits for it, and never seals itself)
        saved = inspect(url, plan, load.outcomes)
    finally:
        restarted.stop()

    outcomes = load.outcomes
    acked = [o for o in outcomes if o.ack]
    refused = [o for o in outcomes if o.refused]
    gave_up = [o for o in outcomes if not o.ack and not o.refused]
    hit_by_kill = sum(o.connection_errors for o in outcomes)
    print(f"\n[trust] killed server (PostgreSQL, SIGKILL after {acked_at_kill} acks): "
          f"clients={len(plan.clients)} sent={len(outcomes)} "
          f"http_attempts={sum(o.attempts for o in outcomes)} "
          f"connection_errors={hit_by_kill} acknowledged={len(acked)} "
          f"(after restart: {len(acked) - acked_at_kill}) refused={len(refused)} "
          f"gave_up={len(gave_up)} saved={saved.acks_saved} lost={len(saved.acks_lost)} "
          f"committed_without_ack={saved.ballot_versions - len(acked)} "
          f"current_ballots={saved.current_ballots}/{saved.flats} "
          f"duplicates={len(saved.duplicated_flats)}")

    assert len(plan.clients) == 72
    assert len(outcomes) == len(plan.clients) * BALLOTS_EACH
    # the kill happened mid-load: requests were cut off, and the new server took over
    assert acked_at_kill < len(outcomes) and hit_by_kill > 0
    assert len(acked) > acked_at_kill
    # nothing acknowledged was lost
    assert saved.acks_lost == []
    assert saved.acks_saved == len(acked)
    # and nothing was left half-written or doubled by the crash and the retries
    assert saved.duplicated_flats == [] and saved.current_ballots == saved.flats
    assert saved.broken_histories == [] and saved.mixed_answers == []
    assert saved.ballot_versions >= len(acked)
    assert saved.ballot_audit_entries == saved.ballot_versions and saved.audit_chain_ok
    assert {o.refused for o in refused} <= {"owner_already_voted"}
