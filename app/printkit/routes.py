"""The printed kit's PDFs (committee): board notice, letters, door-to-door list, sign-in sheet."""
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import is_committee, load_checked, require_committee
from app.cases.api import Meeting
from app.consultations.api import Consultation
from app.contributions.api import Charge, Payment
from app.contributions.api import owned_flat_ids
from app.errors import Forbidden
from app.printkit import contributions, services
from app.printkit.schemas import LettersInSchema, StairwellQuery

blp = Blueprint("printkit", __name__, url_prefix="/api/v1", description="打印材料")


def _pdf(body: bytes, name: str, status: int = 200) -> Response:
    return Response(body, status=status, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{name}.pdf"', "Cache-Control": "no-store"})


def _vote(consultation_id: int):
    c, user = load_checked(Consultation, consultation_id, require_committee)
    return services.printable(c), user


@blp.route("/consultations/<int:consultation_id>/print/notice.pdf")
class NoticePdf(MethodView):
    @blp.response(200, content_type="application/pdf")
    def get(self, consultation_id):
        """The notice for the board: what is decided, dates, three ways to vote, QR (committee)."""
        c, _ = _vote(consultation_id)
        return _pdf(services.notice(c), f"notice-{c.id}")


@blp.route("/consultations/<int:consultation_id>/print/letters.pdf")
class LettersPdf(MethodView):
    @blp.arguments(LettersInSchema, required=False)
    @blp.response(201, content_type="application/pdf")
    def post(self, data, consultation_id):
        """告业主书, a page per flat with a fresh one-time claim code and QR (committee).
        Older unused codes of those flats stop working."""
        c, user = _vote(consultation_id)
        return _pdf(services.letters(c, user, (data or {}).get("stairwell_id")), f"letters-{c.id}", 201)


@blp.route("/consultations/<int:consultation_id>/print/door-to-door.pdf")
class DoorToDoorPdf(MethodView):
    @blp.arguments(StairwellQuery, location="query")
    @blp.response(200, content_type="application/pdf")
    def get(self, query, consultation_id):
        """Flats not voted yet, per stairwell: room, masked owner, a note column; no phones (committee)."""
        c, _ = _vote(consultation_id)
        return _pdf(services.door_to_door(c, query["stairwell_id"]), f"door-to-door-{c.id}")


@blp.route("/case-meetings/<int:meeting_id>/sign-in.pdf")
class SignInPdf(MethodView):
    @blp.response(200, content_type="application/pdf")
    def get(self, meeting_id):
        """The meeting's sign-in sheet: flat, masked owner, signature box (committee)."""
        meeting, _ = load_checked(Meeting, meeting_id, require_committee)
        return _pdf(services.sign_in(meeting), f"sign-in-{meeting.id}")


def _committee_or_owner(user, estate_id: int, flat_id: int) -> None:
    """The committee, or an owner of the flat: an owner's own record is theirs."""
    if not is_committee(user, estate_id) and flat_id not in owned_flat_ids(user.id):
        raise Forbidden()


@blp.route("/contribution-payments/<int:payment_id>/receipt.pdf")
class ReceiptPdf(MethodView):
    @blp.response(200, content_type="application/pdf")
    def get(self, payment_id):
        """收款收据 of one payment (the committee, or an owner of the flat)."""
        payment, user = load_checked(Payment, payment_id)
        _committee_or_owner(user, payment.estate_id, payment.flat_id)
        return _pdf(contributions.receipt(payment), f"receipt-{payment.id}")


@blp.route("/contribution-charges/<int:charge_id>/flats/<int:flat_id>/provident-fund-certificate.pdf")
class ProvidentFundCertificatePdf(MethodView):
    @blp.response(200, content_type="application/pdf")
    def get(self, charge_id, flat_id):
        """加装电梯出资证明 for a 住房公积金 withdrawal (the committee, or an owner of the flat;
        elevator charges only)."""
        charge, user = load_checked(Charge, charge_id)
        _committee_or_owner(user, charge.estate_id, flat_id)
        return _pdf(contributions.certificate(charge, flat_id), f"provident-fund-{charge.id}-{flat_id}")
