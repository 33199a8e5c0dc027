"""The renovation project pages (共建 共管 共评): a project's progress timeline (phases,
items, progress posts with photos, supervision reports, filing one), its money by source
(app.funding's public table, the figures of the public page and the console), its
evaluations and their summaries; complaints (file one, follow its status and due date,
read the answer); an owner's own maintenance fund sub-accounts (分户账). Shells that
project.js fills from the JSON API, except the sub-accounts, rendered from the service the
API route calls."""
from flask import render_template, request

from app.approvals.api import messages as approval_messages
from app.approvals.api import approvals_of
from app.coordination.api import messages as coordination_messages
from app.coordination.api import meetings_of
from app.green.api import messages as green_messages
from app.green.api import checklist
from app.funding.api import messages as funding_messages
from app.funding.api import public_money
from app.auth.api import require_member, require_user
from app.estates.api import Estate
from app.estates.api import get_or_404
from app.projects.api import fund
from app.projects.api import evaluation_of
from app.projects.api import RenovationProject
from app.web.routes import bp


@bp.get("/estates/<int:estate_id>/projects")
def projects(estate_id):
    """An estate's renovation projects, each with its phase."""
    require_member(estate_id)
    return render_template("web/projects/list.html", estate=get_or_404(Estate, estate_id))


@bp.get("/projects/<int:project_id>")
def project(project_id):
    """One project's progress, and its evaluations: answer one while open, then its summary."""
    found = get_or_404(RenovationProject, project_id)
    require_member(found.estate_id)
    evaluations = [{"id": c.id, "title": c.title, "status": c.status.value}
                   for c in [evaluation_of(found)]  # the project's own, never another's
                   if c is not None and c.status.value != "draft"]
    return render_template("web/projects/project.html", project=found, evaluations=evaluations,
                           approvals=approvals_of(found), am=approval_messages,
                           money=public_money(found.id), fm=funding_messages)


@bp.get("/estates/<int:estate_id>/complaints")
def complaints(estate_id):
    """File a complaint (投诉举报) and follow mine: status, due date, the answer."""
    require_member(estate_id)
    return render_template("web/projects/complaints.html", estate=get_or_404(Estate, estate_id),
                           project_id=request.args.get("project", type=int))


@bp.get("/me/fund")
def my_fund():
    """The sub-accounts (分户账) of the flats I own, each with its entries, newest first."""
    user = require_user()
    return render_template("web/projects/my_fund.html", accounts=fund.owned_accounts(user.id))


@bp.get("/estates/<int:estate_id>/green")
def green(estate_id):
    """绿色社区: where the estate stands on each criterion, and why (members)."""
    require_member(estate_id)
    return render_template("web/projects/green.html", estate=get_or_404(Estate, estate_id),
                           checklist=checklist(estate_id), gm=green_messages)


@bp.get("/estates/<int:estate_id>/coordination")
def coordination(estate_id):
    """联席会议: what the parties decided and each task's progress (members; no internal notes)."""
    require_member(estate_id)
    return render_template("web/projects/coordination.html", estate=get_or_404(Estate, estate_id),
                           meetings=meetings_of(estate_id, with_notes=False), cm=coordination_messages)
