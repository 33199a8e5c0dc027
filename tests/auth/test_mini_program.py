"""Mini-program login against a local fake of WeChat's three endpoints (tests/auth/fake_wechat.py)."""
import logging

import pytest
from sqlalchemy import func, select

from app.auth.api import User
from app.extensions import db
from tests.auth.wechat_steps import (
    APP_ID, APP_SECRET, LOGIN, MINI_ID, MINI_SECRET, PHONE, SITE, back_at_our_site, first_login, start,
    through_wechat)
from tests.factories import make_user
from tests.live import free_port


@pytest.fixture
def config_overrides(wechat):
    wechat.reset()
    return {"WECHAT_MINI_APP_ID": MINI_ID, "WECHAT_MINI_APP_SECRET": MINI_SECRET,
            "WECHAT_APP_ID": APP_ID, "WECHAT_APP_SECRET": APP_SECRET,
            "WECHAT_AUTHORIZE_URL": wechat.url + "/connect/oauth2/authorize",
            "WECHAT_API_BASE_URL": wechat.url, "WECHAT_TIMEOUT_S": 1.0, "PUBLIC_BASE_URL": SITE}


def users() -> int:
    return db.session.scalar(select(func.count(User.id)))


def sms_login(client, phone) -> dict:
    assert client.post("/api/v1/auth/sms-codes", json={"phone": phone}).status_code == 202
    code = client.get("/api/v1/dev/sms-outbox", query_string={"phone": phone}).json[0]["code"]
    response = client.post("/api/v1/auth/tokens", json={"phone": phone, "code": code})
    assert response.status_code == 201
    return response.json


def test_first_login_asks_for_the_phone_the_second_does_not(client, wechat):
    body = first_login(client, wechat, "o_mini_1", "13912340001", unionid="u_person_1")
    assert set(body) == {"access_token", "refresh_token", "expires_in", "user"}
    assert body["user"]["phone_masked"] == "139****0001"
    user = db.session.get(User, body["user"]["id"])
    assert (user.phone, user.wechat_mini_openid, user.wechat_unionid) == (
        "13912340001", "o_mini_1", "u_person_1")
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200 and me.json["id"] == user.id

    again = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_1")})
    assert again.status_code == 201
    assert again.json["user"]["id"] == user.id and "need_phone" not in again.json
    assert users() == 1
    assert wechat.calls == {"jscode2session": 2, "stable_token": 1, "getuserphonenumber": 1}


def test_sms_first_then_mini_program_is_one_account(client, wechat):
    by_sms = sms_login(client, "13912340002")
    by_mini = first_login(client, wechat, "o_mini_2", "13912340002")
    assert by_mini["user"]["id"] == by_sms["user"]["id"]
    assert users() == 1
    assert db.session.get(User, by_sms["user"]["id"]).wechat_mini_openid == "o_mini_2"


def test_official_account_first_then_mini_program_joins_by_unionid(app, client, wechat):
    wechat.next_openid = "o_web_3"
    wechat.unionids["o_web_3"] = "u_person_3"
    back_at_our_site(client, through_wechat(start(client)))
    web_user = client.get("/api/v1/me").json["id"]
    # same unionid inside the mini-program: signed in at once, no phone asked
    mini = app.test_client()  # the mini-program is another client
    response = mini.post(LOGIN, json={"code": wechat.mini_login("o_mini_3", "u_person_3")})
    assert response.status_code == 201 and response.json["user"]["id"] == web_user
    user = db.session.get(User, web_user)
    assert (user.wechat_openid, user.wechat_mini_openid, user.wechat_unionid) == (
        "o_web_3", "o_mini_3", "u_person_3")
    assert users() == 1


def test_unionid_wins_over_the_phone(client, wechat):
    known = make_user(phone="13912340004")
    known.wechat_unionid = "u_person_4"
    db.session.commit()
    # a bound unionid signs in at once, without a phone
    response = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_4", "u_person_4")})
    assert response.status_code == 201 and response.json["user"]["id"] == known.id
    # a first login whose unionid is known joins that person, whatever phone WeChat reports
    make_user(phone="13912340044")
    ticket = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_4b")}).json["ticket"]
    wechat.unionids["o_mini_4b"] = "u_person_4b"
    known.wechat_unionid = None
    db.session.commit()
    joined = client.post(PHONE, json={"ticket": ticket, "phone_code": wechat.phone_button("13912340044")})
    assert joined.status_code == 201 and joined.json["user"]["id"] != known.id


@pytest.mark.parametrize("errcode, status, code, message", [
    (40029, 401, "wechat_code_invalid", "登录凭证已失效，请重新打开小程序再登录"),
    (45011, 429, "wechat_rate_limited", "微信登录太频繁了，请等一分钟再试"),
    (-1, 503, "wechat_busy", "微信系统繁忙，请稍后再试"),
    (40013, 503, "wechat_misconfigured", "小程序登录的设置有误，请联系平台管理员"),
    (40226, 403, "wechat_risky", "微信判断这次登录有风险，请改用手机号验证码登录"),
    (61024, 503, "wechat_error", "微信登录没有成功（微信错误 61024），请稍后再试或用手机号登录"),
])
def test_each_code2session_error_maps_to_its_chinese_message(client, wechat, errcode, status, code, message):
    wechat.fail("jscode2session", errcode)
    response = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_5")})
    assert response.status_code == status
    assert response.json == {"error": {"code": code, "message": message, "fields": {}}}
    assert users() == 0


