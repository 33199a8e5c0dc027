"""The published head of an estate's audit chain, and checking an earlier one."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.audit.schemas import HeadCheckQuery, HeadCheckSchema, HeadSchema
from app.audit.services import chain_of, check_published_head, current_head
from app.auth.api import require_member

blp = Blueprint("audit", __name__, url_prefix="/api/v1", description="可核查的操作记录")


@blp.route("/estates/<int:estate_id>/audit/head")
class AuditHeadView(MethodView):
    @blp.response(200, HeadSchema)
    def get(self, estate_id):
        """The estate's current audit head (seq, hash), to publish with results."""
        require_member(estate_id)
        seq, digest = current_head(chain_of(estate_id))
        return {"seq": seq, "hash": digest}


@blp.route("/estates/<int:estate_id>/audit/head/check")
class AuditHeadCheck(MethodView):
    @blp.arguments(HeadCheckQuery, location="query")
    @blp.response(200, HeadCheckSchema)
    def get(self, query, estate_id):
        """Whether today's chain verifies and still holds an earlier published head."""
        require_member(estate_id)
        check = check_published_head(chain_of(estate_id), query["seq"], query["hash"])
        return {"contains": check.contains, "reason": check.reason,
                "head": {"seq": check.seq, "hash": check.hash}}
