"""片区: estates of one street grouped; a survey across them counts each estate's flats once;
spare resources with proposed uses that residents comment on and vote for."""

from app.comanage.api import areas
from app.estates.api import create_estate
from tests.comanage.helpers import A, later
from tests.factories import auth, flats_of, link, make_estate, make_owner, make_user
from tests.helpers import together


def two_estates():
    first = make_estate("东区")  # 12 flats
    second = make_estate("西区", buildings=(("1号楼", 2), ("2号楼", 1)))  # 36 flats
    return first, second


def test_a_survey_across_two_estates_counts_each_estates_flats_once(client, app):
    first, second = two_estates()
    staff = make_user(roles=[("staff", None)])
    made = client.post(f"{A}/neighbourhoods", headers=auth(staff),
                       json={"name": "和平里北片区", "estate_ids": [first.id, second.id]})
    assert made.status_code == 201, made.json
    area = made.json["id"]
    survey = client.post(f"{A}/neighbourhoods/{area}/surveys", headers=auth(staff),
                         json={"closes_at": later()})
    assert survey.status_code == 201, survey.json
    assert survey.json["flats"] == 12 + 36 and survey.json["ballots"] == 0
    parts = {e["estate_id"]: e for e in survey.json["estates"]}
    assert (parts[first.id]["flats"], parts[second.id]["flats"]) == (12, 36)

    # a person living in both estates answers once in each; others in their own
    both = make_owner(flats_of(first.id)[0])
    link(both, flats_of(second.id)[0], "tenant")
    answers = {"answers": {"facilities": ["elderly_care", "parking"]}}
    for estate_id in (first.id, second.id):
        response = client.put(f"{A}/consultations/{parts[estate_id]['consultation_id']}/ballots/mine",
                              json=answers, headers=auth(both))
        assert response.status_code == 200, response.json
    neighbour = make_owner(flats_of(second.id)[5])
    client.put(f"{A}/consultations/{parts[second.id]['consultation_id']}/ballots/mine",
               json={"answers": {"facilities": ["parking"]}}, headers=auth(neighbour))
    # a resident of the first estate cannot answer the second estate's part
    stranger = make_owner(flats_of(first.id)[3])
    refused = client.put(f"{A}/consultations/{parts[second.id]['consultation_id']}/ballots/mine",
                         json=answers, headers=auth(stranger))
    assert refused.status_code == 404

    results = client.get(f"{A}/neighbourhood-surveys/{survey.json['id']}/results",
                         headers=auth(neighbour)).json
    assert results["flats"] == 48 and results["ballots"] == 3
    assert {e["estate_id"]: e["ballots"] for e in results["estates"]} == {first.id: 1, second.id: 2}
    facilities = next(q for q in results["questions"] if q["key"] == "facilities")
    assert facilities["options"]["parking"]["ballots"] == 3
    assert facilities["options"]["elderly_care"]["ballots"] == 2
    # the sum is the sum of the estates' own results, never a flat counted twice
    from app.consultations.api import get_consultation, results as outcome_of
    flats = sum(outcome_of(get_consultation(e["consultation_id"])).flat_count
                for e in results["estates"])
    assert flats == results["flats"] == len(flats_of(first.id)) + len(flats_of(second.id))


def test_a_neighbourhood_is_one_street_and_an_estate_joins_one(client, app):
    first, second = two_estates()
    elsewhere = create_estate(name="外街小区", district="东城区", street="安定门街道", built_year=1990)
    staff = make_user(roles=[("staff", None)])
    wrong = client.post(f"{A}/neighbourhoods", headers=auth(staff),
                        json={"name": "跨街", "estate_ids": [first.id, elsewhere.id]})
    assert wrong.status_code == 422 and "estate_ids" in wrong.json["error"]["fields"]
    committee = make_user(roles=[("committee", first.id)])
    body = {"name": "北片区", "estate_ids": [first.id, second.id]}
    assert client.post(f"{A}/neighbourhoods", headers=auth(committee), json=body).status_code == 403
    assert client.post(f"{A}/neighbourhoods", headers=auth(staff), json=body).status_code == 201
    again = client.post(f"{A}/neighbourhoods", headers=auth(staff), json=body)
    assert again.status_code == 409 and again.json["error"]["code"] == "estate_in_another"
    outsider = make_owner(flats_of(make_estate("南区").id)[0])
    assert client.get(f"{A}/neighbourhoods", headers=auth(outsider)).json == []


