"""我的个人信息: what we keep about a person, as they read it (the page and its PDF). The
JSON export (services.export_data) stays the complete record; this is the readable one:
their account, flats, ballots with receipts, messages, consents and sign-ins, in Chinese,
times in Beijing time."""
from dataclasses import dataclass

from sqlalchemy import select

from app.account import messages
from app.auth.api import of as consents_of
from app.auth.api import SIGN_IN_LABELS
from app.auth.api import CONSENT_LABELS
from app.auth.api import AuthSession, User
from app.consultations.api import CHANNEL_LABELS
from app.consultations.api import Ballot, Consultation
from app.display import china_time
from app.estates.api import CLAIM_STATUS, RELATIONS
from app.estates.api import Building, Estate, Flat, FlatLink, Stairwell
from app.extensions import db
from app.notifications.api import Notification


@dataclass(frozen=True)
class Section:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]


def _places(flat_ids) -> dict[int, str]:
    """Each flat as people name it: 和平里小区 1号楼1单元101."""
    rows = db.session.execute(
        select(Flat.id, Estate.name, Building.name, Stairwell.name, Flat.room)
        .join(Estate, Flat.estate_id == Estate.id).join(Building, Flat.building_id == Building.id)
        .join(Stairwell, Flat.stairwell_id == Stairwell.id).where(Flat.id.in_(set(flat_ids))))
    return {flat_id: messages.FLAT_PLACE.format(estate=estate, building=building, stairwell=stairwell,
                                                room=room)
            for flat_id, estate, building, stairwell, room in rows}


def _account(user: User) -> Section:
    wechat = messages.WECHAT_BOUND if (user.wechat_openid or user.wechat_mini_openid) else messages.NOT_SET
    values = (user.phone or messages.NOT_SET, user.name or messages.NOT_SET, wechat,
              china_time(user.created_at))
    return Section(messages.SECTION_ACCOUNT, ("", ""), list(zip(messages.ACCOUNT_ROWS, values)))


def _flats(user: User) -> Section:
    links = db.session.scalars(select(FlatLink).where(FlatLink.user_id == user.id)
                               .order_by(FlatLink.created_at, FlatLink.id)).all()
    places = _places(link.flat_id for link in links)
    return Section(messages.SECTION_FLATS, messages.FLAT_HEADERS, [
        (places.get(link.flat_id, ""), RELATIONS[link.relation.value], CLAIM_STATUS[link.status.value],
         china_time(link.decided_at or link.created_at)) for link in links])


def _ballots(user: User) -> Section:
    ballots = db.session.execute(
        select(Ballot, Consultation.title).join(Consultation, Ballot.consultation_id == Consultation.id)
        .where(Ballot.voter_id == user.id)
        .order_by(Ballot.created_at, Ballot.id)).all()
    places = _places(ballot.flat_id for ballot, _ in ballots if ballot.flat_id)
    return Section(messages.SECTION_BALLOTS, messages.BALLOT_HEADERS, [
        (title, places.get(ballot.flat_id, ""), ballot.receipt, CHANNEL_LABELS[ballot.channel.value],
         china_time(ballot.updated_at)) for ballot, title in ballots])


def _messages(user: User) -> Section:
    notices = db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                                 .order_by(Notification.created_at, Notification.id)).all()
    return Section(messages.SECTION_MESSAGES, messages.MESSAGE_HEADERS,
                   [(n.title, n.body, china_time(n.created_at)) for n in notices])


def _consents(user: User) -> Section:
    return Section(messages.SECTION_CONSENTS, messages.CONSENT_HEADERS, [
        (CONSENT_LABELS.get(c.kind, c.kind), c.version, SIGN_IN_LABELS.get(c.channel, c.channel),
         china_time(c.created_at)) for c in consents_of(user.id)])


def _logins(user: User) -> Section:
    sessions = db.session.scalars(select(AuthSession).where(AuthSession.user_id == user.id)
                                  .order_by(AuthSession.created_at, AuthSession.id)).all()
    return Section(messages.SECTION_LOGINS, messages.LOGIN_HEADERS, [
        (SIGN_IN_LABELS.get(s.channel or s.kind, ""), china_time(s.created_at),
         china_time(s.revoked_at) or messages.LOGIN_ACTIVE) for s in sessions])


def readable_export(user: User) -> list[Section]:
    """Everything a person reads about themselves, section by section (reads only)."""
    return [_account(user), _flats(user), _ballots(user), _messages(user), _consents(user),
            _logins(user)]


def readable_pdf(user: User, sections: list[Section], exported_at) -> bytes:
    """The same sections as a PDF a person can print (reportlab's CJK font, wrapped cells)."""
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from app.display import pdf_font, pdf_text

    font = pdf_font()
    heading = ParagraphStyle("heading", fontName=font, fontSize=18, leading=26)
    section_style = ParagraphStyle("section", fontName=font, fontSize=13, leading=20, spaceBefore=8)
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=13, wordWrap="CJK")
    story = [Paragraph(pdf_text(messages.MY_DATA_TITLE), heading),
             Paragraph(pdf_text(messages.MY_DATA_EXPORTED.format(time=china_time(exported_at))), cell),
             Spacer(1, 3 * mm)]
    for section in sections:
        story.append(Paragraph(pdf_text(section.title), section_style))
        if not section.rows:
            story.append(Paragraph(pdf_text(messages.MY_DATA_NONE), cell))
            continue
        head = [] if not any(section.headers) else [section.headers]
        grid = Table([[Paragraph(pdf_text(value), cell) for value in row] for row in head + section.rows],
                     repeatRows=len(head), hAlign="LEFT")
        grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP")]
                                 + ([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))] if head else [])))
        story.append(grid)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=14 * mm,
                      bottomMargin=14 * mm, title=messages.MY_DATA_TITLE).build(story)
    return buffer.getvalue()
