"""A consultation's life: created from a template as a draft, opened, closed, published.

Time decides, reads don't write: an open consultation past `closes_at` *reads* as
closed everywhere (`Consultation.status` is derived). The audited close is recorded by
the close job (`flask consultations close-due`), by the next write to the consultation
(`settle`), or by the committee's explicit close. Each function here is one unit of
work (`app.unit_of_work.unit`): it checks everything before writing and commits at the end,
or joins the unit it runs in (a case's vote, an elevator's consent round: one commit for
all); its announcement is sent after that commit.
"""
from datetime import datetime

from flask import current_app
from sqlalchemy import func, select

from app.audit.api import record
from app.consultations import messages
from app.consultations.models import Consultation, ConsultationFlat, Status
from app.consultations.electorate import freeze, keep_residents
from app.consultations.preliminary import check_publishable
from app.consultations.tally import results
from app.consultations.templates import Template
from app.db import utcnow
from app.errors import Conflict, InvalidInput
from app.estates.api import Building, Flat, Stairwell
from app.estates.api import Scope
from app.extensions import db
from app.rules.api import get_rule, item_rule
from app.rules.api import at_least_as_strict, item_label
from app.rules.api import Rule
from app.signals import consultation_status_changed
from app.unit_of_work import announce, unit


def all_templates() -> dict[str, Template]:
    return current_app.extensions["consultation_templates"]


def get_template(key: str) -> Template | None:
    return all_templates().get(key)


def catalogue_items() -> dict[str, dict]:
    """Every item of the content catalogues by code: {code, label, category, alters_facade}."""
    return current_app.extensions["catalogue_items"]


def _invalid(message: str, field: str = "scope") -> InvalidInput:
    return InvalidInput(message, fields={field: message})


def _check_scope(estate_id: int, scope_type: str, scope_id, flat_ids) -> tuple[int | None, list[int]]:
    if scope_type == "estate":
        if scope_id not in (None, estate_id):
            raise _invalid(messages.SCOPE_NOT_IN_ESTATE)
        scope_id, where = estate_id, Scope("estate", estate_id).condition()
    elif scope_type in ("building", "stairwell"):
        model = Building if scope_type == "building" else Stairwell
        if scope_id is None:
            raise _invalid(messages.SCOPE_ID_REQUIRED)
        place = db.session.get(model, scope_id)
        if place is None or place.estate_id != estate_id:
            raise _invalid(messages.SCOPE_NOT_IN_ESTATE)
        where = Scope(scope_type, estate_id, (scope_id,)).condition()
    elif scope_type == "flats":
        flat_ids = sorted(set(flat_ids or []))
        if not flat_ids:
            raise _invalid(messages.SCOPE_FLATS_REQUIRED)
        found = db.session.scalar(select(func.count(Flat.id)).where(
            Scope("flats", estate_id, tuple(flat_ids)).condition()))
        if found != len(flat_ids):
            raise _invalid(messages.SCOPE_FLATS_NOT_IN_ESTATE)
        return None, flat_ids
    else:
        raise InvalidInput(fields={"scope": messages.SCOPE_NOT_IN_ESTATE})
    if not db.session.scalar(select(func.count(Flat.id)).where(where)):
        raise _invalid(messages.SCOPE_EMPTY)
    return scope_id, []


def _rule_for(template: Template, rule_key: str | None) -> Rule:
    """The rule a consultation is decided by. An Art. 278 item fixes the floor (the city's rule
    for it, never laxer than the law): a committee may choose a stricter rule, not a laxer one;
    without a choice, the template's default, raised to the item's rule where it is laxer."""
    item = template.civil_code_item
    floor = item_rule(item) if item is not None else None
    if rule_key is None:
        rule = get_rule(template.default_rule)
        return floor if floor is not None and not at_least_as_strict(rule, floor) else rule
    rule = get_rule(rule_key)
    if rule is None:
        raise _invalid(messages.UNKNOWN_RULE, "rule")
    if floor is not None and not at_least_as_strict(rule, floor):
        raise _invalid(messages.RULE_TOO_LAX.format(item=item_label(item), rule=floor.title), "rule")
    return rule


