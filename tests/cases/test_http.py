"""Cases over HTTP: who may read, post and moderate, and what comes back."""
import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.factories import auth, flats_of, make_estate, make_owner, make_user


@pytest.fixture
def world(app):
    estate = make_estate()
    flats = flats_of(estate.id)
    other = make_estate(name="隔壁小区")
    return {
        "estate": estate, "flats": flats,
        "owner": make_owner(flats[0]), "neighbour": make_owner(flats[1]),
        "committee": make_user(roles=[("committee", estate.id)]),
        "moderator": make_user(roles=[("moderator", estate.id)]),
        "other_estate": other, "outsider": make_owner(flats_of(other.id)[0]),
    }


def open_case(client, world, who="owner"):
    flats = world["flats"]
    response = client.post(f"/api/v1/estates/{world['estate'].id}/cases", headers=auth(world[who]),
                           json={"title": "停车场占用绿地", "description": "南侧绿地被改成停车位",
                                 "affected_flat_ids": [flats[0].id, flats[1].id]})
    assert response.status_code == 201, response.json
    return response.json


def post(client, world, case_id, body, who="owner", parent_id=None):
    payload = {"body": body} if parent_id is None else {"body": body, "parent_id": parent_id}
    return client.post(f"/api/v1/cases/{case_id}/posts", headers=auth(world[who]), json=payload)


def test_a_resident_opens_a_case_and_reads_it_with_rooms_masked(client, world):
    case = open_case(client, world)
    assert case["status"] == "open" and case["locked"] is False
    assert [f["flat_id"] for f in case["affected_flats"]] == [f.id for f in world["flats"][:2]]
    assert case["affected_flats"][0]["room"] == "1**"
    assert case["parties"][0]["role"] == "applicant"
    as_committee = client.get(f"/api/v1/cases/{case['id']}", headers=auth(world["committee"])).json
    assert as_committee["affected_flats"][0]["room"] == "101"
    listed = client.get(f"/api/v1/estates/{world['estate'].id}/cases?status=open",
                        headers=auth(world["neighbour"])).json
    assert [c["id"] for c in listed] == [case["id"]]


def test_a_resident_of_another_estate_can_neither_read_nor_post(client, world):
    case = open_case(client, world)
    mine = post(client, world, case["id"], "本小区的发言").json
    outsider = auth(world["outsider"])
    for path in (f"/api/v1/cases/{case['id']}", f"/api/v1/cases/{case['id']}/posts",
                 f"/api/v1/cases/{case['id']}/meetings", f"/api/v1/posts/{mine['id']}",
                 f"/api/v1/estates/{world['estate'].id}/cases"):
        response = client.get(path, headers=outsider)
        assert response.status_code == 404, path
        assert response.json["error"]["code"] == "not_found"
    assert post(client, world, case["id"], "外人发言", who="outsider").status_code == 404
    assert client.post(f"/api/v1/posts/{mine['id']}/reports", headers=outsider,
                       json={"reason": "x"}).status_code == 404
    assert client.post(f"/api/v1/estates/{world['estate'].id}/cases", headers=outsider, json={
        "title": "t", "description": "d",
        "affected_flat_ids": [world["flats"][0].id]}).status_code == 404
    assert client.get(f"/api/v1/cases/{case['id']}").status_code == 401


def test_a_resident_cannot_moderate(client, world):
    case = open_case(client, world)
    mine = post(client, world, case["id"], "一条发言").json
    resident = auth(world["neighbour"])
    for path, payload in ((f"/api/v1/posts/{mine['id']}/hide", {"reason": "不喜欢"}),
                          (f"/api/v1/posts/{mine['id']}/unhide", {"reason": "x"}),
                          (f"/api/v1/cases/{case['id']}/lock", {}),
                          (f"/api/v1/cases/{case['id']}/meetings",
                           {"held_at": "2026-11-20T10:00:00+08:00", "place": "x", "minutes": "y"}),
                          (f"/api/v1/cases/{case['id']}/close", {"outcome": "我说了算"})):
        response = client.post(path, headers=resident, json=payload)
        assert response.status_code == 403, path
        assert response.json["error"]["message"] == "没有权限做这件事"
    assert client.get(f"/api/v1/cases/{case['id']}/reports", headers=resident).status_code == 403
    assert client.get(f"/api/v1/posts/{mine['id']}", headers=resident).json["hidden"] is False


SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)> 详见 http://evil.example/?a=1&b=2'


def test_script_in_a_post_comes_back_inert(client, world):
    case = open_case(client, world)
    created = post(client, world, case["id"], SCRIPT)
    listed = client.get(f"/api/v1/cases/{case['id']}/posts", headers=auth(world["neighbour"]))
    one = client.get(f"/api/v1/posts/{created.json['id']}", headers=auth(world["neighbour"]))
    for response in (created, listed, one):
        assert response.mimetype == "application/json"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        raw = response.get_data()
        assert b"<" not in raw and b">" not in raw and b"&" not in raw
        assert "\\u003cscript\\u003e" in raw.decode()
    # the text itself is kept exactly, for the page to escape
    assert created.json["body"] == SCRIPT
    assert listed.json[0]["body"] == SCRIPT
    assert json.loads(one.get_data())["body"] == SCRIPT


def test_markup_in_title_description_and_minutes_is_inert_too(client, world):
    response = client.post(f"/api/v1/estates/{world['estate'].id}/cases", headers=auth(world["owner"]),
                           json={"title": "<b>标题</b>", "description": "<script>x</script>",
                                 "affected_flat_ids": [world["flats"][0].id]})
    assert response.status_code == 201
    assert b"<" not in response.get_data() and response.json["title"] == "<b>标题</b>"


def test_hidden_posts_show_as_hidden_with_the_reason(client, world):
    case = open_case(client, world)
    first = post(client, world, case["id"], "他家就是自私").json
    reply = post(client, world, case["id"], "你才自私", who="neighbour", parent_id=first["id"]).json
    hidden = client.post(f"/api/v1/posts/{reply['id']}/hide", headers=auth(world["moderator"]),
                         json={"reason": "人身攻击"})
    assert hidden.status_code == 200 and hidden.json["body"] == "你才自私"
    as_resident = client.get(f"/api/v1/cases/{case['id']}/posts", headers=auth(world["owner"])).json
    assert [p["id"] for p in as_resident] == [first["id"], reply["id"]]
    assert as_resident[1]["parent_id"] == first["id"]
    assert as_resident[1]["hidden"] is True and as_resident[1]["body"] is None
    assert as_resident[1]["hidden_reason"] == "人身攻击"
    as_moderator = client.get(f"/api/v1/cases/{case['id']}/posts", headers=auth(world["moderator"])).json
    assert as_moderator[1]["body"] == "你才自私"
    log = client.get(f"/api/v1/cases/{case['id']}/moderation", headers=auth(world["owner"])).json
    assert [(m["kind"], m["reason"], m["actor_id"]) for m in log] == [
        ("hide", "人身攻击", world["moderator"].id)]
    shown = client.post(f"/api/v1/posts/{reply['id']}/unhide", headers=auth(world["committee"]),
                        json={"reason": "当事人已道歉"})
    assert shown.status_code == 200 and shown.json["hidden"] is False


