"""In-app notifications: listing, idempotent sends, marking read."""
from app.extensions import db
from app.notifications.api import notify
from tests.factories import auth, make_user


def test_notifications_list_newest_first_and_mark_read(client):
    user, other = make_user(), make_user()
    notify(user.id, estate_id=None, kind="test", title="第一条", body="内容一")
    second = notify(user.id, estate_id=None, kind="test", title="第二条", body="内容二", link="/c/1")
    notify(other.id, estate_id=None, kind="test", title="别人的", body="x")
    db.session.commit()
    listed = client.get("/api/v1/me/notifications", headers=auth(user)).json
    assert [n["title"] for n in listed] == ["第二条", "第一条"]
    assert not any(n["read"] for n in listed)
    marked = client.post("/api/v1/me/notifications/read", headers=auth(user), json={"ids": [second.id]})
    assert marked.json == {"marked": 1}
    unread = client.get("/api/v1/me/notifications?unread=true", headers=auth(user)).json
    assert [n["title"] for n in unread] == ["第一条"]
    assert client.post("/api/v1/me/notifications/read", headers=auth(user), json={}).json == {"marked": 1}


def test_same_dedup_key_is_sent_once(app):
    user = make_user()
    assert notify(user.id, estate_id=None, kind="k", title="t", body="b", dedup_key="x:1") is not None
    db.session.commit()
    assert notify(user.id, estate_id=None, kind="k", title="t", body="b", dedup_key="x:1") is None


def test_notifications_need_login(client):
    assert client.get("/api/v1/me/notifications").status_code == 401
    assert client.post("/api/v1/me/notifications/read", json={"ids": ["a"]}).status_code in (401, 422)
