"""The public page and open data of an estate (共享): anyone may read them."""
from decimal import Decimal

from flask import Blueprint, Response, render_template
from flask.views import MethodView
from flask_smorest import Blueprint as ApiBlueprint
from markupsafe import Markup

from app.audit.api import messages as audit_messages
from app.audit.api import head_text
from app.display import csv_document, percent_figure
from app.funding.api import messages as funding_messages
from app.public import messages
from app.public.charts import bar_chart
from app.public.services import figures_csv_rows, public_figures
from app.schemas import BaseSchema, fields

page = Blueprint("public", __name__, template_folder="templates")
blp = ApiBlueprint("open_data", __name__, url_prefix="/api/v1", description="公开数据（不含个人信息）")


class OpenDataSchema(BaseSchema):
    estate = fields.Dict()
    projects = fields.List(fields.Dict())
    consultations = fields.List(fields.Dict())
    satisfaction = fields.Dict()
    complaints = fields.Dict()
    fund_cents = fields.Dict()


def money_chart(money: dict) -> Markup | None:
    """A project's money by source: each bar is what arrived, on one scale for every source
    (the largest arrival is the full length), so a longer bar is more money; in 万元, the
    table beside it exact to the fen (committed and spent)."""
    def wan(cents: int) -> Decimal:
        return (Decimal(cents) / 1_000_000).quantize(Decimal("0.01"))

    rows = [row for row in money["sources"] if row["committed_cents"] or row["received_cents"]]
    largest = wan(max((row["received_cents"] for row in rows), default=0))
    bars = [(row["label"], wan(row["received_cents"]), largest) for row in rows]
    return Markup(bar_chart(funding_messages.CHART, bars, " 万元")) if bars else None


def charts(figures: dict) -> dict:
    participation = [(c["title"], float(percent_figure(c["participation_decimal"])), 100)
                     for c in figures["consultations"] if c["participation_decimal"]]
    satisfaction = [(q["title"], q["average"], 5) for q in figures["satisfaction"]["by_question"]]
    return {"participation": Markup(bar_chart(messages.CHART_PARTICIPATION, participation, "%"))
            if participation else None,
            "satisfaction": Markup(bar_chart(messages.CHART_SATISFACTION, satisfaction, " 分"))
            if satisfaction else None,
            "money": {p["id"]: money_chart(p["money"]) for p in figures["projects"]}}


@page.get("/estates/<int:estate_id>/public")
def estate_public(estate_id):
    figures = public_figures(estate_id)
    audit_head = audit_messages.PUBLISHED_HEAD.format(head=head_text(estate_id))
    return render_template("public/estate.html", f=figures, charts=charts(figures), pm=messages,
                           audit_head=audit_head, fm=funding_messages)


@blp.route("/estates/<int:estate_id>/open-data.json")
class OpenDataJson(MethodView):
    @blp.response(200, OpenDataSchema)
    def get(self, estate_id):
        """An estate's outcomes and figures, no personal data (anyone)."""
        return public_figures(estate_id)


@blp.route("/estates/<int:estate_id>/open-data.csv")
class OpenDataCsv(MethodView):
    @blp.response(200, content_type="text/csv")
    def get(self, estate_id):
        """The same figures as CSV rows (section, name, value, unit), UTF-8 with BOM."""
        document = csv_document([["section", "name", "value", "unit"],
                                 *figures_csv_rows(public_figures(estate_id))])
        return Response(document.encode(), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="estate-{estate_id}.csv"'})
