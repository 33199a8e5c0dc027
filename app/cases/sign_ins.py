"""Meeting sign-ins on paper: the committee records which flats signed the printed sign-in
sheet (app.printkit), with a photo of the signed sheet. There is no online sign-in, so the
sheet is the attendance record; each flat once per meeting (the unique constraint), a flat
recorded already is refused by name and nothing is written. Each flat's verified people are
told in the app that they were recorded as present, with a link to the case."""
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.audit.api import record
from app.cases import messages
from app.cases.meetings import people_of_flats
from app.cases.models import Case, Meeting, MeetingSignIn
from app.consultations.api import names
from app.db import lock_row
from app.display import china_time
from app.errors import Conflict, InvalidInput
from app.estates.api import Flat, flat_labels
from app.extensions import db
from app.media.api import store_photo
from app.notifications.api import tell
from app.privacy import mask_room
from app.signals import flats_entered
from app.unit_of_work import announce


def record_paper_sign_ins(meeting: Meeting, flat_ids: list[int], actor_id: int, photo: bytes) -> dict:
    """The flats that signed the sheet, with its photo; all of them or none."""
    flat_ids = sorted(set(flat_ids))
    if not flat_ids:
        raise InvalidInput(messages.SIGN_IN_NO_FLATS, fields={"flat_ids": messages.SIGN_IN_NO_FLATS})
    here = set(db.session.scalars(select(Flat.id).where(
        Flat.id.in_(flat_ids), Flat.estate_id == meeting.estate_id)))
    if here != set(flat_ids):
        raise InvalidInput(messages.SIGN_IN_FLAT_NOT_HERE, fields={"flat_ids": messages.SIGN_IN_FLAT_NOT_HERE})
    lock_row(db.session, Meeting, meeting.id)  # two entries of the same sheet: the second sees the first
    labels = flat_labels(flat_ids)
    already = set(db.session.scalars(select(MeetingSignIn.flat_id).where(
        MeetingSignIn.meeting_id == meeting.id, MeetingSignIn.flat_id.in_(flat_ids))))
    if already:
        db.session.rollback()
        raise Conflict(messages.SIGN_IN_ALREADY.format(flats="、".join(labels[f] for f in sorted(already))),
                       code="already_signed_in")
    stored = store_photo(meeting.estate_id, photo)
    db.session.add_all([MeetingSignIn(estate_id=meeting.estate_id, meeting_id=meeting.id, flat_id=flat_id,
                                      channel="paper", entered_by_id=actor_id, evidence=stored.key)
                        for flat_id in flat_ids])
    try:
        db.session.flush()
    except IntegrityError:  # a twin past the lock (never expected): the constraint refuses
        db.session.rollback()
        raise Conflict(messages.SIGN_IN_ALREADY.format(flats=""), code="already_signed_in") from None
    record("case.meeting_sign_ins", estate_id=meeting.estate_id, actor_id=actor_id,
           subject_type="case", subject_id=meeting.case_id,
           data={"meeting_id": meeting.id, "flat_ids": flat_ids, "evidence": stored.key})
    case = db.session.get(Case, meeting.case_id)
    name, time = names([actor_id]).get(actor_id, ""), china_time(meeting.held_at, "%m月%d日 %H:%M")
    for flat_id in flat_ids:
        tell(people_of_flats([flat_id]), estate_id=meeting.estate_id, kind="meeting_sign_in",
             title=messages.SIGN_IN_TITLE.format(title=case.title),
             body=messages.SIGN_IN_BODY.format(room=labels[flat_id], time=time, name=name),
             link=f"/cases/{case.id}", dedup_key=f"sign_in:{meeting.id}:{flat_id}")
    announce(flats_entered, estate_id=meeting.estate_id, flat_ids=flat_ids, kind="meeting_sign_in",
             params={"title": case.title, "time": time}, path=f"/cases/{case.id}",
             dedup_key=f"sign_in:{meeting.id}:{','.join(map(str, flat_ids))}")  # and by SMS (app.reach)
    db.session.commit()
    return attendance(meeting)


def attendance(meeting: Meeting, *, full: bool = False) -> dict:
    """How many flats signed in, by channel, and which (rooms masked; full labels and the
    sheets' photos for the committee)."""
    rows = list(db.session.scalars(select(MeetingSignIn).where(
        MeetingSignIn.meeting_id == meeting.id).order_by(MeetingSignIn.flat_id)))
    labels = flat_labels([row.flat_id for row in rows])
    paper = sum(1 for row in rows if row.channel == "paper")
    online = len(rows) - paper

    def shown(label: str) -> str:
        place, _, room = label.rpartition(" ")
        return f"{place} {mask_room(room)}".strip()

    return {"meeting_id": meeting.id, "total": len(rows), "paper": paper, "online": online,
            "summary": messages.ATTENDANCE.format(total=len(rows), paper=paper, online=online),
            "flats": [labels[row.flat_id] if full else shown(labels[row.flat_id]) for row in rows],
            "flat_ids": [row.flat_id for row in rows] if full else [],
            "sheets": sorted({row.evidence for row in rows}) if full else []}


def attendance_by_meeting(case_id: int, *, full: bool = False) -> dict[int, dict]:
    """Each meeting of the case with its attendance (the case pages)."""
    meetings = db.session.scalars(select(Meeting).where(Meeting.case_id == case_id))
    return {meeting.id: attendance(meeting, full=full) for meeting in meetings}
