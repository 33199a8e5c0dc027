"""Elevator routes (API.md, Elevators): thin; the rules are in services."""
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import is_committee, require_committee, require_member
from app.elevators import services
from app.elevators.access import viewable_project
from app.elevators.models import Objection
from app.elevators.schemas import (
    CostShareSchema, CostSplitSchema, ElevatorAdvanceSchema, ElevatorObjectionInSchema,
    ElevatorObjectionSchema, ElevatorPlanSchema, ElevatorProjectInSchema, ElevatorProjectSchema,
    ElevatorProjectSummarySchema, ElevatorSignatureInSchema, ElevatorSignatureSchema)
from app.errors import NotFound
from app.estates.api import Stairwell
from app.estates.api import get_or_404

blp = Blueprint("elevators", __name__, url_prefix="/api/v1", description="加装电梯")


@blp.route("/stairwells/<int:stairwell_id>/elevator-projects")
class StairwellElevatorProjects(MethodView):
    @blp.response(200, ElevatorProjectSummarySchema(many=True))
    def get(self, stairwell_id):
        """The stairwell's elevator projects, newest first (members who may see them)."""
        stairwell = get_or_404(Stairwell, stairwell_id)
        user = require_member(stairwell.estate_id)
        return [p for p in services.projects_of(stairwell.id) if services.can_view(user, p)]

    @blp.arguments(ElevatorProjectInSchema)
    @blp.response(201, ElevatorProjectSchema)
    def post(self, data, stairwell_id):
        """Propose an elevator for the stairwell and open its consent round (committee)."""
        stairwell = get_or_404(Stairwell, stairwell_id)
        actor = require_committee(stairwell.estate_id)
        project = services.create_project(
            stairwell, actor_id=actor.id, rule_key=data.pop("rule"), **data)
        return services.project_view(project, full_rooms=True)


@blp.route("/elevator-projects/<int:project_id>")
class ElevatorProjectDetail(MethodView):
    @blp.response(200, ElevatorProjectSchema)
    def get(self, project_id):
        """Stage, consent results with what is still missing, objections and signatures."""
        project, user = viewable_project(project_id)
        return services.project_view(project, full_rooms=is_committee(user, project.estate_id))


@blp.route("/elevator-projects/<int:project_id>/cost-shares")
class CostShares(MethodView):
    @blp.response(200, CostShareSchema(many=True))
    def get(self, project_id):
        """Every flat's share in cents, summing exactly to total cost minus subsidies."""
        project, _ = viewable_project(project_id)
        return services.cost_shares(project).shares


@blp.route("/elevator-projects/<int:project_id>/cost-shares/what-if")
class CostSharesWhatIf(MethodView):
    @blp.arguments(ElevatorPlanSchema)
    @blp.response(200, CostSplitSchema)
    def post(self, data, project_id):
        """Shares under other coefficients or amounts; nothing is saved."""
        project, _ = viewable_project(project_id)
        return services.what_if(project, data)


@blp.route("/elevator-projects/<int:project_id>/objections")
class Objections(MethodView):
    @blp.arguments(ElevatorObjectionInSchema)
    @blp.response(201, ElevatorObjectionSchema)
    def post(self, data, project_id):
        """An owner objects to the plan during publicity; the objection joins a 一事一议 case."""
        project, user = viewable_project(project_id)
        objection = services.raise_objection(project, user.id, data["flat_id"], data["reason"])
        return services.objection_view(objection, full_rooms=True)


@blp.route("/elevator-objections/<int:objection_id>/withdraw")
class ObjectionWithdraw(MethodView):
    @blp.response(200, ElevatorObjectionSchema)
    def post(self, objection_id):
        """The objector takes the objection back."""
        objection = get_or_404(Objection, objection_id)
        _, user = viewable_project(objection.project_id)
        objection = services.withdraw_objection(objection, user.id)
        return services.objection_view(objection, full_rooms=True)


@blp.route("/elevator-projects/<int:project_id>/signatures")
class Signatures(MethodView):
    @blp.arguments(ElevatorSignatureInSchema)
    @blp.response(201, ElevatorSignatureSchema)
    def post(self, data, project_id):
        """The owner accepts the flat's share (协议签署)."""
        project, user = viewable_project(project_id)
        signature = services.sign(project, user.id, data["flat_id"])
        return services.signature_view(signature, full_rooms=True)


@blp.route("/elevator-projects/<int:project_id>/advance")
class Advance(MethodView):
    @blp.arguments(ElevatorAdvanceSchema)
    @blp.response(200, ElevatorProjectSchema)
    def post(self, data, project_id):
        """Move to the next stage, or 409 guard_failed saying which guard refuses (committee)."""
        project = services.get_project(project_id)
        actor = require_committee(project.estate_id)
        services.advance(project, data["to"], actor.id, note=data["note"])
        return services.project_view(project, full_rooms=True)


@blp.route("/elevator-projects/<int:project_id>/flats/<int:flat_id>/statement.pdf")
class Statement(MethodView):
    @blp.response(200, content_type="application/pdf")
    def get(self, project_id, flat_id):
        """A printable statement of the flat's share (its owner, or the committee)."""
        project, user = viewable_project(project_id)
        flat = services.flat_in_stairwell(project, flat_id)
        if not is_committee(user, project.estate_id) and not services.is_verified_owner(
                user.id, flat.id):
            raise NotFound()
        pdf = services.statement_pdf(project, flat)
        return Response(pdf, mimetype="application/pdf", headers={
            "Content-Disposition": f'inline; filename="elevator-{project.id}-{flat.room}.pdf"'})
