"""Paper ballots: print the sheets, read a scan into a draft, confirm it into the flat's ballot.

Rules here, routes thin. A scan is one unit of work (stored, audited, one commit);
confirming casts through the consultations service (`cast_assisted_ballot`, channel
paper), so a paper ballot is exactly what an assisted ballot is, with the scan as its
evidence and a witness.
"""
import uuid

import cv2
from flask import current_app
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import joinedload

from app.audit.api import record
from app.consultations.api import services as consultations
from app.consultations.api import visible
from app.consultations.api import Ballot, Channel, Consultation
from app.errors import DomainError, InvalidInput, NotFound
from app.estates.api import Estate, Flat, Stairwell
from app.db import lock_rows
from app.extensions import db
from app.heavyjobs.api import finish, submit
from app.media.api import media_store
from app.paperballots import layout, messages, pdf, reading, scan_files
from app.paperballots.models import PaperBallotScan, ScanStatus
from app.offload import TimedOut, in_a_process, off_the_loop
from app.privacy import mask_name

DEFAULTS = {"PAPER_SCAN_MAX_BYTES": 10 * 1024 * 1024, "PAPER_SCAN_MAX_PIXELS": 40_000_000,
            "PAPER_SCAN_MAX_PDF_PAGES": 1, "PAPER_SCAN_PDF_TIMEOUT_S": 30}


def setting(name: str):
    return current_app.config.get(name, DEFAULTS[name])


# -- printing ---------------------------------------------------------------------------------

def sheet_flats(c: Consultation, stairwell_id: int | None = None) -> list[Flat]:
    """The flats in scope (optionally one stairwell's), in print order; 422 for a stairwell outside."""
    query = (select(Flat).where(consultations.scope_condition(c))
             .options(joinedload(Flat.building), joinedload(Flat.stairwell), joinedload(Flat.owner))
             .order_by(Flat.building_id, Flat.stairwell_id, Flat.floor, Flat.room))
    if stairwell_id is not None:
        query = query.where(Flat.stairwell_id == stairwell_id)
    flats = list(db.session.scalars(query))
    if stairwell_id is not None and not flats:
        raise InvalidInput(messages.STAIRWELL_NOT_IN_SCOPE,
                           fields={"stairwell_id": messages.STAIRWELL_NOT_IN_SCOPE})
    return flats


def _flat_sheet(flat: Flat, estate_name: str) -> pdf.FlatSheet:
    owner = flat.owner.name if flat.owner else None
    return pdf.FlatSheet(
        flat_id=flat.id, estate=estate_name,
        room=messages.SHEET_ROOM.format(building=flat.building.name, stairwell=flat.stairwell.name,
                                        room=flat.room),
        owner=messages.SHEET_OWNER.format(name=mask_name(owner)) if owner else messages.SHEET_NO_OWNER)


def sheets_pdf(c: Consultation, stairwell_id: int | None = None) -> bytes:
    """Every flat's sheet, in the order layout.json lists them. A read: nothing is written."""
    estate = db.session.get(Estate, c.estate_id)
    sheets = [_flat_sheet(flat, estate.name) for flat in sheet_flats(c, stairwell_id)]
    return pdf.render(sheets, c.questions, c.title, c.id)


def sheets_layout(c: Consultation, stairwell_id: int | None = None) -> dict:
    return layout.layout_json(c.questions, [flat.id for flat in sheet_flats(c, stairwell_id)])


# -- reading a scan ---------------------------------------------------------------------------

def _refused(code: str, message: str) -> InvalidInput:
    return InvalidInput(message, code=code, fields={"file": message})


def _bad_input(error: reading.BadInput) -> DomainError:
    if error.reason == "too_large":
        message = messages.FILE_TOO_LARGE.format(**error.values)
        return DomainError(message, status=413, code="too_large", fields={"file": message})
    if error.reason == "too_many_pixels":
        return _refused("too_many_pixels", messages.TOO_MANY_PIXELS)
    if error.reason == "too_many_pages":
        return _refused("too_many_pages", messages.TOO_MANY_PAGES.format(**error.values))
    if error.reason == "timeout":
        return _refused("scan_timeout", messages.SCAN_FAILED)
    if error.reason == "too_many_scans":
        return _refused("too_many_scans", messages.SCAN_TOO_COMPLEX)
    return _refused("unsupported_file", messages.UNSUPPORTED_FILE)


