"""Auth routes: phone codes, tokens, WeChat, the web session and /me."""
import secrets
from urllib.parse import urlparse

from flask import current_app, g, redirect, request, session, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from app.auth import membership, messages, services, tokens, wechat
from app.auth.models import SmsOutboxMessage, User
from app.auth.permissions import login_session, require_user
from app.auth.schemas import (
    ExpiresSchema, LiveTokenSchema, LoginSchema, MeSchema, OutboxMessageSchema, OutboxQuery, PhoneSchema,
    RefreshSchema, SessionSchema, TokenPairSchema, WechatAuthorizeQuery, WechatCallbackQuery)
from app.errors import NotFound, Unauthorized
from app.extensions import db, limit_from_config
from app.privacy import mask_phone

blp = Blueprint("auth", __name__, url_prefix="/api/v1", description="登录与身份")


def me_view(user: User) -> dict:
    links = membership.estates().flat_claims(user.id)
    return {"id": user.id, "phone_masked": mask_phone(user.phone), "name": user.name,
            "roles": list(user.roles), "flats": links}


@blp.route("/auth/sms-codes")
class SmsCodes(MethodView):
    decorators = [limit_from_config("RATELIMIT_SMS_PER_IP")]

    @blp.arguments(PhoneSchema)
    @blp.response(202, ExpiresSchema)
    def post(self, data):
        """Send a one-time login code by SMS."""
        return {"expires_in": services.request_code(data["phone"], request.remote_addr)}


@blp.route("/auth/tokens")
class Tokens(MethodView):
    decorators = [limit_from_config("RATELIMIT_LOGIN_PER_IP")]

    @blp.arguments(LoginSchema)
    @blp.response(201, TokenPairSchema)
    def post(self, data):
        """Log in with phone and code; returns an access and a refresh token."""
        user = services.verify_code(data["phone"], data["code"])
        return {**services.issue_tokens(user, "sms"), "user": me_view(user)}


@blp.route("/auth/tokens/refresh")
class TokenRefresh(MethodView):
    decorators = [limit_from_config("RATELIMIT_LOGIN_PER_IP")]

    @blp.arguments(RefreshSchema)
    @blp.response(201, TokenPairSchema)
    def post(self, data):
        """Exchange a refresh token for a new pair; the old one stops working.

        Presenting a refresh token that was already exchanged ends the whole sign-in
        (401 `token_reused`): someone else holds a copy."""
        user, pair = services.refresh_tokens(data["refresh_token"])
        return {**pair, "user": me_view(user)}


@blp.route("/auth/tokens/revoke")
class TokenRevoke(MethodView):
    decorators = [limit_from_config("RATELIMIT_LOGIN_PER_IP")]

    @blp.arguments(RefreshSchema)
    @blp.response(204)
    def post(self, data):
        """Log an API client out: its refresh token and every token of that sign-in stop working."""
        services.revoke_refresh_family(data["refresh_token"])


@blp.route("/auth/logout-everywhere")
class LogoutEverywhere(MethodView):
    @blp.response(204)
    def post(self):
        """Log out on every device: every token and web session of mine stops working."""
        services.log_out_everywhere(require_user())
        session.clear()


@blp.route("/auth/session")
class WebSession(MethodView):
    decorators = [limit_from_config("RATELIMIT_LOGIN_PER_IP")]

    @blp.arguments(LoginSchema)
    @blp.response(201, SessionSchema)
    def post(self, data):
        """Log the web pages in with a cookie session; returns the CSRF token to send back."""
        user = services.verify_code(data["phone"], data["code"])
        login_session(user, "sms")
        return {"csrf_token": session["csrf"], "user": me_view(user)}

    @blp.response(200, SessionSchema)
    def get(self):
        """The signed-in web session and its CSRF token (after a WeChat sign-in, for instance)."""
        user = require_user()
        if "csrf" not in session:  # signed in by bearer token, not by a session
            raise Unauthorized()
        return {"csrf_token": session["csrf"], "user": me_view(user)}

    @blp.response(204)
    def delete(self):
        """Log the web pages out (send the CSRF token, as for every change); the session
        ends on the server, so a copy of the cookie is worthless."""
        services.end_session(session.get("sid"))
        session.clear()


@blp.route("/auth/session/live-token")
class SessionLiveToken(MethodView):
    @blp.response(201, LiveTokenSchema)
    def post(self):
        """An access token for the pages' live connection (Socket.IO connects with a token).

        The web pages hold no token of their own; they ask for one with the cookie
        session and the CSRF header, so the live connection sees what HTTP shows.
        """
        user = require_user()
        return {"access_token": tokens.issue(user, "access", g.auth_session_id),
                "expires_in": current_app.config["JWT_ACCESS_TTL_S"]}


def safe_next(target: str) -> str:
    """Only same-site paths, so the login cannot bounce people to another site."""
    target = target or "/"
    parsed = urlparse(target)
    # browsers read "/\\host" as "//host", another site; control characters are cut out
    if (parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//")
            or "\\" in target or any(ord(ch) < 32 for ch in target)):
        return "/"
    return target


@blp.route("/auth/wechat/authorize")
class WechatAuthorize(MethodView):
    @blp.arguments(WechatAuthorizeQuery, location="query")
    @blp.response(302)
    def get(self, query):
        """Redirect to WeChat web authorization."""
        if not wechat.enabled():
            raise NotFound(messages.WECHAT_OFF, code="wechat_disabled")
        state = secrets.token_urlsafe(16)
        session["wechat_state"], session["wechat_next"] = state, safe_next(query["next"])
        callback = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + url_for("auth.WechatCallback")
        return redirect(wechat.authorize_url(callback, state))


@blp.route("/auth/wechat/callback")
class WechatCallback(MethodView):
    @blp.arguments(WechatCallbackQuery, location="query")
    @blp.response(302)
    def get(self, query):
        """WeChat returns here; signs the person in and goes back to where they were."""
        if not wechat.enabled():
            raise NotFound(messages.WECHAT_OFF, code="wechat_disabled")
        expected = session.pop("wechat_state", None)
        if not query["code"] or not expected or query["state"] != expected:
            raise Unauthorized(messages.WECHAT_FAILED, code="wechat_failed")
        user = services.official_account_user(*wechat.exchange_code(query["code"]))
        next_url = session.pop("wechat_next", "/")
        login_session(user, "wechat")
        return redirect(next_url)


@blp.route("/me")
class Me(MethodView):
    @blp.response(200, MeSchema)
    def get(self):
        """Who I am: masked phone, roles and flats."""
        return me_view(require_user())


@blp.route("/dev/sms-outbox")
class SmsOutbox(MethodView):
    @blp.arguments(OutboxQuery, location="query")
    @blp.response(200, OutboxMessageSchema(many=True))
    def get(self, query):
        """Codes the console SMS backend 'sent' (only with SMS_BACKEND=console)."""
        if current_app.config["SMS_BACKEND"] != "console":
            raise NotFound()
        statement = select(SmsOutboxMessage).order_by(SmsOutboxMessage.id.desc()).limit(50)
        if query["phone"]:
            statement = statement.where(SmsOutboxMessage.phone == query["phone"])
        return db.session.scalars(statement).all()
