"""Renovation project routes: 共建 progress and complaints (the fund: fund_routes.py)."""
from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from app.auth.api import Role, User
from app.auth.api import (
    is_committee, load_checked, require_committee, require_estate_role, require_member,
    require_user,
)
from app.db import utcnow
from app.errors import NotFound
from app.estates.api import get_or_404
from app.extensions import db
from app.projects import messages, phases, services, supervision
from app.projects.models import (
    Complaint, ComplaintStatus, Phase, ProgressPost, RenovationProject,
    SupervisionReport)
from app.projects.evaluation import (
    evaluation_summary, follow_up_low_scores, project_evaluation, start_project_evaluation)
from app.projects.models import FollowUpItem
from app.projects.schemas import (
    EvaluationCreatedSchema, EvaluationInSchema, EvaluationSummarySchema, FollowUpSchema,
    ComplaintInSchema, ComplaintSchema, ComplaintStatusInSchema,
    FundingInSchema, ItemsInSchema, PhaseInSchema,
    PhotosInSchema, ProgressInSchema, ProgressPostSchema, ProjectInSchema, ProjectSchema,
    SupervisionAnswerInSchema, SupervisionInSchema, SupervisionSchema)

blp = Blueprint("projects", __name__, url_prefix="/api/v1", description="改造项目：共建、共管")


def _project(project_id: int) -> RenovationProject:
    project = get_or_404(RenovationProject, project_id)
    require_member(project.estate_id)
    return project


def _committee_project(project_id: int) -> tuple[RenovationProject, User]:
    project = get_or_404(RenovationProject, project_id)
    return project, require_committee(project.estate_id)


@blp.route("/estates/<int:estate_id>/projects")
class EstateProjects(MethodView):
    @blp.response(200, ProjectSchema(many=True))
    def get(self, estate_id):
        """The estate's renovation projects."""
        require_member(estate_id)
        return db.session.scalars(select(RenovationProject).where(
            RenovationProject.estate_id == estate_id).order_by(RenovationProject.id)).all()

    @blp.arguments(ProjectInSchema)
    @blp.response(201, ProjectSchema)
    def post(self, data, estate_id):
        """Start a renovation project (it begins in 共谋)."""
        actor = require_committee(estate_id)
        return services.create_project(estate_id, data["title"], data["budget_cents"], actor.id)


@blp.route("/projects/<int:project_id>")
class ProjectDetail(MethodView):
    @blp.response(200, ProjectSchema)
    def get(self, project_id):
        """A project with its timeline, items and funding."""
        return _project(project_id)


@blp.route("/projects/<int:project_id>/advance")
class ProjectAdvance(MethodView):
    @blp.arguments(PhaseInSchema)
    @blp.response(200, ProjectSchema)
    def post(self, data, project_id):
        """Move the project to its next phase; 409 guard_failed names what is missing."""
        project, actor = _committee_project(project_id)
        return phases.advance(project, Phase(data["to"]), actor.id, data["evaluation_closes_at"])


@blp.route("/projects/<int:project_id>/funding")
class ProjectFunding(MethodView):
    @blp.arguments(FundingInSchema)
    @blp.response(200, ProjectSchema)
    def put(self, data, project_id):
        """Set the budget and what each source pays (central, local, residents, utilities …)."""
        project, actor = _committee_project(project_id)
        return services.set_funding(project, data["shares"], data["budget_cents"], actor.id)


@blp.route("/projects/<int:project_id>/items")
class ProjectItems(MethodView):
    @blp.arguments(ItemsInSchema)
    @blp.response(200, ProjectSchema)
    def put(self, data, project_id):
        """Set the content items the project carries out."""
        project, actor = _committee_project(project_id)
        return services.set_items(project, data["items"], actor.id)


@blp.route("/projects/<int:project_id>/progress")
class ProjectProgress(MethodView):
    @blp.response(200, ProgressPostSchema(many=True))
    def get(self, project_id):
        """Progress posts, newest first."""
        project = _project(project_id)
        return db.session.scalars(select(ProgressPost).where(ProgressPost.project_id == project.id)
                                  .order_by(ProgressPost.id.desc())).all()

    @blp.arguments(ProgressInSchema, location="form")
    @blp.arguments(PhotosInSchema, location="files")
    @blp.response(201, ProgressPostSchema)
    def post(self, data, files, project_id):
        """Post progress with up to 9 photos (committee, designers, contractors)."""
        project = get_or_404(RenovationProject, project_id)
        author = require_estate_role(project.estate_id, {Role.designer, Role.contractor})
        photos = [upload.read() for upload in files["photos"]]
        return services.post_progress(project, author.id, data["author_role"], data["body"], photos)


@blp.route("/projects/<int:project_id>/supervision-reports")
class ProjectSupervision(MethodView):
    @blp.response(200, SupervisionSchema(many=True))
    def get(self, project_id):
        """Residents' supervision reports."""
        project = _project(project_id)
        return supervision.reports_of(project)

    @blp.arguments(SupervisionInSchema)
    @blp.response(201, SupervisionSchema)
    def post(self, data, project_id):
        """A resident reports what they saw on site."""
        project = _project(project_id)
        return services.report_supervision(project, require_user().id, data["body"])


