"""Many ballot clients against a live server, and what the database kept afterwards.

The clients are threads of the test process (the server is a gunicorn process of
its own); each one PUTs its ballot(s) over HTTP and retries a failed attempt —
connection error, timeout, 5xx or 429 — up to five times, as a phone would.
"""
import random
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import requests
from sqlalchemy import func, select

from app.audit.api import AuditEntry
from app.audit.api import chain_of, pending_count, verify_chain
from app.consultations.api import Ballot, BallotAnswer, BallotVersion
from app.consultations.api import authorise_proxy
from app.extensions import db
from tests.factories import flats_of, link, make_consultation, make_estate, make_owner, make_user
from tests.realtime.helpers import seeding

RETRIES = 5
#: answers a client may send; each is valid for the elevator consent template
ANSWERS = [{"install": "agree"}, {"install": "abstain"},
           {"install": "oppose", "concerns": ["cost", "light"]}, {"install": "oppose",
                                                                   "concerns": ["noise"]}]


@dataclass
class Plan:
    consultation_id: int
    flat_ids: list[int]
    #: one entry per client: (access token, flat id, who: owner/proxy)
    clients: list[tuple[str, int, str]]
    #: the person behind each access token (two phones of one person: two tokens)
    voter_of: dict[str, int] = field(default_factory=dict)


def seed(database_url: str, *, buildings=(("1号楼", 2), ("2号楼", 2)), floors=5,
         owners_per_flat=2, proxies_per_flat=1, clients_per_flat=5) -> Plan:
    """An estate whose flats each have several owners and a family proxy, and an open
    elevator consent over the whole estate; `clients_per_flat` clients per flat
    (its owners and proxies in turn: several clients share a person, i.e. repeated
    submissions from two phones or a double tap)."""
    from app.auth.api import issue

    with seeding(database_url):
        estate = make_estate(name="并发小区", buildings=buildings, floors=floors)
        flats = flats_of(estate.id)
        clients, voter_of = [], {}
        for flat in flats:
            people = [(make_owner(flat), "owner")]
            for _ in range(owners_per_flat - 1):
                co_owner = make_user()
                link(co_owner, flat, "owner")
                people.append((co_owner, "owner"))
            for number in range(proxies_per_flat):
                relative = make_user()
                authorise_proxy(people[0][0], flat, relative.phone)
                db.session.commit()
                people.append((relative, "proxy"))
            for index in range(clients_per_flat):
                user, who = people[index % len(people)]
                token = issue(user, "access")
                voter_of[token] = user.id
                clients.append((token, flat.id, who))
        consultation = make_consultation(estate, scope_type="estate")
        return Plan(consultation.id, [flat.id for flat in flats], clients, voter_of)


@dataclass
class Outcome:
    flat_id: int
    who: str
    answers: dict
    #: the access token the client sent (Plan.voter_of names its person)
    token: str = ""
    attempts: int = 0
    #: the acknowledgement (2xx body: receipt, version, flat_id), or None
    ack: dict | None = None
    #: the final refusal (4xx other than 429), e.g. owner_already_voted
    refused: str | None = None
    connection_errors: int = 0
    server_errors: int = 0


@dataclass
class Load:
    """The clients' shared state: the server address and the acknowledgements so far."""

    base_url: str
    consultation_id: int
    backoff_s: float = 0.2
    outcomes: list[Outcome] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    acked: threading.Condition = field(default_factory=threading.Condition)
    acked_count: int = 0

    def submit(self, session: requests.Session, token: str, flat_id: int, who: str,
               answers: dict) -> Outcome:
        outcome = Outcome(flat_id, who, answers, token)
        url = f"{self.base_url}/api/v1/consultations/{self.consultation_id}/ballots/mine"
        for attempt in range(RETRIES + 1):
            outcome.attempts += 1
            try:
                response = session.put(url, json={"flat_id": flat_id, "answers": answers},
                                        headers={"Authorization": f"Bearer {token}"}, timeout=60)
            except requests.RequestException:
                outcome.connection_errors += 1
                session.close()  # a fresh connection for the retry
                time.sleep(self.backoff_s * 2 ** attempt)
                continue
            if response.ok:
                outcome.ack = response.json()
                with self.acked:
                    self.acked_count += 1
                    self.acked.notify_all()
                break
            if response.status_code == 429 or response.status_code >= 500:
                outcome.server_errors += 1
                wait = float(response.headers.get("Retry-After") or 0)
                time.sleep(max(wait, self.backoff_s * 2 ** attempt))
                continue
            outcome.refused = response.json()["error"]["code"]
            break
        with self.lock:
            self.outcomes.append(outcome)
        return outcome

    def run(self, clients: list[tuple[str, int, str]], ballots_each: int = 1,
            seed: int = 10) -> list[threading.Thread]:
        """Start one thread per client, all released at once; returns the threads."""
        start = threading.Barrier(len(clients))
        shuffled = list(clients)
        random.Random(seed).shuffle(shuffled)

        def client(number, token, flat_id, who):
            session = requests.Session()
            start.wait()
            for round_ in range(ballots_each):
                self.submit(session, token, flat_id, who, ANSWERS[(number + round_) % len(ANSWERS)])
            session.close()

        threads = [threading.Thread(target=client, args=(n, *c), daemon=True)
                   for n, c in enumerate(shuffled)]
        for thread in threads:
            thread.start()
        return threads

    def wait_for_acks(self, count: int, timeout_s: float = 300) -> int:
        with self.acked:
            self.acked.wait_for(lambda: self.acked_count >= count, timeout=timeout_s)
            return self.acked_count