@unit
def create_consultation(estate_id: int, *, template_key: str, closes_at: datetime, actor_id,
                        title: str | None = None, scope_type: str = "estate", scope_id=None,
                        flat_ids=None, rule_key: str | None = None, opens_at=None,
                        hide_results_until_closed: bool = False,
                        extra_questions: list[dict] | None = None,
                        named_questions=None) -> Consultation:
    """A draft consultation from a template, over a scope, under a named rule.

    A template whose options are named at creation (an election's candidates) takes its
    questions with the names put in (`named_questions`), from the route that asks for them;
    without them it is refused (422 on `template`).

    `extra_questions` (already in the template's question shape) are appended, e.g.
    the evaluation's one scale question per renovated item. Inside another unit of work it
    joins that unit's transaction (a case's vote, an elevator's consent round).
    """
    template = get_template(template_key)
    if template is None:
        raise _invalid(messages.UNKNOWN_TEMPLATE, "template")
    if template.options_named_at_creation and named_questions is None:
        raise _invalid(messages.OPTIONS_NAMED_ELSEWHERE.format(title=template.title), "template")
    rule = _rule_for(template, rule_key)
    rule_key = rule.key
    if template.voters == "residents" and rule.decides:
        raise _invalid(messages.RULE_FOR_RESIDENTS, "rule")
    if closes_at <= utcnow():
        raise _invalid(messages.CLOSES_AT_PAST, "closes_at")
    if opens_at is not None and opens_at >= closes_at:
        raise _invalid(messages.CLOSES_BEFORE_OPENS, "closes_at")
    scope_id, flat_ids = _check_scope(estate_id, scope_type, scope_id, flat_ids)
    consultation = Consultation(
        estate_id=estate_id, kind=template.kind, template_key=template.key,
        template_version=template.version, title=title or template.title,
        description=template.description, stored_status=Status.draft, rule_key=rule_key,
        civil_code_item=template.civil_code_item,
        scope_type=scope_type, scope_id=scope_id, voters=template.voters,
        questions=list(named_questions or template.questions) + list(extra_questions or []),
        opens_at=opens_at,
        closes_at=closes_at, hide_results_until_closed=hide_results_until_closed,
        created_by_id=actor_id)
    db.session.add(consultation)
    db.session.flush()
    db.session.add_all(ConsultationFlat(consultation_id=consultation.id, flat_id=flat_id,
                                        estate_id=estate_id) for flat_id in flat_ids)
    record("consultation.created", estate_id=estate_id, actor_id=actor_id,
           subject_type="consultation", subject_id=consultation.id,
           data={"template": template.key, "version": template.version, "rule": rule_key,
                 "scope": [scope_type, scope_id], "flats": flat_ids,
                 "closes_at": closes_at.isoformat()})
    return consultation


def announce_status(c: Consultation) -> None:
    """The status signal, sent after the commit that makes the status true."""
    announce(consultation_status_changed, consultation_id=c.id, estate_id=c.estate_id,
             status=c.status.value)


def lock(c: Consultation, read: bool = False) -> None:
    """Re-read the row under a lock so closing and voting never interleave (PostgreSQL)."""
    db.session.execute(select(Consultation.id).where(Consultation.id == c.id)
                       .with_for_update(read=read))
    db.session.refresh(c)


def _transition(c: Consultation, to: Status, actor_id, action: str, stamp: str, data=None):
    c.move_to(to, messages.WRONG_STATUS.format(status=messages.STATUS_LABELS[c.status.value]))
    setattr(c, stamp, utcnow())
    record(action, estate_id=c.estate_id, actor_id=actor_id, subject_type="consultation",
           subject_id=c.id, data=data or {})
    announce_status(c)
    return c


@unit
def open_consultation(c: Consultation, actor_id) -> Consultation:
    """Open for ballots; the electorate is taken from the ledger in the same transaction."""
    if c.stored_status == Status.draft and c.closes_at <= utcnow():
        raise Conflict(messages.CLOSES_AT_PAST, code="closes_at_past")
    if c.stored_status == Status.draft:
        freeze(c)
    return _transition(c, Status.open, actor_id, "consultation.opened", "opened_at")


@unit
def close_consultation(c: Consultation, actor_id) -> Consultation:
    """Close now (actor None: closed automatically at closes_at)."""
    lock(c)
    return _transition(c, Status.closed, actor_id, "consultation.closed", "closed_at",
                       {"automatic": actor_id is None})


@unit
def publish_consultation(c: Consultation, actor_id) -> Consultation:
    """公示: the results and the receipts list become public to the scope, once the
    preliminary result's objection period (询异) has ended and every objection is resolved."""
    settle(c)
    check_publishable(c)
    outcome = results(c)
    keep_residents(c)
    summary = {"decision": outcome.decision,
               "participation": outcome.as_dict()["participation"]}
    return _transition(c, Status.published, actor_id, "consultation.published", "published_at",
                       {"results": summary})


def is_due(c: Consultation) -> bool:
    return c.stored_status == Status.open and c.closes_at <= utcnow()


def settle(c: Consultation) -> bool:
    """Before a write: record the close that time already decided (locked, audited, once)."""
    if is_due(c):
        lock(c)
        if is_due(c):
            close_consultation(c, None)
            db.session.commit()  # time decided it: the close stands whatever the write does next
            return True
    return False


def close_due(now: datetime | None = None) -> list[int]:
    """Close every open consultation whose closes_at has passed (the close job)."""
    now = now or utcnow()
    due = db.session.scalars(select(Consultation).where(
        Consultation.stored_status == Status.open, Consultation.closes_at <= now)
        .order_by(Consultation.id)).all()
    closed = []
    for consultation in due:
        lock(consultation)
        if consultation.stored_status == Status.open:
            close_consultation(consultation, None)
            closed.append(consultation.id)
    return closed