def test_locked_and_closed_cases_refuse_posts_in_chinese(client, world):
    case = open_case(client, world)
    locked = client.post(f"/api/v1/cases/{case['id']}/lock", headers=auth(world["moderator"]),
                         json={"reason": "冷静三天"})
    assert locked.status_code == 200 and locked.json["locked"] is True
    refused = post(client, world, case["id"], "我还要说")
    assert refused.status_code == 409
    assert refused.json["error"] == {"code": "case_locked", "message": "讨论已被锁定，暂时不能发言",
                                     "fields": {}}
    assert client.post(f"/api/v1/cases/{case['id']}/unlock", headers=auth(world["moderator"]),
                       json={}).status_code == 200
    assert post(client, world, case["id"], "恢复了").status_code == 201
    closed = client.post(f"/api/v1/cases/{case['id']}/close", headers=auth(world["committee"]),
                         json={"outcome": "调解成功"})
    assert closed.status_code == 200 and closed.json["status"] == "closed"
    refused = post(client, world, case["id"], "结案后")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "case_closed"


def test_reports_edits_and_moderator_report_list(client, world):
    case = open_case(client, world)
    mine = post(client, world, case["id"], "初稿").json
    edited = client.patch(f"/api/v1/posts/{mine['id']}", headers=auth(world["owner"]), json={"body": "改过"})
    assert edited.status_code == 200 and edited.json["body"] == "改过" and edited.json["edited_at"]
    assert client.patch(f"/api/v1/posts/{mine['id']}", headers=auth(world["neighbour"]),
                        json={"body": "x"}).status_code == 403
    history = client.get(f"/api/v1/posts/{mine['id']}/revisions", headers=auth(world["neighbour"])).json
    assert [r["body"] for r in history] == ["初稿"]
    first = client.post(f"/api/v1/posts/{mine['id']}/reports", headers=auth(world["neighbour"]),
                        json={"reason": "跑题"})
    assert first.status_code == 201
    again = client.post(f"/api/v1/posts/{mine['id']}/reports", headers=auth(world["neighbour"]),
                        json={"reason": "跑题"})
    assert again.status_code == 409 and again.json["error"]["code"] == "already_reported"
    reports = client.get(f"/api/v1/cases/{case['id']}/reports", headers=auth(world["moderator"])).json
    assert [(r["post_id"], r["reporter_id"], r["reason"]) for r in reports] == [
        (mine["id"], world["neighbour"].id, "跑题")]


@pytest.mark.parametrize("payload, field", [
    ({"body": "   "}, "body"),
    ({"body": "x" * 5001}, "body"),
    ({"body": "ok", "color": "red"}, "color"),
    ({"body": "ok", "parent_id": "1"}, "parent_id"),
])
def test_bad_posts_are_refused_with_fields(client, world, payload, field):
    case = open_case(client, world)
    response = client.post(f"/api/v1/cases/{case['id']}/posts", headers=auth(world["owner"]), json=payload)
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]


def test_a_case_needs_flats_of_its_estate(client, world):
    outsider_flat = flats_of(world["other_estate"].id)[0]
    response = client.post(f"/api/v1/estates/{world['estate'].id}/cases", headers=auth(world["owner"]),
                           json={"title": "t", "description": "d",
                                 "affected_flat_ids": [outsider_flat.id]})
    assert response.status_code == 422
    assert "不在本小区" in response.json["error"]["fields"]["affected_flat_ids"]
    empty = client.post(f"/api/v1/estates/{world['estate'].id}/cases", headers=auth(world["owner"]),
                        json={"title": "t", "description": "d", "affected_flat_ids": []})
    assert empty.status_code == 422


def test_a_meeting_needs_an_aware_time(client, world):
    case = open_case(client, world)
    response = client.post(f"/api/v1/cases/{case['id']}/meetings", headers=auth(world["committee"]),
                           json={"held_at": "2026-11-20T10:00:00", "place": "活动室", "minutes": "x"})
    assert response.status_code == 422 and "held_at" in response.json["error"]["fields"]
    held_at = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)
    ok = client.post(f"/api/v1/cases/{case['id']}/meetings", headers=auth(world["committee"]),
                     json={"held_at": (held_at + timedelta(hours=8)).astimezone(
                         timezone(timedelta(hours=8))).isoformat(), "place": "活动室", "minutes": "x"})
    assert ok.status_code == 201
    assert datetime.fromisoformat(ok.json["held_at"]) == held_at + timedelta(hours=8)


