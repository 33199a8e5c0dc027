"""Money follows the decision as it was taken (issue 30, item 5): a fund use is checked
against the decision's frozen electorate, flat for flat (not flat counts); it waits until
the result is final (询异 over, every objection resolved); correcting a voted flat's area
after 公示 changes neither the published fraction nor the authorisation."""
from datetime import timedelta
from decimal import Decimal

import pytest

from app.auth.api import User
from app.cases.api import file_objection, resolve_objection
from app.consultations.api import publish_consultation, results
from app.db import utcnow
from app.estates.api import LedgerRow
from app.estates.api import FlatLink
from app.estates.api import import_ledger
from app.extensions import db
from tests.factories import flats_of, make_estate, make_user
from tests.projects.fund_helpers import fund_decision
from tests.projects.helpers import accounts, add, assert_consistent


@pytest.fixture
def stairwells(app):
    """Two stairwells of 12 flats each (60 ㎡, one owner per flat), 24,000 yuan collected."""
    estate = make_estate(buildings=(("1号楼", 2),))
    committee = make_user(roles=[("committee", estate.id)])
    flats = flats_of(estate.id)
    first = [f for f in flats if f.stairwell_id == flats[0].stairwell_id]
    second = [f for f in flats if f.stairwell_id != flats[0].stairwell_id]
    return estate, committee, first, second


def collected(client, estate, committee):
    done = add(client, estate, committee, kind="collected", amount_cents=2_400_000, memo="归集")
    assert done.status_code == 201, done.json


def stairwell_vote(estate, committee, flats, **rule):
    return fund_decision(estate, committee, flats, agree=len(flats), scope_type="stairwell",
                         scope_id=flats[0].stairwell_id, **rule)


def new_flat_row(estate, room="701", area=Decimal("60.00")) -> LedgerRow:
    return LedgerRow(row=99, building="1号楼", stairwell="1单元", room=room, floor=7, area_m2=area,
                     owner_name="新业主", owner_phone=None, owner_id_number=f"NEW{estate.id}-{room}")


def refused(answer, code: str, words: str) -> None:
    assert answer.status_code == 409, answer.json
    assert answer.json["error"]["code"] == code and words in answer.json["error"]["message"], answer.json


def test_a_use_is_checked_against_the_flats_that_decided_not_todays_ledger(client, stairwells):
    estate, committee, first, _ = stairwells
    collected(client, estate, committee)
    decision = stairwell_vote(estate, committee, first)
    import_ledger(estate.id, [new_flat_row(estate)], actor_id=committee.id)
    newcomer = flats_of(estate.id)[-1]
    before = accounts(estate.id)
    stairwell = {"scope_type": "stairwells", "scope_ids": [first[0].stairwell_id]}
    answer = add(client, estate, committee, kind="used", amount_cents=130_000, memo="1单元屋面",
                 consultation_id=decision.id, **stairwell)
    refused(answer, "decision_wrong_scope", "1 户没有参加")
    assert accounts(estate.id) == before and newcomer.id not in before
    used = add(client, estate, committee, kind="used", amount_cents=120_000, memo="1单元屋面",
               consultation_id=decision.id, scope_type="flats", scope_ids=[f.id for f in first])
    assert used.status_code == 201, used.json
    after = accounts(estate.id)
    assert {f for f in after if after[f] != before.get(f)} == {f.id for f in first}
    assert_consistent(estate.id)


def test_another_stairwell_of_the_same_size_is_not_the_decisions_scope(client, stairwells):
    """Kills the mutation comparing flat counts instead of flat sets."""
    estate, committee, first, second = stairwells
    assert len(first) == len(second) == 12
    collected(client, estate, committee)
    decision = stairwell_vote(estate, committee, first)
    before = accounts(estate.id)
    answer = add(client, estate, committee, kind="used", amount_cents=120_000, memo="2单元屋面",
                 consultation_id=decision.id, scope_type="stairwells",
                 scope_ids=[second[0].stairwell_id])
    refused(answer, "decision_wrong_scope", "12 户没有参加")
    assert accounts(estate.id) == before


def test_a_strict_subset_of_the_decisions_flats_is_not_its_scope(client, stairwells):
    """Kills the mutation accepting any part of the decided flats (subset for equality)."""
    estate, committee, first, _ = stairwells
    collected(client, estate, committee)
    decision = stairwell_vote(estate, committee, first)
    before = accounts(estate.id)
    answer = add(client, estate, committee, kind="used", amount_cents=110_000, memo="只给11户",
                 consultation_id=decision.id, scope_type="flats", scope_ids=[f.id for f in first[1:]])
    refused(answer, "decision_wrong_scope", "12 户共同决定")
    assert accounts(estate.id) == before


def test_a_use_waits_until_the_objection_period_is_over_and_every_objection_resolved(
        client, stairwells):
    estate, committee, first, _ = stairwells
    collected(client, estate, committee)
    decision = stairwell_vote(estate, committee, first, rule_key="civil_code_278_ordinary_objections")
    assert results(decision).decision == "passed"
    use = {"kind": "used", "amount_cents": 120_000, "memo": "1单元屋面",
           "consultation_id": decision.id, "scope_type": "stairwells",
           "scope_ids": [first[0].stairwell_id]}
    before = accounts(estate.id)
    refused(add(client, estate, committee, **use), "decision_not_final", "询异公示期内")
    owner = db.session.get(User, _owner_of(first[0]))
    objection = file_objection(decision, owner, first[0].id, "我家没有投票")
    decision.closed_at = utcnow() - timedelta(days=8)  # the period is over; the objection is not
    db.session.commit()
    refused(add(client, estate, committee, **use), "decision_not_final", "1 件异议没有处理完")
    assert accounts(estate.id) == before
    resolve_objection(objection, committee.id, "核对原件，记录无误")
    used = add(client, estate, committee, **use)
    assert used.status_code == 201, used.json


def test_correcting_a_voted_flats_area_after_publicity_keeps_the_published_fraction(
        client, stairwells):
    estate, committee, first, _ = stairwells
    collected(client, estate, committee)
    # 8 of 12 take part, 5 agree: 5/8 heads and 300/480 ㎡, more than half
    decision = fund_decision(estate, committee, first, agree=5, take_part=8,
                             scope_type="stairwell", scope_id=first[0].stairwell_id)
    publish_consultation(decision, committee.id)
    shown = results(decision).as_dict()
    assert shown["questions"][0]["approval"]["area"] == "300.00/480.00"
    # the first voted flat's area corrected from 60 to 120 ㎡ in the ledger after 公示
    import_ledger(estate.id, [LedgerRow(row=2, building="1号楼", stairwell="1单元", room="101",
                                        floor=1, area_m2=Decimal("120.00"), owner_name="业主2",
                                        owner_phone=None, owner_id_number=f"ID{estate.id}-2")],
                  actor_id=committee.id)
    db.session.expire_all()
    assert results(decision).as_dict() == shown
    used = add(client, estate, committee, kind="used", amount_cents=120_000, memo="1单元屋面",
               consultation_id=decision.id, scope_type="stairwells",
               scope_ids=[first[0].stairwell_id])
    assert used.status_code == 201, used.json


def _owner_of(flat) -> int:
    return db.session.scalar(db.select(FlatLink.user_id).where(FlatLink.flat_id == flat.id))
