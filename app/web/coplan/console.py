"""Console and street pages of co-planning.

Console (the committee, staff): the estate's application and its submission; the plan's
versions with what changed, comments to answer, a new version, its publicity; heritage flags
and reviews (recorded by staff). Street (staff): submitted applications to take into the
reserve, the reserve in the ranking's order, annual plans with their capacity bars.
Pages read through the services the API uses; every change goes through the JSON API.
"""
from flask import render_template

from app.applications.api import paper, reserve
from app.applications.api import services as applications
from app.auth.api import is_staff, require_staff, require_user
from app.consultations.api import catalogue_items
from app.plans.api import heritage
from app.plans.api import services as plans
from app.staff.api import services as staff
from app.web.console import bp, committee_page
from app.web.street.pages import bp as street_bp


@bp.get("/estates/<int:estate_id>/application")
@committee_page("application")
def application(estate):
    found = applications.applications_of(estate.id)
    return "web/console/coplan_application.html", {
        "application": applications.application_view(found[0], require_user().id) if found else None,
        "supports": paper.supports_list(found[0]) if found else [],
        "unsupported": paper.flats_without_support(found[0]) if found else []}


@bp.get("/estates/<int:estate_id>/plan")
@committee_page("plan")
def plan(estate):
    return "web/console/coplan_plan.html", {
        "versions": [plans.version_view(v) for v in plans.versions_of(estate.id)],
        "catalogue": list(catalogue_items().values())}


@bp.get("/estates/<int:estate_id>/heritage")
@committee_page("heritage")
def heritage_page(estate):
    return "web/console/coplan_heritage.html", {
        "view": heritage.heritage_view(estate.id), "staff": is_staff(require_user())}


@street_bp.get("/reserve")
def reserve_page():
    """Submitted applications to take in, the ranked reserve, and the annual plans."""
    require_staff()
    waiting = [{"application": a, "estate": e, "support": applications.support_of(a).as_dict()}
               for a, e in reserve.submitted_not_reserved()]
    ranked, annual = staff.ranked_reserve(), [reserve.plan_view(p) for p in reserve.list_plans()]
    candidates = {plan["id"]: [row for row in ranked if not row["planned_plan_id"]
                               and row["estate"].district == plan["district"]] for plan in annual}
    return render_template("web/street/reserve.html", section="reserve", waiting=waiting,
                           ranked=ranked, plans=annual, candidates=candidates)
