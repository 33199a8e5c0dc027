"""The mini-program (miniprogram/), its pages rendered by miniprogram-simulate under jest,
against a real server whose WeChat API is the local fake (tests/auth/fake_wechat.py).
`make test` installs the npm devDependencies first (Makefile, miniprogram-deps)."""
import os
import subprocess

from flask import Flask, jsonify, request

from tests.auth.fake_wechat import FakeWechat
from tests.factories import flats_of, make_consultation, make_estate, make_owner
from tests.live import ROOT, serve_wsgi
from tests.realtime.helpers import seeding

MINI_ID, MINI_SECRET = "wxmini0000000001", "mini-secret"
PHONE = "13912340077"
SUBSCRIBE_TOKEN = "access-token-of-a-mini-program-user"


def _jest(test_file: str, env: dict) -> None:
    jest = ROOT / "miniprogram" / "node_modules" / ".bin" / "jest"
    assert jest.is_file(), "run `make miniprogram-deps` (npm ci in miniprogram/)"
    done = subprocess.run([str(jest), "--ci", "--runInBand", test_file], cwd=ROOT / "miniprogram",
                          capture_output=True, text=True, env={**os.environ, **env}, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-6000:]
    assert "failed" not in done.stderr.split("Tests:")[-1]


def test_sign_in_web_view_notices_prompt_and_share_cards(start_server, clone_database):
    url = clone_database("sqlite")
    with seeding(url):
        estate = make_estate()
        make_owner(flats_of(estate.id)[0], phone=PHONE)
        vote = make_consultation(estate)
        vote_id = vote.id
    wechat = FakeWechat("wxweb", "web-secret", MINI_ID, MINI_SECRET)
    with serve_wsgi(wechat.app) as wechat_url:
        server = start_server("sqlite", database_url=url, WECHAT_MINI_APP_ID=MINI_ID,
                              WECHAT_MINI_APP_SECRET=MINI_SECRET, WECHAT_API_BASE_URL=wechat_url)
        codes = [wechat.mini_login("o_mini_grandma") for _ in range(3)]
        _jest("test/pages.test.js", {
            "GONGZHI_BASE_URL": server.url, "GONGZHI_CONSULTATION": str(vote_id),
            "GONGZHI_LOGIN_CODES": ",".join(codes),
            "GONGZHI_PHONE_CODE": wechat.phone_button(PHONE)})
    assert wechat.calls  # the sign-ins went through WeChat's (fake) API


def subscriptions_app() -> tuple[Flask, list]:
    """GET/POST /api/v1/wechat/subscriptions as documented: {templates: {kind: id},
    subscriptions}; POST {template_ids, accepted}. Only `results` is configured here."""
    app, reports = Flask("fake_subscriptions"), []

    def signed_in():
        return request.headers.get("Authorization") == f"Bearer {SUBSCRIBE_TOKEN}"

    @app.route("/api/v1/wechat/subscriptions", methods=["GET", "POST"])
    def subscriptions():
        if not signed_in():
            return jsonify(error={"code": "unauthorized", "message": "请先登录", "fields": {}}), 401
        if request.method == "POST":
            body = request.get_json()
            reports.append({"template_ids": body["template_ids"], "accepted": body["accepted"]})
        return jsonify(templates={"results": "tpl-results"}, subscriptions=[])

    @app.get("/reported")
    def reported():
        return jsonify(reports)

    return app, reports


def test_the_subscribe_page_asks_in_the_tap_and_reports_the_answer():
    app, reports = subscriptions_app()
    with serve_wsgi(app) as url:
        _jest("test/subscribe.test.js", {"GONGZHI_SUBSCRIBE_BASE_URL": url,
                                         "GONGZHI_SUBSCRIBE_TOKEN": SUBSCRIBE_TOKEN})
    assert [report["accepted"] for report in reports] == [["tpl-results"], []]
