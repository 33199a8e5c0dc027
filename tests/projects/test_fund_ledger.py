"""住宅专项维修资金 per flat (分户账): each entry apportioned by area to its scope's flats,
the estate balance the sum of the sub-accounts; a use needs a passed item-五 decision of
exactly its scope, a raise an item-六 one (issue 20)."""
from datetime import datetime
from decimal import Decimal

import pytest

from app.db import utcnow
from app.display import CHINA_TZ, china_today
from app.errors import Conflict
from app.projects.api import fund
from app.projects.api import FundEntryInSchema
from app.projects.api import FundAccount, FundEntryKind, FundPosting
from app.extensions import db
from tests.factories import auth, flats_of, make_estate, make_owner, make_user
from tests.projects.fund_helpers import fund_decision
from tests.projects.helpers import accounts, add, assert_consistent


@pytest.fixture
def two_stairwells(app):
    """24 flats in two stairwells; areas differ so that the split has remainders."""
    areas = {"101": Decimal("50.00"), "102": Decimal("63.50"), "201": Decimal("71.25")}
    estate = make_estate(buildings=(("1号楼", 2),), areas=areas)
    committee = make_user(roles=[("committee", estate.id)])
    return estate, committee, flats_of(estate.id)


def test_a_collection_is_apportioned_by_area_to_the_cent(client, two_stairwells):
    estate, committee, flats = two_stairwells
    created = add(client, estate, committee, kind="collected", amount_cents=1_000_001, memo="首次归集")
    assert created.status_code == 201, created.json
    balances = accounts(estate.id)
    assert sum(balances.values()) == 1_000_001 == created.json["balance_cents"]
    total_area = sum(f.area_m2 for f in flats)
    for flat in flats:  # each is within one cent of its exact quota
        exact = Decimal(1_000_001) * flat.area_m2 / total_area
        assert abs(balances[flat.id] - exact) < 1
    assert created.json["entries"][0]["scope_label"] == "全小区"
    assert_consistent(estate.id)


def test_a_use_passes_under_the_ordinary_rule_not_the_special(client, two_stairwells):
    estate, committee, flats = two_stairwells
    add(client, estate, committee, kind="collected", amount_cents=2_400_000, memo="归集")
    # 16 of 24 take part (exactly 2/3 of heads; 969.50 of 1449.50 m², just above 2/3);
    # 9 agree (544.75 m²): more than half of heads and area, far from 3/4
    decision = fund_decision(estate, committee, flats, agree=9, take_part=16)
    used = add(client, estate, committee, kind="used", amount_cents=240_000, memo="屋面防水",
               consultation_id=decision.id)
    assert used.status_code == 201, used.json
    assert used.json["balance_cents"] == 2_160_000
    assert_consistent(estate.id)


def test_a_stairwell_vote_cannot_authorise_an_estate_wide_use(client, two_stairwells):
    """The regression of issue 20: an estate-wide use was accepted on a 12-flat stairwell vote."""
    estate, committee, flats = two_stairwells
    add(client, estate, committee, kind="collected", amount_cents=2_400_000, memo="归集")
    first = [f for f in flats if f.stairwell_id == flats[0].stairwell_id]
    assert len(first) == 12
    decision = fund_decision(estate, committee, first, agree=12, scope_type="stairwell",
                             scope_id=first[0].stairwell_id)
    before = accounts(estate.id)
    refused = add(client, estate, committee, kind="used", amount_cents=120_000, memo="全小区屋面",
                  consultation_id=decision.id)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "decision_wrong_scope"
    assert "12 户" in refused.json["error"]["message"]
    assert accounts(estate.id) == before
    # the same vote authorises a use charged to exactly its stairwell, and to no other flat
    used = add(client, estate, committee, kind="used", amount_cents=120_000, memo="1单元屋面",
               consultation_id=decision.id, scope_type="stairwells",
               scope_ids=[first[0].stairwell_id])
    assert used.status_code == 201, used.json
    after = accounts(estate.id)
    assert {f for f in after if after[f] != before[f]} == {f.id for f in first}
    assert sum(before.values()) - sum(after.values()) == 120_000
    assert_consistent(estate.id)


