"""Console: consultations of an estate — create from a template, open / close / publish,
results, and assisted ballots (代填) entered for a flat with their evidence.

Registered on the `console` blueprint. Creating and the lifecycle buttons call the
JSON API from console.js; the assisted ballot is a form post checked here for the
session's CSRF token, cast by `services.cast_assisted_ballot` as the API does.
"""
from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.auth.permissions import require_user
from app.consultations import services
from app.consultations.answers import visible
from app.consultations.models import Consultation, Status
from app.consultations.schemas import ResultsSchema
from app.errors import DomainError, InvalidInput, NotFound, Unauthorized
from app.estates.models import Building, Estate, Flat, Stairwell
from app.estates.services import buildings_with_stairwells
from app.extensions import db
from app.rules import get_rule
from app.web import messages
from app.web.console import bp, committee_page
from app.web.consultations import flat_label, option_order
from app.web.forms import AssistedBallotForm, answers_from_form, check_csrf, field_name, load_form


@bp.get("/estates/<int:estate_id>/consultations")
@committee_page("consultations")
def consultations(estate):
    """Every consultation of the estate, newest first, and the form to start one."""
    rows = db.session.scalars(select(Consultation).where(Consultation.estate_id == estate.id)
                              .order_by(Consultation.id.desc()).limit(200)).all()
    return "web/console/consultations.html", {
        "rows": rows, "templates": list(services.all_templates().values()),
        "buildings": buildings_with_stairwells(estate.id)}


def scope_label(c: Consultation) -> str:
    if c.scope_type == "building":
        return db.session.get(Building, c.scope_id).name
    if c.scope_type == "stairwell":
        stairwell = db.session.get(Stairwell, c.scope_id)
        return f"{stairwell.building.name} {stairwell.name}"
    if c.scope_type == "flats":
        return messages.CASES
    return messages.SCOPES["estate"]


def scope_flats(c: Consultation) -> list[tuple[int, str]]:
    """The flats in scope, to choose the one an assisted ballot is for."""
    flats = db.session.scalars(select(Flat).where(services.scope_condition(c))
                               .options(joinedload(Flat.building), joinedload(Flat.stairwell))
                               .order_by(Flat.building_id, Flat.stairwell_id, Flat.floor, Flat.room)
                               .limit(5000)).all()
    return [(flat.id, flat_label(flat)) for flat in flats]


def managed(consultation_id: int) -> tuple[Consultation, object]:
    """The consultation for its estate's committee: 404 for strangers, 403 for residents."""
    user = require_user()
    c = services.get_consultation(consultation_id)
    services.require_manage(user, c)
    return c, user


def render_manage(c: Consultation, *, values=None, errors=None, error=None, form=None, status=200):
    services.close_if_due(c)
    results = None if c.status == Status.draft else ResultsSchema().dump(services.results(c))
    return render_template(
        "web/console/consultation.html", c=c, estate=db.session.get(Estate, c.estate_id),
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
        db.session.rollback()
        fields = {key: "；".join(value) if isinstance(value, list) else value
                  for key, value in (refused.fields if isinstance(refused, InvalidInput) else {}).items()}
        return render_manage(c, values=answers, errors=fields, form=request.form,
                             error=refused.message, status=refused.status)
    flash(messages.ASSISTED_OK.format(receipt=ballot.receipt))
    return redirect(url_for("console.consultation", consultation_id=c.id) + "#assisted", code=303)
