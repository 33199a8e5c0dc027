"""WeChat's server API for the mini-program: code2session, stable access tokens and
phone numbers, with every call bounded by WECHAT_TIMEOUT_S.

WeChat answers errors as HTTP 200 with `errcode`; they become our DomainErrors with
Chinese messages here, in one table. Request URLs carry the app secret or the access
token, so neither they nor the session_key are ever logged: errors are logged by
path, errcode and exception type only.
"""
import logging
from dataclasses import dataclass

import requests
from flask import current_app

from app.auth import messages
from app.auth.wechat_token import access_token
from app.errors import DomainError, Forbidden, TooManyRequests, Unauthorized, Unavailable

log = logging.getLogger(__name__)

#: errcodes that mean a stale access token: fetch a fresh one and try once more
TOKEN_ERRCODES = {40001, 42001, 40014}


class WechatTimeout(Unavailable):
    status, code, message = 504, "wechat_timeout", messages.WECHAT_TIMEOUT


class WechatApiError(DomainError):
    """WeChat answered with an errcode (kept for callers that retry on some)."""

    def __init__(self, errcode: int, message: str, *, code: str, status: int):
        super().__init__(message, code=code, status=status)
        self.errcode = errcode


def _error_for(errcode: int, code_message: str) -> WechatApiError:
    """errcode -> our error; `code_message` is what an invalid code means at this step."""
    if errcode in (40029, 40163):  # invalid code; code been used
        return WechatApiError(errcode, code_message, code="wechat_code_invalid",
                              status=Unauthorized.status)
    if errcode in (45011, 45009):  # per-user minute quota; daily quota
        return WechatApiError(errcode, messages.WECHAT_RATE_LIMITED, code="wechat_rate_limited",
                              status=TooManyRequests.status)
    if errcode == -1:  # system busy
        return WechatApiError(errcode, messages.WECHAT_BUSY, code="wechat_busy",
                              status=Unavailable.status)
    if errcode in (40013, 40125, 40164, 41002, 41004):  # bad appid / secret / IP not whitelisted
        return WechatApiError(errcode, messages.WECHAT_MISCONFIGURED, code="wechat_misconfigured",
                              status=Unavailable.status)
    if errcode == 40226:  # high-risk user, login intercepted
        return WechatApiError(errcode, messages.WECHAT_RISKY, code="wechat_risky",
                              status=Forbidden.status)
    return WechatApiError(errcode, messages.WECHAT_ERROR.format(errcode=errcode),
                          code="wechat_error", status=Unavailable.status)


def _call(method: str, path: str, *, code_message: str = messages.MINI_CODE_INVALID, **kwargs) -> dict:
    config = current_app.config
    url = config["WECHAT_API_BASE_URL"].rstrip("/") + path
    try:
        response = requests.request(method, url, timeout=config["WECHAT_TIMEOUT_S"], **kwargs)
        payload = response.json()
    except requests.Timeout as error:
        log.warning("wechat %s timed out (%s)", path, type(error).__name__)
        raise WechatTimeout() from None
    except (requests.RequestException, ValueError) as error:
        log.warning("wechat %s failed (%s)", path, type(error).__name__)
        raise Unavailable(messages.WECHAT_UNREACHABLE, code="wechat_unreachable") from None
    if not isinstance(payload, dict):
        raise Unavailable(messages.WECHAT_UNREACHABLE, code="wechat_unreachable")
    errcode = payload.get("errcode") or 0
    if errcode:
        log.warning("wechat %s answered errcode %s: %s", path, errcode,
                    str(payload.get("errmsg", ""))[:200])
        raise _error_for(int(errcode), code_message)
    return payload


def enabled() -> bool:
    config = current_app.config
    return bool(config.get("WECHAT_MINI_APP_ID") and config.get("WECHAT_MINI_APP_SECRET"))


@dataclass(frozen=True)
class MiniSession:
    """Who a wx.login code belongs to. WeChat's session_key is dropped on purpose."""

    openid: str
    unionid: str | None


def code2session(code: str) -> MiniSession:
    config = current_app.config
    payload = _call("GET", "/sns/jscode2session", params={
        "appid": config["WECHAT_MINI_APP_ID"], "secret": config["WECHAT_MINI_APP_SECRET"],
        "js_code": code, "grant_type": "authorization_code"})
    openid = payload.get("openid")
    if not openid:
        raise Unavailable(messages.WECHAT_UNREACHABLE, code="wechat_unreachable")
    return MiniSession(openid=str(openid), unionid=payload.get("unionid") or None)


def fetch_stable_token() -> tuple[str, int]:
    """A fresh access token from WeChat and its lifetime in seconds (normal mode)."""
    config = current_app.config
    payload = _call("POST", "/cgi-bin/stable_token", json={
        "grant_type": "client_credential", "appid": config["WECHAT_MINI_APP_ID"],
        "secret": config["WECHAT_MINI_APP_SECRET"], "force_refresh": False})
    token, expires_in = payload.get("access_token"), payload.get("expires_in")
    if not token or not isinstance(expires_in, int):
        raise Unavailable(messages.WECHAT_UNREACHABLE, code="wechat_unreachable")
    return token, expires_in


def call_with_token(path: str, body: dict, code_message: str) -> dict:
    """POST `body` to an API that takes the access token; the token comes from the shared
    cache and is renewed once when WeChat says it went stale."""
    stale = None
    for _ in range(2):
        token = access_token(fetch_stable_token, stale=stale)
        try:
            return _call("POST", path, params={"access_token": token}, json=body, code_message=code_message)
        except WechatApiError as error:
            if error.errcode in TOKEN_ERRCODES and stale is None:
                stale = token
                continue
            raise
    raise _error_for(40001, code_message)


def phone_number(phone_code: str) -> tuple[str, str]:
    """(countryCode, purePhoneNumber) for a getPhoneNumber code."""
    payload = call_with_token("/wxa/business/getuserphonenumber", {"code": phone_code},
                              messages.MINI_PHONE_CODE_INVALID)
    info = payload.get("phone_info") or {}
    watermark = info.get("watermark") or {}
    if watermark.get("appid") not in (None, current_app.config["WECHAT_MINI_APP_ID"]):
        raise Unavailable(messages.WECHAT_UNREACHABLE, code="wechat_unreachable")
    return str(info.get("countryCode") or ""), str(info.get("purePhoneNumber") or "")