def test_only_a_decision_on_using_the_fund_authorises_a_use(client, two_stairwells):
    estate, committee, flats = two_stairwells
    add(client, estate, committee, kind="collected", amount_cents=100_000, memo="归集")
    elevator = fund_decision(estate, committee, flats, agree=24, template="elevator_consent")
    refused = add(client, estate, committee, kind="used", amount_cents=1000, memo="x",
                  consultation_id=elevator.id)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "decision_wrong_item"
    failed = fund_decision(estate, committee, flats, agree=0)  # nobody voted
    refused = add(client, estate, committee, kind="used", amount_cents=1000, memo="x",
                  consultation_id=failed.id)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "decision_not_passed"
    missing = add(client, estate, committee, kind="used", amount_cents=1000, memo="x")
    assert missing.status_code == 422 and "第五项" in missing.json["error"]["message"]
    assert fund.fund_balance_cents(estate.id) == 100_000


def test_raising_needs_the_special_rule(client, two_stairwells):
    estate, committee, flats = two_stairwells
    missing = add(client, estate, committee, kind="topped_up", amount_cents=1000, memo="续筹")
    assert missing.status_code == 422 and "第六项" in missing.json["error"]["message"]
    # the 16 flats of the use test take part; the 12 agreeing hold 734.75 of 969.50 m² (over 3/4)
    voters = [flats[15], flats[14], flats[13]] + flats[3:12] + flats[0:3] + [flats[12]]
    # 11 of 16 agree: more than half (enough to use the fund), one head short of 3/4
    short = fund_decision(estate, committee, voters, agree=11, take_part=16, template="fund_raise")
    refused = add(client, estate, committee, kind="topped_up", amount_cents=1000, memo="续筹",
                  consultation_id=short.id)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "decision_not_passed"
    # the same count under a fund_use vote is a different item: refused too
    use_vote = fund_decision(estate, committee, voters, agree=12, take_part=16)
    refused = add(client, estate, committee, kind="topped_up", amount_cents=1000, memo="续筹",
                  consultation_id=use_vote.id)
    assert refused.json["error"]["code"] == "decision_wrong_item"
    # 12 of 16 agree: exactly 3/4 of heads ("以上" includes the bound)
    enough = fund_decision(estate, committee, voters, agree=12, take_part=16, template="fund_raise")
    raised = add(client, estate, committee, kind="topped_up", amount_cents=1000, memo="续筹",
                 consultation_id=enough.id)
    assert raised.status_code == 201, raised.json
    assert_consistent(estate.id)


def test_no_sub_account_is_overdrawn_even_when_the_estate_balance_would_cover_it(two_stairwells):
    estate, committee, flats = two_stairwells
    second = [f for f in flats if f.stairwell_id != flats[0].stairwell_id]
    fund.add_fund_entry(estate.id, FundEntryKind.collected, 500_000, utcnow().date(), "1单元归集",
                        committee.id, scope_type="stairwells", scope_ids=[flats[0].stairwell_id])
    decision = fund_decision(estate, committee, second, agree=12, scope_type="stairwell",
                             scope_id=second[0].stairwell_id)
    with pytest.raises(Conflict) as refused:
        fund.add_fund_entry(estate.id, FundEntryKind.used, 1200, utcnow().date(), "2单元",
                            committee.id, decision.id, "stairwells", [second[0].stairwell_id])
    assert refused.value.code == "fund_over_balance" and "12 户" in str(refused.value)
    assert fund.fund_balance_cents(estate.id) == 500_000
    assert_consistent(estate.id)


