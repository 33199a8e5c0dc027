"""The resident pages of co-planning: the estate's application for renovation with
each owned flat's support, and the plan (改造方案): its sections with residents' comments on
a quoted passage and the answers, its items with heritage warnings, its publicity, and what
changed since the version before. Read through the same services as the API; the forms call
the JSON API (app.js's data-api forms, plan.js fills the quote from a selection)."""
from flask import render_template, request

from app.applications.api import services as applications
from app.auth.api import require_member
from app.errors import NotFound
from app.estates.api import Estate
from app.estates.api import get_or_404
from app.plans.api import services as plans
from app.web.routes import bp


@bp.get("/estates/<int:estate_id>/application")
def application(estate_id):
    """Start the estate's application, or support it for each flat I own."""
    user = require_member(estate_id)
    found = applications.applications_of(estate_id)
    view = applications.application_view(found[0], user.id) if found else None
    return render_template("web/coplan/application.html", estate=get_or_404(Estate, estate_id),
                           application=view)


@bp.get("/estates/<int:estate_id>/plan")
def plan(estate_id):
    """The latest plan version (or ?version=N): sections, comments, items, publicity, changes."""
    require_member(estate_id)
    versions = plans.versions_of(estate_id)
    number = request.args.get("version", type=int)
    chosen = next((v for v in versions if v.number == number), None) if number else (
        versions[0] if versions else None)
    if number and chosen is None:
        raise NotFound()
    return render_template("web/coplan/plan.html", estate=get_or_404(Estate, estate_id),
                           version=plans.version_view(chosen) if chosen else None,
                           versions=versions)
