"""Resident consultation pages: answer a survey or vote, my receipt, live results.

Registered on the `web` blueprint (app/web/routes.py). Reading goes through the
consultation services' own checks (`require_view`, `my_ballots`, `results`), and
a ballot is cast by `services.cast_ballot`, exactly as `PUT …/ballots/mine` does.
"""
from flask import flash, redirect, render_template, request, url_for

from app.auth.api import me_view
from app.comanage.api import choices, notices
from app.consultations.api import services
from app.consultations.api import visible
from app.consultations.api import Consultation, Status
from app.consultations.api import ResultsSchema
from app.display import cents_yuan
from app.elevators.api import services as elevators
from app.errors import DomainError, InvalidInput, NotFound, Unauthorized
from app.estates.api import flat_labels
from app.rules.api import get_rule
from app.web import messages, messages_resident
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
        # what needs me now: a flat I vote for that has not voted, or a survey I may answer
        # (a resident of a flat in scope; a committee member without one only looks on)
        row["todo"] = (not row["answered"] and bool(services.answering_flats(c, user))
                       ) if c.per_resident else any(not flat["voted"] for flat in row["flats"])
        row["relation"] = (None if c.per_resident or row["flats"]
                           else _relation_in_scope(c, user))
        rows.append(row)
    return rows


def records_for_home(user, estate_id: int) -> list[dict]:
    """我的记录: the finished consultations of an estate I took part in (a ballot of mine or
    of a flat I vote for), each with its outcome and whether my receipts are in the
    published list."""
    rows = []
    for status in ("published", "closed"):
        for c in services.list_consultations(estate_id, user, status):
            ballots = services.my_ballots(c, user)
            if not ballots:
                continue
            view = results_view(c)
            checks = _receipt_checks(c, ballots)
            rows.append({"id": c.id, "title": c.title, "closes_at": c.closes_at,
                         "status": c.status.value, "decision": (view or {}).get("decision"),
                         "checked": all(checks.values()) if checks else None})
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


def _relation_in_scope(c: Consultation, user) -> str | None:
    """The word for how a person who may not vote here is linked to a flat in scope
    (租户, 家人), or None when they have no verified flat in scope."""
    in_scope = set(services.answering_flats(c, user))
    for flat_link in me_view(user)["flats"]:
        if flat_link.flat_id in in_scope:
            return messages.RELATIONS[flat_link.relation.value]
    return None


def elevator_share(c: Consultation, user) -> dict | None:
    """For an elevator consent round: its project's link and this user's flats' shares."""
    project = next((p for p in elevators.projects_of_estate(c.estate_id)
                    if p.consultation_id == c.id), None)
    if project is None:
        return None
    try:
        shares = {s.flat_id: s for s in elevators.cost_shares(project).shares}
    except DomainError:
        shares = {}
    lines = []
    for flat, flat_link in elevators.my_flats(user.id, project):
        share = shares.get(flat.id)
        if share is None or flat_link.relation.value != "owner":
            continue
        text = (messages_resident.ELEVATOR_CONSENT_SHARE if share.share_cents
                else messages_resident.ELEVATOR_CONSENT_ZERO)
        lines.append(text.format(room=flat.room, amount=cents_yuan(share.share_cents)))
    return {"project_id": project.id, "lines": lines}


def first_problem(c: Consultation, errors: dict) -> dict | None:
    """The first question (in the page's order) a refused ballot got wrong: its number,
    key and the sentence that points at it."""
    for number, question in enumerate(c.questions, start=1):
        if question["key"] in errors:
            return {"key": question["key"], "text": messages_resident.VOTE_FIX_AT.format(
                n=number, title=question["title"])}
    return None


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
        if flat_id not in flats:  # the first flat still to vote (an owner of several flats)
            done = {b["flat_id"] for b in ballots}
            flat_id = next((fid for fid, _ in choices if fid not in done), choices[0][0] if choices else None)
        current = next((b for b in ballots if b["flat_id"] == flat_id), None)
    if values is None:
        values = dict(current["answers"]) if current else {}
    rule = get_rule(c.rule_key)
    voted = {b["flat_id"] for b in ballots}
    not_voted = [label for fid, label in choices if fid not in voted and fid != flat_id]
    problem = first_problem(c, errors or {})
    return render_template(
        "web/consultations/page.html", c=c, rule=rule, ballots=ballots, choices=choices,
        flat_id=flat_id, flat_labels=flats, can_answer=bool(flats), current=current,
        values=values, errors=errors or {}, error=error, field_name=field_name, visible=visible,
        results=results_view(c), option_order=option_order(c), receipt_checks=_receipt_checks(c, ballots),
        status_label=messages.CONSULTATION_STATUS[c.status.value], problem=problem,
        ledger=services.ledger_date(c), not_voted=not_voted, relation=None if flats else _relation_in_scope(c, user),
        elevator=elevator_share(c, user),
        **comanage_extras(c)), status


def comanage_extras(c: Consultation) -> dict:
    """The explainers linked to the consultation, and who is chosen when it is a choice."""
    choice = None
    if services.result_kind(c) == "choice" and c.status.value != "draft":
        choice = choices.choice_result(c)
    return {"explainers": notices.explainers_of(c.id), "choice": choice}


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
