"""Pages without a browser: permissions, cookies, headers, the rooms list."""
import pytest

from app.auth.api import request_code
from app.auth.api import SmsOutboxMessage
from app.extensions import db
from tests.factories import auth, flats_of, make_estate, make_owner, make_user
from tests.web.helpers import web_login


def test_pages_send_a_self_only_content_security_policy(client):
    response = client.get("/login")
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "http" not in policy and "*" not in policy and "unsafe" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert '<script src="/assets/app.js"' in response.text
    assert "<script>" not in response.text  # no inline script: the policy would block it


def test_session_cookie_is_httponly_and_lax(client, app):
    make_user(phone="13911112222")
    web_login(client, "13911112222")
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax" and not cookie.secure


class TestHttpsDeployment:
    @pytest.fixture
    def config_overrides(self):
        return {"PUBLIC_BASE_URL": "https://gongzhi.example.cn"}

    def test_session_cookie_is_secure_behind_https(self, client, app):
        make_user(phone="13911113333")
        web_login(client, "13911113333")
        cookie = client.get_cookie("session")
        assert cookie.secure and cookie.http_only


def test_pages_need_a_login_and_come_back_after_it(client):
    response = client.get("/claim?stairwell=1")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/claim?stairwell%3D1"
    assert client.get("/console/estates/1").status_code == 302


def test_login_page_never_sends_people_to_another_site(client, app):
    make_user(phone="13911114444")
    web_login(client, "13911114444")
    for target in ("//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"):
        assert client.get("/login", query_string={"next": target}).headers["Location"] == "/"
    assert client.get("/login?next=/claim%3Fstairwell%3D2").headers["Location"] == "/claim?stairwell=2"


def test_console_is_for_the_estates_committee_only(client, app):
    estate = make_estate()
    other = make_estate(name="别的小区")
    resident = make_owner(flats_of(estate.id)[0], phone="13911115555")
    make_user(phone="13911116666", roles=[("committee", estate.id)])
    web_login(client, resident.phone)
    response = client.get(f"/console/estates/{estate.id}/claims")
    assert response.status_code == 403 and "没有权限" in response.text
    assert client.get(f"/console/estates/{other.id}").status_code == 404
    web_login(client, "13911116666")
    assert client.get(f"/console/estates/{estate.id}/claims").status_code == 200
    assert client.get(f"/console/estates/{other.id}/claims").status_code == 404
    assert "测试小区" in client.get("/console/").text and "别的小区" not in client.get("/console/").text


def test_stairwell_rooms_list_no_personal_data(client, app):
    estate = make_estate()
    flat = flats_of(estate.id)[0]
    assert client.get(f"/api/v1/stairwells/{flat.stairwell_id}/rooms").status_code == 401
    user = make_user()
    body = client.get(f"/api/v1/stairwells/{flat.stairwell_id}/rooms", headers=auth(user)).json
    assert body["estate"]["name"] == "测试小区" and body["stairwell"]["name"] == "1单元"
    assert len(body["rooms"]) == 12
    assert set(body["rooms"][0]) == {"flat_id", "room", "floor"}
    assert "业主" not in str(body) and "ID" not in str(body)
    assert client.get("/api/v1/stairwells/999999/rooms", headers=auth(user)).status_code == 404


def test_claim_page_marks_rooms_already_claimed(client, app):
    estate = make_estate()
    flat = flats_of(estate.id)[3]
    user = make_user(phone="13911117777")
    csrf = web_login(client, user.phone)
    response = client.post("/api/v1/flats/claims", json={"flat_id": flat.id, "relation": "owner"},
                           headers={"X-CSRF-Token": csrf})
    assert response.status_code == 201
    page = client.get(f"/claim?stairwell={flat.stairwell_id}").text
    assert f'value="{flat.id}" data-int required disabled' in page
    assert "等待居委会审核" in page


def test_api_calls_from_pages_need_the_csrf_token(client, app):
    estate = make_estate()
    flat = flats_of(estate.id)[0]
    make_user(phone="13911118888")
    web_login(client, "13911118888")
    refused = client.post("/api/v1/flats/claims", json={"flat_id": flat.id, "relation": "owner"})
    assert refused.status_code == 403 and refused.json["error"]["code"] == "csrf_failed"


def test_elder_mode_cookie_renders_the_page_in_elder_mode(client):
    assert 'class="elder"' not in client.get("/").text
    client.set_cookie("gz_elder", "1")
    page = client.get("/").text
    assert '<html lang="zh-CN" class="elder">' in page and 'aria-pressed="true"' in page


def test_console_lists_cases_with_reports_waiting(client, app):
    from app.cases.api import services as cases

    estate = make_estate()
    flats = flats_of(estate.id)
    committee = make_user(phone="13911110010", roles=[("committee", estate.id)])
    first, second = make_owner(flats[0]), make_owner(flats[1])
    case = cases.create_case(estate.id, title="占用绿地停车", description="东侧绿地被占",
                             affected_flat_ids=[flats[0].id], actor_id=committee.id)
    post = cases.create_post(case, first, "请恢复绿地")
    cases.report_post(post, second, "不实信息")
    web_login(client, committee.phone)
    page = client.get(f"/console/estates/{estate.id}/cases").text
    assert "占用绿地停车" in page and '<span class="badge badge-rejected">1</span>' in page
    assert "被举报 1 次：不实信息" in client.get(f"/cases/{case.id}").text
    web_login(client, second.phone)
    assert "被举报" not in client.get(f"/cases/{case.id}").text  # only moderators see reports


def test_login_page_offers_wechat_only_when_it_is_configured(client):
    assert "用微信登录" not in client.get("/login").text


class TestWechatConfigured:
    @pytest.fixture
    def config_overrides(self):
        return {"WECHAT_APP_ID": "wx-test", "WECHAT_APP_SECRET": "secret"}

    def test_login_page_links_to_wechat_authorization(self, client):
        page = client.get("/login?next=/claim%3Fstairwell%3D3").text
        assert "用微信登录" in page
        assert 'href="/api/v1/auth/wechat/authorize?next=/claim?stairwell%3D3"' in page
