"""Console: consultations of an estate — create from a template, open / close / publish,
results, and assisted ballots (代填) entered for a flat with their evidence.

Registered on the `console` blueprint. Creating and the lifecycle buttons call the
JSON API from console.js; the assisted ballot is a form post checked here for the
session's CSRF token, cast by `services.cast_assisted_ballot` as the API does.
"""
from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import require_user
from app.consultations import services
from app.consultations.answers import visible
from app.consultations.models import Consultation, Status
from app.consultations.schemas import ResultsSchema
from app.errors import DomainError, InvalidInput, NotFound, Unauthorized
from app.estates.services import buildings_with_stairwells, flat_label, get_estate, place_label
from app.rules import get_rule
from app.web import messages
from app.web.console import bp, committee_page
from app.web.consultations import option_order
from app.web.forms import AssistedBallotForm, answers_from_form, check_csrf, field_name, load_form


@bp.get("/estates/<int:estate_id>/consultations")
@committee_page("consultations")
def consultations(estate):
    """Every consultation of the estate, newest first, and the form to start one."""
    rows = services.list_consultations(estate.id, require_user())
    return "web/console/consultations.html", {
        "rows": rows, "templates": list(services.all_templates().values()),
        "buildings": buildings_with_stairwells(estate.id)}


def scope_label(c: Consultation) -> str:
    if c.scope_type == "flats":
        return messages.CASES
    if c.scope_type == "estate":
        return messages.SCOPES["estate"]
    return place_label(c.scope_type, c.scope_id)


def scope_flats(c: Consultation) -> list[tuple[int, str]]:
    """The flats in scope, to choose the one an assisted ballot is for."""
    return [(flat.id, flat_label(flat)) for flat in services.flats_in_scope(c)]


managed = services.managed


def render_manage(c: Consultation, *, values=None, errors=None, error=None, form=None, status=200):
    results = None if c.status == Status.draft else ResultsSchema().dump(services.results(c))
    return render_template(
        "web/console/consultation.html", c=c, estate=get_estate(c.estate_id),
        section="consultations", rule=get_rule(c.rule_key), scope=scope_label(c),
        results=results, option_order=option_order(c), flats=[] if c.per_resident else scope_flats(c),
        values=values or {}, errors=errors or {}, error=error, form=form or {},
        field_name=field_name, visible=visible,
        status_label=messages.CONSULTATION_STATUS[c.status.value]), status


@bp.get("/consultations/<int:consultation_id>")
def consultation(consultation_id):
    """One consultation: its state and the next step, results, assisted ballots."""
    c, _ = managed(consultation_id)
    return render_manage(c)


@bp.post("/consultations/<int:consultation_id>/assisted-ballots")
def assisted_ballot(consultation_id):
    """代填: a paper, proxy or assisted ballot for a flat, with evidence (and a witness)."""
    c, user = managed(consultation_id)
    check_csrf()
    answers = answers_from_form(c.questions, request.form)
    try:
        form = load_form(AssistedBallotForm())
        ballot = services.cast_assisted_ballot(
            c, user, form["flat_id"], answers, channel=form["channel"], evidence=form["evidence"],
            witness_phone=form["witness_phone"])
    except (Unauthorized, NotFound):
        raise
    except DomainError as refused:
        fields = {key: "；".join(value) if isinstance(value, list) else value
                  for key, value in (refused.fields if isinstance(refused, InvalidInput) else {}).items()}
        return render_manage(c, values=answers, errors=fields, form=request.form,
                             error=refused.message, status=refused.status)
    flash(messages.ASSISTED_OK.format(receipt=ballot.receipt))
    return redirect(url_for("console.consultation", consultation_id=c.id) + "#assisted", code=303)
