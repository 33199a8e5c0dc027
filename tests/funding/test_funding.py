"""公开资金: a project's money by source as committed, received and spent, exact in fen; the
utilities' money read from their records (never entered twice); residents' money in one
function; a spend beyond the money received refused (also when two arrive at once); the
public table for anyone without the committee's notes."""
import io
import re
from datetime import timedelta

import pytest
from PIL import Image

from app.display import china_today
from app.extensions import db
from app.funding.api import FundingEntry, FundingLedger, record_entry, residents_money, services
from app.projects.api import RenovationProject, create_project
from app.utilities.api import record_contribution
from tests.factories import auth, make_user
from tests.helpers import together

DAY = timedelta(days=1)


@pytest.fixture
def project(estate, committee):
    return create_project(estate.id, "和平里综合改造", 1_000_000_00, committee.id)


def post(client, user, project, **body):
    entry = {"source": "district_subsidy", "stage": "received", "amount_cents": 100_000_00,
             "dated_on": str(china_today() - DAY), "party": "东城区财政局", "document_no": "东财建〔2026〕12号",
             "note": "第一批", **body}
    return client.post(f"/api/v1/projects/{project.id}/money-entries", headers=auth(user), json=entry)


def test_the_table_adds_every_source_exactly_and_reads_the_utilities_from_their_records(
        client, project, committee):
    record_contribution(project, {"utility": "water", "stage": "committed", "amount_cents": 50_000_01,
                                  "dated_on": china_today() - 5 * DAY}, committee.id)
    record_contribution(project, {"utility": "water", "stage": "received", "amount_cents": 20_000_00,
                                  "dated_on": china_today() - 2 * DAY, "document_no": "水汇 0042"}, committee.id)
    for body in ({"source": "central_subsidy", "stage": "committed", "amount_cents": 300_000_00},
                 {"source": "central_subsidy", "stage": "received", "amount_cents": 150_000_00},
                 {"source": "former_employer", "stage": "received", "amount_cents": 1, "party": "北京第一机床厂"},
                 {"source": "residents", "stage": "received", "amount_cents": 12_345_67, "party": "3号楼居民（线下收取）"},
                 {"source": "utilities", "stage": "spent", "amount_cents": 19_999_99, "party": "施工单位"}):
        assert post(client, committee, project, **body).status_code == 201
    table = client.get(f"/api/v1/projects/{project.id}/money", headers=auth(committee)).json
    rows = {row["source"]: row for row in table["sources"]}
    assert [row["label"] for row in table["sources"]][:4] == ["中央补助资金", "省级补助资金", "市级补助资金", "区级补助资金"]
    assert (rows["utilities"]["committed_cents"], rows["utilities"]["received_cents"],
            rows["utilities"]["spent_cents"]) == (50_000_01, 20_000_00, 19_999_99)
    assert rows["residents"]["received_cents"] == 12_345_67 == residents_money(project.id)["received_cents"]
    assert table["totals"] == {"committed_cents": 350_000_01, "received_cents": 182_345_68,
                               "spent_cents": 19_999_99}
    assert table["left_cents"] == 162_345_69 and table["left_text"] == "结余 162,345.69 元（已到账减已支出）"
    from_them = [e for e in table["entries"] if e["from_utilities"]]
    assert [(e["party"], e["stage_label"]) for e in from_them] == [("供水单位", "承诺"), ("供水单位", "到账")]


def test_utilities_money_is_not_entered_twice_and_messy_amounts_are_refused(client, project, committee):
    twice = post(client, committee, project, source="utilities", stage="received")
    assert twice.status_code == 422
    assert twice.json["error"]["fields"]["source"].startswith("专业经营单位的承诺和到账在")
    for amount in (1000.5, "1,000.00", "100000", 0, -1, 10**14):
        assert "amount_cents" in post(client, committee, project, amount_cents=amount).json["error"]["fields"], amount
    commas = post(client, committee, project, amount_cents="1,000.00").json["error"]["fields"]["amount_cents"]
    assert commas == "金额请写数字，如 1200000 或 1200000.50，不要加逗号或“元”"
    future = post(client, committee, project, dated_on=str(china_today() + DAY))
    assert future.json["error"]["fields"]["dated_on"] == "日期不能晚于今天"
    assert post(client, committee, project, source="lottery").status_code == 422
    assert db.session.query(FundingEntry).count() == 0


