"""Console: a renovation project's contributions (居民出资) — each charge with the decision it
rests on, every flat's owed, paid, from the fund and due, its receipts and 公积金 certificates;
a form to add a charge from a decision, and one to record a payment (the flat's owners are
told). Rendered from the service the API route calls; the forms call the JSON API."""
from flask import render_template

from app.auth.api import load_checked, require_committee
from app.contributions.api import messages as contribution_messages
from app.contributions.api import paying_instructions, project_contributions, services
from app.display import china_today
from app.estates.api import get_estate
from app.projects.api import RenovationProject
from app.web.console import bp


@bp.get("/projects/<int:project_id>/contributions")
def contributions(project_id):
    project, user = load_checked(RenovationProject, project_id, require_committee)
    return render_template(
        "web/console/contributions.html", estate=get_estate(project.estate_id), section="projects",
        project=project, charges=project_contributions(project, full=True), cm=contribution_messages,
        sources=services.charge_sources(project, user), today=china_today().isoformat(),
        paying=paying_instructions(project.id))
