"""Creating projects, their cost shares, the what-if, refusals, the statement and who sees what."""
import subprocess

import pytest
from sqlalchemy import select

from app.consultations.api import Consultation
from app.elevators.api import ElevatorProject
from app.extensions import db
from tests.elevators.helpers import COEFFICIENTS, Stairwell6
from tests.factories import auth, make_owner, make_user


@pytest.fixture
def place(app):
    return Stairwell6()


def test_creating_opens_the_consent_round_at_stairwell_scope(client, place):
    response = place.create(client)
    assert response.status_code == 201, response.json
    consultation = db.session.get(Consultation, response.json["consultation_id"])
    assert consultation.template_key == "elevator_consent"
    assert (consultation.scope_type, consultation.scope_id) == ("stairwell", place.stairwell.id)
    assert consultation.status.value == "open"
    assert consultation.rule_key == "civil_code_278_special"
    assert response.json["floor_coefficients"] == COEFFICIENTS
    assert "住房公积金" in response.json["payment_note"]
    again = place.create(client)
    assert again.status_code == 409 and "已经有加装电梯项目" in again.json["error"]["message"]


def test_progress_says_what_is_still_missing_per_threshold(client, place):
    project = place.create(client).json
    assert [p["threshold"] for p in project["progress"]] == ["participation", "approval"]
    # nobody voted: participation needs 8 of 12 owners and 480.00 of 720.00 m²
    assert project["progress"][0]["text"] == "还差业主 8 人 / 480.00 ㎡"
    for flat in place.flats[:6]:
        place.vote(client, project["consultation_id"], flat, "agree")
    for flat in place.flats[6:8]:
        place.vote(client, project["consultation_id"], flat, "oppose")
    view = client.get(f"/api/v1/elevator-projects/{project['id']}", headers=place.committee_auth()).json
    participation, approval = view["progress"]
    assert participation["met"] and participation["text"] == "已达到"
    # 6 of 8 participants agree: exactly 3/4 passes ("以上" includes the bound)
    assert approval["met"]
    place.vote(client, project["consultation_id"], place.flats[5], "oppose")
    view = client.get(f"/api/v1/elevator-projects/{project['id']}", headers=place.committee_auth()).json
    assert not view["progress"][1]["met"]
    assert view["progress"][1]["missing_owners"] == 1


def test_cost_shares_sum_to_total_minus_subsidy_and_ground_floor_pays_nothing(client, place):
    project = place.create(client, total_cost_cents=60_000_001, subsidy_cents=19_999_999).json
    shares = client.get(f"/api/v1/elevator-projects/{project['id']}/cost-shares",
                        headers=place.committee_auth()).json
    assert len(shares) == 12
    assert sum(s["share_cents"] for s in shares) == 40_000_002
    assert all(s["share_cents"] == 0 for s in shares if s["floor"] == 1)
    assert {s["coefficient"] for s in shares if s["floor"] == 2} == {"0.4"}
    assert shares[0].keys() >= {"flat_id", "room", "floor", "area_m2", "coefficient", "share_cents"}


def test_what_if_recomputes_without_saving(client, place):
    project = place.create(client).json
    url = f"/api/v1/elevator-projects/{project['id']}"
    before = client.get(f"{url}/cost-shares", headers=place.committee_auth()).json
    flat = place.flats[11]  # a sixth-floor owner may try other tables too
    what_if = client.post(f"{url}/cost-shares/what-if",
                          json={"floor_coefficients": {"2": "1", "3": "1", "4": "1", "5": "1",
                                                       "6": "1"},
                                "low_floor_compensation_cents": {"1": 500_000}},
                          headers=place.owner_auth(flat))
    assert what_if.status_code == 200, what_if.json
    body = what_if.json
    assert body["saved"] is False and body["compensation_cents"] == 1_000_000
    assert sum(s["share_cents"] for s in body["shares"]) == 40_000_000
    assert {s["share_cents"] for s in body["shares"] if s["floor"] > 1} == {4_100_000}
    assert [s["share_cents"] for s in body["shares"] if s["floor"] == 1] == [-500_000, -500_000]
    after = client.get(f"{url}/cost-shares", headers=place.committee_auth()).json
    assert after == before
    db.session.expire_all()
    saved = db.session.get(ElevatorProject, project["id"])
    assert saved.floor_coefficients == COEFFICIENTS and saved.low_floor_compensation_cents == {}
    bad = client.post(f"{url}/cost-shares/what-if", json={"floor_coefficients": {"9": "1"}},
                      headers=place.committee_auth())
    assert bad.status_code == 422 and "没有 9 楼" in bad.json["error"]["message"]


