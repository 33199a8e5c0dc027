"""Retried ballots (issue 16, item 7): a phone that sends the same ballot six times at once
(a double tap, a retry after a timeout) gets one ballot, one version and one receipt, and
every receipt ever handed out can be checked after publication (PostgreSQL, a real server).

50 flats in two waves of 150 requests in flight; `make bench` (bench/ballots.py) measures
ballots under load.
"""
import threading
from collections import Counter

import pytest
import requests
from sqlalchemy import func, select

from app.audit.api import AuditEntry
from app.auth.api import issue
from app.consultations.api import BallotVersion
from app.consultations.api import close_consultation, get_consultation, publish_consultation
from app.extensions import db
from tests.factories import flats_of, make_consultation, make_estate, make_owner
from tests.helpers import together
from tests.realtime.helpers import seeding

pytestmark = pytest.mark.postgresql_only

FLATS, RETRIES, WAVE_FLATS = 50, 6, 25
#: a phone tries again after a 5xx or a dropped connection, as tests/trust/load.py does
ATTEMPTS = 5
ANSWERS = ({"install": "agree"}, {"install": "abstain"}, {"install": "oppose", "concerns": ["cost"]})


def test_50_flats_times_6_identical_retries_keep_one_version_and_every_receipt(
        start_server, clone_database):
    url = clone_database("postgresql")
    with seeding(url):
        estate = make_estate(name="重试小区", buildings=(("1号楼", 5),), floors=5)
        flats = flats_of(estate.id)
        assert len(flats) == FLATS
        voters = [(flat.id, issue(make_owner(flat), "access")) for flat in flats]
        consultation = make_consultation(estate, scope_type="estate")
        cid, committee_id, estate_id = consultation.id, consultation.created_by_id, estate.id
    server = start_server("postgresql", database_url=url)
    ballot_url = f"{server.url}/api/v1/consultations/{cid}/ballots/mine"

    handed_out, statuses, server_errors, lock = [], Counter(), Counter(), threading.Lock()

    def put(flat_id, token, answers):
        session = requests.Session()
        for attempt in range(ATTEMPTS):
            try:
                response = session.put(ballot_url, json={"flat_id": flat_id, "answers": answers},
                                       headers={"Authorization": f"Bearer {token}"}, timeout=120)
            except requests.RequestException as error:
                with lock:
                    server_errors[type(error).__name__] += 1
                continue
            if response.status_code < 500:
                break
            with lock:
                server_errors[response.status_code] += 1
        with lock:
            statuses[response.status_code] += 1
            if response.ok:
                handed_out.append((flat_id, response.json()["receipt"]))
        session.close()

    for wave in range(0, FLATS, WAVE_FLATS):  # 150 requests in flight at a time
        batch = voters[wave:wave + WAVE_FLATS]
        calls = [(flat_id, token, ANSWERS[n % len(ANSWERS)])
                 for n, (flat_id, token) in enumerate(batch) for _ in range(RETRIES)]
        together(None, len(calls), lambda i, calls=calls: put(*calls[i]), timeout_s=300)

    with seeding(url):
        versions = db.session.scalar(select(func.count(BallotVersion.id)).where(
            BallotVersion.consultation_id == cid))
        audited = db.session.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.chain == f"estate:{estate_id}", AuditEntry.action == "ballot.cast"))
        consultation = get_consultation(cid)
        close_consultation(consultation, committee_id)
        publish_consultation(consultation, committee_id)
    owner_token = voters[0][1]
    listed = requests.get(f"{server.url}/api/v1/consultations/{cid}/receipts",
                          headers={"Authorization": f"Bearer {owner_token}"}, timeout=60).json()
    listed_receipts = {row["receipt"] for row in listed}
    checkable = sum(1 for _, receipt in handed_out if receipt in listed_receipts)
    per_flat = Counter(flat_id for flat_id, _ in set(handed_out))
    print(f"\n[trust] ballot retries (PostgreSQL): {FLATS} flats x {RETRIES} identical PUTs, "
          f"final statuses {dict(statuses)} (retried errors {dict(server_errors)}), versions {versions}, ballot.cast audit entries {audited}, "
          f"distinct receipts per flat {sorted(set(per_flat.values()))}, "
          f"receipts checkable after publication {checkable}/{len(handed_out)}")
    assert statuses == {200: FLATS * RETRIES}
    assert versions == FLATS and audited == FLATS
    assert set(per_flat.values()) == {1}
    assert checkable == len(handed_out) == FLATS * RETRIES
