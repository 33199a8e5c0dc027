"""The Consultations routes of API.md, end to end over HTTP."""
from datetime import timedelta

from app.consultations.api import Ballot, BallotVersion
from app.db import utcnow
from app.extensions import db
from tests.factories import (
    auth, flats_of, link, make_consultation, make_estate, make_owner, make_user)


def committee_of(estate):
    return make_user(roles=[("committee", estate.id)])


def stairwell_id(estate):
    return flats_of(estate.id)[0].stairwell_id


def test_templates_are_listed(client):
    user = make_user()
    response = client.get("/api/v1/consultation-templates", headers=auth(user))
    assert response.status_code == 200
    keys = {t["key"] for t in response.json}
    assert keys == {"willingness_survey", "needs_survey", "content_vote", "elevator_consent",
                    "dispute_resolution", "evaluation", "fund_use", "fund_raise",
                    # 共管 (issue 20)
                    "management_statute", "meeting_rules", "committee_election", "management_model",
                    "property_company", "public_income_use", "property_rating", "neighbourhood_needs"}
    assert all({"key", "kind", "title", "version"} <= set(t) for t in response.json)


def test_committee_creates_opens_and_members_vote_then_close_and_publish(client, signals_seen):
    estate = make_estate()
    committee = committee_of(estate)
    flats = flats_of(estate.id)
    closes_at = (utcnow() + timedelta(days=3)).isoformat()
    created = client.post(f"/api/v1/estates/{estate.id}/consultations", headers=auth(committee),
                          json={"template": "elevator_consent", "closes_at": closes_at,
                                "scope": {"type": "stairwell", "id": stairwell_id(estate)}})
    assert created.status_code == 201, created.json
    cid = created.json["id"]
    assert created.json["status"] == "draft" and created.json["rule"] == "civil_code_278_special"
    assert client.post(f"/api/v1/consultations/{cid}/open", headers=auth(committee)).json["status"] == "open"

    owner = make_owner(flats[0])
    detail = client.get(f"/api/v1/consultations/{cid}", headers=auth(owner)).json
    assert [q["key"] for q in detail["questions"]] == ["install", "concerns"]
    assert [o["key"] for o in detail["questions"][0]["options"]] == ["agree", "oppose", "abstain"]
    assert detail["my_ballots"] == [] and detail["voting_flats"] == [flats[0].id]

    first = client.put(f"/api/v1/consultations/{cid}/ballots/mine", headers=auth(owner),
                       json={"answers": {"install": "oppose", "concerns": ["cost"]}})
    assert first.status_code == 200, first.json
    again = client.put(f"/api/v1/consultations/{cid}/ballots/mine", headers=auth(owner),
                       json={"answers": {"install": "agree"}})
    assert again.status_code == 200 and again.json["receipt"] != first.json["receipt"]
    casts = [kw for name, kw in signals_seen if name == "ballot_cast"]
    assert casts == [{"consultation_id": cid, "estate_id": estate.id}] * 2
    assert db.session.scalar(db.select(db.func.count(Ballot.id))) == 1
    assert db.session.scalar(db.select(db.func.count(BallotVersion.id))) == 2

    results = client.get(f"/api/v1/consultations/{cid}/results", headers=auth(owner)).json
    assert results["participation"]["owners"] == "1/12"
    assert results["questions"][0]["options"]["agree"]["owners"] == 1
    assert results["questions"][0]["options"]["oppose"]["owners"] == 0
    assert results["decision"] == "pending"
    assert results["missing"] == {"owners": 7, "area_m2": "420.00"}

    assert client.get(f"/api/v1/consultations/{cid}/receipts", headers=auth(owner)).status_code == 409
    assert client.post(f"/api/v1/consultations/{cid}/close", headers=auth(committee)).status_code == 200
    late = client.put(f"/api/v1/consultations/{cid}/ballots/mine", headers=auth(owner),
                      json={"answers": {"install": "oppose", "concerns": ["cost"]}})
    assert late.status_code == 409 and late.json["error"]["code"] == "consultation_closed"
    assert client.post(f"/api/v1/consultations/{cid}/publish", headers=auth(committee)).status_code == 200
    listed = client.get(f"/api/v1/consultations/{cid}/receipts", headers=auth(owner)).json
    # every receipt handed out stays checkable; the replaced one says so
    assert sorted(listed, key=lambda row: not row["current"]) == [
        {"receipt": again.json["receipt"], "room_masked": "1**", "channel": "online",
         "current": True, "note": None},
        {"receipt": first.json["receipt"], "room_masked": "1**", "channel": "online",
         "current": False, "note": "这张回执已被后来的投票替换"}]
    statuses = [kw["status"] for name, kw in signals_seen if name == "consultation_status_changed"]
    assert statuses == ["open", "closed", "published"]
    final = client.get(f"/api/v1/consultations/{cid}/results", headers=auth(owner)).json
    assert final["decision"] == "failed" and "没有达到参与要求" in final["explanation"]


def test_wrong_transition_is_a_conflict(client):
    estate = make_estate()
    committee = committee_of(estate)
    consultation = make_consultation(estate, scope_type="stairwell",
                                     scope_id=stairwell_id(estate), actor=committee)
    response = client.post(f"/api/v1/consultations/{consultation.id}/publish", headers=auth(committee))
    assert response.status_code == 409 and response.json["error"]["code"] == "wrong_status"


