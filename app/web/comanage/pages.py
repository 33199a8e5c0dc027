"""Resident pages of 共管: the estate's co-management (its decisions with who is
chosen, the property service index over time), the public income 公示, my notices, and the
片区 page (its surveys, spare resources with proposed uses to vote on and comment).

Server-rendered from the same services and checks as the API routes; every change is a
form calling the JSON API (app.js).
"""
from flask import render_template

from app.auth.api import is_member, require_member, require_user
from app.comanage.api import areas, choices, income, notices, rating
from app.comanage.api import MATTER_LABELS
from app.consultations.api import services as consultations
from app.estates.api import get_estate
from app.web.routes import bp


def decision_rows(estate_id: int, user) -> list[dict]:
    """Each decision with who is chosen (choices) or its outcome (the rules)."""
    rows = []
    for c in choices.decisions_of(estate_id, user):
        choice = choices.choice_result(c) if consultations.result_kind(c) == "choice" else None
        outcome = None if choice else consultations.results(c)
        rows.append({"c": c, "matter": MATTER_LABELS[c.template_key], "choice": choice,
                     "outcome": outcome})
    return rows


@bp.get("/estates/<int:estate_id>/comanage")
def comanage(estate_id):
    """共管: the owners' decisions, the property service index, links to the 公示 and notices."""
    user = require_member(estate_id)
    estate = get_estate(estate_id)
    ratings = rating.index_over_time(estate_id)
    open_rating = next((p for p in reversed(ratings) if p.status == "open"), None)
    return render_template("web/comanage/estate.html", estate=estate,
                           decisions=decision_rows(estate_id, user), ratings=ratings,
                           open_rating=open_rating, area=areas.area_of_estate(estate_id))


@bp.get("/estates/<int:estate_id>/public-income")
def public_income(estate_id):
    """The public income 公示: every entry, the running balance, each spending's decision."""
    require_member(estate_id)
    return render_template("web/comanage/income.html", estate=get_estate(estate_id),
                           ledger=income.ledger(estate_id))


@bp.get("/notices")
def my_notices():
    """Notices to my estates, buildings and 片区; unread ones first get a 我已阅读 button."""
    return render_template("web/comanage/notices.html", notices=notices.my_notices(require_user()))


@bp.get("/areas/<int:neighbourhood_id>")
def area(neighbourhood_id):
    """A 片区: its estates, surveys (answered in my own estate), spare resources to vote on."""
    n, user = areas.visible(neighbourhood_id)
    surveys = [areas.survey_results(s) for s in areas.surveys_of(n)]
    estates = areas.estates_of(n.id)
    return render_template("web/comanage/area.html", area=n, estates=estates, surveys=surveys,
                           mine={e.id for e in estates if is_member(user, e.id)},
                           resources=[areas.resource_view(r, user) for r in areas.resources_of(n)])
