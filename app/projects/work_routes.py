"""From decision to work: a project from a passed content vote, item updates (status,
progress, timeline), the joint acceptance (联合验收). Thin; the rules are in work.py."""
from flask.views import MethodView

from app.auth.api import require_committee
from app.estates.api import get_or_404
from app.projects import work
from app.projects.models import ItemStatus, RenovationProject
from app.projects.routes import blp
from app.projects.schemas import AcceptanceSchema, ItemSchema, ProjectSchema
from app.projects.work_schemas import AcceptanceInSchema, FromVoteInSchema, ItemUpdateInSchema


@blp.route("/consultations/<int:consultation_id>/project")
class ProjectFromVote(MethodView):
    @blp.arguments(FromVoteInSchema)
    @blp.response(201, ProjectSchema)
    def post(self, data, consultation_id):
        """Create the project from a passed content vote: its approved items within means."""
        from app.consultations.api import get_consultation

        consultation = get_consultation(consultation_id)
        actor = require_committee(consultation.estate_id)
        return work.create_from_vote(consultation.estate_id, consultation.id, data["title"], actor.id)


@blp.route("/projects/<int:project_id>/items/<int:item_id>/updates")
class ItemUpdates(MethodView):
    @blp.arguments(ItemUpdateInSchema)
    @blp.response(201, ItemSchema)
    def post(self, data, project_id, item_id):
        """A timeline entry for one item: its status and progress now."""
        project = get_or_404(RenovationProject, project_id)
        actor = require_committee(project.estate_id)
        return work.update_item(project, item_id, ItemStatus(data["status"]), data["progress_percent"],
                                data["note"], actor.id)


@blp.route("/projects/<int:project_id>/acceptance")
class Acceptance(MethodView):
    @blp.arguments(AcceptanceInSchema)
    @blp.response(201, AcceptanceSchema)
    def post(self, data, project_id):
        """Record the joint acceptance (联合验收) with resident representatives' sign-off."""
        project = get_or_404(RenovationProject, project_id)
        actor = require_committee(project.estate_id)
        return work.record_acceptance(project, data["held_on"], data["units"], data["conclusion"],
                                      data["representatives"], actor.id)
