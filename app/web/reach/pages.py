"""Reach pages: the console's notices and reach table of a consultation, the street office's
reach per estate, and the landing page of the SMS link (PUBLIC_BASE_URL/n/<token>)."""
from flask import render_template, request

from app.auth.api import is_staff, require_staff
from app.consultations.api import managed
from app.estates.api import get_estate
from app.reach.api import messages as rm
from app.reach.api import estates_reach, reach_of
from app.reach.api import budget_left, monthly_cap, notices_of
from app.staff.api import services as staff
from app.web.console import bp as console_bp
from app.web.routes import bp
from app.web.street.pages import bp as street_bp


def voted(row: dict) -> int:
    return row["voted_online"] + row["voted_paper"] + row["voted_assisted"] + row["voted_proxy"]


@console_bp.get("/consultations/<int:consultation_id>/reach")
def consultation_reach(consultation_id):
    """Send a notice (preview first) and see the reach per stairwell, most missing first."""
    c, user = managed(consultation_id)
    return render_template("web/console/reach.html", c=c, estate=get_estate(c.estate_id),
                           section="consultations", reach=reach_of(c.id), voted=voted, rm=rm,
                           notices=notices_of(c.id), budget_left=budget_left(c.estate_id),
                           staff=is_staff(user), monthly_cents=monthly_cap(c.estate_id))


@street_bp.get("/reach")
def street_reach():
    """Every estate's open votes with how many flats were told and have voted."""
    require_staff()
    estates = staff.select_estates(request.args.get("district") or None, request.args.get("street") or None)
    names = {estate.id: estate.name for estate in estates}
    return render_template("web/street/reach.html", section="reach", rm=rm, voted=voted, names=names,
                           rows=estates_reach(list(names)))


@bp.get("/n/<token>")
def notice_link(token):
    """The SMS link: the page records the opening (a POST) and leads to the ballot."""
    return render_template("web/notice_link.html", token=token, rm=rm)
