"""Routes: a project's contributions (members: totals, counts per stairwell, their own flats in
full; the committee: every flat), charges and payments (committee), WeChat Pay orders (an
owner) and its notify (WeChat Pay)."""
from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import is_committee, load_checked, require_committee, require_user
from app.contributions import instructions, services, voids, wechat
from app.contributions.models import Charge, Payment
from app.contributions.schemas import (
    ChargeInSchema, ChargeSchema, InstructionsSchema, OrderInSchema, OrderSchema, PaymentInSchema, PaymentSchema,
    ProjectContributionsSchema, VoidInSchema,
)
from app.projects.api import RenovationProject

blp = Blueprint("contributions", __name__, url_prefix="/api/v1", description="居民出资：应缴、收款、收据、微信支付")


@blp.route("/projects/<int:project_id>/contributions")
class ProjectContributions(MethodView):
    @blp.response(200, ProjectContributionsSchema)
    def get(self, project_id):
        """What the project charges: every flat for the committee; for members the totals, per
        stairwell how many flats paid and owe (never which), and their own flats in full."""
        project, user = load_checked(RenovationProject, project_id)
        return {**services.member_contributions(project, user.id, full=is_committee(user, project.estate_id)),
                "online_payment": wechat.enabled(),
                "paying_instructions": instructions.paying_instructions(project.id)}


@blp.route("/projects/<int:project_id>/paying-instructions")
class ProjectPayingInstructions(MethodView):
    @blp.arguments(InstructionsSchema)
    @blp.response(200, InstructionsSchema)
    def put(self, data, project_id):
        """How the project's flats pay without the app (收款方式): where and when, the account,
        whom to call; shown to the owners beside what they owe (committee; audited)."""
        project, user = load_checked(RenovationProject, project_id, require_committee)
        return {"text": instructions.set_paying_instructions(project, data["text"], user.id)}


@blp.route("/projects/<int:project_id>/contribution-charges")
class ProjectCharges(MethodView):
    @blp.arguments(ChargeInSchema)
    @blp.response(201, ChargeSchema)
    def post(self, data, project_id):
        """A charge from the decision that sets it: an elevator's cost shares, an owners'
        decision's amount, a maintenance fund use (committee; audited)."""
        project, user = load_checked(RenovationProject, project_id, require_committee)
        return services.charge_view(services.add_charge(project, data, user.id))


@blp.route("/contribution-charges/<int:charge_id>")
class OneCharge(MethodView):
    @blp.response(200, ChargeSchema)
    def get(self, charge_id):
        """Every flat's line and payments (committee)."""
        charge, _ = load_checked(Charge, charge_id, require_committee)
        return services.charge_view(charge)


@blp.route("/contribution-charges/<int:charge_id>/payments")
class ChargePayments(MethodView):
    @blp.arguments(PaymentInSchema)
    @blp.response(201, PaymentSchema)
    def post(self, data, charge_id):
        """A payment received for one flat: never above what it owes unless a decision allows
        it; one per voucher reference; the flat's owners are told (committee; audited)."""
        charge, user = load_checked(Charge, charge_id, require_committee)
        return services.payment_view(services.record_payment(charge, data, user.id))


@blp.route("/contribution-payments/<int:payment_id>/void")
class VoidPayment(MethodView):
    @blp.arguments(VoidInSchema)
    @blp.response(200, PaymentSchema)
    def post(self, data, payment_id):
        """Void a payment recorded by mistake, with the reason: kept, shown as voided, no longer
        counted; the flat's owners are told (committee; audited). 409 `wechat_payment` (refund
        through WeChat Pay), 409 `already_voided`."""
        payment, user = load_checked(Payment, payment_id, require_committee)
        return services.payment_view(voids.void_payment(payment, data["reason"], user.id))


@blp.route("/contribution-charges/<int:charge_id>/wechat-orders")
class WechatOrders(MethodView):
    @blp.arguments(OrderInSchema)
    @blp.response(201, OrderSchema)
    def post(self, data, charge_id):
        """Pay what the flat still owes through WeChat Pay (an owner of the flat; 409 when the
        city has no merchant)."""
        charge, _ = load_checked(Charge, charge_id)
        return wechat.start_order(charge, data["flat_id"], require_user(), data["channel"],
                                  request.remote_addr or "")


@blp.route("/wechat-pay/notify")
class WechatNotify(MethodView):
    @blp.response(204)
    def post(self):
        """WeChat Pay's payment notify: signature verified, resource decrypted, recorded once
        (401 when the signature fails, so WeChat Pay retries)."""
        wechat.notified(request.headers, request.get_data())
        return ""