@pytest.mark.parametrize("overrides, field, words", [
    ({"total_cost_cents": -1}, "total_cost_cents", "总造价不能为负数"),
    ({"subsidy_cents": 70_000_000}, "subsidy_cents", "补贴不能超过总造价"),
    ({"floor_coefficients": {**COEFFICIENTS, "7": "2.4"}}, "floor_coefficients",
     "该单元没有 7 楼"),
    ({"floor_coefficients": {"2": "0.4"}}, "floor_coefficients", "缺少 3、4、5、6 楼的系数"),
    ({"floor_coefficients": {**COEFFICIENTS, "3": "-0.8"}}, "floor_coefficients", "不能为负数"),
    ({"floor_coefficients": {**COEFFICIENTS, "3": 0.8}}, "floor_coefficients", "系数应为数字"),
    ({"publicity_days": 0}, "publicity_days", "公示天数至少为 1 天"),
    ({"publicity_days": -3}, "publicity_days", "公示天数至少为 1 天"),
    ({"compensation_cap": "2"}, "compensation_cap", "0 到 1 之间"),
    ({"low_floor_compensation_cents": {"1": -100}}, "low_floor_compensation_cents", "不小于 0"),
])
def test_bad_input_is_refused_in_chinese_and_nothing_is_written(client, place, overrides, field,
                                                                words):
    response = place.create(client, **overrides)
    assert response.status_code == 422, response.json
    error = response.json["error"]
    assert field in error["fields"]
    assert words in error["message"] or words in str(error["fields"][field])
    assert db.session.scalar(select(db.func.count(ElevatorProject.id))) == 0
    assert db.session.scalar(select(db.func.count(Consultation.id))) == 0


def test_the_statement_is_a_chinese_pdf_that_mentions_the_provident_fund(client, place, tmp_path):
    project = place.create(client).json
    flat = place.flats[11]
    url = f"/api/v1/elevator-projects/{project['id']}/flats/{flat.id}/statement.pdf"
    response = client.get(url, headers=place.owner_auth(flat))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    path = tmp_path / "statement.pdf"
    path.write_bytes(response.data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    share = next(s for s in client.get(f"/api/v1/elevator-projects/{project['id']}/cost-shares",
                                       headers=place.committee_auth()).json
                 if s["flat_id"] == flat.id)
    whole, cents = divmod(share["share_cents"], 100)
    assert "加装电梯费用分摊告知书" in text
    assert "住房公积金" in text and "不收取" in text
    assert f"{whole:,}.{cents:02d}" in text and flat.room in text
    # another owner of the stairwell may not read this flat's statement
    other = client.get(url, headers=place.owner_auth(place.flats[0]))
    assert other.status_code == 404
    assert client.get(url, headers=place.committee_auth()).status_code == 200


def test_who_may_see_and_act(client, place):
    project = place.create(client).json
    url = f"/api/v1/elevator-projects/{project['id']}"
    # a resident of the stairwell sees masked rooms; outsiders see nothing
    assert client.get(url, headers=place.owner_auth(place.flats[0])).status_code == 200
    outsider = make_user()
    assert client.get(url, headers=auth(outsider)).status_code == 404
    assert client.get(url).status_code == 401
    # an owner may not advance the stage nor create projects
    response = client.post(f"{url}/advance", json={"to": "publicity"},
                           headers=place.owner_auth(place.flats[0]))
    assert response.status_code == 403
    response = client.post(f"/api/v1/stairwells/{place.stairwell.id}/elevator-projects",
                           json=place.body(), headers=place.owner_auth(place.flats[0]))
    assert response.status_code == 403


def test_another_stairwells_owner_is_out_of_scope(client, app):
    from tests.factories import flats_of, make_estate

    estate = make_estate(buildings=(("1号楼", 2),), floors=2)
    flats = flats_of(estate.id)
    committee = make_user(roles=[("committee", estate.id)])
    first = [f for f in flats if f.stairwell_id == flats[0].stairwell_id]
    second = [f for f in flats if f.stairwell_id != flats[0].stairwell_id]
    response = client.post(f"/api/v1/stairwells/{flats[0].stairwell_id}/elevator-projects",
                           json={"total_cost_cents": 100_00, "floor_coefficients": {"2": "1"},
                                 "closes_at": "2099-01-01T00:00:00+08:00"},
                           headers=auth(committee))
    assert response.status_code == 201, response.json
    neighbour = make_owner(second[0])
    url = f"/api/v1/elevator-projects/{response.json['id']}"
    assert client.get(url, headers=auth(neighbour)).status_code == 404
    objection = client.post(f"{url}/objections", json={"flat_id": first[0].id, "reason": "x"},
                            headers=auth(make_owner(first[0])))
    assert objection.status_code == 409  # in scope, but not during publicity


def test_a_stairwell_lists_its_projects_to_those_who_may_see_them(client, place):
    project = place.create(client).json
    url = f"/api/v1/stairwells/{place.stairwell.id}/elevator-projects"
    listed = client.get(url, headers=place.owner_auth(place.flats[3])).json
    assert [(p["id"], p["stage"], p["stage_label"]) for p in listed] == [
        (project["id"], "consent", "意愿征询")]
    assert client.get(url, headers=auth(make_user())).status_code == 404
