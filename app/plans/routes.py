"""Routes: plan versions, comments and answers, publicity; heritage flags and reviews."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import Role
from app.auth.api import (
    load_checked, require_committee, require_estate_role, require_member, require_staff,
)
from app.estates.api import Building, Estate
from app.estates.api import get_or_404
from app.plans import heritage, services
from app.plans.models import PlanComment, PlanSection, PlanVersion, ReviewDecision
from app.plans.schemas import (
    AnswerInSchema, BuildingHeritageSchema, CommentInSchema, CommentSchema, HeritageInSchema,
    HeritageSchema, ReviewInSchema, VersionInSchema, VersionSchema)

blp = Blueprint("plans", __name__, url_prefix="/api/v1",
                description="改造方案（一区一策）：版本、意见、公示；历史建筑保护审查")


def _designer_or_committee(estate_id: int):
    return require_estate_role(estate_id, {Role.designer})


@blp.route("/estates/<int:estate_id>/plan-versions")
class PlanVersions(MethodView):
    @blp.response(200, VersionSchema(many=True))
    def get(self, estate_id):
        """The estate's plan versions, newest first, each with what changed."""
        require_member(estate_id)
        return [services.version_view(v) for v in services.versions_of(estate_id)]

    @blp.arguments(VersionInSchema)
    @blp.response(201, VersionSchema)
    def post(self, data, estate_id):
        """A new version of the plan (the designer or the committee)."""
        user = _designer_or_committee(estate_id)
        return services.version_view(services.create_version(
            estate_id, data["title"], data["sections"], data["item_codes"], user.id))


@blp.route("/plan-versions/<int:version_id>")
class PlanVersionDetail(MethodView):
    @blp.response(200, VersionSchema)
    def get(self, version_id):
        """A version: sections with comments, items with warnings, publicity, changes."""
        version, _ = load_checked(PlanVersion, version_id)
        return services.version_view(version)


@blp.route("/plan-versions/<int:version_id>/publicity")
class PlanPublicity(MethodView):
    @blp.response(200, VersionSchema)
    def post(self, version_id):
        """Start the publicity period (方案公示) of the latest version."""
        version, user = load_checked(PlanVersion, version_id, require_committee)
        return services.version_view(services.start_publicity(version, user.id))


@blp.route("/plan-sections/<int:section_id>/comments")
class SectionComments(MethodView):
    @blp.arguments(CommentInSchema)
    @blp.response(201, CommentSchema)
    def post(self, data, section_id):
        """A resident's comment on a passage quoted from the section."""
        section, user = load_checked(PlanSection, section_id)
        return services.add_comment(section, data["quote"], data["body"], user.id)


@blp.route("/plan-comments/<int:comment_id>/answer")
class CommentAnswer(MethodView):
    @blp.arguments(AnswerInSchema)
    @blp.response(200, CommentSchema)
    def post(self, data, comment_id):
        """The designer's or the committee's answer to a comment (one answer)."""
        comment, user = load_checked(PlanComment, comment_id, _designer_or_committee)
        return services.answer_comment(comment, data["answer"], user.id)


@blp.route("/buildings/<int:building_id>/heritage")
class BuildingHeritage(MethodView):
    @blp.arguments(HeritageInSchema)
    @blp.response(200, BuildingHeritageSchema)
    def put(self, data, building_id):
        """Street staff flag a building as historic (历史建筑) or townscape-protected, or clear it."""
        user = require_staff()
        building = heritage.set_heritage(get_or_404(Building, building_id), data["heritage"] or None,
                                         user.id)
        return heritage.building_row(building)


@blp.route("/estates/<int:estate_id>/heritage")
class EstateHeritage(MethodView):
    @blp.response(200, HeritageSchema)
    def get(self, estate_id):
        """Flagged buildings, the plan's facade items with their reviews, and what is pending."""
        require_committee(estate_id)
        return heritage.heritage_view(estate_id)


@blp.route("/estates/<int:estate_id>/heritage-reviews")
class HeritageReviews(MethodView):
    @blp.arguments(ReviewInSchema)
    @blp.response(201, HeritageSchema)
    def post(self, data, estate_id):
        """Street staff record the heritage review of a facade-altering item."""
        user = require_staff()
        get_or_404(Estate, estate_id)
        heritage.record_review(estate_id, data["item_code"], ReviewDecision(data["decision"]),
                               data["note"], user.id)
        return heritage.heritage_view(estate_id)