def test_a_case_from_creation_to_a_published_outcome(client, world):
    """Creation, discussion, a hidden post, a meeting, a resolution vote, a published outcome."""
    owner, neighbour, committee = auth(world["owner"]), auth(world["neighbour"]), auth(world["committee"])
    case = open_case(client, world)
    case_id = case["id"]
    first = post(client, world, case_id, "绿地改停车位，我家窗前没了树").json
    reply = post(client, world, case_id, "停车太难了，支持改", who="neighbour", parent_id=first["id"]).json
    rude = post(client, world, case_id, "楼上那家就是自私鬼", who="neighbour").json
    assert client.post(f"/api/v1/posts/{rude['id']}/hide", headers=auth(world["moderator"]),
                       json={"reason": "人身攻击"}).status_code == 200

    meeting = client.post(f"/api/v1/cases/{case_id}/meetings", headers=committee, json={
        "held_at": "2026-11-20T19:00:00+08:00", "place": "社区活动室",
        "attendees": ["101 业主", "102 业主", "居委会"],
        "minutes": "双方同意保留一半绿地", "agreement": "保留北侧绿地，南侧改 6 个车位"})
    assert meeting.status_code == 201
    assert client.get(f"/api/v1/cases/{case_id}", headers=owner).json["status"] == "mediation"

    closes_at = (datetime.now(timezone.utc) + timedelta(days=7)).isoformat()
    opened = client.post(f"/api/v1/cases/{case_id}/resolution", headers=committee,
                         json={"closes_at": closes_at, "rule": "civil_code_278_ordinary",
                               "proposal": "东侧空地划 6 个车位"})
    assert opened.status_code == 201, opened.json
    assert opened.json["status"] == "resolution_vote"
    consultation_id = opened.json["resolution"]["consultation_id"]
    assert opened.json["resolution"]["rule"] == "civil_code_278_ordinary"

    for who, flat in ((owner, world["flats"][0]), (neighbour, world["flats"][1])):
        ballot = client.put(f"/api/v1/consultations/{consultation_id}/ballots/mine", headers=who,
                            json={"flat_id": flat.id, "answers": {"resolution": "agree"}})
        assert ballot.status_code == 200, ballot.json
    too_early = client.post(f"/api/v1/cases/{case_id}/close", headers=committee, json={"outcome": "x"})
    assert too_early.status_code == 409 and too_early.json["error"]["code"] == "resolution_open"
    assert client.post(f"/api/v1/consultations/{consultation_id}/close",
                       headers=committee).status_code == 200

    closed = client.post(f"/api/v1/cases/{case_id}/close", headers=committee,
                         json={"outcome": "按调解协议执行：保留北侧绿地"})
    assert closed.status_code == 200, closed.json

    final = client.get(f"/api/v1/cases/{case_id}", headers=neighbour).json
    assert final["status"] == "closed"
    outcome = final["outcome"]
    assert outcome["text"] == "按调解协议执行：保留北侧绿地" and outcome["published_at"]
    assert outcome["resolution"]["decision"] == "passed"
    assert outcome["resolution"]["participation"]["owners"] == "2/2"
    assert outcome["published"].startswith("按调解协议执行：保留北侧绿地\n表决结果：已通过。")
    assert final["meetings"][0]["agreement"] == "保留北侧绿地，南侧改 6 个车位"
    posts = client.get(f"/api/v1/cases/{case_id}/posts", headers=neighbour).json
    assert [(p["id"], p["parent_id"], p["hidden"]) for p in posts] == [
        (first["id"], None, False), (reply["id"], first["id"], False), (rude["id"], None, True)]
    assert posts[2]["body"] is None and posts[2]["hidden_reason"] == "人身攻击"
    assert post(client, world, case_id, "结案了还能说吗").status_code == 409
