"""Resident elevator pages (加装电梯): stage, my share and how it was computed, consent, receipt.

Reads through the elevator and consultation services, with the API's own checks
(`require_member` and `can_view`: another estate's project is 404). Every change
(a ballot, an objection, a signature) is made by elevator.js calling the JSON API.
"""
from decimal import Decimal

from flask import render_template

from app.auth.api import is_committee
from app.consultations.api import services as consultations
from app.consultations.api import visible
from app.elevators.api import consent, services
from app.elevators.api import viewable_project
from app.elevators.api import ORDER
from app.errors import InvalidInput
from app.estates.api import Relation
from app.web.forms import field_name
from app.web.routes import bp


def weight_text(value: Decimal) -> str:
    """An exact product of coefficient and area: 48.00, 43.47, 25.3575 (never rounded)."""
    if value.normalize().as_tuple().exponent >= -2:
        return f"{value:.2f}"
    return format(value.normalize(), "f")


def share_explanation(split, share) -> dict:
    """The numbers behind one flat's share, for the sentences in messages_elevators.ELEVATOR_HOW_*."""
    weights = [s.coefficient * s.area_m2 for s in split.shares]
    weight = share.coefficient * share.area_m2
    return {
        "floor": share.floor, "coefficient": str(share.coefficient),
        "area": f"{share.area_m2:.2f}", "weight": weight_text(weight),
        "weight_total": weight_text(sum(weights, Decimal(0))), "flats": len(split.shares),
        "owners_cents": split.owners_cost_cents, "compensation_cents": split.compensation_cents,
        "to_pay_cents": split.owners_cost_cents + split.compensation_cents,
        "pays_cents": share.pays_cents, "receives_cents": share.receives_cents,
        "share_cents": share.share_cents, "zero": weight == 0,
    }


def shares_or_reason(project):
    """(split, None), or (None, the Chinese reason) when the saved plan no longer fits the
    stairwell (e.g. a ledger import added a floor): the page still shows everything else."""
    try:
        return services.cost_shares(project), None
    except InvalidInput as error:
        return None, error.message


def progress_context(outcome, consultation) -> dict:
    """What _progress.html needs from the consent outcome: its results, the per-threshold
    gaps, and whether the round has closed (then nothing is "still missing", it is decided)."""
    return {"consent": outcome.as_dict() if outcome is not None else None,
            "progress": {p["threshold"]: p for p in consent.progress(outcome)},
            "round_closed": consultation is not None and consultation.status.value in ("closed", "published")}


@bp.get("/elevators/<int:project_id>")
def elevator(project_id):
    """The resident's page of one elevator project of their stairwell."""
    project, user = viewable_project(project_id)
    outcome = consent.outcome_of(project.consultation_id)
    view = services.project_view(project, full_rooms=is_committee(user, project.estate_id),
                                 outcome=outcome)
    split, split_error = shares_or_reason(project)
    shares = {share.flat_id: share for share in split.shares} if split else {}
    consultation = consent.consultation_of(project.consultation_id)
    ballots, voting = {}, set()
    if consultation is not None:
        ballots = {b["flat_id"]: b for b in consultations.my_ballots(consultation, user)}
        voting = set(consultations.voting_flats(consultation, user))
    signed = {s["flat_id"]: s for s in view["signatures"]}
    objections = {}
    for objection in view["objections"]:
        objections.setdefault(objection["flat_id"], []).append(objection)
    flats = []
    for flat, flat_link in services.my_flats(user.id, project):
        share = shares.get(flat.id)
        flats.append({
            "flat": flat, "relation": flat_link.relation.value,
            "owner": flat_link.relation == Relation.owner, "can_vote": flat.id in voting,
            "share": share, "how": share_explanation(split, share) if share else None,
            "ballot": ballots.get(flat.id), "signature": signed.get(flat.id),
            "objections": objections.get(flat.id, []),
        })
    return render_template(
        "web/elevators/project.html", project=project, view=view, flats=flats,
        field_name=field_name, visible=visible,
        consultation=consultation, stages=ORDER, split_error=split_error,
        page_data={"id": project.id, "consultationId": project.consultation_id,
                   "stage": project.stage.value, "stages": [s.value for s in ORDER],
                   "labels": {s.value: s.label for s in ORDER}},
        **progress_context(outcome, consultation))


@bp.get("/elevators/<int:project_id>/progress")
def elevator_progress(project_id):
    """The consent progress alone, for the page to refresh when the tally changes."""
    project, _ = viewable_project(project_id)
    return render_template("web/elevators/_progress.html",
                           **progress_context(consent.outcome_of(project.consultation_id),
                                              consent.consultation_of(project.consultation_id)))
