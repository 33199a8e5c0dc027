"""An estate from a resident's application through the street's reserve and annual plan to its
plan's versions, comments and publicity, through the API; each refusal on the way is tested."""
from datetime import timedelta

import pytest

from app.db import utcnow
from app.plans.api import plan_publicity_ended
from tests.factories import auth, flats_of, link, make_estate, make_owner, make_user

A = "/api/v1"


@pytest.fixture
def people(estate):
    flats = flats_of(estate.id)
    owners = [make_owner(flat) for flat in flats]
    tenant = make_user()
    link(tenant, flats[0], "tenant")
    return {"flats": flats, "owners": owners, "tenant": tenant,
            "committee": make_user(roles=[("committee", estate.id)]),
            "designer": make_user(roles=[("designer", estate.id)]),
            "staff": make_user(roles=[("staff", None)])}


def post(client, path, user, body=None, status=None):
    response = client.post(A + path, json=body if body is not None else {}, headers=auth(user))
    if status is not None:
        assert response.status_code == status, response.get_json()
    return response


def error(response):
    return response.get_json()["error"]


def apply_and_submit(client, estate, people):
    """12 flats, threshold 2/3: 7 supports are refused, the 8th makes it."""
    owners, flats = people["owners"], people["flats"]
    application = post(client, f"/estates/{estate.id}/applications", owners[0],
                       {"reason": "管线老化，屋面漏水"}, 201).get_json()
    refused = post(client, f"/estates/{estate.id}/applications", owners[1], {"reason": "再申请"}, 409)
    assert error(refused)["code"] == "application_exists"
    path = f"/applications/{application['id']}"
    for owner, flat in list(zip(owners, flats))[:7]:
        post(client, path + "/supports", owner, {"flat_id": flat.id}, 201)
    assert error(post(client, path + "/supports", owners[0], {"flat_id": flats[0].id}, 409))["code"] \
        == "already_supported"
    post(client, path + "/supports", people["tenant"], {"flat_id": flats[0].id}, 403)
    post(client, path + "/supports", owners[8], {"flat_id": flats[7].id}, 403)  # not their flat
    below = error(post(client, path + "/submit", people["committee"], status=409))
    assert below["code"] == "support_below_threshold"
    assert "7/12" in below["message"] and "58.3%" in below["message"] and "2/3（66.7%）" in below["message"]
    assert "还差 1 户" in below["message"]
    post(client, path + "/submit", owners[0], status=403)
    post(client, path + "/supports", owners[7], {"flat_id": flats[7].id}, 201)
    shown = client.get(A + path, headers=auth(owners[7])).get_json()
    assert shown["support"]["share"] == "8/12" and shown["support"]["reached"] is True
    [mine] = shown["my_flats"]
    assert {k: mine[k] for k in ("flat_id", "label", "supported", "channel")} == {
        "flat_id": flats[7].id, "label": "1号楼 1单元 402", "supported": True, "channel": "online"}
    assert "在网上支持" in mine["how"]
    submitted = post(client, path + "/submit", people["committee"], status=200).get_json()
    assert submitted["status"] == "submitted"
    assert error(post(client, path + "/supports", owners[9], {"flat_id": flats[9].id}, 409))["code"] \
        == "not_collecting"
    return application["id"]


