"""Routes: a project's public money (anyone reads the public table; the committee records
and reads it with its notes and photos)."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import load_checked, require_committee
from app.errors import NotFound
from app.extensions import db
from app.funding import services
from app.funding.models import FundingEntry
from app.funding.schemas import EntryInSchema, EntrySchema, EvidenceInSchema, MoneySchema, PublicMoneySchema
from app.projects.api import RenovationProject

blp = Blueprint("funding", __name__, url_prefix="/api/v1", description="项目资金公开：来源、承诺、到账、支出")


@blp.route("/projects/<int:project_id>/public-money")
class PublicMoney(MethodView):
    @blp.response(200, PublicMoneySchema)
    def get(self, project_id):
        """Where the project's money comes from, what arrived and what was spent (anyone; no
        notes, no photos)."""
        if db.session.get(RenovationProject, project_id) is None:
            raise NotFound()
        return services.public_money(project_id)


@blp.route("/projects/<int:project_id>/money")
class Money(MethodView):
    @blp.response(200, MoneySchema)
    def get(self, project_id):
        """The same table with the committee's notes and the documents' photos (committee, staff)."""
        project, _ = load_checked(RenovationProject, project_id, require_committee)
        return services.money_table(project.id)


@blp.route("/projects/<int:project_id>/money-entries")
class MoneyEntries(MethodView):
    @blp.arguments(EntryInSchema)
    @blp.response(201, EntrySchema)
    @blp.alt_response(409, description="spend_beyond_received: more than the money received")
    def post(self, data, project_id):
        """Record a commitment, an arrival or a spend in fen (committee; audited). A spend beyond
        the money received so far is refused (409) with what is left."""
        project, user = load_checked(RenovationProject, project_id, require_committee)
        return services.entry_view(services.record_entry(project, data, user.id))


@blp.route("/money-entries/<int:entry_id>/evidence")
class MoneyEvidence(MethodView):
    @blp.arguments(EvidenceInSchema, location="files")
    @blp.response(200, EntrySchema)
    def post(self, files, entry_id):
        """A photo of the entry's document (committee)."""
        entry, user = load_checked(FundingEntry, entry_id, require_committee)
        return services.entry_view(services.attach_evidence(entry, files["photo"].read(), user.id))