def test_bad_input_is_refused_with_fields(client):
    estate = make_estate()
    committee = committee_of(estate)
    url = f"/api/v1/estates/{estate.id}/consultations"
    past = (utcnow() - timedelta(days=1)).isoformat()
    response = client.post(url, headers=auth(committee), json={"template": "elevator_consent",
                                                               "closes_at": past})
    assert response.status_code == 422 and "closes_at" in response.json["error"]["fields"]
    response = client.post(url, headers=auth(committee), json={"template": "nope",
                                                               "closes_at": "2099-01-01T00:00:00+08:00"})
    assert response.status_code == 422 and "template" in response.json["error"]["fields"]
    response = client.post(url, headers=auth(committee), json={
        "template": "needs_survey", "rule": "civil_code_278_special",
        "closes_at": "2099-01-01T00:00:00+08:00"})
    assert response.status_code == 422 and "rule" in response.json["error"]["fields"]
    response = client.post(url, headers=auth(committee), json={
        "template": "elevator_consent", "closes_at": "2099-01-01T00:00:00+08:00",
        "scope": {"type": "stairwell"}})
    assert response.status_code == 422 and "scope" in response.json["error"]["fields"]
    response = client.post(url, headers=auth(committee), json={"closes_at": "soon", "x": 1})
    assert response.status_code == 422
    assert {"template", "closes_at", "x"} <= set(response.json["error"]["fields"])


def test_bad_answers_name_the_question(client):
    estate = make_estate()
    consultation = make_consultation(estate, scope_type="stairwell", scope_id=stairwell_id(estate))
    owner = make_owner(flats_of(estate.id)[0])
    url = f"/api/v1/consultations/{consultation.id}/ballots/mine"
    cases = [({"install": "maybe"}, "install"), ({}, "install"), ({"install": 1}, "install"),
             ({"install": "agree", "concerns": ["cost"]}, "concerns"),
             ({"install": "oppose"}, "concerns"),
             ({"install": "oppose", "concerns": ["cost", "cost"]}, "concerns"),
             ({"install": "agree", "colour": "red"}, "colour")]
    for answers, question in cases:
        response = client.put(url, headers=auth(owner), json={"answers": answers})
        assert response.status_code == 422, (answers, response.json)
        assert question in response.json["error"]["fields"]["answers"], (answers, response.json)
    assert db.session.scalar(db.select(db.func.count(Ballot.id))) == 0


def test_non_owner_is_forbidden_and_outsiders_see_nothing(client):
    estate = make_estate()
    other = make_estate(name="别的小区")
    consultation = make_consultation(estate, scope_type="stairwell", scope_id=stairwell_id(estate))
    flats = flats_of(estate.id)
    tenant = make_user()
    link(tenant, flats[1], "tenant")
    url = f"/api/v1/consultations/{consultation.id}"
    response = client.put(url + "/ballots/mine", headers=auth(tenant),
                          json={"answers": {"install": "agree"}})
    assert response.status_code == 403 and response.json["error"]["code"] == "not_owner"
    assert client.get(url, headers=auth(tenant)).status_code == 200
    stranger = make_owner(flats_of(other.id)[0])
    for method, path in (("get", ""), ("get", "/results"), ("get", "/receipts"),
                         ("put", "/ballots/mine"), ("post", "/close")):
        response = getattr(client, method)(url + path, headers=auth(stranger),
                                           json={"answers": {"install": "agree"}})
        assert response.status_code == 404, (method, path, response.json)
    owner = make_owner(flats[0])
    assert client.post(url + "/close", headers=auth(owner)).status_code == 403
    assert client.get(url).status_code == 401


def test_owner_of_another_stairwell_cannot_see_a_stairwell_vote(client):
    estate = make_estate(buildings=(("1号楼", 2),))
    flats = flats_of(estate.id)
    first, second = flats[0].stairwell_id, next(f for f in flats if f.stairwell_id != flats[0].stairwell_id)
    consultation = make_consultation(estate, scope_type="stairwell", scope_id=first)
    neighbour = make_owner(second)
    response = client.put(f"/api/v1/consultations/{consultation.id}/ballots/mine",
                          headers=auth(neighbour), json={"answers": {"install": "agree"}})
    assert response.status_code == 404
    listed = client.get(f"/api/v1/estates/{estate.id}/consultations", headers=auth(neighbour))
    assert listed.status_code == 200 and listed.json == []


def test_list_filters_by_status_and_hides_drafts_from_residents(client):
    estate = make_estate()
    committee = committee_of(estate)
    draft = make_consultation(estate, "needs_survey", actor=committee, open_now=False)
    opened = make_consultation(estate, "needs_survey", actor=committee)
    owner = make_owner(flats_of(estate.id)[0])
    url = f"/api/v1/estates/{estate.id}/consultations"
    assert [c["id"] for c in client.get(url, headers=auth(owner)).json] == [opened.id]
    assert {c["id"] for c in client.get(url, headers=auth(committee)).json} == {draft.id, opened.id}
    assert [c["id"] for c in client.get(url + "?status=draft", headers=auth(committee)).json] == [draft.id]
    assert client.get(url + "?status=nope", headers=auth(committee)).status_code == 422
