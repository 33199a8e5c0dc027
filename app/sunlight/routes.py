"""Sunlight routes (API.md, Sunlight): thin; computing is in analysis.py, rules in services."""
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import require_member
from app.estates.api import Estate
from app.estates.api import get_or_404
from app.offload import off_the_loop
from app.sunlight import charts, services, statement
from app.sunlight.access import editable, readable, require_editor
from app.sunlight.schemas import ChartQuery, SunlightAnalysisSchema, SunlightInSchema

blp = Blueprint("sunlight", __name__, url_prefix="/api/v1", description="日照分析")


@blp.route("/estates/<int:estate_id>/sunlight-analyses")
class EstateSunlightAnalyses(MethodView):
    @blp.response(200, SunlightAnalysisSchema(many=True))
    def get(self, estate_id):
        """The estate's analyses the reader may see, newest first."""
        user = require_member(estate_id)
        return [services.view(a) for a in services.analyses_of(estate_id) if services.can_read(user, a)]

    @blp.arguments(SunlightInSchema)
    @blp.response(201, SunlightAnalysisSchema)
    def post(self, data, estate_id):
        """Compute sun before and after the proposed structures, per window (committee, designer, staff)."""
        actor = require_editor(estate_id)
        get_or_404(Estate, estate_id)
        return services.view(services.start_analysis(estate_id, data, actor.id))


@blp.route("/sunlight-analyses/<int:analysis_id>")
class SunlightAnalysisDetail(MethodView):
    @blp.response(200, SunlightAnalysisSchema)
    def get(self, analysis_id):
        """An analysis (members in scope)."""
        found, _ = readable(analysis_id)
        return services.view(found)

    @blp.arguments(SunlightInSchema)
    @blp.response(200, SunlightAnalysisSchema)
    def put(self, data, analysis_id):
        """Replace the site and recompute (committee, designer, staff)."""
        found, actor = editable(analysis_id)
        return services.view(services.start_update(found, data, actor.id))


@blp.route("/sunlight-analyses/<int:analysis_id>/chart.png")
class SunlightChart(MethodView):
    @blp.arguments(ChartQuery, location="query")
    @blp.response(200, content_type="image/png")
    def get(self, query, analysis_id):
        """The plan with shadows and each window's day bars (?window=N: that window only)."""
        found, _ = readable(analysis_id)
        highlight = query["window"]
        if highlight is not None and highlight >= len(found.results["windows"]):
            highlight = None
        png = off_the_loop(charts.render_png, found.inputs, found.results, highlight)
        return Response(png, mimetype="image/png", headers={"Cache-Control": "private, max-age=60"})


@blp.route("/sunlight-analyses/<int:analysis_id>/statement.pdf")
class SunlightStatement(MethodView):
    @blp.response(200, content_type="application/pdf")
    def get(self, analysis_id):
        """The committee's statement for the meeting: the table, the picture, the standard."""
        found, _ = editable(analysis_id)
        pdf = off_the_loop(statement.render_statement, found.inputs, found.results, found.updated_at)
        return Response(pdf, mimetype="application/pdf", headers={
            "Content-Disposition": f'inline; filename="sunlight-{found.id}.pdf"'})
