"""片区 routes: neighbourhoods of one street, their surveys, spare resources and notices."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import require_staff, require_user
from app.comanage import areas, notices
from app.comanage.schemas import (
    AreaNoticeInSchema, ResourceCommentInSchema, CreatedSchema, NeighbourhoodInSchema, NeighbourhoodSchema,
    NoticeSchema, ProposalInSchema, ResourceInSchema, ResourceSchema, SurveyInSchema,
    SurveyResultsSchema, VoteInSchema)

blp = Blueprint("neighbourhoods", __name__, url_prefix="/api/v1",
                description="片区：相邻小区联动、片区调查、存量资源")


@blp.route("/neighbourhoods")
class Neighbourhoods(MethodView):
    @blp.response(200, NeighbourhoodSchema(many=True))
    def get(self):
        """The 片区 I may see (staff: all)."""
        return areas.list_visible(require_user())

    @blp.arguments(NeighbourhoodInSchema)
    @blp.response(201, NeighbourhoodSchema)
    def post(self, data):
        """Group estates of one street into a 片区 (street staff)."""
        actor = require_staff()
        return areas.create(data["name"], data["estate_ids"], actor.id)


@blp.route("/neighbourhoods/<int:neighbourhood_id>")
class NeighbourhoodDetail(MethodView):
    @blp.response(200, NeighbourhoodSchema)
    def get(self, neighbourhood_id):
        """One 片区 and its estates."""
        return areas.visible(neighbourhood_id)[0]


@blp.route("/neighbourhoods/<int:neighbourhood_id>/surveys")
class Surveys(MethodView):
    @blp.response(200, SurveyResultsSchema(many=True))
    def get(self, neighbourhood_id):
        """The 片区's surveys with their figures."""
        n, _ = areas.visible(neighbourhood_id)
        return [areas.survey_results(s) for s in areas.surveys_of(n)]

    @blp.arguments(SurveyInSchema)
    @blp.response(201, SurveyResultsSchema)
    def post(self, data, neighbourhood_id):
        """Open a survey in every estate of the 片区 at once (street staff)."""
        n, actor = areas.managed(neighbourhood_id)
        survey = areas.start_survey(n, data["template"], data["closes_at"], actor.id, data["title"])
        return areas.survey_results(survey)


@blp.route("/neighbourhood-surveys/<int:survey_id>/results")
class SurveyResults(MethodView):
    @blp.response(200, SurveyResultsSchema)
    def get(self, survey_id):
        """Each estate's figures and the 片区's sum (each estate's flats counted once)."""
        return areas.survey_results(areas.visible_survey(survey_id))


@blp.route("/neighbourhoods/<int:neighbourhood_id>/resources")
class Resources(MethodView):
    @blp.response(200, ResourceSchema(many=True))
    def get(self, neighbourhood_id):
        """The register of spare premises and land, with proposals and votes."""
        n, user = areas.visible(neighbourhood_id)
        return [areas.resource_view(r, user) for r in areas.resources_of(n)]

    @blp.arguments(ResourceInSchema)
    @blp.response(201, CreatedSchema)
    def post(self, data, neighbourhood_id):
        """Register spare premises or land (street staff)."""
        n, actor = areas.managed(neighbourhood_id)
        return areas.add_resource(n, data, actor.id)


@blp.route("/spare-resources/<int:resource_id>")
class ResourceDetail(MethodView):
    @blp.response(200, ResourceSchema)
    def get(self, resource_id):
        """A spare resource with its proposed uses, votes and comments."""
        resource, user = areas.visible_resource(resource_id)
        return areas.resource_view(resource, user)


@blp.route("/spare-resources/<int:resource_id>/proposals")
class Proposals(MethodView):
    @blp.arguments(ProposalInSchema)
    @blp.response(201, CreatedSchema)
    def post(self, data, resource_id):
        """Propose a community use (residents of the 片区, staff)."""
        resource, user = areas.visible_resource(resource_id)
        return areas.propose(resource, user, data["title"], data["description"])


@blp.route("/spare-resources/<int:resource_id>/comments")
class Comments(MethodView):
    @blp.arguments(ResourceCommentInSchema)
    @blp.response(201, CreatedSchema)
    def post(self, data, resource_id):
        """Comment on a resource and its proposals."""
        resource, user = areas.visible_resource(resource_id)
        return areas.comment(resource, user, data["body"])


@blp.route("/spare-resources/<int:resource_id>/votes")
class Votes(MethodView):
    @blp.arguments(VoteInSchema)
    @blp.response(200, ResourceSchema)
    def put(self, data, resource_id):
        """Vote for one proposed use (one vote per resident, changeable)."""
        resource, user = areas.visible_resource(resource_id)
        areas.vote(resource, user, data["proposal_id"])
        return areas.resource_view(resource, user)


@blp.route("/neighbourhoods/<int:neighbourhood_id>/notices")
class AreaNotices(MethodView):
    @blp.response(200, NoticeSchema(many=True))
    def get(self, neighbourhood_id):
        """The 片区's notices with read counts (street staff)."""
        n, _ = areas.managed(neighbourhood_id)
        return notices.neighbourhood_notices(n)

    @blp.arguments(AreaNoticeInSchema)
    @blp.response(201, NoticeSchema)
    def post(self, data, neighbourhood_id):
        """Post a notice to every estate of the 片区 (street staff)."""
        n, actor = areas.managed(neighbourhood_id)
        notice = notices.post_notice(actor, scope_type="neighbourhood", scope_id=n.id,
                                     estate_id=None, title=data["title"], body=data["body"])
        return notices.counted_views([notice])[0]
