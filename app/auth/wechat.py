"""WeChat web authorization (网页授权), which is OAuth 2 with quirks.

WeChat wants `appid` instead of `client_id`, its parameters in a fixed order and
`#wechat_redirect` at the end; its token endpoint takes `appid`/`secret` as query
parameters and reports errors as HTTP 200 with `errcode`. Authlib's OAuth2 session
does the exchange, with a compliance hook that turns `errcode` into an error.
"""
from urllib.parse import quote

import requests
from authlib.integrations.requests_client import OAuth2Session
from flask import current_app

from app.auth import messages
from app.auth.wechat_client import WechatTimeout
from app.errors import Unauthorized

SCOPE = "snsapi_base"


class WechatError(Exception):
    pass


def enabled() -> bool:
    return bool(current_app.config.get("WECHAT_APP_ID") and current_app.config.get("WECHAT_APP_SECRET"))


def authorize_url(redirect_uri: str, state: str) -> str:
    config = current_app.config
    # Order matters to WeChat: appid, redirect_uri, response_type, scope, state.
    return (f"{config['WECHAT_AUTHORIZE_URL']}?appid={quote(config['WECHAT_APP_ID'])}"
            f"&redirect_uri={quote(redirect_uri, safe='')}&response_type=code"
            f"&scope={SCOPE}&state={quote(state)}#wechat_redirect")


def _raise_on_errcode(response):
    payload = response.json()
    if payload.get("errcode"):
        raise WechatError(f"{payload.get('errcode')}: {payload.get('errmsg')}")
    return response


def _session() -> OAuth2Session:
    config = current_app.config
    session = OAuth2Session(client_id=config["WECHAT_APP_ID"],
                            client_secret=config["WECHAT_APP_SECRET"],
                            token_endpoint_auth_method="none")
    session.register_compliance_hook("access_token_response", _raise_on_errcode)
    return session


def exchange_code(code: str) -> tuple[str, str | None]:
    """The openid (and unionid, when WeChat gives one) for an authorization code, or Unauthorized."""
    config = current_app.config
    try:
        token = _session().fetch_token(
            f"{config['WECHAT_API_BASE_URL']}/sns/oauth2/access_token", method="GET",
            grant_type="authorization_code", code=code, appid=config["WECHAT_APP_ID"],
            secret=config["WECHAT_APP_SECRET"], timeout=config["WECHAT_TIMEOUT_S"])
    except requests.Timeout:
        current_app.logger.warning("wechat token exchange timed out")
        raise WechatTimeout() from None
    except Exception as error:  # network failure, errcode, or a malformed answer
        # by type only: a connection error's text holds the URL, with the app secret in it
        current_app.logger.warning("wechat token exchange failed: %s", type(error).__name__)
        raise Unauthorized(messages.WECHAT_FAILED, code="wechat_failed") from None
    openid = token.get("openid")
    if not openid:
        raise Unauthorized(messages.WECHAT_FAILED, code="wechat_failed")
    return openid, token.get("unionid") or None
