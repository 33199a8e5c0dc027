"""Reach API: a consultation's notices and reach, the SMS link, opt-outs and the budget."""
from flask import current_app, request, session
from flask.views import MethodView
from flask_smorest import Blueprint
from app.auth.api import current_user, load_checked, login_session, require_committee, require_user
from app.auth.api import normalize_phone, opted_out
from app.consultations.api import Consultation
from app.errors import NotFound
from app.extensions import limit_from_config
from app.reach import links, messages, services
from app.reach.figures import reach_of
from app.reach.schemas import (
    BudgetSchema, LinkCodeSentSchema, LinkLoginSchema, LinkOpenedSchema, LinkSignedInSchema,
    MySmsSettingSchema, NoticeRequest, NoticeResultSchema, ReachNoticeSchema, OptOutSchema, ReachSchema,
    ReplyResultSchema, ReplySchema)

blp = Blueprint("reach", __name__, url_prefix="/api/v1", description="通知到位：短信、链接、到位情况")


@blp.route("/consultations/<int:consultation_id>/notices")
class Notices(MethodView):
    @blp.arguments(NoticeRequest)
    @blp.response(202, NoticeResultSchema)
    @blp.alt_response(200, schema=NoticeResultSchema, description="preview: nothing is written")
    def post(self, data, consultation_id):
        """Send a notice to every owner in scope (SMS from the ledger, in-app for the registered),
        one message per person; with `preview` only the counts, unreachable flats and cost."""
        c, user = load_checked(Consultation, consultation_id, require=require_committee)
        extra = {name: data[name] for name in ("time", "place", "until") if data[name]}
        result = services.send_notice(c, kind=data["kind"], audience=data["audience"],
                                      channels=data["channels"], preview=data["preview"], extra=extra,
                                      sent_by_id=user.id)
        return result, 200 if data["preview"] else 202

    @blp.response(200, ReachNoticeSchema(many=True))
    def get(self, consultation_id):
        """The notices sent for this consultation, newest first."""
        c, _ = load_checked(Consultation, consultation_id, require=require_committee)
        return services.notices_of(c.id)


@blp.route("/consultations/<int:consultation_id>/reach")
class Reach(MethodView):
    @blp.response(200, ReachSchema)
    def get(self, consultation_id):
        """Per stairwell and in total (counted in flats): flats, owners, with a phone, registered,
        notified, opened the link, voted by channel, not yet reached; most missing first."""
        c, _ = load_checked(Consultation, consultation_id, require=require_committee)
        return reach_of(c.id)


@blp.route("/notice-links/<token>/open")
class LinkOpen(MethodView):
    @blp.response(200, LinkOpenedSchema)
    def post(self, token):
        """The SMS link was opened: recorded once; where to go next."""
        return links.open_link(token, current_user())


@blp.route("/notice-links/<token>/code")
class LinkCode(MethodView):
    decorators = [limit_from_config("RATELIMIT_SMS_PER_IP")]

    @blp.response(201, LinkCodeSentSchema)
    def post(self, token):
        """Send a login code to the phone this notice went to."""
        return {"expires_in": links.send_code(token, request.remote_addr)}


@blp.route("/notice-links/<token>/session")
class LinkSession(MethodView):
    decorators = [limit_from_config("RATELIMIT_LOGIN_PER_IP")]

    @blp.arguments(LinkLoginSchema)
    @blp.response(201, LinkSignedInSchema)
    def post(self, data, token):
        """Sign in with the code; the ledger's flats of this phone are linked; go to the ballot."""
        user, path = links.sign_in(token, data["code"])
        login_session(user, "sms")  # the code went to the phone
        return {"path": path, "csrf_token": session["csrf"]}


@blp.route("/estates/<int:estate_id>/sms-opt-outs")
class EstateOptOuts(MethodView):
    @blp.arguments(OptOutSchema)
    @blp.response(204)
    def post(self, data, estate_id):
        """The committee records an owner's wish for no more notice SMS (said in person)."""
        require_committee(estate_id)
        services.opt_out(normalize_phone(data["phone"]), "console", estate_id)


@blp.route("/estates/<int:estate_id>/sms-budget")
class EstateBudget(MethodView):
    @blp.response(200, BudgetSchema)
    def get(self, estate_id):
        """This estate's monthly SMS budget and what is left this month."""
        require_committee(estate_id)
        return {"monthly_cents": services.monthly_cap(estate_id), "left_cents": services.budget_left(estate_id)}

    @blp.arguments(BudgetSchema)
    @blp.response(200, BudgetSchema)
    def put(self, data, estate_id):
        """Set this estate's own monthly SMS budget (the street office or an admin)."""
        from app.auth.api import require_staff

        user = require_staff()
        services.set_estate_budget(estate_id, data["monthly_cents"], user.id)
        return {"monthly_cents": services.monthly_cap(estate_id), "left_cents": services.budget_left(estate_id)}


@blp.route("/me/sms-notices")
class MySmsSetting(MethodView):
    @blp.response(200, MySmsSettingSchema)
    def get(self):
        """Whether my phone gets notice SMS."""
        phone = require_user().phone
        return {"opted_out": phone in opted_out([phone])}

    @blp.arguments(MySmsSettingSchema)
    @blp.response(200, MySmsSettingSchema)
    def put(self, data):
        """Stop (or start again) notice SMS to my phone; login codes always come."""
        user = require_user()
        if user.phone:
            (services.opt_out(user.phone, "self") if data["opted_out"] else services.opt_in(user.phone))
        return {"opted_out": user.phone in opted_out([user.phone])}


@blp.route("/sms/replies")
class SmsReplies(MethodView):
    @blp.arguments(ReplySchema)
    @blp.response(200, ReplyResultSchema)
    def post(self, data):
        """The provider's reply callback (header X-Reply-Token = SMS_REPLY_TOKEN): a reply of
        退订 / TD stops notice SMS to that number."""
        import hmac

        expected = current_app.config["SMS_REPLY_TOKEN"]
        if not expected or not hmac.compare_digest(request.headers.get("X-Reply-Token", ""), expected):
            raise NotFound(messages.REPLY_REFUSED, code="not_found")
        return {"opted_out": services.reply_received(normalize_phone(data["phone"]), data["text"])}
