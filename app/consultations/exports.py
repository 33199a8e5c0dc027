"""公示 exports: CSV and PDF of a consultation's outcome and per-flat participation.

Rooms and areas are shown (the public must be able to check them); owners' names
and phones are masked. The PDF uses reportlab's built-in STSong-Light CID font, so
no font file is shipped.
"""
import io

from sqlalchemy import select

from app.audit.api import messages as audit_messages
from app.audit.api import head_text
from app.auth.api import is_committee
from app.consultations import messages
from app.consultations.models import Ballot, Consultation, Status
from app.consultations.corrections import corrections_of
from app.consultations.models import ConsultationElectorate as Electorate
from app.consultations.outcome import Outcome
from app.consultations.question_types import type_of
from app.consultations.tally import results
from app.db import utcnow
from app.display import PDF_FONT, china_time, csv_document, pdf_font, pdf_text
from app.errors import Conflict
from app.estates.api import Building, Flat, Owner, Stairwell
from app.extensions import db
from app.privacy import mask_name, mask_phone, mask_room
from app.rules.api import area_text


def require_export(c: Consultation, user) -> None:
    """The committee may export once closed; everyone in scope once published (公示)."""
    if c.status == Status.published:
        return
    if c.status == Status.closed and is_committee(user, c.estate_id):
        return
    raise Conflict(messages.NOT_PUBLISHED, code="not_published")


def _stance(c: Consultation, answers: dict | None) -> str:
    """The deciding answers of a ballot in words: 同意, or 同意 12 项 / 反对 3 项 / 弃权 2 项."""
    if not answers:
        return ""
    return "；".join(type_of(q).in_words(q, answers[q["key"]]) for q in c.questions
                    if q["decides"] and q["key"] in answers)


def rows(c: Consultation) -> list[list[str]]:
    """One row per flat of the electorate (per-flat consultations) or per ballot (residents'
    surveys), with its area and owner as the ledger had them when the vote opened."""
    query = (select(Building.name, Stairwell.name, Flat.room, Electorate.area_m2, Owner.name,
                    Owner.phone, Ballot)
             .select_from(Electorate).join(Flat, Electorate.flat_id == Flat.id)
             .join(Building, Flat.building_id == Building.id)
             .join(Stairwell, Flat.stairwell_id == Stairwell.id)
             .outerjoin(Owner, Electorate.owner_id == Owner.id))
    if c.per_resident:
        query = query.join(Ballot, Ballot.flat_id == Flat.id).where(Ballot.consultation_id == c.id)
    else:
        query = query.outerjoin(Ballot, (Ballot.flat_id == Flat.id) & (Ballot.consultation_id == c.id))
    query = query.where(Electorate.consultation_id == c.id).order_by(
        Building.id, Stairwell.id, Flat.floor, Flat.room)
    out = []
    for building, stairwell, room, area, name, phone, ballot in db.session.execute(query):
        voted = ballot is not None
        out.append([building, stairwell, room, str(area), mask_name(name) or "", mask_phone(phone) or "",
                    messages.EXPORT_VOTED if voted else messages.EXPORT_NOT_VOTED,
                    messages.CHANNEL_LABELS[ballot.channel.value] if voted else "",
                    _stance(c, ballot.answers) if voted else "", ballot.receipt if voted else ""])
    return out


def summary_lines(c: Consultation, outcome: Outcome) -> list[str]:
    # a residents' survey counts respondents, not owners and area: its explanation says how many
    counted = [] if c.per_resident else [messages.EXPORT_SUMMARY.format(
        total=outcome.scope.owners, total_area=area_text(outcome.scope.area_m2),
        owners=outcome.participants.owners, area=area_text(outcome.participants.area_m2))]
    return counted + [
        messages.EXPORT_RULE.format(rule=outcome.rule.title),
        messages.EXPORT_DECISION[outcome.decision],
        outcome.explanation,
        messages.EXPORT_GENERATED.format(at=china_time(utcnow())),
        audit_messages.PUBLISHED_HEAD.format(head=head_text(c.estate_id)),
    ]


def correction_lines(c: Consultation) -> list[str]:
    """The ballots voided or corrected after upheld objections (询异): how many, and why
    (rooms masked as in the list); nothing when there were none."""
    corrections = corrections_of(c)
    if not corrections:
        return []
    rooms = dict(db.session.execute(select(Flat.id, Flat.room).where(
        Flat.id.in_({row.flat_id for row in corrections}))).all())
    actions = [row.action for row in corrections]
    return [messages.CORRECTIONS_SUMMARY.format(count=len(corrections), void=actions.count("void"),
                                                correct=actions.count("correct"))] + [
        messages.CORRECTION_LINE.format(room=mask_room(rooms.get(row.flat_id)),
                                        action=messages.CORRECTION_ACTIONS[row.action], reason=row.reason)
        for row in corrections]


def export_csv(c: Consultation) -> str:
    outcome = results(c)
    return csv_document([[messages.EXPORT_TITLE.format(title=c.title)],
                         *([line] for line in summary_lines(c, outcome)),
                         *([line] for line in correction_lines(c)), [],
                         messages.EXPORT_HEADER, *rows(c)])


def export_pdf(c: Consultation) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdf_font()
    title_style = ParagraphStyle("title", fontName=PDF_FONT, fontSize=16, leading=22)
    body_style = ParagraphStyle("body", fontName=PDF_FONT, fontSize=10, leading=15, wordWrap="CJK")
    outcome = results(c)
    story = [Paragraph(pdf_text(messages.EXPORT_TITLE.format(title=c.title)), title_style),
             Spacer(1, 4 * mm)]
    story += [Paragraph(pdf_text(line), body_style) for line in summary_lines(c, outcome)]
    story += [Paragraph(pdf_text(line), body_style) for line in correction_lines(c)]
    story.append(Spacer(1, 4 * mm))
    table = Table([messages.EXPORT_HEADER] + rows(c), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), PDF_FONT), ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]))
    story.append(table)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=10 * mm, rightMargin=10 * mm,
                      topMargin=12 * mm, bottomMargin=12 * mm, title=c.title).build(story)
    return buffer.getvalue()