def test_spare_resources_take_proposals_comments_and_one_vote_per_resident(client, app):
    first, second = two_estates()
    staff = make_user(roles=[("staff", None)])
    area = client.post(f"{A}/neighbourhoods", headers=auth(staff),
                       json={"name": "北片区", "estate_ids": [first.id, second.id]}).json["id"]
    made = client.post(f"{A}/neighbourhoods/{area}/resources", headers=auth(staff), json={
        "kind": "premises", "name": "原锅炉房", "location": "东区3号楼北侧", "area_m2": "120.50"})
    assert made.status_code == 201, made.json
    resource = made.json["id"]
    resident, other = make_owner(flats_of(first.id)[0]), make_owner(flats_of(second.id)[0])
    ideas = [client.post(f"{A}/spare-resources/{resource}/proposals", headers=auth(resident),
                         json={"title": title}).json["id"] for title in ("养老驿站", "共享书屋")]
    assert client.post(f"{A}/spare-resources/{resource}/comments", headers=auth(other),
                       json={"body": "希望晚上也开放"}).status_code == 201
    # a comment is as long as a plan's (the shared comment schema): 2000 characters
    too_long = client.post(f"{A}/spare-resources/{resource}/comments", headers=auth(other),
                           json={"body": "长" * 2001})
    assert too_long.status_code == 422
    assert too_long.json["error"]["fields"]["body"] == "请写 1 到 2000 个字"
    for proposal in (ideas[0], ideas[1]):  # a changed vote replaces the first
        assert client.put(f"{A}/spare-resources/{resource}/votes", headers=auth(resident),
                          json={"proposal_id": proposal}).status_code == 200
    view = client.put(f"{A}/spare-resources/{resource}/votes", headers=auth(other),
                      json={"proposal_id": ideas[1]}).json
    assert [p["votes"] for p in view["proposals"]] == [0, 2] and view["votes"] == 2
    assert view["proposals"][1]["mine"] and view["comments"][0]["body"] == "希望晚上也开放"
    assert view["area_m2"] == "120.50"
    assert client.put(f"{A}/spare-resources/{resource}/votes", headers=auth(staff),
                      json={"proposal_id": ideas[0]}).status_code == 403
    outsider = make_owner(flats_of(make_estate("南区").id)[0])
    assert client.get(f"{A}/spare-resources/{resource}", headers=auth(outsider)).status_code == 404


def test_simultaneous_votes_of_one_resident_leave_one_vote(app, backend):
    first, second = two_estates()
    staff = make_user(roles=[("staff", None)])
    area = areas.create("北片区", [first.id, second.id], staff.id)
    resource = areas.add_resource(area, {"kind": "land", "name": "空地", "location": "西区东侧",
                                         "area_m2": 80}, staff.id)
    resident = make_owner(flats_of(first.id)[0])
    proposals = [areas.propose(resource, resident, title, "").id for title in ("停车", "花园")]
    resource_id, resident_id = resource.id, resident.id

    def cast(index):
        from app.auth.api import User
        from app.comanage.api import SpareResource
        from app.extensions import db

        areas.vote(db.session.get(SpareResource, resource_id), db.session.get(User, resident_id),
                   proposals[index % 2])

    assert together(app, 6, cast) == ["ok"] * 6
    from app.comanage.api import ResourceVote
    from app.extensions import db

    assert db.session.query(ResourceVote).filter_by(resource_id=resource_id).count() == 1
