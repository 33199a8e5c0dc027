"""Mediation meetings scheduled ahead: the agenda, time and place, the affected flats'
people told in the app; the minutes and attendance recorded after the meeting.

A meeting recorded only afterwards is resolution.record_meeting. Functions take plain
arguments and leave permission checks to the routes; each unit of work commits at its end.
"""
from sqlalchemy import select

from app.audit.api import record
from app.cases import messages
from app.cases.models import Case, Meeting
from app.db import lock_row, utcnow
from app.display import china_time
from app.errors import Conflict, InvalidInput
from app.estates.api import FlatLink, LinkStatus
from app.extensions import db
from app.notifications.api import notify
from app.signals import case_meeting_scheduled
from app.unit_of_work import announce


def people_of_flats(flat_ids: list[int]) -> list[int]:
    """Everyone verified as living in or owning one of these flats, each once."""
    if not flat_ids:
        return []
    return list(db.session.scalars(
        select(FlatLink.user_id).where(FlatLink.flat_id.in_(flat_ids),
                                       FlatLink.status == LinkStatus.verified)
        .distinct().order_by(FlatLink.user_id)))


def schedule_meeting(case: Case, actor_id: int, *, held_at, place: str, agenda: str) -> Meeting:
    """Schedule a meeting ahead and tell the affected flats' people (one notice each)."""
    case.refuse_if_closed()
    if held_at <= utcnow():
        raise InvalidInput(messages.MEETING_IN_PAST, fields={"held_at": messages.MEETING_IN_PAST})
    meeting = Meeting(estate_id=case.estate_id, case_id=case.id, held_at=held_at, place=place,
                      agenda=agenda, attendees=[], minutes=None, scheduled_by_id=actor_id)
    db.session.add(meeting)
    db.session.flush()
    notice = messages.MEETING_NOTICE_BODY.format(
        time=china_time(held_at, "%m月%d日 %H:%M"), place=place, agenda=agenda)[:500]
    sent = [notify(user_id, estate_id=case.estate_id, kind="case_meeting",
                   title=messages.MEETING_NOTICE_TITLE.format(title=case.title)[:100], body=notice,
                   link=f"/cases/{case.id}", dedup_key=f"case_meeting:{meeting.id}")
            for user_id in people_of_flats(case.affected_flat_ids)]
    sent = [notification for notification in sent if notification is not None]
    record("case.meeting_scheduled", estate_id=case.estate_id, actor_id=actor_id,
           subject_type="case", subject_id=case.id,
           data={"meeting_id": meeting.id, "held_at": held_at.isoformat(), "place": place,
                 "agenda": agenda, "notified": len(sent)})
    announce(case_meeting_scheduled, case_id=case.id, estate_id=case.estate_id,
             meeting_id=meeting.id)
    db.session.commit()
    return meeting


def record_minutes(meeting: Meeting, actor_id: int, *, minutes: str, attendees=(),
                   agreement: str | None = None, held_at=None) -> Meeting:
    """The minutes and attendance of a scheduled meeting, once it was held (held_at: when it
    really took place, if not as planned). The first held meeting moves the case into mediation."""
    lock_row(db.session, Meeting, meeting.id)  # two recorders at once: the second sees it held
    db.session.refresh(meeting)
    if meeting.held:
        raise Conflict(messages.MEETING_ALREADY_RECORDED, code="meeting_recorded")
    held_at = held_at or meeting.held_at
    if held_at > utcnow():
        raise InvalidInput(messages.MEETING_NOT_YET, fields={"held_at": messages.MEETING_NOT_YET})
    case = db.session.get(Case, meeting.case_id)
    case.start_mediation()
    meeting.held_at, meeting.minutes, meeting.attendees = held_at, minutes, list(attendees)
    meeting.agreement, meeting.recorded_by_id = agreement, actor_id
    record("case.meeting_recorded", estate_id=case.estate_id, actor_id=actor_id,
           subject_type="case", subject_id=case.id,
           data={"meeting_id": meeting.id, "held_at": held_at.isoformat(), "place": meeting.place,
                 "agreement": agreement, "attendees": len(meeting.attendees)})
    db.session.commit()
    return meeting
