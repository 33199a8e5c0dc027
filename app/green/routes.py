"""Routes: an estate's green-community checklist (members read, the committee records)."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import require_committee, require_member
from app.green import services
from app.green.schemas import ChecklistSchema, GreenCheckInSchema

blp = Blueprint("green", __name__, url_prefix="/api/v1", description="绿色社区创建")


@blp.route("/estates/<int:estate_id>/green-community")
class Checklist(MethodView):
    @blp.response(200, ChecklistSchema)
    def get(self, estate_id):
        """Every criterion of the national standard, where the estate stands and why (members)."""
        require_member(estate_id)
        return services.checklist(estate_id)


@blp.route("/estates/<int:estate_id>/green-community/<criterion>")
class Check(MethodView):
    @blp.arguments(GreenCheckInSchema)
    @blp.response(200, ChecklistSchema)
    def put(self, data, estate_id, criterion):
        """Record one criterion's status and evidence (committee; audited)."""
        user = require_committee(estate_id)
        return services.set_check(estate_id, criterion, data["status"], data["evidence"], user.id)
