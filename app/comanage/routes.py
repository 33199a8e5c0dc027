"""共管 routes of one estate: decisions (rules, election, management model, property
company), the property service rating, the public income ledger and notices."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import require_committee, require_member, require_user
from app.comanage import choices, income, notices, rating
from app.comanage.schemas import (
    ChoiceSchema, DecisionInSchema, DecisionSchema, IncomeInSchema, IncomeLedgerSchema,
    NoticeInSchema, NoticeSchema, RatingInSchema, RatingPointSchema)
from app.consultations.api import services as consultations

blp = Blueprint("comanage", __name__, url_prefix="/api/v1",
                description="共管：规约、选举、管理方式、物业评价、公共收益、通知公告")


@blp.route("/estates/<int:estate_id>/comanage-decisions")
class Decisions(MethodView):
    @blp.response(200, DecisionSchema(many=True))
    def get(self, estate_id):
        """The estate's 共管 decisions (rules, elections, management model, company, public income)."""
        return choices.decisions_of(estate_id, require_member(estate_id))

    @blp.arguments(DecisionInSchema)
    @blp.response(201, DecisionSchema)
    def post(self, data, estate_id):
        """Open a decision of the whole estate's owners; elections and companies name candidates."""
        actor = require_committee(estate_id)
        return choices.start_decision(estate_id, data["matter"], data["closes_at"], actor.id,
                                      title=data["title"], candidates=data["candidates"],
                                      seats=data["seats"])


@blp.route("/consultations/<int:consultation_id>/choice")
class Choice(MethodView):
    @blp.response(200, ChoiceSchema)
    def get(self, consultation_id):
        """Who is elected (which model, which company): each option against the rule."""
        c, _ = consultations.viewable(consultation_id)
        return choices.choice_result(c)


@blp.route("/estates/<int:estate_id>/service-ratings")
class Ratings(MethodView):
    @blp.response(200, RatingPointSchema(many=True))
    def get(self, estate_id):
        """The property service index over time, one point per period."""
        require_member(estate_id)
        return rating.index_over_time(estate_id)

    @blp.arguments(RatingInSchema)
    @blp.response(201, RatingPointSchema)
    def post(self, data, estate_id):
        """Open the rating of one period (e.g. 2026Q4)."""
        actor = require_committee(estate_id)
        return rating.round_index(rating.start_round(estate_id, data["period"], data["closes_at"],
                                                     actor.id))


@blp.route("/estates/<int:estate_id>/public-income")
class PublicIncome(MethodView):
    @blp.response(200, IncomeLedgerSchema)
    def get(self, estate_id):
        """The public income 公示: income, spending with its decision, the running balance."""
        require_member(estate_id)
        return income.ledger(estate_id)

    @blp.arguments(IncomeInSchema)
    @blp.response(201, IncomeLedgerSchema)
    def post(self, data, estate_id):
        """Record income, or a spending under a passed decision (never below zero)."""
        actor = require_committee(estate_id)
        income.add_entry(estate_id, data["kind"], data["category"], data["amount_cents"],
                         data["occurred_on"], data["memo"], actor.id, data["consultation_id"])
        return income.ledger(estate_id)


@blp.route("/estates/<int:estate_id>/notices")
class EstateNotices(MethodView):
    @blp.response(200, NoticeSchema(many=True))
    def get(self, estate_id):
        """The estate's notices and explainers, with read counts (committee)."""
        require_committee(estate_id)
        return notices.estate_notices(estate_id)

    @blp.arguments(NoticeInSchema)
    @blp.response(201, NoticeSchema)
    def post(self, data, estate_id):
        """Post a notice to the estate or one building, or an explainer of a consultation."""
        actor = require_committee(estate_id)
        building = data["building_id"]
        notice = notices.post_notice(actor, scope_type="building" if building else "estate",
                                     scope_id=building or estate_id,
                                     estate_id=estate_id, title=data["title"], body=data["body"],
                                     kind=data["kind"], consultation_id=data["consultation_id"])
        return notices.counted_views([notice])[0]


@blp.route("/me/notices")
class MyNotices(MethodView):
    @blp.response(200, NoticeSchema(many=True))
    def get(self):
        """Notices to my estates, buildings and 片区, newest first."""
        return notices.my_notices(require_user())


@blp.route("/notices/<int:notice_id>/read")
class MarkRead(MethodView):
    @blp.response(200, NoticeSchema)
    def post(self, notice_id):
        """Mark a notice read (once)."""
        user = require_user()
        notice = notices.get_readable(notice_id, user)
        notices.mark_read(notice, user)
        return notices.notice_view(notice, read_at=True)


@blp.route("/consultations/<int:consultation_id>/explainers")
class Explainers(MethodView):
    @blp.response(200, NoticeSchema(many=True))
    def get(self, consultation_id):
        """Policy explainers linked to a consultation."""
        c, _ = consultations.viewable(consultation_id)
        return notices.explainers_of(c.id)
