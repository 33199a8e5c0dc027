"""Console: renovation projects (共谋 共建 共管 共评 共享) — the estate's projects and a new
one, a project's phase, items, funding sources, progress posts with photos, residents'
supervision reports, the evaluation (launch, summary, follow-ups); the complaints queue
(due dates, overdue marks, handling and answers); the maintenance fund ledger (each use
tied to its decision).

These pages are shells: console_projects.js reads and changes everything through the JSON
API (the same calls a client makes), so the page shows exactly what the API answers.
"""
from flask import render_template

from app.approvals.api import messages as approval_messages
from app.approvals.api import approvals_of
from app.coordination.api import messages as coordination_messages
from app.coordination.api import meetings_of
from app.green.api import messages as green_messages
from app.green.api import checklist
from app.funding.api import messages as funding_messages
from app.funding.api import money_table
from app.utilities.api import messages as utility_messages
from app.utilities.api import overview as utilities_overview
from app.auth.api import load_checked, require_committee, require_user
from app.consultations.api import services as consultations
from app.estates.api import buildings_with_stairwells, estate_flat_labels, get_estate
from app.projects.api import COMPLAINT_STATUS_LABELS, PHASE_LABELS, SOURCE_LABELS
from app.projects.api import evaluation_of
from app.projects.api import RenovationProject
from app.rules.api import RAISE_FUND, USE_FUND, item_label
from app.web.console import bp, committee_page


def decided_votes(estate_id: int, user) -> list:
    """The estate's votes that decided (closed or published, passed): a project is started
    from its content vote, and a fund use is tied to the decision that allowed it."""
    rows = []
    for c in consultations.list_consultations(estate_id, user):
        if c.status.value in ("closed", "published") and c.rule_key:
            outcome = consultations.results(c)
            if outcome.decision == "passed":
                rows.append(c)
    return rows


@bp.get("/estates/<int:estate_id>/projects")
@committee_page("projects")
def projects(estate):
    return "web/console/projects.html", {
        "votes": decided_votes(estate.id, require_user()), "phases": PHASE_LABELS}


@bp.get("/projects/<int:project_id>")
def project(project_id):
    found, _ = load_checked(RenovationProject, project_id, require_committee)
    evaluations = [c for c in [evaluation_of(found)] if c is not None]  # its own, never another's
    return render_template(
        "web/console/project.html", estate=get_estate(found.estate_id), section="projects",
        project=found, phases=PHASE_LABELS, sources=SOURCE_LABELS, evaluations=evaluations,
        flats=estate_flat_labels(found.estate_id), approvals=approvals_of(found), am=approval_messages,
        fm=funding_messages)


@bp.get("/projects/<int:project_id>/utilities")
def project_utilities(project_id):
    """管线施工与专业经营单位: the works planned beside the renovation (the places dug twice
    flagged), a form for the next work, the utilities' money, and their handovers."""
    found, _ = load_checked(RenovationProject, project_id, require_committee)
    return render_template(
        "web/console/utilities.html", estate=get_estate(found.estate_id), section="projects", project=found,
        view=utilities_overview(found), um=utility_messages, buildings=buildings_with_stairwells(found.estate_id))


@bp.get("/projects/<int:project_id>/money")
def project_money(project_id):
    """项目资金公开: the money by source (committed, received, spent), every entry with its
    document, a form for the next one and each entry's photo."""
    found, _ = load_checked(RenovationProject, project_id, require_committee)
    return render_template("web/console/money.html", estate=get_estate(found.estate_id), section="projects",
                           project=found, table=money_table(found.id), fm=funding_messages)


@bp.get("/estates/<int:estate_id>/complaints")
@committee_page("complaints")
def complaints(estate):
    return "web/console/complaints.html", {"statuses": COMPLAINT_STATUS_LABELS}


@bp.get("/estates/<int:estate_id>/fund")
@committee_page("fund")
def fund(estate):
    """The fund ledger and every flat's sub-account (console_fund.js reads them from the API),
    and the form: kind, amount, scope picker, the decision; a preview before confirming."""
    votes = [c for c in decided_votes(estate.id, require_user())
             if c.civil_code_item in (USE_FUND, RAISE_FUND)]
    return "web/console/fund.html", {
        "votes": votes, "vote_titles": {c.id: c.title for c in votes},
        "buildings": buildings_with_stairwells(estate.id), "flats": estate_flat_labels(estate.id),
        "item_labels": {c.id: item_label(c.civil_code_item) for c in votes}}


@bp.get("/estates/<int:estate_id>/green")
@committee_page("projects")
def green(estate):
    """绿色社区: each criterion's status and evidence, changed one at a time."""
    return "web/console/green.html", {"checklist": checklist(estate.id), "gm": green_messages}


@bp.get("/estates/<int:estate_id>/coordination")
@committee_page("projects")
def coordination(estate):
    """联席会议 and 责任清单: meetings as held, each task's progress (overdue ones flagged), a
    form for the next meeting and each meeting's next task."""
    return "web/console/coordination.html", {"meetings": meetings_of(estate.id, with_notes=True),
                                             "cm": coordination_messages}
