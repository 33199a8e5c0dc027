"""A local fake of WeChat's web authorization (网页授权) endpoints, as WeChat behaves.

- GET /connect/oauth2/authorize?appid&redirect_uri&response_type=code&scope&state
  (in that order; the `#wechat_redirect` fragment never reaches a server): after the
  person agrees, WeChat sends the browser to redirect_uri?code=CODE&state=STATE.
- GET /sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code:
  HTTP 200 with {access_token, expires_in, refresh_token, openid, scope} (and unionid
  when the person has one) — or, for any error, still HTTP 200 with {errcode, errmsg}.

And the mini-program's three (小程序登录, 获取手机号):
- GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code:
  {openid, session_key[, unionid]}; a js_code works once (40029 invalid code, 40163
  code been used), 40013 invalid appid, 40125 invalid appsecret, 45011 more than
  the per-user minute quota, -1 system busy.
- POST /cgi-bin/stable_token {grant_type: client_credential, appid, secret,
  force_refresh}: {access_token, expires_in: 7200}; in normal mode the same token
  until it expires, force_refresh=true issues a new one and voids the old.
- POST /wxa/business/getuserphonenumber?access_token=… {code}: {errcode: 0,
  errmsg: "ok", phone_info: {phoneNumber, purePhoneNumber, countryCode, watermark:
  {timestamp, appid}}}; a code works once within 5 minutes (40029), 40001 for an
  access token that is not the current one.

And the subscribe message (订阅消息) send:
- POST /cgi-bin/message/subscribe/send?access_token=… {touser, template_id, page, data:
  {key: {value}}, miniprogram_state, lang}: {errcode: 0, errmsg: "ok"}; 40001 for a stale
  access token, 40037 an unknown template_id, 47003 data that does not fit the template
  (a key it lacks, or a `thing` value over 20 characters), 43101 when the user accepted
  no message of that template (each acceptance allows one; `accept(openid, template_id)`
  stands for the user tapping 允许 in wx.requestSubscribeMessage).

`fail(endpoint, errcode)` makes an endpoint answer that errcode until `reset()`;
`slow(endpoint, seconds)` delays its answers; `calls` counts requests per endpoint.
"""
import secrets
import threading
import time
from collections import Counter
from urllib.parse import parse_qsl, urlencode

from flask import Flask, jsonify, redirect, request

AUTHORIZE_ORDER = ["appid", "redirect_uri", "response_type", "scope", "state"]


ERRMSG = {40029: "invalid code", 40163: "code been used", 40013: "invalid appid",
          40125: "invalid appsecret", 45011: "api minute-quota reach limit  mustslower  retry next minute",
          -1: "system error", 40001: "invalid credential, access_token is invalid or not latest",
          40002: "invalid grant_type", 40226: "invalid user", 45009: "reach max api daily quota limit",
          40037: "invalid template_id", 47003: "argument invalid! data.thing1.value invalid",
          43101: "user refuse to accept the msg"}


def error(errcode: int):
    return jsonify(errcode=errcode, errmsg=ERRMSG.get(errcode, "error"))