def reserve_and_plan(client, estate, people, application_id):
    staff = people["staff"]
    other = make_estate(name="东城二号院", built_year=1995)
    other_committee = make_user(roles=[("committee", other.id)])
    other_owner = make_owner(flats_of(other.id)[0])
    other_app = post(client, f"/estates/{other.id}/applications", other_owner, {"reason": "加装电梯"},
                     201).get_json()
    assert error(post(client, f"/applications/{other_app['id']}/reserve", staff,
                      {"estimated_cost_cents": 30_000_000}, 409))["code"] == "not_submitted"
    post(client, f"/applications/{application_id}/reserve", people["committee"],
         {"estimated_cost_cents": 80_000_000}, 403)
    post(client, f"/applications/{application_id}/reserve", staff, {"estimated_cost_cents": 80_000_000}, 201)
    assert error(post(client, f"/applications/{application_id}/reserve", staff,
                      {"estimated_cost_cents": 1}, 409))["code"] == "already_reserved"
    plan = post(client, "/annual-plans", staff, {"year": 2027, "district": "东城区",
                                                 "capacity_cents": 100_000_000}, 201).get_json()
    assert error(post(client, "/annual-plans", staff, {"year": 2027, "district": "东城区",
                                                       "capacity_cents": 1}, 409))["code"] == "plan_exists"
    entries = f"/annual-plans/{plan['id']}/entries"
    assert error(post(client, entries, staff, {"estate_id": other.id}, 409))["code"] == "not_in_reserve"
    planned = post(client, entries, staff, {"estate_id": estate.id}, 201).get_json()
    assert planned["used_cents"] == 80_000_000 and planned["used_percent"] == "80.0%"
    assert error(post(client, entries, staff, {"estate_id": estate.id}, 409))["code"] == "already_planned"
    # the second estate's estimate does not fit what is left
    for owner_flat in flats_of(other.id)[1:8]:
        post(client, f"/applications/{other_app['id']}/supports", make_owner(owner_flat),
             {"flat_id": owner_flat.id}, 201)
    post(client, f"/applications/{other_app['id']}/supports", other_owner,
         {"flat_id": flats_of(other.id)[0].id}, 201)
    post(client, f"/applications/{other_app['id']}/submit", other_committee, status=200)
    post(client, f"/applications/{other_app['id']}/reserve", staff, {"estimated_cost_cents": 30_000_000}, 201)
    over = error(post(client, entries, staff, {"estate_id": other.id}, 409))
    assert over["code"] == "over_capacity"
    assert "1,100,000.00" in over["message"] and "1,000,000.00" in over["message"]
    assert "还剩 200,000.00" in over["message"]
    ranked = client.get(A + "/staff/reserve", headers=auth(staff)).get_json()
    assert [row["estate"]["id"] for row in ranked] == [estate.id, other.id]  # older first on a tie
    assert ranked[0]["planned_plan_id"] == plan["id"] and ranked[1]["planned_plan_id"] is None
    willingness = {f["key"]: f for f in ranked[0]["factors"]}["willingness"]
    assert willingness["points_fraction"] == "80/3" and "居民申报时 8/12 户业主支持（66.7%）" in willingness["text"]
    client_plan = client.get(A + f"/annual-plans/{plan['id']}", headers=auth(staff)).get_json()
    assert [e["estate_id"] for e in client_plan["entries"]] == [estate.id]


SECTIONS = [{"key": "roof", "title": "屋面", "body": "屋面重做防水，更换落水管。"},
            {"key": "walls", "title": "外墙", "body": "外墙涂料翻新，颜色保持原样。"}]