def test_a_spend_beyond_the_money_received_is_refused_saying_what_is_left(client, project, committee):
    post(client, committee, project, stage="committed", amount_cents=900_000_00)  # promised is not money in hand
    post(client, committee, project, amount_cents=100_000_00)
    assert post(client, committee, project, stage="spent", amount_cents=60_000_00, party="施工单位").status_code == 201
    refused = post(client, committee, project, stage="spent", amount_cents=40_000_01, party="施工单位")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "spend_beyond_received"
    assert refused.json["error"]["message"] == (
        "这笔支出 40,000.01 元超出了区级补助资金能用的钱：区级补助资金已到账 100,000.00 元，"
        "已支出 60,000.00 元，还能支出 40,000.00 元。请先登记到账，再登记支出。")
    assert post(client, committee, project, stage="spent", amount_cents=40_000_00).status_code == 201
    assert db.session.query(FundingLedger).one().spent_cents == 100_000_00


def test_a_source_spends_only_what_it_received_however_much_others_did(client, project, committee):
    """The public table never shows a subsidy spent beyond its arrival (it reads as misuse)."""
    post(client, committee, project, source="city_subsidy", amount_cents=500_000_00)
    post(client, committee, project, amount_cents=30_000_00)  # the district's
    refused = post(client, committee, project, stage="spent", amount_cents=30_000_01)
    assert refused.status_code == 409 and "还能支出 30,000.00 元" in refused.json["error"]["message"]
    assert post(client, committee, project, stage="spent", source="city_subsidy",
                amount_cents=30_000_01).status_code == 201
    rows = {row["source"]: row for row in services.money_table(project.id)["sources"]}
    assert all(row["spent_cents"] <= row["received_cents"] for row in rows.values())


def test_two_spends_at_once_cannot_both_take_the_same_money(app, project, committee):
    """Real threads released together: each spend alone fits the money received, both do not;
    the ledger lock decides them one after the other and refuses the second."""
    record_entry(project, {"source": "city_subsidy", "stage": "received", "amount_cents": 100_00,
                           "dated_on": china_today()}, committee.id)
    project_id, committee_id = project.id, committee.id
    outcomes = together(app, 4, lambda _: record_entry(
        db.session.get(RenovationProject, project_id),
        {"source": "city_subsidy", "stage": "spent", "amount_cents": 40_00, "dated_on": china_today()}, committee_id))
    assert sorted(outcomes) == ["ok", "ok", "spend_beyond_received", "spend_beyond_received"]
    assert services.money_table(project_id)["totals"]["spent_cents"] == 80_00
    assert db.session.query(FundingLedger).filter_by(project_id=project_id).one().spent_cents == 80_00


def test_anyone_reads_the_public_table_without_notes_only_the_committee_records(client, project, committee, owner):
    entry = post(client, committee, project).json
    photo = io.BytesIO()
    Image.new("RGB", (60, 80), (250, 250, 250)).save(photo, "PNG")
    url = f"/api/v1/money-entries/{entry['id']}/evidence"
    assert client.post(url, headers=auth(owner), data={"photo": (io.BytesIO(photo.getvalue()), "p.png")}).status_code == 403
    kept = client.post(url, headers=auth(committee), data={"photo": (io.BytesIO(photo.getvalue()), "p.png")})
    assert kept.status_code == 200 and kept.json["evidence_url"].startswith("/api/v1/media/estate-")
    public = client.get(f"/api/v1/projects/{project.id}/public-money").json
    assert public["has_money"] and public["totals"]["received_cents"] == 100_000_00
    assert public["entries"][0]["document_no"] == "东财建〔2026〕12号" and public["entries"][0]["has_evidence"]
    assert "note" not in public["entries"][0] and "evidence_url" not in public["entries"][0]
    assert client.get("/api/v1/projects/999999/public-money").status_code == 404
    assert post(client, owner, project).status_code == 403
    assert post(client, make_user(), project).status_code == 404
    assert client.get(f"/api/v1/projects/{project.id}/money", headers=auth(owner)).status_code == 403


def test_the_public_chart_draws_every_source_on_one_scale(client, project, committee):
    """A longer bar is more money: 100,000 元 of the city draws twice as long as 50,000 元 of the
    district, whatever each had promised (bars as shares of each promise misled a cold walk)."""
    post(client, committee, project, source="city_subsidy", stage="committed", amount_cents=900_000_00)
    post(client, committee, project, source="city_subsidy", amount_cents=100_000_00)
    post(client, committee, project, source="district_subsidy", stage="committed", amount_cents=50_000_00)
    post(client, committee, project, source="district_subsidy", amount_cents=50_000_00)
    page = client.get(f"/estates/{project.estate_id}/public").get_data(as_text=True)
    chart = re.search(r'<svg[^>]*aria-label="各来源已到账的钱（万元）".*?</svg>', page, re.S).group(0)
    widths = [int(w) for w in re.findall(r'<rect x="0" y="\d+" width="(\d+)"', chart)]
    assert len(widths) == 2 and widths[0] == 2 * widths[1]
