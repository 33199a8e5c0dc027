"""How a case ends: mediation meetings, the resolution vote and the published outcome.

Like app/cases/services.py, functions take plain arguments and leave permission
checks to the routes; each unit of work commits at its end.
"""
from sqlalchemy import select

from app.audit.api import record
from app.cases import messages, objections
from app.cases.meetings import people_of_flats
from app.cases.models import Case, Meeting
from app.consultations.api import services as consultations
from app.consultations.api import Consultation
from app.display import china_time
from app.errors import Conflict, InvalidInput
from app.extensions import db
from app.notifications.api import tell
from app.rules.api import DECISION_LABELS
from app.signals import case_resolution_opened
from app.unit_of_work import announce, unit


def meetings_of(case: Case) -> list[Meeting]:
    return list(db.session.scalars(
        select(Meeting).where(Meeting.case_id == case.id).order_by(Meeting.held_at, Meeting.id)))


def record_meeting(case: Case, actor_id: int, *, held_at, place: str, minutes: str,
                   attendees=(), agreement: str | None = None) -> Meeting:
    """A mediation meeting held offline; the first one moves an open case into mediation."""
    case.start_mediation()
    meeting = Meeting(estate_id=case.estate_id, case_id=case.id, held_at=held_at, place=place,
                      attendees=list(attendees), minutes=minutes, agreement=agreement,
                      recorded_by_id=actor_id)
    db.session.add(meeting)
    db.session.flush()
    record("case.meeting_recorded", estate_id=case.estate_id, actor_id=actor_id,
           subject_type="case", subject_id=case.id,
           data={"meeting_id": meeting.id, "held_at": held_at.isoformat(), "place": place,
                 "agreement": agreement})
    db.session.commit()
    return meeting


def close_case(case: Case, actor_id: int, outcome: str) -> Case:
    """Close and publish the outcome (公示); it carries the resolution's result when there is one.
    A case opened for an objection to a vote's result (询异) resolves that objection too."""
    case.refuse_if_closed()
    vote = resolution_of(case)
    if vote is not None:
        consultations.settle(vote)  # a write: record the close that time already decided
    resolution = resolution_result(case)
    case.close(outcome, resolution, actor_id)
    record("case.closed", estate_id=case.estate_id, actor_id=actor_id, subject_type="case",
           subject_id=case.id, data={"outcome": outcome, "resolution": resolution})
    objections.resolve_with_case(case, actor_id, outcome)
    db.session.commit()
    return case


#: what the published outcome keeps of the vote's results
RESULT_KEYS = ("consultation_id", "rule", "rule_title", "status", "scope", "participation",
               "questions", "decision", "explanation")


@unit
def open_resolution(case: Case, actor_id: int, *, closes_at, template_key: str = "dispute_resolution",
                    rule_key: str | None = None, title: str | None = None,
                    proposal: str | None = None) -> Consultation:
    """Open the resolution vote among the affected flats' owners, under a named rule.

    The owners vote on a proposal: the one given, else the agreement of the last meeting
    that reached one; without either there is nothing to vote on (422 on `proposal`). The
    consultation is created and opened by the consultations domain (scope "flats"); the
    case moves to resolution_vote and the case's people are told, with a link to the vote.
    One resolution per case: the case row is locked and everything commits at once, so a
    double click cannot open two votes.
    """
    db.session.execute(select(Case.id).where(Case.id == case.id).with_for_update())
    db.session.refresh(case)
    case.refuse_if_closed()
    if case.resolution_consultation_id is not None:
        raise Conflict(messages.RESOLUTION_EXISTS, code="resolution_exists")
    if not case.affected_flat_ids:
        raise Conflict(messages.RESOLUTION_NO_FLATS, code="no_affected_flats")
    template = consultations.get_template(template_key)
    if template is not None and template.kind != "vote":
        raise InvalidInput(messages.RESOLUTION_NOT_A_VOTE,
                           fields={"template": messages.RESOLUTION_NOT_A_VOTE})
    proposal = proposal or _last_agreement(case)
    if not proposal:
        raise InvalidInput(messages.RESOLUTION_NO_PROPOSAL,
                           fields={"proposal": messages.RESOLUTION_NO_PROPOSAL})
    title = title or messages.RESOLUTION_DEFAULT_TITLE.format(title=case.title)[:100]
    consultation = consultations.create_consultation(
        case.estate_id, template_key=template_key, closes_at=closes_at, actor_id=actor_id,
        title=title, scope_type="flats", flat_ids=case.affected_flat_ids, rule_key=rule_key)
    consultation.description = messages.RESOLUTION_PROPOSAL.format(proposal=proposal)
    consultations.open_consultation(consultation, actor_id)
    case.start_resolution_vote(consultation.id)
    sent = _tell_the_case_people(case, consultation)
    record("case.resolution_opened", estate_id=case.estate_id, actor_id=actor_id,
           subject_type="case", subject_id=case.id,
           data={"consultation_id": consultation.id, "rule": consultation.rule_key,
                 "flat_ids": case.affected_flat_ids, "proposal": proposal,
                 "notified": len(sent)})
    announce(case_resolution_opened, case_id=case.id, estate_id=case.estate_id,
             consultation_id=consultation.id)
    return consultation


def _last_agreement(case: Case) -> str | None:
    agreements = [meeting.agreement for meeting in meetings_of(case) if meeting.agreement]
    return agreements[-1] if agreements else None


def _tell_the_case_people(case: Case, consultation: Consultation) -> list:
    """One message each to the affected flats' people and whoever raised the case."""
    people = set(people_of_flats(case.affected_flat_ids))
    if case.created_by_id is not None:
        people.add(case.created_by_id)
    closes = china_time(consultation.closes_at, "%m月%d日 %H:%M")
    return tell(people, estate_id=case.estate_id, kind="case_resolution",
                title=messages.RESOLUTION_NOTICE_TITLE.format(title=case.title),
                body=messages.RESOLUTION_NOTICE_BODY.format(closes=closes),
                link=f"/consultations/{consultation.id}", dedup_key=f"case_resolution:{consultation.id}",
                notice="vote_opened", params={"title": consultation.title, "closes_at": closes})


def resolution_of(case: Case) -> Consultation | None:
    if case.resolution_consultation_id is None:
        return None
    return db.session.get(Consultation, case.resolution_consultation_id)


def resolution_result(case: Case) -> dict | None:
    """The resolution vote's final result, for the outcome; None without a vote.

    Refuses while the vote is still open (a vote past its closing time closes first).
    """
    consultation = resolution_of(case)
    if consultation is None:
        return None
    outcome = consultations.results(consultation)
    if not outcome.final:
        raise Conflict(messages.RESOLUTION_STILL_OPEN, code="resolution_open")
    shown = outcome.as_dict()
    return {key: shown[key] for key in RESULT_KEYS if key in shown}


def published_outcome(case: Case) -> str | None:
    """The outcome as residents read it: the committee's text and the vote's result."""
    if case.outcome is None:
        return None
    result = case.resolution_result
    if not result:
        return case.outcome
    line = messages.OUTCOME_RESOLUTION_LINE.format(
        decision=DECISION_LABELS.get(result["decision"], result["decision"]),
        explanation=result.get("explanation", ""))
    return f"{case.outcome}\n{line}"