def plan_comments_publicity(client, estate, people):
    designer, committee, staff, owner = (people["designer"], people["committee"], people["staff"],
                                         people["owners"][2])
    assert plan_publicity_ended(estate.id, utcnow()) == (False, "小区还没有改造方案")
    path = f"/estates/{estate.id}/plan-versions"
    post(client, path, owner, {"title": "方案", "sections": SECTIONS}, 403)
    assert error(post(client, path, designer, {"title": "方案", "sections": SECTIONS,
                                               "item_codes": ["basic.no_such"]}, 422))["fields"]
    first = post(client, path, designer, {"title": "改造方案（征求意见稿）", "sections": SECTIONS,
                                          "item_codes": ["basic.roof_repair",
                                                         "basic.exterior_wall_repair"]}, 201).get_json()
    building_id = client.get(A + f"/estates/{estate.id}/buildings", headers=auth(staff)).get_json()[0]["id"]
    client.put(A + f"/buildings/{building_id}/heritage", json={"heritage": "historic"}, headers=auth(committee))
    response = client.put(A + f"/buildings/{building_id}/heritage", json={"heritage": "historic"},
                          headers=auth(staff))
    assert response.status_code == 200 and response.get_json()["heritage_label"] == "历史建筑"
    shown = client.get(A + f"/plan-versions/{first['id']}", headers=auth(owner)).get_json()
    warnings = {item["code"]: item["warning"] for item in shown["items"]}
    assert warnings["basic.roof_repair"] is None and "历史建筑" in warnings["basic.exterior_wall_repair"]
    walls = shown["sections"][1]["id"]
    assert error(post(client, f"/plan-sections/{walls}/comments", owner,
                      {"quote": "刷成红色", "body": "?"}, 422))["fields"]["quote"]
    comment = post(client, f"/plan-sections/{walls}/comments", owner,
                   {"quote": "颜色保持原样", "body": "希望保留原来的青砖"}, 201).get_json()
    post(client, f"/plan-comments/{comment['id']}/answer", owner, {"answer": "好"}, 403)
    post(client, f"/plan-comments/{comment['id']}/answer", designer, {"answer": "青砖部分只清洗不涂料"}, 200)
    told = client.get(A + "/me/notifications", headers=auth(owner)).get_json()
    assert any(n["title"] == "您对改造方案的意见有了答复" for n in told)
    assert error(post(client, f"/plan-comments/{comment['id']}/answer", committee,
                      {"answer": "再答"}, 409))["code"] == "already_answered"
    second = post(client, path, designer, {"title": "改造方案（公示稿）", "item_codes": [
        "basic.roof_repair", "basic.exterior_wall_repair"], "sections": [
        SECTIONS[0], {"key": "walls", "title": "外墙", "body": "青砖外墙只清洗；其余涂料翻新。"},
        {"key": "green", "title": "绿化", "body": "补种行道树。"}]}, 201).get_json()
    assert [(c["key"], c["change"]) for c in second["changes"]] == [
        ("roof", "unchanged"), ("walls", "changed"), ("green", "added")]
    assert second["changes"][1]["before"] == SECTIONS[1]["body"]
    assert error(post(client, f"/plan-versions/{first['id']}/publicity", committee, status=409))["code"] \
        == "not_latest"
    blocked = error(post(client, f"/plan-versions/{second['id']}/publicity", committee, status=409))
    assert blocked["code"] == "heritage_review_pending" and "外墙维修" in blocked["message"]
    review = f"/estates/{estate.id}/heritage-reviews"
    post(client, review, committee, {"item_code": "basic.exterior_wall_repair", "decision": "approved",
                                     "note": "只清洗"}, 403)
    assert error(post(client, review, staff, {"item_code": "basic.roof_repair", "decision": "approved",
                                              "note": "x"}, 422))["fields"]["item_code"]
    post(client, review, staff, {"item_code": "basic.exterior_wall_repair", "decision": "approved",
                                 "note": "青砖只清洗，不得涂刷"}, 201)
    started = post(client, f"/plan-versions/{second['id']}/publicity", committee, status=200).get_json()
    assert started["publicity"]["state"] == "running" and started["publicity"]["days"] == 7
    assert error(post(client, f"/plan-versions/{second['id']}/publicity", committee, status=409))["code"] \
        == "publicity_started"
    ok, words = plan_publicity_ended(estate.id, utcnow())
    assert not ok and "正在公示" in words
    ok, words = plan_publicity_ended(estate.id, utcnow() + timedelta(days=7, minutes=1))
    assert ok and "公示期满" in words


def test_an_estate_from_application_to_the_end_of_its_plans_publicity(client, estate, people):
    application_id = apply_and_submit(client, estate, people)
    reserve_and_plan(client, estate, people, application_id)
    plan_comments_publicity(client, estate, people)


def test_an_estate_from_application_to_its_shared_project(client, estate, people):
    """Issue 19 in one walk: the application, reserve and annual plan, the plan with comments,
    heritage review and publicity, then the content vote with a cap, items, progress, joint
    acceptance, evaluation and sharing (tests/projects/test_coplan_walk.py)."""
    from tests.projects.helpers import Walk, within_means_to_sharing

    application_id = apply_and_submit(client, estate, people)
    reserve_and_plan(client, estate, people, application_id)
    plan_comments_publicity(client, estate, people)
    within_means_to_sharing(Walk(client, estate, people["owners"], people["committee"]))