def test_codes_wechat_refuses_by_itself(app, client, wechat):
    code = wechat.mini_login("o_mini_6")
    assert client.post(LOGIN, json={"code": code}).status_code == 200
    reused = client.post(LOGIN, json={"code": code})  # 40163 code been used
    assert (reused.status_code, reused.json["error"]["code"]) == (401, "wechat_code_invalid")
    unknown = client.post(LOGIN, json={"code": "never-issued"})  # 40029
    assert (unknown.status_code, unknown.json["error"]["code"]) == (401, "wechat_code_invalid")
    app.config["WECHAT_MINI_APP_SECRET"] = "wrong"  # 40125
    wrong = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_6")})
    assert (wrong.status_code, wrong.json["error"]["code"]) == (503, "wechat_misconfigured")


@pytest.mark.parametrize("endpoint, errcode, status, code, message", [
    ("getuserphonenumber", 40029, 401, "wechat_code_invalid", "手机号授权已失效，请重新点“获取手机号”"),
    ("getuserphonenumber", 45011, 429, "wechat_rate_limited", "微信登录太频繁了，请等一分钟再试"),
    ("getuserphonenumber", -1, 503, "wechat_busy", "微信系统繁忙，请稍后再试"),
    ("stable_token", -1, 503, "wechat_busy", "微信系统繁忙，请稍后再试"),
    ("stable_token", 40013, 503, "wechat_misconfigured", "小程序登录的设置有误，请联系平台管理员"),
])
def test_phone_step_errors_map_and_the_ticket_stays_good(client, wechat, endpoint, errcode, status, code,
                                                         message):
    ticket = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_7")}).json["ticket"]
    wechat.fail(endpoint, errcode)
    response = client.post(PHONE, json={"ticket": ticket, "phone_code": wechat.phone_button("13912340007")})
    assert response.status_code == status
    assert response.json == {"error": {"code": code, "message": message, "fields": {}}}
    assert users() == 0
    wechat.failures.clear()  # WeChat recovers; the person taps the button again
    retried = client.post(PHONE, json={"ticket": ticket, "phone_code": wechat.phone_button("13912340007")})
    assert retried.status_code == 201


def test_a_ticket_is_good_once_and_a_forged_one_never(client, wechat):
    ticket = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_8")}).json["ticket"]
    assert client.post(PHONE, json={"ticket": ticket,
                                    "phone_code": wechat.phone_button("13912340008")}).status_code == 201
    for bad in (ticket, "x" * 43):
        response = client.post(PHONE, json={"ticket": bad, "phone_code": wechat.phone_button("13912340008")})
        assert response.status_code == 401
        assert response.json["error"] == {"code": "ticket_invalid",
                                          "message": "登录已超时，请重新打开小程序再登录", "fields": {}}


def test_a_lapsed_ticket_is_refused(app, client, wechat):
    app.config["WECHAT_PHONE_TICKET_TTL_S"] = 0
    ticket = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_9")}).json["ticket"]
    response = client.post(PHONE, json={"ticket": ticket, "phone_code": wechat.phone_button("13912340009")})
    assert response.status_code == 401 and response.json["error"]["code"] == "ticket_invalid"
    assert wechat.calls["getuserphonenumber"] == 0


def test_a_phone_outside_the_mainland_is_refused(client, wechat):
    ticket = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_10")}).json["ticket"]
    response = client.post(PHONE, json={"ticket": ticket,
                                        "phone_code": wechat.phone_button("91234567", country="852")})
    assert response.status_code == 422
    assert response.json["error"]["message"] == "请使用中国大陆手机号登录"


@pytest.mark.parametrize("endpoint", ["jscode2session", "stable_token", "getuserphonenumber"])
def test_a_slow_wechat_times_out_in_words(app, client, wechat, endpoint):
    app.config["WECHAT_TIMEOUT_S"] = 0.3
    wechat.slow(endpoint, 1.0)
    response = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_11")})
    if endpoint != "jscode2session":
        response = client.post(PHONE, json={"ticket": response.json["ticket"],
                                            "phone_code": wechat.phone_button("13912340011")})
    assert response.status_code == 504
    assert response.json["error"] == {"code": "wechat_timeout", "message": "微信没有及时响应，请稍后再试",
                                      "fields": {}}


def test_wechat_unreachable_answers_503_in_words(app, client):
    app.config["WECHAT_API_BASE_URL"] = f"http://127.0.0.1:{free_port()}"
    response = client.post(LOGIN, json={"code": "whatever"})
    assert response.status_code == 503
    assert response.json["error"]["message"] == "暂时连不上微信，请稍后再试"


def test_a_stale_access_token_is_renewed_once(client, wechat):
    first_login(client, wechat, "o_mini_12", "13912340012")
    wechat.access_token = "voided-by-a-forced-refresh-elsewhere"
    first_login(client, wechat, "o_mini_13", "13912340013")
    assert wechat.calls["stable_token"] == 2 and wechat.calls["getuserphonenumber"] == 3


def test_the_session_key_never_leaves_the_server(client, wechat, caplog):
    caplog.set_level(logging.DEBUG)
    body = first_login(client, wechat, "o_mini_14", "13912340014")
    again = client.post(LOGIN, json={"code": wechat.mini_login("o_mini_14")})
    keys = wechat.session_keys
    assert len(keys) == 2 and all(keys)
    seen = str(body) + again.get_data(as_text=True) + caplog.text
    assert not any(key in seen for key in keys)
    stored = " ".join(str(value) for table in ("users", "login_tickets")
                      for row in db.session.execute(db.text(f"SELECT * FROM {table}")).all() for value in row)
    assert not any(key in stored for key in keys)


def test_mini_program_login_is_off_without_its_app_id(app, client):
    app.config["WECHAT_MINI_APP_ID"] = None
    for path, body in ((LOGIN, {"code": "x"}), (PHONE, {"ticket": "x" * 43, "phone_code": "y"})):
        response = client.post(path, json=body)
        assert response.status_code == 404
        assert response.json["error"]["message"] == "本平台没有开通小程序登录"