def test_the_preview_shows_each_flat_and_writes_nothing(client, two_stairwells):
    estate, committee, flats = two_stairwells
    add(client, estate, committee, kind="collected", amount_cents=240_000, memo="归集")
    before = accounts(estate.id)
    preview = client.post(f"/api/v1/estates/{estate.id}/fund-ledger/preview", headers=auth(committee),
                          json={"kind": "used", "amount_cents": 100_001, "scope_type": "flats",
                                "scope_ids": [flats[0].id, flats[1].id, flats[2].id]})
    assert preview.status_code == 200, preview.json
    body = preview.json
    assert [row["flat_id"] for row in body["flats"]] == [f.id for f in flats[:3]]
    assert sum(row["share_cents"] for row in body["flats"]) == 100_001
    assert body["short_count"] == 3 and all(row["short"] for row in body["flats"])
    assert body["decision"]["needed"] and not body["decision"]["ok"]
    assert "第二百七十八条第（五）项" in body["decision"]["item_label"]
    assert body["consequence"].startswith(
        "将按面积支出 1,000.01 元，分摊到所选房屋共 3 户（184.75 ㎡）的分户账，每户 ")
    assert accounts(estate.id) == before


def test_each_owner_sees_their_own_sub_account(client, two_stairwells):
    estate, committee, flats = two_stairwells
    add(client, estate, committee, kind="collected", amount_cents=240_000, memo="归集")
    owner = make_owner(flats[0])
    mine = client.get("/api/v1/me/fund-accounts", headers=auth(owner))
    assert mine.status_code == 200
    assert [a["flat_id"] for a in mine.json] == [flats[0].id]
    assert mine.json[0]["balance_cents"] == accounts(estate.id)[flats[0].id]
    assert mine.json[0]["postings"][0]["memo"] == "归集"
    everyone = client.get(f"/api/v1/estates/{estate.id}/fund-accounts", headers=auth(owner))
    assert everyone.status_code == 403
    listed = client.get(f"/api/v1/estates/{estate.id}/fund-accounts", headers=auth(committee)).json
    assert len(listed) == 24 and sum(a["balance_cents"] for a in listed) == 240_000


def test_bad_entries_and_bad_scopes_write_nothing(client, estate, committee):
    other = make_estate(name="别的小区")
    add(client, estate, committee, kind="collected", amount_cents=1000, memo="归集")
    for bad in ({"kind": "collected", "amount_cents": 0, "memo": "x"},
                {"kind": "collected", "amount_cents": -5, "memo": "x"},
                {"kind": "collected", "amount_cents": "100", "memo": "x"},
                {"kind": "stolen", "amount_cents": 100, "memo": "x"},
                {"kind": "collected", "amount_cents": 100, "memo": ""},
                {"kind": "collected", "amount_cents": 100, "memo": "x", "scope_type": "flats"},
                {"kind": "collected", "amount_cents": 100, "memo": "x", "scope_type": "rooms",
                 "scope_ids": [1]},
                {"kind": "collected", "amount_cents": 100, "memo": "x", "scope_type": "flats",
                 "scope_ids": [flats_of(other.id)[0].id]}):
        response = add(client, estate, committee, **bad)
        assert response.status_code == 422, (bad, response.json)
    assert fund.fund_balance_cents(estate.id) == 1000
    assert_consistent(estate.id)


def test_only_the_committee_writes_the_ledger(client, estate, committee):
    resident = make_owner(flats_of(estate.id)[0])
    assert add(client, estate, resident, kind="collected", amount_cents=100, memo="x").status_code == 403


def test_an_entry_without_a_date_is_dated_today_in_beijing():
    """Before 08:00 Beijing time the server's own (UTC) date is still yesterday's."""
    loaded = FundEntryInSchema().load({"kind": "collected", "amount_cents": 100, "memo": "归集"})
    assert loaded["occurred_on"] == datetime.now(CHINA_TZ).date() == china_today()