def _first_page(data: bytes):
    """The upload's first page, read in a helper process (app/offload.py): at most one per
    core at once, niced (pdftocairo too), killed past its time limit."""
    limits = {"max_bytes": setting("PAPER_SCAN_MAX_BYTES"), "max_pixels": setting("PAPER_SCAN_MAX_PIXELS"),
              "max_pdf_pages": setting("PAPER_SCAN_MAX_PDF_PAGES"),
              "timeout_s": setting("PAPER_SCAN_PDF_TIMEOUT_S")}
    try:  # pdftocairo has its own limit; the helper's is a little longer, for the image work
        reading.check_scans(data)  # before queueing: such a file never takes a helper
        return in_a_process(reading.first_page, data, limits, timeout_s=limits["timeout_s"] + 10)
    except reading.BadInput as error:
        raise _bad_input(error) from error
    except TimedOut as error:
        raise _refused("scan_timeout", messages.SCAN_FAILED) from error


def _not_a_sheet() -> InvalidInput:
    return _refused("not_a_ballot_sheet", messages.NOT_A_BALLOT_SHEET)


def drop_skipped(questions: list[dict], answers: dict, uncertain: list[dict]) -> None:
    """A mark on a question that its condition skips (as read) is not kept: it is left to a person."""
    for question in questions:
        condition = question.get("when")
        if (condition and question["key"] in answers and condition["question"] in answers
                and not visible(question, answers)):
            del answers[question["key"]]
            uncertain.append({"question": question["key"], "item": None})


def _earlier(c: Consultation, flat_id: int, page: int) -> tuple[int | None, int | None]:
    """(the latest live scan of this flat's page, the flat's paper ballot), if any."""
    scan_id = db.session.scalar(select(func.max(PaperBallotScan.id)).where(
        PaperBallotScan.consultation_id == c.id, PaperBallotScan.flat_id == flat_id,
        PaperBallotScan.page == page, PaperBallotScan.status != ScanStatus.rejected))
    ballot = consultations.current_ballot(c, flat_id)
    return scan_id, ballot.id if ballot is not None and ballot.channel == Channel.paper else None


def read_scan(c: Consultation, actor_id: int, data: bytes) -> PaperBallotScan:
    """A photographed or scanned sheet read into a draft (nothing counts until confirmed), as
    a heavy job (app/heavyjobs): a kill mid-way leaves no scan and a job to run again.

    Refusals (422): not_a_ballot_sheet (no code of ours, or no corner marks),
    wrong_consultation, outdated_sheet; a second sheet of a flat is kept with duplicate_of.
    """
    return submit("paperballots.scan", c.estate_id, actor_id, {"consultation_id": c.id, "files": uuid.uuid4().hex},
                  upload=data)


def run_scan_job(job, payload: dict, upload: bytes) -> PaperBallotScan:
    return _read(consultations.get_consultation(payload["consultation_id"]), job.created_by_id, upload, job,
                 payload.get("files"))


def _read(c: Consultation, actor_id: int, data: bytes, job, files: str | None) -> PaperBallotScan:
    """read_scan's work: the scan, its audit entry and the job's end in one commit; a read
    that fails (or re-runs a killed one and fails) leaves no files behind."""
    keys = scan_files.scan_keys(c.estate_id, files)
    try:
        return _read_into(c, actor_id, data, job, keys)
    except BaseException:
        scan_files.drop(keys)
        raise


def _read_into(c: Consultation, actor_id: int, data: bytes, job, keys: tuple[str, str]) -> PaperBallotScan:
    image = _first_page(data)
    code = off_the_loop(reading.find_code, image)
    token = pdf.unsign(code.text) if code else None
    if token is None:
        raise _not_a_sheet()
    if token.consultation_id != c.id:
        raise _refused("wrong_consultation", messages.WRONG_CONSULTATION)
    if token.version != layout.sheet_version(c.questions):
        raise _refused("outdated_sheet", messages.OUTDATED_SHEET)
    pages = layout.sheet_pages(c.questions)
    flat = db.session.get(Flat, token.flat_id)
    if not 1 <= token.page <= len(pages) or flat is None:
        raise _not_a_sheet()
    if flat.estate_id != c.estate_id or flat.id not in {f.id for f in sheet_flats(c, flat.stairwell_id)}:
        raise _refused("flat_not_in_scope", messages.FLAT_NOT_IN_SCOPE)
    try:
        aligned, readings = off_the_loop(reading.read_page, image, code, pages[token.page - 1].boxes)
    except reading.NotASheet as error:
        raise _not_a_sheet() from error
    answers, uncertain = reading.decide(c.questions, readings)
    drop_skipped(c.questions, answers, uncertain)
    duplicate_of, duplicate_ballot = _earlier(c, flat.id, token.page)
    scan = PaperBallotScan(
        estate_id=c.estate_id, consultation_id=c.id, flat_id=flat.id, stairwell_id=flat.stairwell_id,
        sheet_version=token.version, page=token.page, pages=len(pages), answers=answers,
        uncertain=uncertain, marks=[{"question": r.box.question, "item": r.box.item,
                                     "option": r.box.option, "state": r.state,
                                     "strong": round(r.strong, 3), "weak": round(r.weak, 3)}
                                    for r in readings],
        image_key=scan_files.store(keys[0], image, 85),
        aligned_key=scan_files.store(keys[1], cv2.resize(aligned, None, fx=0.5, fy=0.5,
                                                         interpolation=cv2.INTER_AREA), 80),
        duplicate_of_id=duplicate_of, duplicate_ballot_id=duplicate_ballot, uploaded_by_id=actor_id)
    db.session.add(scan)
    db.session.flush()
    record("paper_ballot.scanned", estate_id=c.estate_id, actor_id=actor_id,
           subject_type="paper_ballot_scan", subject_id=scan.id,
           data={"consultation_id": c.id, "flat_id": flat.id, "page": token.page,
                 "uncertain": len(uncertain), "duplicate_of": duplicate_of,
                 "duplicate_ballot": duplicate_ballot})
    finish(job, scan.id)
    db.session.commit()
    return scan


