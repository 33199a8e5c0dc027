"""Consultation routes (API.md, Consultations): thin; the rules are in services."""
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import check_in_view, require_committee, require_member, require_user, signed_user
from app.consultations import exports, services
from app.consultations.models import FlatProxy
from app.consultations.schemas import (
    AssistedBallotInSchema, BallotInSchema, BudgetCapInSchema, ConsultationDetailSchema, ConsultationInSchema,
    ConsultationOutSchema, ListQuery, ProxyInSchema, ProxyOutSchema, PublicReceiptSchema,
    ReceiptOutSchema, ResultsSchema, RuleOutSchema, TemplateOutSchema)
from app.estates.api import Flat
from app.estates.api import get_or_404
from app.rules.api import all_rules
from app.rules.api import rule_view

blp = Blueprint("consultations", __name__, url_prefix="/api/v1", description="征询与表决")


_viewable, _managed = services.viewable, services.managed


@blp.route("/consultation-templates")
class Templates(MethodView):
    @blp.response(200, TemplateOutSchema(many=True))
    def get(self):
        """The templates committees can start a consultation from."""
        require_user()
        return list(services.all_templates().values())


@blp.route("/decision-rules")
class Rules(MethodView):
    @blp.response(200, RuleOutSchema(many=True))
    def get(self):
        """The named decision rules and their thresholds."""
        require_user()
        return [rule_view(rule) for rule in all_rules().values()]


@blp.route("/estates/<int:estate_id>/consultations")
class EstateConsultations(MethodView):
    @blp.arguments(ConsultationInSchema)
    @blp.response(201, ConsultationOutSchema)
    def post(self, data, estate_id):
        """Create a draft consultation from a template (committee)."""
        actor = require_committee(estate_id)
        scope = data["scope"]
        return services.create_consultation(
            estate_id, template_key=data["template"], closes_at=data["closes_at"],
            actor_id=actor.id, title=data["title"], scope_type=scope["type"],
            scope_id=scope.get("id"), flat_ids=scope.get("flat_ids"), rule_key=data["rule"],
            opens_at=data["opens_at"],
            hide_results_until_closed=data["hide_results_until_closed"])

    @blp.arguments(ListQuery, location="query")
    @blp.response(200, ConsultationOutSchema(many=True))
    def get(self, query, estate_id):
        """The consultations of an estate this member may see."""
        user = require_member(estate_id)
        return services.list_consultations(estate_id, user, query["status"])


@blp.route("/consultations/<int:consultation_id>")
class ConsultationDetail(MethodView):
    @blp.response(200, ConsultationDetailSchema)
    def get(self, consultation_id):
        """A consultation with its questions and the caller's ballots."""
        consultation, user = _viewable(consultation_id)
        consultation.my_ballots = services.my_ballots(consultation, user)
        consultation.voting_flats = services.voting_flats(consultation, user)
        return consultation


def _lifecycle(action):
    class Lifecycle(MethodView):
        @blp.response(200, ConsultationOutSchema)
        def post(self, consultation_id):
            consultation, user = _managed(consultation_id)
            return action(consultation, user.id)

    Lifecycle.post.__doc__ = action.__doc__
    return Lifecycle


blp.route("/consultations/<int:consultation_id>/open", endpoint="open")(
    _lifecycle(services.open_consultation))
blp.route("/consultations/<int:consultation_id>/close", endpoint="close")(
    _lifecycle(services.close_consultation))
blp.route("/consultations/<int:consultation_id>/publish", endpoint="publish")(
    _lifecycle(services.publish_consultation))
blp.route("/consultations/<int:consultation_id>/electorate/rebase", endpoint="rebase_electorate")(
    _lifecycle(services.rebase_electorate))


@blp.route("/consultations/<int:consultation_id>/ballots/mine")
class MyBallot(MethodView):
    @blp.arguments(BallotInSchema)
    @blp.response(200, ReceiptOutSchema)
    def put(self, data, consultation_id):
        """Cast or change one's ballot until close; returns the receipt."""
        return services.cast_ballot(consultation_id, signed_user() or require_user(), data["flat_id"],
                                    data["answers"])


