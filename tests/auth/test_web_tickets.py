"""One-time links from the mini-program into the web pages (its web-view), signed in."""
from datetime import timedelta
from urllib.parse import urlsplit

from app.auth.api import LoginTicket
from app.extensions import db
from tests.factories import auth, make_user

TICKETS = "/api/v1/auth/web-tickets"


def ticket_path(client, user, next_path=None) -> str:
    body = {} if next_path is None else {"next": next_path}
    response = client.post(TICKETS, json=body, headers=auth(user))
    assert response.status_code == 201, response.json
    url = response.json["url"]
    assert url.startswith("http://127.0.0.1:5000/enter/")
    return urlsplit(url).path


def test_a_ticket_opens_the_pages_signed_in_once(app, client):
    user = make_user(name="王芳")
    path = ticket_path(client, user, "/claim?stairwell=1")
    web_view = app.test_client()  # the mini-program's web-view: a browser with no session yet
    assert web_view.get("/api/v1/me").status_code == 401
    opened = web_view.get(path)
    assert opened.status_code == 302 and opened.headers["Location"] == "/claim?stairwell=1"
    assert opened.headers["Cache-Control"] == "no-store"
    cookie = opened.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    me = web_view.get("/api/v1/me")
    assert me.status_code == 200 and me.json["id"] == user.id
    # the pages get their CSRF token as after any web login
    assert web_view.get("/api/v1/auth/session").json["user"]["id"] == user.id

    again = app.test_client().get(path)
    assert again.status_code == 410
    page = again.get_data(as_text=True)
    assert "这个链接已经用过或已过期，请回到小程序重新打开" in page and "<html" in page
    assert "Set-Cookie" not in again.headers


def test_a_late_or_forged_ticket_is_refused(app, client):
    user = make_user()
    path = ticket_path(client, user)
    ticket = db.session.scalar(db.select(LoginTicket))
    ticket.expires_at -= timedelta(seconds=61)  # a minute later
    db.session.commit()
    assert app.test_client().get(path).status_code == 410
    assert app.test_client().get("/enter/" + "A" * 43).status_code == 410


def test_ticket_lifetime_is_sixty_seconds(app, client):
    user = make_user()
    ticket_path(client, user)
    ticket = db.session.scalar(db.select(LoginTicket))
    assert timedelta(seconds=59) <= ticket.expires_at - ticket.created_at <= timedelta(seconds=61)
    assert ticket.user_id == user.id and ticket.ticket_hash and len(ticket.ticket_hash) == 64


def test_next_stays_on_the_site(app, client):
    user = make_user()
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        opened = app.test_client().get(ticket_path(client, user, target))
        assert opened.headers["Location"] == "/"
    assert app.test_client().get(ticket_path(client, user)).headers["Location"] == "/"


def test_asking_for_a_ticket_needs_a_login(client):
    response = client.post(TICKETS, json={})
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"


def signed_in_browser(app, user, csrf="page-csrf"):
    from tests.factories import sign_in_cookie

    browser = app.test_client()
    sign_in_cookie(browser, user, csrf=csrf)
    return browser


def test_another_accounts_ticket_asks_before_switching_and_never_switches_on_a_get(app, client):
    """Login CSRF: a link with someone else's ticket, opened where I am signed in, asks
    (naming both accounts, masked) and switches only on a POST with this page's token."""
    me = make_user(name="王秀英", phone="13900000002")
    other = make_user(name="赵大海", phone="13711112222")
    path = ticket_path(client, other, "/claim?stairwell=1")
    browser = signed_in_browser(app, me)

    asked = browser.get(path)
    assert asked.status_code == 200 and asked.headers["Cache-Control"] == "no-store"
    page = asked.get_data(as_text=True)
    assert "切换到赵**（137****2222）的账号？" in page
    assert "王**（139****0002）" in page and "赵大海" not in page and "13711112222" not in page
    assert browser.get("/api/v1/me").json["id"] == me.id  # the GET switched nothing
    assert db.session.scalar(db.select(LoginTicket)).used_at is None  # nor used the ticket up

    refused = browser.post(path, data={"csrf_token": "forged"})
    assert refused.status_code == 403
    assert browser.get("/api/v1/me").json["id"] == me.id

    switched = browser.post(path, data={"csrf_token": "page-csrf"})
    assert switched.status_code == 302 and switched.headers["Location"] == "/claim?stairwell=1"
    assert browser.get("/api/v1/me").json["id"] == other.id
    assert browser.post(path, data={"csrf_token": "x"}).status_code in (403, 410)  # used up


def test_my_own_ticket_where_i_am_signed_in_opens_the_page_without_asking(app, client):
    me = make_user(name="王秀英")
    browser = signed_in_browser(app, me)
    opened = browser.get(ticket_path(client, me, "/account"))
    assert opened.status_code == 302 and opened.headers["Location"] == "/account"
    assert browser.get("/api/v1/me").json["id"] == me.id