# -- the committee's decision -----------------------------------------------------------------

def get_scan(scan_id: int) -> PaperBallotScan:
    scan = db.session.get(PaperBallotScan, scan_id)
    if scan is None:
        raise NotFound()
    return scan


def sibling_pages(scan: PaperBallotScan) -> list[PaperBallotScan]:
    """The flat's other pages of the same sheet waiting as drafts (long consultations)."""
    if scan.pages == 1:
        return []
    rows = db.session.scalars(select(PaperBallotScan).where(
        PaperBallotScan.consultation_id == scan.consultation_id,
        PaperBallotScan.flat_id == scan.flat_id, PaperBallotScan.id != scan.id,
        PaperBallotScan.page != scan.page, PaperBallotScan.sheet_version == scan.sheet_version,
        PaperBallotScan.status == ScanStatus.draft).order_by(PaperBallotScan.id.desc()))
    latest = {}
    for row in rows:
        latest.setdefault(row.page, row)
    return [latest[page] for page in sorted(latest)]


def merged_answers(scan: PaperBallotScan) -> dict:
    """The draft answers of the whole sheet: this page and the other pages' latest drafts."""
    merged = {}
    for part in [*sibling_pages(scan), scan]:
        for key, value in part.answers.items():
            if isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            else:
                merged[key] = value
    return merged


def _lock_sheet(scan: PaperBallotScan) -> None:
    """Hold the flat's scans in this consultation (in id order), then re-read this one: two
    confirms of one sheet take turns, and the second sees the first's decision (409)."""
    ids = db.session.scalars(select(PaperBallotScan.id).where(
        PaperBallotScan.consultation_id == scan.consultation_id, PaperBallotScan.flat_id == scan.flat_id))
    lock_rows(db.session, PaperBallotScan, PaperBallotScan.id, list(ids))
    db.session.refresh(scan)


def _check_pages(c: Consultation, parts: list[PaperBallotScan], answers: dict) -> None:
    """Every page of the sheet read, or each question (item) of an unread page marked by the
    committee in `answers`: nothing unread silently becomes 弃权 (422 pages_unread)."""
    read = {part.page for part in parts}
    unread = [page for page in layout.sheet_pages(c.questions) if page.number not in read]
    missing = {}
    for page in unread:
        for box in page.boxes:
            question = next(q for q in c.questions if q["key"] == box.question)
            given = answers.get(box.question)
            marked = given is not None and (box.item is None or box.item in given)
            if not marked and visible(question, answers):
                missing.setdefault(box.question, []).append(page.number)
    if missing:
        numbers = "、".join(str(n) for n in sorted({n for pages in missing.values() for n in pages}))
        message = messages.PAGES_UNREAD.format(pages=numbers)
        raise InvalidInput(message, code="pages_unread",
                           fields={"answers": {key: message for key in missing}})


def _evidence(scan: PaperBallotScan, parts: list[PaperBallotScan]) -> str:
    """The scans that make the ballot in plain words: each page of the sheet and its scan's
    number (only the numbers when that is too long); the console links each to its photo."""
    ordered = sorted(parts, key=lambda p: p.page)
    evidence = messages.EVIDENCE.format(pages="、".join(
        messages.EVIDENCE_PAGE.format(page=part.page, scan_id=part.id) for part in ordered))
    if len(evidence) > 500:
        evidence = messages.EVIDENCE_MANY.format(n=len(ordered), ids="、".join(str(part.id) for part in ordered))
    return evidence