# the busiest write: its rights query checks the token's user too (one round trip less)
check_in_view("consultations.MyBallot", "PUT")


@blp.route("/consultations/<int:consultation_id>/assisted-ballots")
class AssistedBallots(MethodView):
    @blp.arguments(AssistedBallotInSchema)
    @blp.response(201, ReceiptOutSchema)
    def post(self, data, consultation_id):
        """Enter a paper, proxy or assisted ballot (committee), with its evidence."""
        consultation, user = _managed(consultation_id)
        return services.cast_assisted_ballot(
            consultation, user, data["flat_id"], data["answers"], channel=data["channel"],
            evidence=data["evidence"], witness_phone=data["witness_phone"])


@blp.route("/consultations/<int:consultation_id>/results")
class Results(MethodView):
    @blp.response(200, ResultsSchema)
    def get(self, consultation_id):
        """Participation, tallies and the decision under the rule, explained."""
        consultation, _ = _viewable(consultation_id)
        return services.results(consultation)


@blp.route("/consultations/<int:consultation_id>/budget-cap")
class BudgetCap(MethodView):
    @blp.arguments(BudgetCapInSchema)
    @blp.response(200, ConsultationOutSchema)
    def put(self, data, consultation_id):
        """量力而行: a content vote's budget cap (committee, while a draft); null removes it."""
        consultation, user = _managed(consultation_id)
        return services.set_budget_cap(consultation, data["budget_cap_cents"], user.id)


@blp.route("/consultations/<int:consultation_id>/receipts")
class Receipts(MethodView):
    @blp.response(200, PublicReceiptSchema(many=True))
    def get(self, consultation_id):
        """After 公示: every receipt with its masked room."""
        consultation, _ = _viewable(consultation_id)
        return services.receipts(consultation)


EXPORTS = {"csv": ("text/csv", lambda c: exports.export_csv(c).encode("utf-8")),
           "pdf": ("application/pdf", exports.export_pdf)}


@blp.route("/consultations/<int:consultation_id>/export.<any(csv, pdf):fmt>")
class Export(MethodView):
    @blp.response(200, content_type="application/octet-stream")
    def get(self, consultation_id, fmt):
        """公示 as CSV (UTF-8 with BOM) or PDF: rooms and areas, names and phones masked.

        The committee may export once closed; everyone in scope once published."""
        consultation, user = _viewable(consultation_id)
        exports.require_export(consultation, user)
        mimetype, render = EXPORTS[fmt]
        return Response(render(consultation), mimetype=mimetype, headers={
            "Content-Disposition": f'attachment; filename="consultation-{consultation.id}.{fmt}"'})


def _flat_of_member(flat_id):
    flat = get_or_404(Flat, flat_id)
    return flat, require_member(flat.estate_id)


@blp.route("/flats/<int:flat_id>/proxies")
class FlatProxies(MethodView):
    @blp.arguments(ProxyInSchema)
    @blp.response(201, ProxyOutSchema)
    def post(self, data, flat_id):
        """An owner authorises a relative (by phone) to vote for this flat."""
        flat, user = _flat_of_member(flat_id)
        return services.authorise_proxy(user, flat, data["phone"])

    @blp.response(200, ProxyOutSchema(many=True))
    def get(self, flat_id):
        """The proxies of a flat (its owners and the committee)."""
        flat, user = _flat_of_member(flat_id)
        services.require_flat_owner_or_committee(user, flat)
        return services.proxies_of(flat)


@blp.route("/proxies/<int:proxy_id>/revoke")
class ProxyRevoke(MethodView):
    @blp.response(200, ProxyOutSchema)
    def post(self, proxy_id):
        """End a proxy; the owner's own ballot overrides a proxy's in any case."""
        proxy = get_or_404(FlatProxy, proxy_id)
        user = require_member(proxy.estate_id)
        return services.revoke_proxy(proxy, user)