def join(threads, timeout_s: float = 600) -> None:
    deadline = time.monotonic() + timeout_s
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    assert not any(thread.is_alive() for thread in threads), "clients still running"


@dataclass
class Saved:
    """What the database holds for the consultation, checked against the acknowledgements."""

    flats: int
    current_ballots: int
    #: flats (slots) with more than one current ballot
    duplicated_flats: list[str]
    ballot_versions: int
    #: acknowledged ballots whose (flat, version, receipt) is in the version history
    acks_saved: int
    #: acknowledged ballots not found: lost
    acks_lost: list[dict]
    #: slots whose versions are not exactly 1..version with the current receipt last
    broken_histories: list[str]
    #: ballots whose answer rows do not match their current answers
    mixed_answers: list[str]
    ballot_audit_entries: int
    audit_chain_ok: bool
    #: every version written: (flat id, version, receipt) -> (voter id, answers)
    versions: dict = field(default_factory=dict)


#: how long the server's sealer may take to chain the last ballots' audit entries
SEAL_WAIT = 20.0


def sealed_by_the_server(chain: str) -> None:
    """Wait until the server's sealer has chained every pending audit entry of the chain.

    A ballot's audit entry is written with the ballot, as a pending row, and chained just
    after the commit by the server (docs/audit.md): right after the last acknowledgement
    some may still be pending. Waiting (not sealing here) keeps the server's sealer under
    test; if it never runs, the entries stay pending and the count below falls short."""
    deadline = time.monotonic() + SEAL_WAIT
    while pending_count(chain) and time.monotonic() < deadline:
        db.session.rollback()  # the next count sees what the sealer committed since
        time.sleep(0.1)


def inspect(database_url: str, plan: Plan, outcomes: list[Outcome]) -> Saved:
    with seeding(database_url):
        cid = plan.consultation_id
        ballots = db.session.scalars(select(Ballot).where(Ballot.consultation_id == cid)).all()
        per_slot = Counter(b.slot for b in ballots)
        versions = db.session.scalars(select(BallotVersion).where(
            BallotVersion.consultation_id == cid)).all()
        by_ballot = defaultdict(list)
        for version in versions:
            by_ballot[version.ballot_id].append(version)
        history = {(v.flat_id, v.version, v.receipt) for v in versions}
        acks = [o.ack for o in outcomes if o.ack is not None]
        lost = [a for a in acks if (a["flat_id"], a["version"], a["receipt"]) not in history]
        broken = []
        for ballot in ballots:
            kept = sorted(by_ballot[ballot.id], key=lambda v: v.version)
            if (not kept or [v.version for v in kept] != list(range(1, ballot.version + 1))
                    or kept[-1].receipt != ballot.receipt or kept[-1].answers != ballot.answers):
                broken.append(ballot.slot)
        mixed = []
        for ballot in ballots:
            chosen = sorted(db.session.scalars(select(BallotAnswer.option_key).where(
                BallotAnswer.ballot_id == ballot.id)))
            expected = sorted([ballot.answers["install"]] + ballot.answers.get("concerns", []))
            if chosen != expected:
                mixed.append(ballot.slot)
        estate_id = ballots[0].estate_id if ballots else None
        sealed_by_the_server(chain_of(estate_id))
        audited = db.session.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.action == "ballot.cast", AuditEntry.subject_type == "consultation",
            AuditEntry.subject_id == cid))
        chain_ok = estate_id is not None and verify_chain(chain_of(estate_id)).broken_at is None
        return Saved(flats=len(plan.flat_ids), current_ballots=len(ballots),
                     duplicated_flats=sorted(s for s, n in per_slot.items() if n > 1),
                     ballot_versions=len(versions), acks_saved=len(acks) - len(lost),
                     acks_lost=lost, broken_histories=broken, mixed_answers=mixed,
                     ballot_audit_entries=audited, audit_chain_ok=chain_ok,
                     versions={(v.flat_id, v.version, v.receipt): (v.voter_id, v.answers)
                               for v in versions})
