"""Resident consultation pages: answer a survey or vote, my receipt, live results.

Registered on the `web` blueprint (app/web/routes.py). Reading goes through the
consultation services' own checks (`require_view`, `my_ballots`, `results`), and
a ballot is cast by `services.cast_ballot`, exactly as `PUT …/ballots/mine` does.
"""
from flask import flash, redirect, render_template, request, url_for

from app.consultations import services
from app.consultations.answers import visible
from app.consultations.models import Consultation, Status
from app.consultations.schemas import ResultsSchema
from app.errors import DomainError, InvalidInput, NotFound, Unauthorized
from app.estates.services import flat_labels
from app.rules import get_rule
from app.web import messages
from app.web.forms import BallotForm, answers_from_form, field_name, load_form
from app.web.routes import bp


def open_for_home(user, estate_id: int) -> list[dict]:
    """The open consultations of an estate this user may see, each saying, per flat the
    user votes for, whether it has voted (or, for a residents' survey, whether the user
    has answered)."""
    rows = []
    for c in services.list_consultations(estate_id, user, "open"):
        ballots = {b["flat_id"] if not c.per_resident else "me": b
                   for b in services.my_ballots(c, user)}
        row = {"id": c.id, "title": c.title, "closes_at": c.closes_at, "per_resident": c.per_resident,
               "flats": [], "answered": "me" in ballots}
        if not c.per_resident:
            labels = flat_labels(services.voting_flats(c, user))
            row["flats"] = [{"label": label, "voted": flat_id in ballots}
                            for flat_id, label in sorted(labels.items())]
        rows.append(row)
    return rows


def option_order(c: Consultation) -> dict[str, list[str]]:
    """Each question's option keys in the template's order (JSON objects lose it)."""
    return {q["key"]: [o["key"] for o in q["options"]] for q in c.questions}


def results_view(c: Consultation) -> dict | None:
    """The results as the API and the live `tally` event give them; None while hidden."""
    if c.status == Status.draft:
        return None
    outcome = services.results(c)
    return None if outcome.hidden else ResultsSchema().dump(outcome)


def _receipt_checks(c: Consultation, ballots: list[dict]) -> dict[str, bool]:
    if c.status != Status.published:
        return {}
    published = {row["receipt"] for row in services.receipts(c)}
    return {b["receipt"]: b["receipt"] in published for b in ballots}


def render_page(c: Consultation, user, *, flat_id=None, values=None, errors=None, error=None,
                status=200):
    ballots = services.my_ballots(c, user)
    if c.per_resident:
        flats = flat_labels(services.answering_flats(c, user))
        current = next(iter(ballots), None)
        choices = []
    else:
        flats = flat_labels(services.voting_flats(c, user))
        choices = sorted(flats.items())
        if flat_id not in flats:
            flat_id = choices[0][0] if choices else None
        current = next((b for b in ballots if b["flat_id"] == flat_id), None)
    if values is None:
        values = dict(current["answers"]) if current else {}
    rule = get_rule(c.rule_key)
    return render_template(
        "web/consultations/page.html", c=c, rule=rule, ballots=ballots, choices=choices,
        flat_id=flat_id, flat_labels=flats, can_answer=bool(flats), current=current,
        values=values, errors=errors or {}, error=error, field_name=field_name, visible=visible,
        results=results_view(c), option_order=option_order(c), receipt_checks=_receipt_checks(c, ballots),
        status_label=messages.CONSULTATION_STATUS[c.status.value]), status


_viewable = services.viewable


@bp.get("/consultations/<int:consultation_id>")
def consultation(consultation_id):
    """A consultation: its questions to answer (while open), my receipts, live results."""
    c, user = _viewable(consultation_id)
    return render_page(c, user, flat_id=request.args.get("flat", type=int))


@bp.post("/consultations/<int:consultation_id>/ballot")
def cast(consultation_id):
    """The ballot form: cast or change my ballot through the same service as the API."""
    c, user = _viewable(consultation_id)
    form = load_form(BallotForm())
    answers = answers_from_form(c.questions, request.form)
    try:
        ballot = services.cast_ballot(c, user, form["flat_id"], answers)
    except (Unauthorized, NotFound):
        raise
    except DomainError as refused:
        fields = refused.fields if isinstance(refused, InvalidInput) else {}
        return render_page(c, user, flat_id=form["flat_id"], values=answers,
                           errors=fields.get("answers") or {},
                           error=messages.VOTE_FIX if fields.get("answers") else refused.message,
                           status=refused.status)
    flash(messages.VOTE_OK.format(receipt=ballot.receipt))
    target = url_for("web.consultation", consultation_id=c.id,
                     **({} if c.per_resident else {"flat": ballot.flat_id}))
    return redirect(f"{target}#receipt", code=303)
