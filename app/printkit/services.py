"""What the printed kit shows, read from the vote, the ledger and the meeting (reads never
write; only the letters issue fresh claim codes, as the flat-codes page does)."""
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from app.cases.api import Case, Meeting
from app.consultations.api import Ballot, Consultation, Status
from app.consultations.api import flats_in_scope
from app.display import china_time
from app.errors import Conflict, InvalidInput, NotFound
from app.estates.api import Estate, Flat, Stairwell
from app.estates.api import FLAT_CODE_TTL, flat_label, issue_flat_code_rows
from app.extensions import db
from app.printkit import messages
from app.printkit.pdf import Page, render
from app.privacy import mask_name
from app.unit_of_work import unit

DAY = "%Y年%m月%d日"
#: a meeting held within this long still offers its sign-in sheet
DAY_AFTER = timedelta(days=1)
MINUTE = "%Y年%m月%d日 %H:%M"


def _link(path: str) -> str:
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path


def _today() -> str:
    from app.db import utcnow

    return china_time(utcnow(), DAY)


def printable(c: Consultation) -> Consultation:
    if c.status not in (Status.draft, Status.open):
        raise Conflict(messages.PRINT_ONLY_OPEN, code="not_printable")
    return c


def scope_text(c: Consultation, flats: list[Flat]) -> str:
    if c.scope_type == "estate":
        return messages.SCOPE_ESTATE
    places = list(dict.fromkeys(f"{flat.building.name} {flat.stairwell.name}" for flat in flats))
    return "、".join(places[:4]) + ("等" if len(places) > 4 else "")


def notice(c: Consultation) -> bytes:
    """The board notice: what is decided, when, who, and the three ways to take part."""
    estate = db.session.get(Estate, c.estate_id)
    opens = china_time(c.opens_at or c.opened_at or c.created_at, MINUTE)
    page = (Page().text("headline", messages.NOTICE_HEADLINE).text("title", estate.name)
            .text("title", f"“{c.title}”").text("heading", messages.NOTICE_WHAT))
    if c.description:
        page.text("body", c.description)
    for question in c.questions:
        page.text("body", f"· {question['title']}")
    page.text("body", messages.NOTICE_WHEN.format(opens=opens, closes=china_time(c.closes_at, MINUTE)))
    page.text("body", messages.NOTICE_WHO.format(scope=scope_text(c, flats_in_scope(c))))
    page.text("heading", messages.NOTICE_HOW)
    for step in messages.NOTICE_HOW_STEPS:
        page.text("body", step)
    page.space().qr(_link(f"/consultations/{c.id}"), 55).text("body", messages.NOTICE_SCAN)
    page.text("small", messages.NOTICE_FOOTER.format(estate=estate.name, today=_today()))
    return render([page], f"{messages.NOTICE_HEADLINE} {c.title}")


def _in_stairwell(flats: list[Flat], stairwell_id: int | None) -> list[Flat]:
    if stairwell_id is None:
        return flats
    return [flat for flat in flats if flat.stairwell_id == stairwell_id]


def check_stairwell(c: Consultation, stairwell_id: int | None) -> None:
    if stairwell_id is None:
        return
    stairwell = db.session.get(Stairwell, stairwell_id)
    if stairwell is None or stairwell.estate_id != c.estate_id:
        raise NotFound(messages.STAIRWELL_NOT_IN_ESTATE)


@unit
def letters(c: Consultation, actor, stairwell_id: int | None = None) -> bytes:
    """告业主书, one page per flat in scope (of one stairwell, if given), each with a fresh
    one-time claim code (older unused codes of those flats stop working) and the QR."""
    check_stairwell(c, stairwell_id)
    flats = _in_stairwell(flats_in_scope(c), stairwell_id)
    labels = {flat.id: flat_label(flat) for flat in flats}
    if not labels:
        raise InvalidInput(messages.NO_FLATS_THERE, fields={"stairwell_id": messages.NO_FLATS_THERE})
    codes = {row[0]: row[4] for row in issue_flat_code_rows(c.estate_id, actor, list(labels))}
    closes, link = china_time(c.closes_at, MINUTE), _link(f"/consultations/{c.id}")
    pages = [Page().text("headline", messages.LETTER_HEADLINE)
             .text("heading", messages.LETTER_TO.format(flat=labels[flat_id]))
             .text("body", messages.LETTER_BODY.format(title=c.title, closes=closes))
             .space().qr(link, 55).text("heading", messages.LETTER_CODE).text("code", codes[flat_id])
             .text("body", messages.LETTER_CODE_NOTE.format(days=FLAT_CODE_TTL.days))
             .text("body", messages.LETTER_PAPER)
             for flat_id in labels]
    # the codes count once their letters are drawn: the unit commits after the PDF
    return render(pages, f"{messages.LETTER_HEADLINE} {c.title}")


