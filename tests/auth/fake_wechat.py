"""A local fake of WeChat's web authorization (网页授权) endpoints, as WeChat behaves.

- GET /connect/oauth2/authorize?appid&redirect_uri&response_type=code&scope&state
  (in that order; the `#wechat_redirect` fragment never reaches a server): after the
  person agrees, WeChat sends the browser to redirect_uri?code=CODE&state=STATE.
- GET /sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code:
  HTTP 200 with {access_token, expires_in, refresh_token, openid, scope} — or, for
  any error, still HTTP 200 with {errcode, errmsg}.
"""
import secrets
import threading
from urllib.parse import parse_qsl, urlencode

from flask import Flask, jsonify, redirect, request

AUTHORIZE_ORDER = ["appid", "redirect_uri", "response_type", "scope", "state"]


class FakeWechat:
    def __init__(self, app_id: str, app_secret: str):
        self.app_id, self.app_secret = app_id, app_secret
        self.codes = {}  # code -> openid, each usable once
        self.token_requests = []
        self.lock = threading.Lock()
        self.app = self._make_app()

    def person_agrees(self, openid: str) -> str:
        """The code WeChat would hand back after this person agreed."""
        code = secrets.token_hex(8)
        with self.lock:
            self.codes[code] = openid
        return code

    def _make_app(self) -> Flask:
        app = Flask("fake_wechat")
        self.next_openid = "o_fake_openid_1"

        @app.get("/connect/oauth2/authorize")
        def authorize():
            pairs = parse_qsl(request.query_string.decode(), keep_blank_values=True)
            if [name for name, _ in pairs] != AUTHORIZE_ORDER:
                return "参数错误", 400  # WeChat shows an error page
            params = dict(pairs)
            if params["appid"] != self.app_id or params["response_type"] != "code":
                return "appid 参数错误", 400
            code = self.person_agrees(self.next_openid)
            return redirect(f"{params['redirect_uri']}?"
                            + urlencode({"code": code, "state": params["state"]}))

        @app.get("/sns/oauth2/access_token")
        def access_token():
            args = request.args
            with self.lock:
                self.token_requests.append(dict(args))
                if args.get("appid") != self.app_id or args.get("secret") != self.app_secret:
                    return jsonify(errcode=40125, errmsg="invalid appsecret")
                if args.get("grant_type") != "authorization_code":
                    return jsonify(errcode=40002, errmsg="invalid grant_type")
                openid = self.codes.pop(args.get("code"), None)
            if openid is None:
                return jsonify(errcode=40029, errmsg="invalid code")
            return jsonify(access_token="ACCESS_" + secrets.token_hex(4), expires_in=7200,
                           refresh_token="REFRESH_" + secrets.token_hex(4), openid=openid,
                           scope="snsapi_base", is_snapshotuser=0)

        return app
