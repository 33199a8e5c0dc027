"""The console's elevator section: the estate's projects, a new one, what-if shares, stages.

Committee (and staff) only, like every console page; changes go through the API
(create, close the consent round, advance, what-if) from console_elevators.js.
"""
from datetime import timedelta

from app.consultations.api import Status
from app.db import utcnow
from app.display import CHINA_TZ
from app.elevators.api import consent, services
from app.elevators.api import ORDER, next_stage
from app.errors import NotFound
from app.estates.api import buildings_with_stairwells
from app.rules.api import publicity_days
from app.web import messages_elevators as messages
from app.web.console import bp, committee_page
from app.web.elevators.pages import progress_context, shares_or_reason

DEFAULT_CONSENT_DAYS = 14


@bp.get("/estates/<int:estate_id>/elevators")
@committee_page("elevators")
def elevators(estate):
    rows = []
    for project in services.projects_of_estate(estate.id):
        shown = consent.outcome_of(project.consultation_id)
        shown = shown.as_dict() if shown is not None else None
        rows.append({"project": project, "decision": shown["decision"] if shown else None,
                     "participation": shown["participation"] if shown else None})
    closes_on = (utcnow() + timedelta(days=DEFAULT_CONSENT_DAYS)).astimezone(CHINA_TZ).date()
    return "web/console/elevators.html", {
        "rows": rows, "buildings": buildings_with_stairwells(estate.id),
        "closes_on": closes_on.isoformat(), "publicity_days": publicity_days("elevator_plan")}


@bp.get("/estates/<int:estate_id>/elevators/<int:project_id>")
@committee_page("elevators")
def elevator(estate, project_id):
    """One project: stage and advance, consent, each flat's share, stance and signature."""
    project = services.get_project(project_id)
    if project.estate_id != estate.id:
        raise NotFound()
    outcome = consent.outcome_of(project.consultation_id)
    view = services.project_view(project, full_rooms=True, outcome=outcome)
    consultation = consent.consultation_of(project.consultation_id)
    final = consultation is not None and consultation.status in (Status.closed, Status.published)
    stances = consent.stances(project.consultation_id)
    signed = {s["flat_id"]: s for s in view["signatures"]}
    split, split_error = shares_or_reason(project)
    flats = [{"share": share, "voted": share.flat_id in stances,
              "stance": messages.ELEVATOR_STANCES.get(stances.get(share.flat_id), "") if final else None,
              "signature": signed.get(share.flat_id)} for share in (split.shares if split else [])]
    coefficients = "\n".join(f"{floor}={value}" for floor, value in project.floor_coefficients.items())
    return "web/console/elevator.html", {
        "project": project, "view": view, "consultation": consultation, "stages": ORDER,
        "flats": flats, "split": split, "split_error": split_error, "coefficients": coefficients, "final": final,
        "next_stage": next_stage(project.stage), **progress_context(outcome, consultation)}
