"""Domain events reach subscribed clients of a real server, and only them."""
from app.auth.api import issue
from app.projects.api import create_project
from tests.factories import flats_of, make_estate, make_owner, make_user
from tests.realtime.helpers import LiveClient, post_progress, seeding


def test_progress_post_reaches_the_estate_room(start_server, backend, clone_database):
    url = clone_database(backend)
    with seeding(url):
        estate, elsewhere = make_estate(name="甲小区"), make_estate(name="乙小区")
        committee = make_user(roles=[("committee", estate.id)])
        owner = make_owner(flats_of(estate.id)[0])
        outsider = make_owner(flats_of(elsewhere.id)[0])
        project = create_project(estate.id, "综合改造", 100_000_00, committee.id)
        tokens = [issue(user, "access") for user in (committee, owner, outsider)]
        estate_id, elsewhere_id, project_id = estate.id, elsewhere.id, project.id
    server = start_server(backend, database_url=url)
    watcher = LiveClient(server.url, tokens[1])
    unsubscribed = LiveClient(server.url, tokens[1])
    outsider = LiveClient(server.url, tokens[2])
    try:
        assert watcher.subscribe(f"estate:{estate_id}") == {"ok": True}
        assert outsider.subscribe(f"estate:{elsewhere_id}") == {"ok": True}

        response = post_progress(server.url, tokens[0], project_id, "外墙保温今天完工")
        assert response.status_code == 201, response.text
        event = watcher.wait_for("progress")
        assert event == {"project_id": project_id, "post": response.json()}

        listed = LiveClient(server.url, tokens[1])
        assert listed.subscribe(f"estate:{estate_id}") == {"ok": True}
        assert listed.client.call("unsubscribe", {"room": f"estate:{estate_id}"}, timeout=15) == {
            "ok": True}
        second = post_progress(server.url, tokens[0], project_id, "楼道粉刷开始")
        assert watcher.wait_for("progress", lambda data: data["post"]["id"] == second.json()["id"])
        assert outsider.events("progress") == []
        assert unsubscribed.events("progress") == []
        assert listed.events("progress") == []
        listed.close()
    finally:
        for client in (watcher, unsubscribed, outsider):
            client.close()