@blp.route("/supervision-reports/<int:report_id>/answer")
class SupervisionAnswer(MethodView):
    @blp.arguments(SupervisionAnswerInSchema)
    @blp.response(200, SupervisionSchema)
    def post(self, data, report_id):
        """Answer a resident's supervision report; the reporter is told (committee)."""
        report, user = load_checked(SupervisionReport, report_id, require_committee)
        return supervision.answer_report(report, user.id, data["answer"])


def complaint_views(complaints: list[Complaint], viewer: User) -> list[Complaint]:
    """complaint_view of each, with the complainants loaded in one query, not one each."""
    ids = {c.complainant_id for c in complaints if c.complainant_id}
    if ids:
        db.session.scalars(select(User).where(User.id.in_(ids))).all()  # into the identity map
    now = utcnow()
    return [complaint_view(c, viewer, now) for c in complaints]


def complaint_view(complaint: Complaint, viewer: User, now=None) -> Complaint:
    """Attach what ComplaintSchema shows: the masked name, whether it is overdue, and
    who complained, for the committee and the complainant only."""
    user = db.session.get(User, complaint.complainant_id) if complaint.complainant_id else None
    complaint.complainant_name = user.name if user else None
    complaint.overdue = complaint.is_overdue(now or utcnow())
    sees_identity = viewer.id == complaint.complainant_id or is_committee(viewer, complaint.estate_id)
    complaint.visible_complainant_id = complaint.complainant_id if sees_identity else None
    complaint.visible_complainant_phone = user.phone if sees_identity and user else None
    return complaint


@blp.route("/estates/<int:estate_id>/complaints")
class EstateComplaints(MethodView):
    @blp.response(200, ComplaintSchema(many=True))
    def get(self, estate_id):
        """Complaints of the estate; anonymous ones hide the complainant except from the committee."""
        viewer = require_member(estate_id)
        complaints = db.session.scalars(select(Complaint).where(Complaint.estate_id == estate_id)
                                        .order_by(Complaint.id.desc())).all()
        return complaint_views(complaints, viewer)

    @blp.arguments(ComplaintInSchema)
    @blp.response(201, ComplaintSchema)
    def post(self, data, estate_id):
        """File a complaint (投诉举报); may be anonymous to the public."""
        user = require_member(estate_id)
        complaint = services.file_complaint(estate_id, user.id, data["title"], data["body"],
                                            data["anonymous"], data["project_id"])
        return complaint_view(complaint, user)


@blp.route("/me/complaints")
class MyComplaints(MethodView):
    @blp.response(200, ComplaintSchema(many=True))
    def get(self):
        """My complaints and where each stands."""
        user = require_user()
        return complaint_views(db.session.scalars(
            select(Complaint).where(Complaint.complainant_id == user.id)
            .order_by(Complaint.id.desc())).all(), user)


@blp.route("/complaints/<int:complaint_id>/status")
class ComplaintStatusRoute(MethodView):
    @blp.arguments(ComplaintStatusInSchema)
    @blp.response(200, ComplaintSchema)
    def post(self, data, complaint_id):
        """Committee: take up (handling), answer, or close a complaint."""
        complaint = get_or_404(Complaint, complaint_id)
        actor = require_committee(complaint.estate_id)
        complaint = services.move_complaint(complaint, ComplaintStatus(data["to"]), actor.id,
                                            data["answer"])
        return complaint_view(complaint, actor)


@blp.route("/projects/<int:project_id>/evaluations")
class ProjectEvaluations(MethodView):
    @blp.arguments(EvaluationInSchema)
    @blp.response(201, EvaluationCreatedSchema)
    def post(self, data, project_id):
        """共评: the project's draft evaluation, a 1–5 question per renovated item (open it to
        start); 409 outside 共评 or when the project has one already."""
        project, actor = _committee_project(project_id)
        return start_project_evaluation(project, data["closes_at"], actor.id)


@blp.route("/projects/<int:project_id>/evaluations/<int:consultation_id>/summary")
class ProjectEvaluationSummary(MethodView):
    @blp.response(200, EvaluationSummarySchema)
    def get(self, project_id, consultation_id):
        """Average scores and the satisfaction index (0–100)."""
        project = _project(project_id)
        return evaluation_summary(project_evaluation(project, consultation_id))


@blp.route("/projects/<int:project_id>/evaluations/<int:consultation_id>/follow-ups")
class ProjectEvaluationFollowUps(MethodView):
    @blp.response(201, FollowUpSchema(many=True))
    def post(self, project_id, consultation_id):
        """Turn low-scoring items of a finished evaluation into follow-up items."""
        project, _ = _committee_project(project_id)
        return follow_up_low_scores(project, project_evaluation(project, consultation_id))


@blp.route("/projects/<int:project_id>/follow-ups")
class ProjectFollowUps(MethodView):
    @blp.response(200, FollowUpSchema(many=True))
    def get(self, project_id):
        """Follow-up items from evaluations."""
        project = _project(project_id)
        return db.session.scalars(select(FollowUpItem).where(FollowUpItem.project_id == project.id)
                                  .order_by(FollowUpItem.id)).all()
