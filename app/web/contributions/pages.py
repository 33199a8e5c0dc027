"""A project's contributions for residents (居民出资): what my flats owe and why, what was
paid (receipts), the 公积金 certificate of an elevator share, paying online where the city
has WeChat Pay; the project's totals and, per stairwell, how many flats paid and how many owe."""
from flask import render_template

from app.auth.api import require_member
from app.contributions.api import messages as contribution_messages
from app.contributions.api import member_contributions, paying_instructions, wechat
from app.estates.api import get_or_404
from app.projects.api import RenovationProject
from app.web.routes import bp


@bp.get("/projects/<int:project_id>/contributions")
def contributions(project_id):
    project = get_or_404(RenovationProject, project_id)
    user = require_member(project.estate_id)
    seen = member_contributions(project, user.id, full=False)
    return render_template("web/contributions/project.html", project=project, cm=contribution_messages,
                           mine=seen["mine"], charges=seen["charges"], online=wechat.enabled(),
                           paying=paying_instructions(project.id))