def _owner(flat: Flat) -> str:
    return (mask_name(flat.owner.name) if flat.owner is not None else "") or messages.NO_OWNER


def door_to_door(c: Consultation, stairwell_id: int | None = None) -> bytes:
    """Per stairwell, the flats in scope with no ballot yet: room, masked owner, a note column.
    No phone numbers."""
    check_stairwell(c, stairwell_id)
    voted = set(db.session.scalars(select(Ballot.flat_id).where(
        Ballot.consultation_id == c.id, Ballot.flat_id.is_not(None))))
    by_stairwell: dict[int, list[Flat]] = {}
    for flat in _in_stairwell(flats_in_scope(c), stairwell_id):
        by_stairwell.setdefault(flat.stairwell_id, [])
        if flat.id not in voted:
            by_stairwell[flat.stairwell_id].append(flat)
    pages = []
    for flats in by_stairwell.values():
        if not flats:
            continue
        first = flats[0]
        place = f"{first.building.name} {first.stairwell.name}"
        pages.append(Page().text("headline", messages.DOOR_HEADLINE)
                     .text("body", messages.DOOR_SUB.format(title=c.title, place=place, count=len(flats),
                                                           today=_today()))
                     .text("small", messages.DOOR_NOTE)
                     .table(messages.DOOR_COLUMNS, [(flat.room, _owner(flat), "") for flat in flats],
                            (0.16, 0.2, 0.64), row_mm=16))
    return render(pages or [Page().text("headline", messages.DOOR_HEADLINE).text("body", messages.DOOR_NONE)],
                  f"{messages.DOOR_HEADLINE} {c.title}")


def sign_in(meeting: Meeting) -> bytes:
    """The meeting's sign-in sheet: each affected flat, its masked owner, a signature box."""
    case = db.session.get(Case, meeting.case_id)
    flats = db.session.scalars(select(Flat).where(Flat.id.in_(case.affected_flat_ids))
                               .order_by(Flat.building_id, Flat.stairwell_id, Flat.floor, Flat.room)).all()
    rows = [(flat_label(flat), _owner(flat), "") for flat in flats]
    page = (Page().text("headline", messages.SIGN_HEADLINE)
            .text("body", messages.SIGN_SUB.format(title=case.title, time=china_time(meeting.held_at, MINUTE),
                                                   place=meeting.place))
            .table(messages.SIGN_COLUMNS, rows + [("", "", "")] * 3, (0.36, 0.2, 0.44), row_mm=18))
    return render([page], f"{messages.SIGN_HEADLINE} {case.title}")


def kit(estate_id: int) -> dict:
    """What the 打印材料 page offers: the votes still running or to come, the meetings ahead
    (and those held without minutes, for the sheet signed at the door), the stairwells."""
    from app.db import utcnow
    from app.estates.api import buildings_with_stairwells

    votes = [c for c in db.session.scalars(select(Consultation).where(
        Consultation.estate_id == estate_id).order_by(Consultation.id.desc()))
        if c.status in (Status.draft, Status.open)]
    ahead = db.session.execute(select(Meeting, Case.title).join(Case, Meeting.case_id == Case.id).where(
        Meeting.estate_id == estate_id, Meeting.minutes.is_(None),
        Meeting.held_at > utcnow() - DAY_AFTER).order_by(Meeting.held_at)).all()
    return {"votes": votes, "buildings": buildings_with_stairwells(estate_id),
            "meetings": [{"id": meeting.id, "title": title, "time": china_time(meeting.held_at, MINUTE),
                          "place": meeting.place} for meeting, title in ahead]}
