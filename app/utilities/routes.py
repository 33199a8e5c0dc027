"""Routes: a project's utilities (the committee and staff read and record); the street's
list of places dug twice (staff)."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import load_checked, require_committee, require_staff
from app.projects.api import RenovationProject
from app.utilities import services
from app.utilities.models import UtilityWork
from app.utilities.schemas import (
    ContributionInSchema, ContributionSchema, HandoverFilesSchema, HandoverFormSchema, HandoverSchema,
    OverviewSchema, StreetClashSchema, WorkChangeInSchema, WorkInSchema, WorkSchema,
)

blp = Blueprint("utilities", __name__, url_prefix="/api/v1",
                description="专业经营单位：管线施工安排、重复开挖提醒、出资、验收移交")


@blp.route("/projects/<int:project_id>/utilities")
class Utilities(MethodView):
    @blp.response(200, OverviewSchema)
    def get(self, project_id):
        """The project's pipeline works (with the places dug twice), utilities' money and
        handovers (committee and staff)."""
        project, _ = load_checked(RenovationProject, project_id, require_committee)
        return services.overview(project)


@blp.route("/projects/<int:project_id>/utility-works")
class UtilityWorks(MethodView):
    @blp.arguments(WorkInSchema)
    @blp.response(201, WorkSchema)
    def post(self, data, project_id):
        """Plan a pipeline work: who digs, what, on which road or in which stairwell, when."""
        project, user = load_checked(RenovationProject, project_id, require_committee)
        work = services.add_work(project, data, user.id)
        return services.work_view(work, services.place_names(project.estate_id))


@blp.route("/utility-works/<int:work_id>")
class UtilityWorkOne(MethodView):
    @blp.arguments(WorkChangeInSchema)
    @blp.response(200, WorkSchema)
    def put(self, data, work_id):
        """New dates or progress for a work (committee)."""
        work, user = load_checked(UtilityWork, work_id, require_committee)
        work = services.change_work(work, data, user.id)
        return services.work_view(work, services.place_names(work.estate_id))


@blp.route("/projects/<int:project_id>/utility-contributions")
class UtilityContributions(MethodView):
    @blp.arguments(ContributionInSchema)
    @blp.response(201, ContributionSchema)
    def post(self, data, project_id):
        """Money a utility committed or paid in, in fen (committee); the project's public money
        table reads it from here."""
        project, user = load_checked(RenovationProject, project_id, require_committee)
        return services.contribution_view(services.record_contribution(project, data, user.id))


@blp.route("/projects/<int:project_id>/utility-handovers")
class UtilityHandovers(MethodView):
    @blp.arguments(HandoverFormSchema, location="form")
    @blp.arguments(HandoverFilesSchema, location="files")
    @blp.response(201, HandoverSchema)
    def post(self, form, files, project_id):
        """验收移交 of a utility's work: facilities, receiver, date, the signed record and a
        photo (committee); once per work, 409 for a second."""
        project, user = load_checked(RenovationProject, project_id, require_committee)
        handover = services.record_handover(project, form, files["record"].read(), files["photo"].read(), user.id)
        return next(h for h in services.overview(project)["handovers"] if h["id"] == handover.id)


@blp.route("/staff/utility-clashes")
class StreetClashes(MethodView):
    @blp.response(200, StreetClashSchema(many=True))
    def get(self):
        """Every estate's places to be dug twice, in overlapping or nearby periods (street staff)."""
        require_staff()
        return services.all_clashes()