class FakeWechat:
    def __init__(self, app_id: str, app_secret: str, mini_app_id: str = "wxmini0000000001",
                 mini_app_secret: str = "mini-secret"):
        self.app_id, self.app_secret = app_id, app_secret
        self.mini_app_id, self.mini_app_secret = mini_app_id, mini_app_secret
        self.codes = {}  # code -> openid, each usable once
        self.unionids = {}  # openid (web or mini) -> unionid, for people who have one
        self.token_requests = []
        self.lock = threading.Lock()
        self.reset()
        self.app = self._make_app()

    def reset(self):
        with self.lock:
            self.mini_codes, self.used_mini_codes = {}, set()
            self.phone_codes = {}  # code -> (phone, issued monotonic time)
            self.failures, self.delays = {}, {}
            self.calls = Counter()
            self.session_keys = []  # every session_key handed out, to check none leaks
            self.access_token, self.token_expires = None, 0.0
            self.templates = {}  # template_id -> its keys
            self.accepted = Counter()  # (openid, template_id) -> messages allowed
            self.subscribe_sent = []

    def accept(self, openid: str, template_id: str):
        with self.lock:
            self.accepted[(openid, template_id)] += 1

    def fail(self, endpoint: str, errcode: int):
        self.failures[endpoint] = errcode

    def slow(self, endpoint: str, seconds: float):
        self.delays[endpoint] = seconds

    def mini_login(self, openid: str, unionid: str | None = None) -> str:
        """The code wx.login() gives this person inside the mini-program."""
        code = "js" + secrets.token_hex(8)
        with self.lock:
            self.mini_codes[code] = openid
            if unionid:
                self.unionids[openid] = unionid
        return code

    def phone_button(self, phone: str, country: str = "86") -> str:
        """The code the 获取手机号 button gives after the person agrees."""
        code = "ph" + secrets.token_hex(8)
        with self.lock:
            self.phone_codes[code] = (phone, country, time.monotonic())
        return code

    def _enter(self, endpoint: str):
        """Count the call, wait if slow; an errcode response if it is set to fail."""
        with self.lock:
            self.calls[endpoint] += 1
            delay, failure = self.delays.get(endpoint), self.failures.get(endpoint)
        if delay:
            time.sleep(delay)
        return error(failure) if failure is not None else None

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
            extra = {"unionid": self.unionids[openid]} if openid in self.unionids else {}
            return jsonify(access_token="ACCESS_" + secrets.token_hex(4), expires_in=7200,
                           refresh_token="REFRESH_" + secrets.token_hex(4), openid=openid,
                           scope="snsapi_base", is_snapshotuser=0, **extra)

        @app.get("/sns/jscode2session")
        def jscode2session():
            failed = self._enter("jscode2session")
            if failed:
                return failed
            args = request.args
            if args.get("appid") != self.mini_app_id:
                return error(40013)
            if args.get("secret") != self.mini_app_secret:
                return error(40125)
            if args.get("grant_type") != "authorization_code":
                return error(40002)
            code = args.get("js_code", "")
            with self.lock:
                if code in self.used_mini_codes:
                    return error(40163)
                openid = self.mini_codes.pop(code, None)
                if openid is None:
                    return error(40029)
                self.used_mini_codes.add(code)
            body = {"openid": openid, "session_key": secrets.token_urlsafe(16)}
            self.session_keys.append(body["session_key"])
            if openid in self.unionids:
                body["unionid"] = self.unionids[openid]
            return jsonify(body)

        @app.post("/cgi-bin/stable_token")
        def stable_token():
            failed = self._enter("stable_token")
            if failed:
                return failed
            body = request.get_json(silent=True) or {}
            if body.get("grant_type") != "client_credential":
                return error(40002)
            if body.get("appid") != self.mini_app_id:
                return error(40013)
            if body.get("secret") != self.mini_app_secret:
                return error(40125)
            with self.lock:
                if body.get("force_refresh") or not self.access_token or time.monotonic() >= self.token_expires:
                    self.access_token = "AT_" + secrets.token_hex(12)
                    self.token_expires = time.monotonic() + 7200
                return jsonify(access_token=self.access_token,
                               expires_in=int(self.token_expires - time.monotonic()))

        @app.post("/wxa/business/getuserphonenumber")
        def getuserphonenumber():
            failed = self._enter("getuserphonenumber")
            if failed:
                return failed
            with self.lock:
                if not self.access_token or request.args.get("access_token") != self.access_token:
                    return error(40001)
                found = self.phone_codes.pop((request.get_json(silent=True) or {}).get("code"), None)
            if found is None or time.monotonic() - found[2] > 300:
                return error(40029)
            phone, country, _ = found
            return jsonify(errcode=0, errmsg="ok", phone_info={
                "phoneNumber": phone if country == "86" else f"+{country} {phone}",
                "purePhoneNumber": phone, "countryCode": country,
                "watermark": {"timestamp": int(time.time()), "appid": self.mini_app_id}})

        @app.post("/cgi-bin/message/subscribe/send")
        def subscribe_send():
            failed = self._enter("subscribe_send")
            if failed:
                return failed
            body = request.get_json(silent=True) or {}
            with self.lock:
                if not self.access_token or request.args.get("access_token") != self.access_token:
                    return error(40001)
                keys = self.templates.get(body.get("template_id"))
                if keys is None:
                    return error(40037)
                data = body.get("data") or {}
                if set(data) != set(keys) or any(
                        not isinstance(v, dict) or not str(v.get("value", "")) or
                        (k.startswith("thing") and len(v["value"]) > 20) for k, v in data.items()):
                    return error(47003)
                if body.get("miniprogram_state") not in ("developer", "trial", "formal"):
                    return error(47003)
                key = (body.get("touser"), body["template_id"])
                if self.accepted[key] <= 0:
                    return error(43101)
                self.accepted[key] -= 1
                self.subscribe_sent.append(body)
            return jsonify(errcode=0, errmsg="ok")

        return app
