"""Console: consultations of an estate — create from a template, open / close / publish,
results, and assisted ballots (代填) entered for a flat with their evidence.

Registered on the `console` blueprint. Creating and the lifecycle buttons call the
JSON API from console.js; the assisted ballot is a form post checked here for the
session's CSRF token, cast by `services.cast_assisted_ballot` as the API does.
"""
from flask import flash, redirect, render_template, request, url_for

from app.auth.api import require_user
from app.consultations.api import services
from app.consultations.api import visible
from app.consultations.api import Consultation, Status
from app.consultations.api import ResultsSchema
from app.errors import DomainError, InvalidInput, NotFound, Unauthorized
from app.estates.api import (
    buildings_with_stairwells, flat_label, flat_labels, get_estate, place_label,
)
from app.paperballots.api import messages as paper_messages
from app.paperballots.api import services as paper
from app.rules.api import get_rule
from app.web import messages
from app.web.console import bp, committee_page
from app.web.consultations.pages import option_order
from app.web.forms import AssistedBallotForm, answers_from_form, check_csrf, field_name, load_form


@bp.get("/estates/<int:estate_id>/consultations")
@committee_page("consultations")
def consultations(estate):
    """Every consultation of the estate, newest first, and the form to start one."""
    rows = services.list_consultations(estate.id, require_user())
    return "web/console/consultations.html", {
        # elections and company choices name their candidates: started on the 共管 page
        "rows": rows, "templates": [t for t in services.all_templates().values()
                                    if not t.options_named_at_creation],
        "buildings": buildings_with_stairwells(estate.id)}


def scope_label(c: Consultation) -> str:
    if c.scope_type == "flats":
        return messages.CASES
    if c.scope_type == "estate":
        return messages.SCOPES["estate"]
    return place_label(c.scope_type, c.scope_id)


def flat_picker(c: Consultation) -> list[dict]:
    """The flats in scope as building → stairwell → rooms, each marked when it has a ballot:
    the grid an assisted ballot's flat is picked from (or its room typed)."""
    voted = services.voted_flat_ids(c)
    buildings: dict[int, dict] = {}
    for flat in services.flats_in_scope(c):
        building = buildings.setdefault(flat.building_id, {
            "id": flat.building_id, "name": flat.building.name, "stairwells": {}})
        stairwell = building["stairwells"].setdefault(flat.stairwell_id, {
            "id": flat.stairwell_id, "name": flat.stairwell.name, "flats": []})
        stairwell["flats"].append({"id": flat.id, "room": flat.room, "label": flat_label(flat),
                                   "voted": flat.id in voted})
    return [{**b, "stairwells": list(b["stairwells"].values())} for b in buildings.values()]


def next_flat(picker: list[dict], after: int | None) -> dict | None:
    """下一户: the first flat without a ballot after the one just entered (then from the top)."""
    flats = [flat for b in picker for s in b["stairwells"] for flat in s["flats"]]
    start = next((i + 1 for i, flat in enumerate(flats) if flat["id"] == after), 0)
    return next((flat for flat in flats[start:] + flats[:start] if not flat["voted"]), None)


def entered_rows(c: Consultation) -> list[dict]:
    """The ballots the committee entered, with their flat's name, evidence and witness; a
    paper ballot's scans each a link to its photo, named by its page of the sheet."""
    ballots = services.entered_ballots(c)
    labels = flat_labels({ballot.flat_id for ballot in ballots})
    scans = paper.ballot_pages(ballot.id for ballot in ballots)
    return [{"ballot": ballot, "flat": labels.get(ballot.flat_id, ""), "scans": [
        {"id": scan.id, "label": paper_messages.EVIDENCE_LINK.format(page=scan.page)}
        for scan in scans.get(ballot.id, [])]} for ballot in ballots]


managed = services.managed


def render_manage(c: Consultation, *, values=None, errors=None, error=None, form=None, status=200):
    results = None if c.status == Status.draft else ResultsSchema().dump(services.results(c))
    picker = [] if c.per_resident else flat_picker(c)
    after = request.args.get("after", type=int)
    form = form or {"flat_id": request.args.get("flat", ""), "channel": request.args.get("channel", "paper")}
    chosen = next((flat for b in picker for s in b["stairwells"] for flat in s["flats"]
                   if str(flat["id"]) == form.get("flat_id")), None)
    return render_template(
        "web/console/consultation.html", c=c, estate=get_estate(c.estate_id),
        section="consultations", rule=get_rule(c.rule_key), scope=scope_label(c),
        results=results, option_order=option_order(c), picker=picker, chosen=chosen,
        next_flat=next_flat(picker, after) if after else None,
        entered=[] if c.per_resident else entered_rows(c), evidence_links=paper_messages.EVIDENCE_LINKS,
        values=values or {}, errors=errors or {}, error=error, form=form,
        field_name=field_name, visible=visible, ledger=services.ledger_date(c),
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
    return redirect(url_for("console.consultation", consultation_id=c.id, after=ballot.flat_id,
                            channel=form["channel"]) + "#assisted", code=303)
