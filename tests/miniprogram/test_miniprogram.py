"""The mini-program (miniprogram/), its pages rendered by miniprogram-simulate under jest,
against a real server whose WeChat API is the local fake (tests/auth/fake_wechat.py).
`make test` installs the npm devDependencies first (Makefile, miniprogram-deps)."""
import os
import subprocess

from sqlalchemy import select

from app.auth.api import WechatSubscription
from app.auth.api import issue_tokens
from app.extensions import db
from tests.auth.fake_wechat import FakeWechat
from tests.factories import flats_of, make_consultation, make_estate, make_owner
from tests.live import ROOT, serve_wsgi
from tests.realtime.helpers import seeding

MINI_ID, MINI_SECRET = "wxmini0000000001", "mini-secret"
PHONE = "13912340077"
RESULTS_TEMPLATE = "tmpl-results-0002"


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


def test_the_subscribe_page_asks_in_the_tap_and_reports_the_answer(start_server, clone_database):
    """The subscribe page against the real GET/POST /api/v1/wechat/subscriptions of a server
    with only the results template configured; a mini-program user signed in (an API token
    family). What the taps accepted is what the server stored (wechat_subscriptions)."""
    url = clone_database("sqlite")
    with seeding(url):
        user = make_owner(flats_of(make_estate().id)[0])
        user.wechat_mini_openid = "o_mini_subscriber"
        token = issue_tokens(user)["access_token"]  # commits
        user_id = user.id
    server = start_server("sqlite", database_url=url, WECHAT_MINI_APP_ID=MINI_ID,
                          WECHAT_MINI_APP_SECRET=MINI_SECRET, WECHAT_SUBSCRIBE_RESULTS=RESULTS_TEMPLATE,
                          WECHAT_SUBSCRIBE_FIELDS_RESULTS="thing1=title,thing2=estate")
    _jest("test/subscribe.test.js", {"GONGZHI_BASE_URL": server.url, "GONGZHI_SUBSCRIBE_TOKEN": token,
                                     "GONGZHI_SUBSCRIBE_TEMPLATE": RESULTS_TEMPLATE})
    with seeding(url):
        stored = [(row.user_id, row.kind, row.template_id, row.remaining)
                  for row in db.session.scalars(select(WechatSubscription))]
    # the accept allowed one message; the refusal and the kind without a template added none
    assert stored == [(user_id, "results", RESULTS_TEMPLATE, 1)]
