"""Console: paper ballots (纸质表决票) of one consultation, made for a committee member's phone.

Print the sheets (per stairwell), photograph returned sheets one after another, check
each draft with the boxes the reader is unsure of highlighted, fix and confirm with a
witness; counts of sheets printed, returned and confirmed per stairwell. Photos and
decisions are form posts checked for the session's CSRF token (they work without
JavaScript); console_paper.js only sends a photo as soon as it is taken.
"""
from flask import flash, redirect, render_template, request, url_for

from app.consultations.api import services as consultations
from app.consultations.api import visible
from app.errors import DomainError, InvalidInput, NotFound, Unauthorized
from app.estates.api import flat_labels, get_estate
from app.paperballots.api import layout as sheet_layout
from app.paperballots.api import messages
from app.paperballots.api import services as paper
from app.paperballots.api import ScanStatus
from app.paperballots.api import managed_scan
from app.web.console import bp
from app.web.forms import answers_from_form, check_csrf, field_name


def _scan_view(scan, labels) -> dict:
    """What the page shows of a scan: its flat, its boxes on the aligned photo, the rows to check."""
    boxes = {(b.question, b.item, b.option): b for page in sheet_layout.sheet_pages(
        consultations.get_consultation(scan.consultation_id).questions)
        if page.number == scan.page for b in page.boxes}
    marks = []
    for mark in scan.marks:
        box = boxes.get((mark["question"], mark["item"], mark["option"]))
        if box is not None and mark["state"] != "blank":
            x0, y0, x1, y1 = box.rect
            marks.append({"state": mark["state"], "x": x0, "y": y0, "w": x1 - x0, "h": y1 - y0})
    unsure = {(row["question"], row["item"]) for row in scan.uncertain}
    rows = {}
    for (question, item, _), box in boxes.items():
        if (question, item) in unsure:
            x0, y0, x1, y1 = box.rect
            marks.append({"state": "unsure", "x": x0, "y": y0, "w": x1 - x0, "h": y1 - y0})
            top, bottom = rows.get((question, item), (y0, y1))
            rows[(question, item)] = (min(top, y0), max(bottom, y1))
    # each unsure row enlarged: the full width of the sheet, a little above and below its boxes
    zooms = [{"x": sheet_layout.LEFT - 8, "y": top - 30, "w": sheet_layout.RIGHT - sheet_layout.LEFT + 16,
              "h": bottom - top + 40} for top, bottom in rows.values()]
    return {"scan": scan, "flat": labels.get(scan.flat_id, ""), "marks": marks, "zooms": zooms,
            "status": messages.STATUS_LABELS[scan.status.value]}


def render_paper(c, user, *, current_id=None, values=None, errors=None, error=None, status=200):
    scans = paper.scans_of(c)
    labels = flat_labels({scan.flat_id for scan in scans})
    drafts = [scan for scan in scans if scan.status == ScanStatus.draft]
    current = next((scan for scan in scans if scan.id == current_id), None) or (drafts[-1] if drafts else None)
    earlier = None
    if current is not None and current.duplicate_of_id:
        earlier = next((scan for scan in scans if scan.id == current.duplicate_of_id), None)
    sheet_values = values if values is not None else (paper.merged_answers(current) if current else {})
    return render_template(
        "web/console/paper.html", pm=messages, c=c, estate=get_estate(c.estate_id),
        section="consultations", counts=paper.counts_by_stairwell(c), drafts=drafts,
        decided=[s for s in scans if s.status != ScanStatus.draft][:20], labels=labels,
        current=_scan_view(current, labels) if current else None,
        earlier=_scan_view(earlier, labels) if earlier else None,
        unsure=[{"question": r["question"], "item": r["item"]} for r in (current.uncertain if current else [])],
        page_w=sheet_layout.PAGE_W, page_h=sheet_layout.PAGE_H, questions=c.questions,
        values=sheet_values, errors=errors or {}, error=error, field_name=field_name,
        visible=visible), status


@bp.get("/consultations/<int:consultation_id>/paper")
def paper_ballots(consultation_id):
    """The phone page: print, photograph, check and confirm paper ballots."""
    c, user = consultations.managed(consultation_id)
    return render_paper(c, user, current_id=request.args.get("scan", type=int))


def _refusal_page(c, user, refused: DomainError, **kwargs):
    fields = refused.fields if isinstance(refused, InvalidInput) else {}
    return render_paper(c, user, error=refused.message, status=refused.status,
                        errors=fields.get("answers") if isinstance(fields.get("answers"), dict) else {},
                        **kwargs)


@bp.post("/consultations/<int:consultation_id>/paper/scans")
def paper_scan(consultation_id):
    """A photo (or scanned PDF) of a returned sheet: read into a draft, then shown to check."""
    c, user = consultations.managed(consultation_id)
    check_csrf()
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return render_paper(c, user, error=messages.PAPER_NO_PHOTO, status=422)
    try:
        scan = paper.read_scan(c, user.id, upload.read())
    except (Unauthorized, NotFound):
        raise
    except DomainError as refused:
        return _refusal_page(c, user, refused)
    flash(messages.PAPER_READ_DUPLICATE if scan.is_duplicate else
          messages.PAPER_READ_OK.format(n=len(scan.uncertain)) if scan.uncertain else messages.PAPER_READ_CLEAR)
    return redirect(url_for("console.paper_ballots", consultation_id=c.id, scan=scan.id) + "#draft", code=303)


@bp.post("/paper-ballot-scans/<int:scan_id>/confirm")
def paper_confirm(scan_id):
    """The checked answers become the flat's paper ballot, with the witness's phone."""
    scan, user = managed_scan(scan_id)
    c = consultations.get_consultation(scan.consultation_id)
    check_csrf()
    answers = answers_from_form(c.questions, request.form)
    try:
        ballot = paper.confirm_scan(scan, user, answers, request.form.get("witness_phone", "").strip())
    except (Unauthorized, NotFound):
        raise
    except DomainError as refused:
        return _refusal_page(c, user, refused, current_id=scan.id, values=answers)
    flash(messages.PAPER_CONFIRMED.format(receipt=ballot.receipt))
    return redirect(url_for("console.paper_ballots", consultation_id=c.id), code=303)


@bp.post("/paper-ballot-scans/<int:scan_id>/reject")
def paper_reject(scan_id):
    """Not used (e.g. the other sheet of a duplicate pair is kept), with the reason."""
    scan, user = managed_scan(scan_id)
    c = consultations.get_consultation(scan.consultation_id)
    check_csrf()
    reason = request.form.get("reason", "").strip()
    try:
        if len(reason) < 2:
            raise InvalidInput(messages.PAPER_REASON_REQUIRED)
        paper.reject_scan(scan, user.id, reason[:200])
    except DomainError as refused:
        return _refusal_page(c, user, refused, current_id=scan.id)
    flash(messages.PAPER_REJECTED)
    return redirect(url_for("console.paper_ballots", consultation_id=c.id), code=303)
