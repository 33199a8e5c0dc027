"""Mini-program routes: login by wx.login code and phone, and one-time links into the pages."""
from flask import current_app, jsonify, url_for
from flask.views import MethodView

from app.auth import messages, miniprogram, services, subscribe, tickets
from app.auth.models import TicketPurpose
from app.auth.permissions import require_user
from app.auth.routes import blp, me_view, safe_next
from app.auth.schemas import (
    MiniProgramCodeSchema, MiniProgramPhoneSchema, NeedPhoneSchema, SubscriptionsInSchema, SubscriptionsSchema,
    TokenPairSchema, WebTicketRequestSchema, WebTicketSchema)
from app.errors import Conflict
from app.extensions import db, limit_from_config


@blp.route("/auth/wechat/mini-program")
class MiniProgramLogin(MethodView):
    decorators = [limit_from_config("RATELIMIT_LOGIN_PER_IP")]

    @blp.arguments(MiniProgramCodeSchema)
    @blp.response(201, TokenPairSchema)
    @blp.alt_response(200, schema=NeedPhoneSchema, description="first login: send the phone code next")
    def post(self, data):
        """Log in from the mini-program with a wx.login code."""
        login = miniprogram.login_with_code(data["code"])
        if login.user is None:
            return jsonify(NeedPhoneSchema().dump({"need_phone": True, "ticket": login.ticket}))
        return {**services.issue_tokens(login.user, "mini_program"), "user": me_view(login.user)}


@blp.route("/auth/wechat/mini-program/phone")
class MiniProgramPhone(MethodView):
    decorators = [limit_from_config("RATELIMIT_LOGIN_PER_IP")]

    @blp.arguments(MiniProgramPhoneSchema)
    @blp.response(201, TokenPairSchema)
    def post(self, data):
        """First mini-program login: the phone number WeChat vouches for joins or opens the account."""
        user = miniprogram.login_with_phone(data["ticket"], data["phone_code"])
        return {**services.issue_tokens(user, "mini_program"), "user": me_view(user)}


@blp.route("/auth/web-tickets")
class WebTickets(MethodView):
    decorators = [limit_from_config("RATELIMIT_LOGIN_PER_IP")]

    @blp.arguments(WebTicketRequestSchema)
    @blp.response(201, WebTicketSchema)
    def post(self, data):
        """A one-time link (60 s) that opens the web pages signed in, e.g. in the mini-program's web-view."""
        user = require_user()
        ticket = tickets.issue(TicketPurpose.web, current_app.config["WEB_TICKET_TTL_S"],
                               user_id=user.id, next_path=safe_next(data["next"]))
        db.session.commit()
        base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
        return {"url": base + url_for("web.enter", ticket=ticket)}


@blp.route("/wechat/subscriptions")
class WechatSubscriptions(MethodView):
    @blp.response(200, SubscriptionsSchema)
    def get(self):
        """The subscribe-message templates to ask for (kind -> id) and what I have accepted."""
        user = subscribe.require_mini_program()
        return {"templates": subscribe.templates(), "subscriptions": subscribe.subscriptions_of(user)}

    @blp.arguments(SubscriptionsInSchema)
    @blp.response(200, SubscriptionsSchema)
    def post(self, data):
        """After wx.requestSubscribeMessage: each accepted template allows one more message."""
        user = subscribe.require_mini_program()
        if not user.wechat_mini_openid:
            raise Conflict(messages.SUBSCRIBE_NOT_MINI, code="not_mini_program_user")
        rows = subscribe.record(user, data["template_ids"], data["accepted"])
        return {"templates": subscribe.templates(), "subscriptions": rows}
