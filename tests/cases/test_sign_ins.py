"""Meeting sign-ins on paper: the committee records the flats that signed the printed sheet
with its photo; the meeting's attendance counts them (rooms masked for residents); each flat
once, all or none; the flats' people are told they were recorded as present."""
import io

import pytest
from PIL import Image

from app.cases.api import Meeting, MeetingSignIn, sign_ins
from app.db import utcnow
from app.errors import Conflict, InvalidInput
from app.extensions import db
from app.media.api import media_store
from app.notifications.api import Notification
from tests.factories import flats_of, make_estate, make_owner, make_user


def sheet() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (250, 250, 240)).save(out, "JPEG")
    return out.getvalue()


def a_meeting(estate):
    from app.cases.api import services as cases

    owner = make_owner(flats_of(estate.id)[5])
    case = cases.create_case(estate.id, title="楼道堆物", description="三楼楼道堆满杂物",
                             affected_flat_ids=[flats_of(estate.id)[5].id], actor_id=owner.id)
    meeting = Meeting(estate_id=estate.id, case_id=case.id, held_at=utcnow(), place="社区活动室",
                      agenda="堆物怎么清", attendees=[], minutes=None)
    db.session.add(meeting)
    db.session.commit()
    return meeting


def test_paper_sign_ins_are_the_attendance_and_the_people_are_told(app, estate):
    flats = flats_of(estate.id)
    owner = make_owner(flats[0])
    committee = make_user(name="李明", roles=[("committee", estate.id)])
    meeting = a_meeting(estate)
    shown = sign_ins.record_paper_sign_ins(meeting, [flats[0].id, flats[1].id, flats[0].id], committee.id, sheet())
    assert (shown["total"], shown["paper"], shown["online"]) == (2, 2, 0)
    assert "到会 2 户" in shown["summary"] and "纸质签到 2 户" in shown["summary"]
    assert all("*" in flat for flat in shown["flats"])  # rooms masked
    full = sign_ins.attendance(meeting, full=True)
    assert full["flat_ids"] == sorted([flats[0].id, flats[1].id]) and len(full["sheets"]) == 1
    assert media_store().get(full["sheets"][0])
    [told] = db.session.scalars(db.select(Notification).where(
        Notification.user_id == owner.id, Notification.kind == "meeting_sign_in")).all()
    assert told.link == f"/cases/{meeting.case_id}" and "李*" in told.body and "纸质签到" in told.body


def test_a_flat_signs_in_once_and_a_refusal_writes_nothing(app, estate):
    flats = flats_of(estate.id)
    committee = make_user(roles=[("committee", estate.id)])
    meeting = a_meeting(estate)
    sign_ins.record_paper_sign_ins(meeting, [flats[0].id], committee.id, sheet())
    with pytest.raises(Conflict) as again:
        sign_ins.record_paper_sign_ins(meeting, [flats[2].id, flats[0].id], committee.id, sheet())
    assert again.value.code == "already_signed_in" and "1单元" in again.value.message
    other = make_estate(name="别的小区")
    with pytest.raises(InvalidInput):
        sign_ins.record_paper_sign_ins(meeting, [flats_of(other.id)[0].id], committee.id, sheet())
    with pytest.raises(InvalidInput):
        sign_ins.record_paper_sign_ins(meeting, [], committee.id, sheet())
    with pytest.raises(InvalidInput):
        sign_ins.record_paper_sign_ins(meeting, [flats[3].id], committee.id, b"not a photo")
    assert db.session.scalar(db.select(db.func.count(MeetingSignIn.id))) == 1
    assert sign_ins.attendance(meeting)["total"] == 1


def test_the_same_sheet_entered_twice_at_once_records_each_flat_once(app, estate):
    """Real threads (two phones entering the same sheet): one entry stands, the other is
    refused; never two sign-ins of a flat (the meeting's lock, then the unique constraint)."""
    from tests.helpers import together

    flats = [flat.id for flat in flats_of(estate.id)[:3]]
    committee_id = make_user(roles=[("committee", estate.id)]).id
    meeting_id, photo = a_meeting(estate).id, sheet()
    outcomes = together(app, 2, lambda _: sign_ins.record_paper_sign_ins(
        db.session.get(Meeting, meeting_id), flats, committee_id, photo))
    assert sorted(outcomes) == ["already_signed_in", "ok"]
    assert db.session.scalar(db.select(db.func.count(MeetingSignIn.id)).where(
        MeetingSignIn.meeting_id == meeting_id)) == 3
