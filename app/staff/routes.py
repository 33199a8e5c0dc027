from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import require_staff
from app.staff import services
from app.staff.schemas import (
    OverviewRowSchema, RankingRowSchema, ReserveQuery, ReserveRowSchema, StaffQuery)

blp = Blueprint("staff", __name__, url_prefix="/api/v1", description="街道 / 区：多个小区的总览")


def _estates(query):
    return services.select_estates(query["district"], query["street"])


@blp.route("/staff/ranking")
class Ranking(MethodView):
    @blp.arguments(StaffQuery, location="query")
    @blp.response(200, RankingRowSchema(many=True))
    def get(self, query):
        """Estates ranked for the renovation plan: build year, willingness, participation."""
        require_staff()
        return services.rank_estates(_estates(query))


@blp.route("/staff/estates")
class Overview(MethodView):
    @blp.arguments(StaffQuery, location="query")
    @blp.response(200, OverviewRowSchema(many=True))
    def get(self, query):
        """Estates by phase, with overdue complaints flagged."""
        require_staff()
        return services.estate_overview(_estates(query), query["phase"])


@blp.route("/staff/reserve")
class Reserve(MethodView):
    @blp.arguments(ReserveQuery, location="query")
    @blp.response(200, ReserveRowSchema(many=True))
    def get(self, query):
        """The reserve (项目储备库), ordered by the priority ranking, with each estimate."""
        require_staff()
        return services.ranked_reserve(query["district"])
