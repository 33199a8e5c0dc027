"""An estate co-manages itself after its renovation, through the API (issue 20): it adopts
its rules, elects its owners' committee, chooses its management model and property
company, rates the property service each quarter, and keeps a public income ledger whose
公示 every owner reads; notices reach the residents with read counts."""
from app.comanage.api import RatingRound
from app.extensions import db
from tests.comanage.helpers import A, close, decide, later, owners_of, vote
from tests.factories import auth


def test_an_estate_walks_through_rules_election_model_rating_and_public_income(
        client, estate, committee):
    owners = owners_of(estate)  # 12 flats of 60 ㎡, one owner each
    member = owners[0]

    # 管理规约: 9 of 12 take part (participation 9/12 ≥ 2/3), 7 agree (7/9 > 1/2)
    statute = decide(client, estate, committee, {"matter": "management_statute"})
    vote(client, statute, owners, [{"adopt": "agree"}] * 7 + [{"adopt": "oppose"}] * 2)
    close(client, statute, committee)
    results = client.get(f"{A}/consultations/{statute}/results", headers=auth(member)).json
    assert results["rule"] == "civil_code_278_ordinary"
    assert results["participation"]["owners"] == "9/12" and results["decision"] == "passed"

    # 选举业主委员会: 2 seats, 4 candidates; at most 2 choices per ballot
    election = decide(client, estate, committee, {
        "matter": "committee_election", "title": "第一届业主委员会选举",
        "candidates": ["张三", "李四", "王五", "赵六"], "seats": 2})
    too_many = client.put(f"{A}/consultations/{election}/ballots/mine",
                          json={"answers": {"candidates": ["c1", "c2", "c3"]}}, headers=auth(member))
    assert too_many.status_code == 422
    choices = ([["c1", "c2"]] * 5 + [["c1", "c3"]] + [["c1", "c4"]] + [["c2", "c3"]] + [["c3"]])
    vote(client, election, owners, [{"candidates": c} for c in choices])
    pending = client.get(f"{A}/consultations/{election}/choice", headers=auth(member)).json
    assert pending["decision"] == "pending" and pending["chosen"] == []
    close(client, election, committee)
    result = client.get(f"{A}/consultations/{election}/choice", headers=auth(member)).json
    votes = {o["label"]: o["votes"]["owners"] for o in result["options"]}
    assert votes == {"张三": 7, "李四": 6, "王五": 3, "赵六": 1}
    assert result["participation"]["owners"] == "9/12" and result["participation"]["passed"]
    # 张三 7/9 and 李四 6/9 pass "more than half"; 王五 3/9 does not
    assert result["chosen"] == ["张三", "李四"] and result["decision"] == "chosen"
    assert [o["passed"] for o in result["options"]] == [True, True, False, False]
    assert "张三、李四" in result["explanation"]

    # 管理方式: 专业物业 5/9 > 1/2
    model = decide(client, estate, committee, {"matter": "management_model"})
    vote(client, model, owners, [{"model": "professional"}] * 5 + [{"model": "self_managed"}] * 3
         + [{"model": "entrusted"}])
    close(client, model, committee)
    result = client.get(f"{A}/consultations/{model}/choice", headers=auth(member)).json
    assert result["chosen"] == ["专业物业服务企业管理"]

    # 选聘物业服务企业: 甲物业 4/9 fails, 乙物业 5/9 is chosen
    company = decide(client, estate, committee, {"matter": "property_company",
                                                 "candidates": ["甲物业", "乙物业"]})
    vote(client, company, owners, [{"company": "c1"}] * 4 + [{"company": "c2"}] * 5)
    close(client, company, committee)
    assert client.get(f"{A}/consultations/{company}/choice",
                      headers=auth(member)).json["chosen"] == ["乙物业"]
    listed = client.get(f"{A}/estates/{estate.id}/comanage-decisions", headers=auth(member)).json
    assert {d["matter"] for d in listed} == {"management_statute", "committee_election",
                                             "management_model", "property_company"}

    # 物业服务评价, two quarters: the index is every score over the most it could be
    scores = {"cleaning": 4, "order": 5, "greening": 3, "repairs": 4, "openness": 5, "overall": 4}
    for period, raters in (("2026Q3", 3), ("2026Q4", 4)):
        created = client.post(f"{A}/estates/{estate.id}/service-ratings",
                              json={"period": period, "closes_at": later()}, headers=auth(committee))
        assert created.status_code == 201, created.json
        rating = created.json["consultation_id"]
        vote(client, rating, owners[:raters], [scores] * raters)
        close(client, rating, committee)
    again = client.post(f"{A}/estates/{estate.id}/service-ratings",
                        json={"period": "2026Q4", "closes_at": later()}, headers=auth(committee))
    assert again.status_code == 409
    points = client.get(f"{A}/estates/{estate.id}/service-ratings", headers=auth(member)).json
    assert [p["period"] for p in points] == ["2026Q3", "2026Q4"]
    # (4+5+3+4+5+4) = 25 of 30 per rater: 25/30 = 5/6, 83.3%
    assert points[0]["index"] == "5/6" and points[0]["index_percent"] == "83.3%"
    assert points[1]["respondents"] == 4
    assert {i["key"]: i["index_percent"] for i in points[1]["items"]}["greening"] == "60.0%"
    assert db.session.query(RatingRound).count() == 2

    # 公共收益: income, a spending refused without its decision, then under it
    base = f"{A}/estates/{estate.id}/public-income"
    income = {"kind": "income", "category": "parking", "amount_cents": 1_200_000,
              "occurred_on": "2026-10-31", "memo": "10月停车费"}
    assert client.post(base, json=income, headers=auth(committee)).status_code == 201
    spend = {"kind": "spending", "category": "facilities", "amount_cents": 300_000,
             "occurred_on": "2026-11-20", "memo": "增设休闲座椅"}
    refused = client.post(base, json=spend, headers=auth(committee))
    assert refused.status_code == 422 and "consultation_id" in refused.json["error"]["fields"]
    # the statute vote passed, but under the ordinary rule: not a decision to spend public income
    refused = client.post(base, json={**spend, "consultation_id": statute}, headers=auth(committee))
    assert refused.status_code == 409 and refused.json["error"]["code"] == "decision_not_passed"
    use = decide(client, estate, committee, {"matter": "public_income_use", "title": "用停车收益增设座椅"})
    vote(client, use, owners, [{"adopt": "agree"}] * 7 + [{"adopt": "oppose"}] * 2)  # 7/9 ≥ 3/4
    close(client, use, committee)
    accepted = client.post(base, json={**spend, "consultation_id": use}, headers=auth(committee))
    assert accepted.status_code == 201, accepted.json
    over = client.post(base, json={**spend, "amount_cents": 900_001, "consultation_id": use},
                       headers=auth(committee))
    assert over.status_code == 409 and over.json["error"]["code"] == "over_balance"
    assert client.post(base, json=income, headers=auth(member)).status_code == 403
    shown = client.get(base, headers=auth(member)).json  # the 公示 an owner reads
    assert (shown["income_cents"], shown["spending_cents"], shown["balance_cents"]) == (
        1_200_000, 300_000, 900_000)
    assert shown["entries"][1]["decision_title"] == "用停车收益增设座椅"
    assert [e["balance_cents"] for e in shown["entries"]] == [1_200_000, 900_000]

    # 通知公告: the committee posts, owners read it once, the committee sees the count
    posted = client.post(f"{A}/estates/{estate.id}/notices",
                         json={"title": "业委会成立公告", "body": "张三、李四当选。"},
                         headers=auth(committee))
    assert posted.status_code == 201 and posted.json["reads"] == 0
    assert posted.json["audience"] == 12
    notice = posted.json["id"]
    mine = client.get(f"{A}/me/notices", headers=auth(member)).json
    assert [n["id"] for n in mine] == [notice] and mine[0]["read"] is False
    for _ in range(2):
        assert client.post(f"{A}/notices/{notice}/read", json={}, headers=auth(member)).status_code == 200
    counts = client.get(f"{A}/estates/{estate.id}/notices", headers=auth(committee)).json
    assert counts[0]["reads"] == 1
    explainer = client.post(f"{A}/estates/{estate.id}/notices", headers=auth(committee), json={
        "kind": "explainer", "title": "什么是管理规约", "body": "管理规约是……",
        "consultation_id": statute})
    assert explainer.status_code == 201
    linked = client.get(f"{A}/consultations/{statute}/explainers", headers=auth(member)).json
    assert [e["title"] for e in linked] == ["什么是管理规约"]