def confirm_scan(scan: PaperBallotScan, actor, answers: dict, witness_phone: str) -> Ballot:
    """The checked answers become the flat's paper ballot; its evidence is exactly the scans
    that made it: this scan and the latest draft of each other page. The flat's scans are
    held for the unit (`_lock_sheet`): a scan is confirmed once, a second confirm gets 409.
    A page not read needs each of its questions marked (`_check_pages`). A ballot cast
    online is never replaced by paper (409)."""
    if not witness_phone:
        raise InvalidInput(messages.WITNESS_REQUIRED, fields={"witness_phone": messages.WITNESS_REQUIRED})
    c = consultations.get_consultation(scan.consultation_id)
    consultations.settle(c)  # a lapsed vote closes before anything of ours is touched
    _lock_sheet(scan)
    try:
        parts = [scan, *sibling_pages(scan)]
        for part in parts:
            part.decide(ScanStatus.confirmed, actor.id)
        _check_pages(c, parts, answers)
        record("paper_ballot.confirmed", estate_id=c.estate_id, actor_id=actor.id,
               subject_type="paper_ballot_scan", subject_id=scan.id,
               data={"flat_id": scan.flat_id, "scans": [part.id for part in parts]})
        # one commit: the scans' decision, the audit entry and the ballot (cast commits them together)
        ballot = consultations.cast_assisted_ballot(c, actor, scan.flat_id, answers, channel="paper",
                                                    evidence=_evidence(scan, parts),
                                                    witness_phone=witness_phone)
    except DomainError:
        db.session.rollback()  # refused: the scans stay drafts, nothing of this attempt is kept
        raise
    for part in parts:
        part.ballot_id, part.receipt = ballot.id, ballot.receipt
    db.session.commit()
    return ballot


def reject_scan(scan: PaperBallotScan, actor_id: int, reason: str) -> PaperBallotScan:
    scan.decide(ScanStatus.rejected, actor_id)
    scan.reason = reason
    record("paper_ballot.rejected", estate_id=scan.estate_id, actor_id=actor_id,
           subject_type="paper_ballot_scan", subject_id=scan.id,
           data={"flat_id": scan.flat_id, "reason": reason})
    db.session.commit()
    return scan


# -- the console's view -----------------------------------------------------------------------

def scans_of(c: Consultation, status: str | None = None, limit: int = 500) -> list[PaperBallotScan]:
    query = select(PaperBallotScan).where(PaperBallotScan.consultation_id == c.id)
    if status:
        query = query.where(PaperBallotScan.status == ScanStatus(status))
    return list(db.session.scalars(query.order_by(PaperBallotScan.id.desc()).limit(limit)))


def ballot_pages(ballot_ids) -> dict[int, list[PaperBallotScan]]:
    """The scans each paper ballot was last made from, one per page of the sheet, by page."""
    latest: dict[tuple[int, int], PaperBallotScan] = {}
    for scan in db.session.scalars(select(PaperBallotScan).where(
            PaperBallotScan.ballot_id.in_(list(ballot_ids)),
            PaperBallotScan.status == ScanStatus.confirmed).order_by(PaperBallotScan.id)):
        latest[(scan.ballot_id, scan.page)] = scan
    pages: dict[int, list[PaperBallotScan]] = {}
    for (ballot_id, _), scan in sorted(latest.items()):
        pages.setdefault(ballot_id, []).append(scan)
    return pages


def counts_by_stairwell(c: Consultation) -> list[dict]:
    """Per stairwell: sheets printed (its flats in scope), returned (flats with a scan kept)
    and confirmed (flats whose paper ballot came from a scan)."""
    printed = db.session.execute(
        select(Flat.stairwell_id, func.count(Flat.id)).where(consultations.scope_condition(c))
        .group_by(Flat.stairwell_id)).all()

    def flats_with(*statuses):
        return dict(db.session.execute(
            select(PaperBallotScan.stairwell_id, func.count(distinct(PaperBallotScan.flat_id)))
            .where(PaperBallotScan.consultation_id == c.id, PaperBallotScan.status.in_(statuses))
            .group_by(PaperBallotScan.stairwell_id)).all())

    returned = flats_with(ScanStatus.draft, ScanStatus.confirmed)
    confirmed = flats_with(ScanStatus.confirmed)
    names = {s.id: f"{s.building.name} {s.name}" for s in db.session.scalars(
        select(Stairwell).where(Stairwell.id.in_([row[0] for row in printed]))
        .options(joinedload(Stairwell.building)))}
    return sorted(({"stairwell_id": sid, "name": names[sid], "printed": count,
                    "returned": returned.get(sid, 0), "confirmed": confirmed.get(sid, 0)}
                   for sid, count in printed), key=lambda row: row["name"])


def scan_image(scan: PaperBallotScan, aligned: bool = False) -> bytes:
    data = media_store().get(scan.aligned_key if aligned else scan.image_key)
    if data is None:
        raise NotFound()
    return data
