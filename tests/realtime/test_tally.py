"""Ballots cast over HTTP reach subscribed clients of a real server as coalesced tallies."""
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from app.auth.api import issue
from tests.factories import flats_of, make_consultation, make_estate, make_owner, make_user
from tests.realtime.helpers import LiveClient, agreeing_owners, http_results, seeding, vote


def _estate_with_vote(url, owners=1, **consultation):
    """An open elevator vote of a 12-flat stairwell, its committee token and owner tokens."""
    with seeding(url):
        estate = make_estate()
        committee = make_user(roles=[("committee", estate.id)])
        vote = make_consultation(estate, "elevator_consent", actor=committee, **consultation)
        voters = [make_owner(flat) for flat in flats_of(estate.id)[:owners]]
        return vote.id, issue(committee, "access"), [issue(user, "access") for user in voters]


def test_a_ballot_over_http_reaches_a_subscribed_client_as_a_tally(
        start_server, backend, clone_database):
    url = clone_database(backend)
    consultation_id, committee_token, (owner_token,) = _estate_with_vote(url)
    server = start_server(backend, database_url=url)
    watcher = LiveClient(server.url, owner_token)
    try:
        assert watcher.subscribe(f"consultation:{consultation_id}") == {"ok": True}
        vote(server.url, owner_token, consultation_id)
        tally = watcher.wait_for("tally", lambda data: agreeing_owners(data) == 1)
        assert tally is not None, watcher.received
        # the live tally is exactly what HTTP shows
        assert tally == http_results(server.url, owner_token, consultation_id)
        assert tally["consultation_id"] == consultation_id
        assert tally["participation"]["owners"] == "1/12"
        assert tally["explanation"]  # every result explains itself
    finally:
        watcher.close()


def test_a_burst_of_ballots_costs_at_most_two_tallies_a_second_and_ends_on_the_final_state(
        start_server, backend, clone_database):
    url = clone_database(backend)
    consultation_id, _, owner_tokens = _estate_with_vote(url, owners=12)
    server = start_server(backend, database_url=url)
    watcher = LiveClient(server.url, owner_tokens[0])
    try:
        assert watcher.subscribe(f"consultation:{consultation_id}") == {"ok": True}
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(lambda token: vote(server.url, token, consultation_id), owner_tokens))
        final = watcher.wait_for("tally", lambda data: agreeing_owners(data) == 12)
        assert final is not None, [agreeing_owners(t) for t in watcher.events("tally")]
        time.sleep(1.5)  # anything still coming would arrive now
        stamps = [at for at, event, _ in watcher.received if event == "tally"]
        tallies = watcher.events("tally")
        assert agreeing_owners(tallies[-1]) == 12, "the last tally is the final state"
        assert [agreeing_owners(t) for t in tallies] == sorted(agreeing_owners(t) for t in tallies)
        # at most two tallies in any one second (the slot is half a second)
        for first, later in zip(stamps, stamps[2:]):
            assert later - first >= 0.9, stamps
        assert len(tallies) <= 2 * (stamps[-1] - started) + 2
    finally:
        watcher.close()


def test_hidden_results_send_residents_no_tally_until_close(start_server, backend, clone_database):
    url = clone_database(backend)
    consultation_id, committee_token, (owner_token,) = _estate_with_vote(
        url, hide_results_until_closed=True)
    server = start_server(backend, database_url=url)
    resident = LiveClient(server.url, owner_token)
    committee = LiveClient(server.url, committee_token)
    room = f"consultation:{consultation_id}"
    try:
        assert resident.subscribe(room) == {"ok": True}
        assert committee.subscribe(room) == {"ok": True}
        vote(server.url, owner_token, consultation_id)
        # the committee follows participation; the counts stay hidden from everyone
        seen_by_committee = committee.wait_for(
            "tally", lambda data: data["participation"]["owners"] == "1/12")
        assert seen_by_committee is not None and seen_by_committee["hidden"] is True
        assert "options" not in seen_by_committee["questions"][0]
        time.sleep(1)
        assert resident.events("tally") == []

        closed = requests.post(f"{server.url}/api/v1/consultations/{consultation_id}/close",
                               headers={"Authorization": f"Bearer {committee_token}"}, timeout=30)
        assert closed.status_code == 200, closed.text
        assert resident.wait_for("consultation_status") == {"id": consultation_id,
                                                            "status": "closed"}
        revealed = resident.wait_for("tally")
        assert revealed is not None and agreeing_owners(revealed) == 1
        assert revealed["status"] == "closed" and not revealed["hidden"]
    finally:
        resident.close()
        committee.close()
