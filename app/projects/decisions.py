"""What the projects domain needs to know about owners' decisions (民法典第二百七十八条).

A fund entry that needs the owners (a use: item 五; a raise: item 六) names one
consultation. It authorises the entry only when it decided that very item, over exactly
the flats the entry is charged to (列支范围: a stairwell's vote cannot spend other flats'
money; the flats of its electorate, as the ledger had them when it opened: a flat
imported since did not decide), under a rule at least as strict as the item's rule here
(city data), and passed once final: closed, its objection period (询异) over and every
objection resolved.
"""
from sqlalchemy import select

from app.consultations.api import scope_condition
from app.consultations.api import Consultation, ObjectionStatus
from app.consultations.api import in_period, objections_of, preliminary_until, results
from app.display import china_time
from app.errors import Conflict
from app.estates.api import Flat
from app.extensions import db
from app.projects import messages
from app.rules.api import get_rule, item_rule
from app.rules.api import at_least_as_strict, item_label


def _value(status) -> str:
    return getattr(status, "value", status)


def decision_problem(estate_id: int, consultation_id: int, item: int,
                     flat_ids: set[int]) -> tuple[str, str] | None:
    """None when the consultation authorises an entry of `item` charged to `flat_ids`;
    else (error code, the reason in words)."""
    c = db.session.get(Consultation, consultation_id)
    if c is None or c.estate_id != estate_id:
        return "decision_not_found", messages.FUND_DECISION_NOT_FOUND
    if c.civil_code_item != item:
        return "decision_wrong_item", messages.FUND_DECISION_WRONG_ITEM.format(
            item=item_label(item))
    rule = get_rule(c.rule_key)
    if rule is None or not at_least_as_strict(rule, item_rule(item)):
        return "decision_wrong_rule", messages.FUND_DECISION_WRONG_RULE.format(
            rule=item_rule(item).title)
    decided = set(db.session.scalars(select(Flat.id).where(scope_condition(c))))
    if decided != flat_ids:
        wrong = messages.FUND_DECISION_WRONG_SCOPE if flat_ids - decided \
            else messages.FUND_DECISION_PART_SCOPE
        return "decision_wrong_scope", wrong.format(
            decided=len(decided), charged=len(flat_ids), outside=len(flat_ids - decided))
    if _value(c.status) not in ("closed", "published") or results(c).decision != "passed":
        return "decision_not_passed", messages.FUND_DECISION_NOT_PASSED
    return _not_final(c)


def _not_final(c) -> tuple[str, str] | None:
    """A passed result still open to objections (询异) is not final yet."""
    if in_period(c):
        return "decision_not_final", messages.FUND_DECISION_IN_PERIOD.format(
            until=china_time(preliminary_until(c)))
    pending = objections_of(c, ObjectionStatus.open)
    if pending:
        return "decision_not_final", messages.FUND_DECISION_OBJECTIONS.format(count=len(pending))
    return None


def is_content_vote(consultation) -> bool:
    """A content vote (改造内容表决): its template's result kind says so."""
    from app.consultations.api import result_kind

    return result_kind(consultation) == "content_vote"


def content_vote(estate_id: int, consultation_id: int):
    """The estate's content vote by id, or None (another estate's, or not a content vote)."""
    from app.consultations.api import Consultation

    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None or consultation.estate_id != estate_id or not is_content_vote(consultation):
        return None
    return consultation


def content_vote_outcome(estate_id: int, consultation_id: int):
    """The typed Outcome of the estate's content vote (None when there is no such vote)."""
    from app.consultations.api import results

    consultation = content_vote(estate_id, consultation_id)
    return results(consultation) if consultation is not None else None


def consultation_status(consultation_id: int | None) -> str | None:
    from app.consultations.api import Consultation

    consultation = db.session.get(Consultation, consultation_id) if consultation_id else None
    return _value(consultation.status) if consultation is not None else None


def passed_decision(estate_id: int, consultation_id: int):
    """The estate's decision by id once it passed for good (closed or published, passed, its
    objection period over and every objection resolved), with the flats it decided for (its
    electorate); refuses (409, saying why) otherwise. What a per-flat amount rests on."""
    c = db.session.get(Consultation, consultation_id)
    if c is None or c.estate_id != estate_id:
        raise Conflict(messages.FUND_DECISION_NOT_FOUND, code="decision_not_found")
    if _value(c.status) not in ("closed", "published") or results(c).decision != "passed":
        raise Conflict(messages.DECISION_NOT_PASSED, code="decision_not_passed")
    problem = _not_final(c)
    if problem is not None:
        raise Conflict(problem[1], code=problem[0])
    return c, set(db.session.scalars(select(Flat.id).where(scope_condition(c))))


def require_decision(estate_id: int, consultation_id: int, item: int, flat_ids: set[int]) -> None:
    problem = decision_problem(estate_id, consultation_id, item, flat_ids)
    if problem is not None:
        raise Conflict(problem[1], code=problem[0])
