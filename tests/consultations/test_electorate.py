"""The electorate (flats, areas, owners, heads) is fixed when a vote opens and kept with it
(issue 30, item 2): results, receipts, exports and the 公示 never change after publication,
whatever the ledger does; while open, ledger changes do not count, and the committee may
re-base the electorate only before the first ballot."""
import difflib
import re
import subprocess
from decimal import Decimal

import pytest

from app.comanage.api import areas
from app.consultations.api import exports
from app.consultations.api import (
    cast_assisted_ballot, cast_ballot, close_consultation, publish_consultation, receipts,
    results,
)
from app.db import utcnow
from app.estates.api import LedgerRow
from app.estates.api import import_ledger
from app.extensions import db
from tests.factories import (auth, flats_of, link, make_consultation, make_estate, make_owner,
                             make_user)


def ledger_row(estate, n: int, **changed) -> LedgerRow:
    """The ledger row of `make_estate`'s n-th flat (0-based: one stairwell, two per floor),
    with `changed` fields; n >= 12 is a flat the ledger did not have."""
    row = dict(row=n + 2, building="1号楼", stairwell="1单元", room=f"{n // 2 + 1}0{n % 2 + 1}",
               floor=n // 2 + 1, area_m2=Decimal("60.00"), owner_name=f"业主{n + 2}",
               owner_phone=None, owner_id_number=f"ID{estate.id}-{n + 2}")
    return LedgerRow(**{**row, **changed})


#: what happens to the ledger after a vote opened: each must change nothing the vote counts
LEDGER_CHANGES = {
    # three flats imported into the scope (7/12 must not become 7/15)
    "flats_imported": lambda estate: [ledger_row(estate, n) for n in (12, 13, 14)],
    # a voted flat's area corrected
    "area_changed": lambda estate: [ledger_row(estate, 0, area_m2=Decimal("98.76"))],
    # an owner moved: flat 1 now belongs to flat 0's owner (one head fewer)
    "owner_moved": lambda estate: [ledger_row(estate, 1, owner_id_number=f"ID{estate.id}-2",
                                              owner_name="业主2")],
}


#: the export's own stamp (when it was generated, the audit chain's head then), not the vote's
STAMP = re.compile(r"生成时间：[^\n]*|操作记录校验码：.*?对\s*不\s*上\s*了\s*。", re.S)


def stamped_off(text: str) -> list[str]:
    return [" ".join(line.split()) for line in STAMP.sub("", text).splitlines() if line.strip()]


def pdf_text(data: bytes) -> list[str]:
    return stamped_off(subprocess.run(["pdftotext", "-layout", "-", "-"], input=data,
                                      capture_output=True, check=True).stdout.decode())


def published(consultation) -> dict:
    """Everything the 公示 shows of a vote."""
    csv = stamped_off(exports.export_csv(consultation))
    return {"results": results(consultation).as_dict(), "csv": csv,
            "pdf": pdf_text(exports.export_pdf(consultation)), "receipts": receipts(consultation)}


@pytest.fixture
def vote(app):
    """A fund-use vote of 12 flats, different areas: 7 voted on paper (5 agree), published."""
    estate = make_estate(areas={"101": Decimal("50.00"), "102": Decimal("63.50")})
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, "fund_use", actor=committee)
    for n, flat in enumerate(flats_of(estate.id)[:7]):
        cast_assisted_ballot(c, committee, flat.id, {"use": "agree" if n < 5 else "oppose"},
                             channel="paper", evidence=f"纸质票{n}")
    close_consultation(c, committee.id)
    publish_consultation(c, committee.id)
    return estate, committee, c


@pytest.mark.parametrize("change", LEDGER_CHANGES)
def test_the_publicity_never_changes_whatever_the_ledger_does(vote, change):
    estate, committee, c = vote
    before = published(c)
    assert before["results"]["participation"]["owners"] == "7/12"
    import_ledger(estate.id, LEDGER_CHANGES[change](estate), actor_id=committee.id)
    db.session.expire_all()
    after = published(c)
    for shown in before:
        assert after[shown] == before[shown], list(difflib.unified_diff(before[shown], after[shown], lineterm=""))


@pytest.mark.parametrize("change", LEDGER_CHANGES)
def test_ledger_changes_while_open_do_not_count(app, change):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, "fund_use", actor=committee)
    flats = flats_of(estate.id)
    cast_ballot(c, make_owner(flats[0]), flats[0].id, {"use": "agree"})
    before = results(c).as_dict()
    import_ledger(estate.id, LEDGER_CHANGES[change](estate), actor_id=committee.id)
    db.session.expire_all()
    assert results(c).as_dict() == before
    assert before["scope"] == {"type": "estate", "id": estate.id, "flats": 12, "owners": 12,
                               "area_m2": "720.00"}


