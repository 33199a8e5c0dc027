"""Paper ballot routes (API.md, Paper ballots): thin; the rules are in services."""
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import require_user
from app.consultations.api import services as consultations
from app.consultations.api import ReceiptOutSchema
from app.paperballots import services
from app.paperballots.schemas import (
    ConfirmInSchema, RejectInSchema, ScanDetailSchema, ScanFileSchema, ScanListQuery, ScanOutSchema,
    SheetsQuery, StairwellCountsSchema)

blp = Blueprint("paperballots", __name__, url_prefix="/api/v1", description="纸质表决票")

NO_STORE = {"Cache-Control": "no-store"}


def managed(consultation_id: int):
    """The consultation for its estate's committee (404 to outsiders, 403 to residents)."""
    user = require_user()
    consultation = consultations.get_consultation(consultation_id)
    consultations.require_manage(user, consultation)
    return consultation, user


def managed_scan(scan_id: int):
    user = require_user()
    scan = services.get_scan(scan_id)
    consultations.require_manage(user, consultations.get_consultation(scan.consultation_id))
    return scan, user


@blp.route("/consultations/<int:consultation_id>/paper-ballots.pdf")
class SheetsPdf(MethodView):
    @blp.arguments(SheetsQuery, location="query")
    @blp.response(200, content_type="application/pdf")
    def get(self, query, consultation_id):
        """One A4 sheet per flat in scope (or one stairwell), with its QR code (committee)."""
        consultation, _ = managed(consultation_id)
        body = services.sheets_pdf(consultation, query["stairwell_id"])
        suffix = f"-{query['stairwell_id']}" if query["stairwell_id"] else ""
        return Response(body, mimetype="application/pdf", headers={
            "Content-Disposition": f'attachment; filename="paper-ballots-{consultation.id}{suffix}.pdf"',
            **NO_STORE})


@blp.route("/consultations/<int:consultation_id>/paper-ballots/layout.json")
class SheetsLayout(MethodView):
    @blp.arguments(SheetsQuery, location="query")
    @blp.response(200)
    def get(self, query, consultation_id):
        """Every page's boxes in PDF points, origin top-left, in the PDF's page order (committee)."""
        consultation, _ = managed(consultation_id)
        return services.sheets_layout(consultation, query["stairwell_id"])


@blp.route("/consultations/<int:consultation_id>/paper-ballot-scans")
class Scans(MethodView):
    @blp.arguments(ScanFileSchema, location="files")
    @blp.response(201, ScanOutSchema)
    def post(self, files, consultation_id):
        """Read a photo or scan of a sheet into a draft (committee); nothing counts yet."""
        consultation, user = managed(consultation_id)
        return services.read_scan(consultation, user.id, files["file"].read())

    @blp.arguments(ScanListQuery, location="query")
    @blp.response(200, ScanOutSchema(many=True))
    def get(self, query, consultation_id):
        """The consultation's scans, newest first (committee)."""
        consultation, _ = managed(consultation_id)
        return services.scans_of(consultation, query["status"])


@blp.route("/consultations/<int:consultation_id>/paper-ballot-counts")
class Counts(MethodView):
    @blp.response(200, StairwellCountsSchema(many=True))
    def get(self, consultation_id):
        """Sheets printed, returned and confirmed per stairwell (committee)."""
        consultation, _ = managed(consultation_id)
        return services.counts_by_stairwell(consultation)


@blp.route("/paper-ballot-scans/<int:scan_id>")
class ScanDetail(MethodView):
    @blp.response(200, ScanDetailSchema)
    def get(self, scan_id):
        """One scan with every box as measured and the whole sheet's draft (committee)."""
        scan, _ = managed_scan(scan_id)
        scan.sheet_answers = services.merged_answers(scan)
        return scan


def _image(aligned: bool):
    class Image(MethodView):
        @blp.response(200, content_type="image/jpeg")
        def get(self, scan_id):
            scan, _ = managed_scan(scan_id)
            return Response(services.scan_image(scan, aligned), mimetype="image/jpeg",
                            headers={"Cache-Control": "private, max-age=86400"})

    Image.get.__doc__ = ("The page as aligned to the layout (committee)." if aligned
                         else "The photo as uploaded, kept as the ballot's evidence (committee).")
    return Image


blp.route("/paper-ballot-scans/<int:scan_id>/image", endpoint="scan_image")(_image(False))
blp.route("/paper-ballot-scans/<int:scan_id>/aligned.jpg", endpoint="scan_aligned")(_image(True))


@blp.route("/paper-ballot-scans/<int:scan_id>/confirm")
class Confirm(MethodView):
    @blp.arguments(ConfirmInSchema)
    @blp.response(201, ReceiptOutSchema)
    def post(self, data, scan_id):
        """Cast the checked answers as the flat's paper ballot, the scan its evidence (committee)."""
        scan, user = managed_scan(scan_id)
        return services.confirm_scan(scan, user, data["answers"], data["witness_phone"])


@blp.route("/paper-ballot-scans/<int:scan_id>/reject")
class Reject(MethodView):
    @blp.arguments(RejectInSchema)
    @blp.response(200, ScanOutSchema)
    def post(self, data, scan_id):
        """Do not use this scan (e.g. the other sheet of a duplicate pair is kept) (committee)."""
        scan, user = managed_scan(scan_id)
        return services.reject_scan(scan, user.id, data["reason"])
