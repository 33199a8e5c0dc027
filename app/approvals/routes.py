"""Routes: a project's approvals (members read, the committee records), the street's list of
projects waiting on one (staff)."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.approvals import services
from app.approvals.models import ApprovalKind
from app.approvals.schemas import ApprovalInSchema, ApprovalSchema, DocumentInSchema, WaitingProjectSchema
from app.auth.api import is_committee, load_checked, require_committee, require_staff
from app.errors import NotFound
from app.projects.api import RenovationProject

blp = Blueprint("approvals", __name__, url_prefix="/api/v1", description="项目审批：立项、用地、规划、施工许可")


def _kind(kind: str) -> str:
    if kind not in ApprovalKind.__members__:
        raise NotFound()
    return kind


@blp.route("/projects/<int:project_id>/approvals")
class ProjectApprovals(MethodView):
    @blp.response(200, ApprovalSchema(many=True))
    def get(self, project_id):
        """Every approval the project needs, where each stands and how long it has waited
        (members; the committee's notes only for the committee and staff)."""
        project, user = load_checked(RenovationProject, project_id)
        rows = services.approvals_of(project)
        if not is_committee(user, project.estate_id):
            rows = [{**row, "note": ""} for row in rows]
        return rows


@blp.route("/projects/<int:project_id>/approvals/<kind>")
class ProjectApproval(MethodView):
    @blp.arguments(ApprovalInSchema)
    @blp.response(200, ApprovalSchema)
    def put(self, data, project_id, kind):
        """Record where one approval stands (committee or staff; audited)."""
        project, user = load_checked(RenovationProject, project_id, require_committee)
        return services.set_approval(project, _kind(kind), data, user.id)


@blp.route("/projects/<int:project_id>/approvals/<kind>/document")
class ApprovalDocument(MethodView):
    @blp.arguments(DocumentInSchema, location="files")
    @blp.response(200, ApprovalSchema)
    def post(self, files, project_id, kind):
        """A photo of the approval's document (批文), after its progress is recorded."""
        project, user = load_checked(RenovationProject, project_id, require_committee)
        return services.attach_document(project, _kind(kind), files["photo"].read(), user.id)


@blp.route("/staff/approvals")
class WaitingApprovals(MethodView):
    @blp.response(200, WaitingProjectSchema(many=True))
    def get(self):
        """Projects waiting on an approval, the longest wait first (street staff)."""
        require_staff()
        return services.waiting_projects()