def test_a_flat_imported_after_opening_cannot_vote_and_is_told_why(client, vote):
    estate, committee, _ = vote
    c = make_consultation(estate, "fund_use", actor=committee)
    import_ledger(estate.id, [ledger_row(estate, 12)], actor_id=committee.id)
    newcomer = flats_of(estate.id)[-1]
    owner = make_owner(newcomer)
    answer = client.put(f"/api/v1/consultations/{c.id}/ballots/mine", headers=auth(owner),
                        json={"flat_id": newcomer.id, "answers": {"use": "agree"}})
    assert answer.status_code == 403, answer.json
    assert answer.json["error"]["code"] == "not_in_electorate"
    date = c.electorate_at.strftime("%Y年%m月%d日")  # UTC date; Beijing time below
    assert "投票开始后才录入台账" in answer.json["error"]["message"]
    assert "的台账计票" in answer.json["error"]["message"] and date[:5] in answer.json["error"]["message"]
    assert results(c).ballots == 0


def test_the_committee_may_rebase_only_before_the_first_ballot(client, app):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, "fund_use", actor=committee)
    import_ledger(estate.id, [ledger_row(estate, 12)], actor_id=committee.id)
    url = f"/api/v1/consultations/{c.id}/electorate/rebase"
    assert results(c).flat_count == 12
    owner = make_owner(flats_of(estate.id)[0])
    assert client.post(url, headers=auth(owner)).status_code == 403
    rebased = client.post(url, headers=auth(committee))
    assert rebased.status_code == 200, rebased.json
    db.session.expire_all()
    assert results(c).flat_count == 13
    cast_ballot(c, owner, flats_of(estate.id)[0].id, {"use": "agree"})
    import_ledger(estate.id, [ledger_row(estate, 13)], actor_id=committee.id)
    refused = client.post(url, headers=auth(committee))
    assert refused.status_code == 409 and refused.json["error"]["code"] == "electorate_in_use"
    assert "已经有人投票" in refused.json["error"]["message"]
    db.session.expire_all()
    assert results(c).flat_count == 13


def test_an_elevator_consent_round_keeps_its_stairwell_as_it_opened(app):
    estate = make_estate(buildings=(("1号楼", 2),))
    committee = make_user(roles=[("committee", estate.id)])
    stairwell = flats_of(estate.id)[0].stairwell_id
    c = make_consultation(estate, "elevator_consent", actor=committee, scope_type="stairwell",
                          scope_id=stairwell)
    before = results(c).as_dict()
    import_ledger(estate.id, [ledger_row(estate, 12)], actor_id=committee.id)
    db.session.expire_all()
    assert results(c).as_dict() == before and results(c).flat_count == 12


def test_a_neighbourhood_survey_keeps_its_flats_and_its_published_residents(app):
    from datetime import timedelta

    staff = make_user(roles=[("staff", None)])
    estates = [make_estate(f"片区小区{n}") for n in range(2)]
    area = areas.create("片区", [e.id for e in estates], staff.id)
    survey = areas.start_survey(area, "neighbourhood_needs", utcnow() + timedelta(days=7), staff.id)
    first = flats_of(estates[0].id)
    c = areas.survey_parts(survey)[0][1]
    cast_ballot(c, make_owner(first[0]), first[0].id, {"facilities": ["parking"]})
    import_ledger(estates[0].id, [ledger_row(estates[0], 12)], actor_id=staff.id)
    db.session.expire_all()
    figures = areas.survey_results(survey)
    assert figures["flats"] == 24 and figures["residents"] == 1
    for _, part in areas.survey_parts(survey):
        close_consultation(part, staff.id)
        publish_consultation(part, staff.id)
    kept = areas.survey_results(survey)
    link(make_user(), first[1], "tenant")  # a claim verified after the 公示
    db.session.expire_all()
    assert areas.survey_results(survey) == kept


def test_a_rebase_and_the_first_ballot_at_the_same_moment_never_interleave(app, backend):
    """Real threads, released together, five rounds: either the ballot came first and the
    rebase is refused, or the rebase came first and the ballot counts on the new electorate;
    on PostgreSQL (row locks) never a ballot cast before a rebase that then succeeded.
    SQLite has no row locks: its ballot takes the write lock at its insert, after the rebase."""
    from app.auth.api import User
    from app.consultations.api import rebase
    from app.consultations.api import Ballot, Consultation
    from tests.helpers import together

    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    flat = flats_of(estate.id)[0]
    owner_id, committee_id, flat_id = make_owner(flat).id, committee.id, flat.id
    import_ledger(estate.id, [ledger_row(estate, 12)], actor_id=committee.id)
    for _ in range(5):
        consultation_id = make_consultation(estate, "fund_use", actor=committee).id
        def act(i, consultation_id=consultation_id):
            c = db.session.get(Consultation, consultation_id)
            if i == 0:
                cast_ballot(c, db.session.get(User, owner_id), flat_id, {"use": "agree"})
            else:
                rebase(c, committee_id)

        outcomes = together(app, 2, act, timeout_s=30)
        done = dict(zip(("ballot", "rebase"), outcomes))
        assert done["ballot"] == "ok" and done["rebase"] in ("ok", "electorate_in_use"), outcomes
        db.session.expire_all()
        c = db.session.get(Consultation, consultation_id)
        ballot = db.session.scalar(db.select(Ballot).where(Ballot.consultation_id == c.id))
        # a refused rebase kept the electorate taken at opening; on PostgreSQL a ballot is
        # never older than the electorate it counts on
        assert (c.electorate_at > c.opened_at) == (done["rebase"] == "ok")
        if backend == "postgresql":
            assert ballot.created_at >= c.electorate_at
        assert results(c).participants.owners == 1 and results(c).flat_count == 13
