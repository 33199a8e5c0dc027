"""The WeChat test accounts and a person's steps through the fake (tests/auth/fake_wechat.py),
shared by the web-authorization, mini-program and 订阅消息 tests."""
from urllib.parse import urlsplit

import requests

APP_ID, APP_SECRET = "wx1234567890abcdef", "app-secret-for-tests"
MINI_ID, MINI_SECRET = "wxmini1234567890", "mini-secret-for-tests"
SITE = "http://localhost"
LOGIN, PHONE = "/api/v1/auth/wechat/mini-program", "/api/v1/auth/wechat/mini-program/phone"


def start(client, next_path="/"):
    response = client.get("/api/v1/auth/wechat/authorize", query_string={"next": next_path})
    assert response.status_code == 302
    return response.headers["Location"]


def through_wechat(location: str) -> str:
    """What the person's browser does at WeChat: returns where WeChat sends it back."""
    response = requests.get(location, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def back_at_our_site(client, location: str):
    parts = urlsplit(location)
    assert f"{parts.scheme}://{parts.netloc}" == SITE
    return client.get(parts.path, query_string=parts.query)


def first_login(client, wechat, openid, phone, unionid=None):
    asked = client.post(LOGIN, json={"code": wechat.mini_login(openid, unionid)})
    assert asked.status_code == 200, asked.json
    assert asked.json["need_phone"] is True and len(asked.json["ticket"]) >= 40
    done = client.post(PHONE, json={"ticket": asked.json["ticket"], "phone_code": wechat.phone_button(phone)})
    assert done.status_code == 201, done.json
    return done.json
