"""A case's discussion live: new posts and hidden posts reach the case room."""
from datetime import datetime, timedelta, timezone

import requests

from app.auth.api import issue
from app.cases.api import create_case
from app.realtime.api import messages
from tests.factories import flats_of, make_estate, make_owner, make_user
from tests.realtime.helpers import LiveClient, seeding


def test_posts_and_hidden_posts_reach_the_case_room(start_server, backend, clone_database):
    url = clone_database(backend)
    with seeding(url):
        estate, elsewhere = make_estate(name="甲小区"), make_estate(name="乙小区")
        flats = flats_of(estate.id)
        moderator = make_user(roles=[("moderator", estate.id)])
        author, reader = make_owner(flats[0]), make_owner(flats[1])
        outsider = make_owner(flats_of(elsewhere.id)[0])
        case = create_case(estate.id, title="加装电梯挡光", description="二楼采光受影响",
                           affected_flat_ids=[flats[0].id, flats[1].id], actor_id=author.id)
        case_id = case.id
        tokens = {name: issue(user, "access") for name, user in (
            ("moderator", moderator), ("author", author), ("reader", reader),
            ("outsider", outsider))}
    server = start_server(backend, database_url=url)
    reader, outsider = LiveClient(server.url, tokens["reader"]), LiveClient(server.url, tokens["outsider"])
    try:
        assert reader.subscribe(f"case:{case_id}") == {"ok": True}
        assert outsider.subscribe(f"case:{case_id}") == {"ok": False, "error": messages.NOT_VISIBLE}
        assert reader.subscribe("case:999999") == {"ok": False, "error": messages.NOT_VISIBLE}

        posted = requests.post(f"{server.url}/api/v1/cases/{case_id}/posts",
                               json={"body": "我们楼下的树也要考虑"},
                               headers={"Authorization": f"Bearer {tokens['author']}"}, timeout=30)
        assert posted.status_code == 201, posted.text
        post = reader.wait_for("post")
        assert post is not None, server.output()[-3000:]
        assert post == {"case_id": case_id, "post": posted.json()}
        assert post["post"]["body"] == "我们楼下的树也要考虑"

        hidden = requests.post(f"{server.url}/api/v1/posts/{posted.json()['id']}/hide",
                               json={"reason": "含有个人信息"},
                               headers={"Authorization": f"Bearer {tokens['moderator']}"}, timeout=30)
        assert hidden.status_code == 200, hidden.text
        assert reader.wait_for("post_hidden") == {"case_id": case_id, "post_id": posted.json()["id"]}
        assert outsider.events("post") == outsider.events("post_hidden") == []
    finally:
        reader.close()
        outsider.close()


def test_edits_meetings_and_the_resolution_vote_reach_the_case_room(start_server, backend, clone_database):
    url = clone_database(backend)
    with seeding(url):
        estate = make_estate(name="甲小区")
        flats = flats_of(estate.id)
        committee = make_user(roles=[("committee", estate.id)])
        author, reader = make_owner(flats[0]), make_owner(flats[1])
        case = create_case(estate.id, title="绿地改车位", description="窗前的树",
                           affected_flat_ids=[flats[0].id, flats[1].id], actor_id=author.id)
        case_id = case.id
        tokens = {name: issue(user, "access") for name, user in (
            ("committee", committee), ("author", author), ("reader", reader))}
    server = start_server(backend, database_url=url)
    reader = LiveClient(server.url, tokens["reader"])

    def call(method, path, who, body):
        answer = requests.request(method, f"{server.url}/api/v1{path}", json=body, timeout=30,
                                  headers={"Authorization": f"Bearer {tokens[who]}"})
        assert answer.status_code in (200, 201), answer.text
        return answer.json()

    try:
        assert reader.subscribe(f"case:{case_id}") == {"ok": True}
        posted = call("POST", f"/cases/{case_id}/posts", "author", {"body": "先看看树能不能移"})
        edited = call("PATCH", f"/posts/{posted['id']}", "author", {"body": "树可以移到东侧"})
        event = reader.wait_for("post_edited")
        assert event is not None, server.output()[-3000:]
        assert event == {"case_id": case_id, "post": edited}
        assert event["post"]["body"] == "树可以移到东侧" and event["post"]["edited_at"]

        held_at = (datetime.now(timezone.utc) + timedelta(days=2)).isoformat()
        meeting = call("POST", f"/cases/{case_id}/scheduled-meetings", "committee",
                       {"held_at": held_at, "place": "社区活动室", "agenda": "车位怎么划"})
        assert reader.wait_for("case_meeting") == {"case_id": case_id, "meeting": meeting}

        closes_at = (datetime.now(timezone.utc) + timedelta(days=7)).isoformat()
        opened = call("POST", f"/cases/{case_id}/resolution", "committee",
                      {"closes_at": closes_at, "proposal": "东侧空地划 6 个车位"})
        assert reader.wait_for("case_resolution") == {
            "case_id": case_id, "consultation_id": opened["resolution"]["consultation_id"]}
    finally:
        reader.close()
