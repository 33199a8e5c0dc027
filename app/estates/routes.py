"""Estate registry routes: estates, buildings, the ledger, members, claims and flat codes."""
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from app.auth.api import consent
from app.auth.api import require_committee, require_member, require_staff, require_user
from app.estates import identity, membership, services
from app.estates.ledger import parse_ledger, rows_of
from app.estates.ledger_import import preview_ledger, start_import
from app.estates.models import Estate, Flat, FlatLink, LinkStatus, Relation, Stairwell
from app.estates.schemas import (
    BuildingOutSchema, ClaimByCodeSchema, ClaimByIdentitySchema, ClaimInSchema, ClaimListQuery, ClaimOutSchema,
    EstateInSchema, EstateSchema, FlatCodesInSchema, FlatOutSchema, ImportResultSchema,
    EvidenceFileSchema, LedgerFileSchema, LedgerQuery, MemberInSchema, MemberOutSchema, ReasonSchema,
    RejectSchema, StairwellRoomsSchema, TransferFormSchema, TransferOutSchema)
from app.media.api import store_photo
from app.extensions import db, limit_from_config
from app.offload import off_the_loop

blp = Blueprint("estates", __name__, url_prefix="/api/v1", description="小区、楼栋、单元与住户")


def estate_view(estate: Estate) -> dict:
    return {"id": estate.id, "name": estate.name, "district": estate.district,
            "street": estate.street, "built_year": estate.built_year,
            **services.estate_counts(estate.id)}


@blp.route("/estates")
class Estates(MethodView):
    @blp.arguments(EstateInSchema)
    @blp.response(201, EstateSchema)
    def post(self, data):
        """Register an estate (street and district staff)."""
        user = require_staff()
        return estate_view(services.create_estate(actor_id=user.id, **data))


@blp.route("/estates/<int:estate_id>")
class EstateDetail(MethodView):
    @blp.response(200, EstateSchema)
    def get(self, estate_id):
        """An estate with its building, stairwell and flat counts."""
        require_member(estate_id)
        return estate_view(services.get_or_404(Estate, estate_id))


@blp.route("/estates/<int:estate_id>/buildings")
class EstateBuildings(MethodView):
    @blp.response(200, BuildingOutSchema(many=True))
    def get(self, estate_id):
        """Buildings with their stairwells and flat counts."""
        require_member(estate_id)
        return services.buildings_with_stairwells(estate_id)


@blp.route("/estates/<int:estate_id>/flats/import")
class LedgerImport(MethodView):
    @blp.arguments(LedgerQuery, location="query")
    @blp.arguments(LedgerFileSchema, location="files")
    @blp.response(200, ImportResultSchema)
    def post(self, query, files, estate_id):
        """Import the ledger (台账): .xlsx, .xls or CSV, every sheet; all rows or none.

        ?preview=1 writes nothing and says what the import would do: sheets and columns
        read, flats, owners and area per building, rows skipped, problems by sheet and row,
        and the flats added, changed and missing against the current ledger. ?dry_run=true
        (older) answers the counts only, or the problems as a 400."""
        user = require_committee(estate_id)
        upload = files["file"]
        if not (query["preview"] or query["dry_run"]):  # a heavy job: safe from a kill mid-way
            data = upload.read()
            # the separate consent for ID numbers comes before any is processed: a file that
            # carries them is refused without it (read here once more only then)
            if query["id_number_consent"] or any(row.id_numbers for row in rows_of(
                    off_the_loop(parse_ledger, data, upload.filename or ""))):
                consent.require_id_numbers(user, consent.LEDGER_ID_NUMBERS, query["id_number_consent"])
            return start_import(estate_id, data, upload.filename or "", user.id)
        parsed = off_the_loop(parse_ledger, upload.read(), upload.filename or "")
        if query["preview"]:
            return preview_ledger(estate_id, parsed)
        rows_of(parsed)  # a file with problems: 400 naming each
        counts = preview_ledger(estate_id, parsed)["changes"]["counts"]
        return {"created": counts["added"], "updated": counts["changed"], "dry_run": True}


@blp.route("/stairwells/<int:stairwell_id>/flats")
class StairwellFlats(MethodView):
    @blp.response(200, FlatOutSchema(many=True))
    def get(self, stairwell_id):
        """The flats of a stairwell, owners masked (committee)."""
        stairwell = services.get_or_404(Stairwell, stairwell_id)
        require_committee(stairwell.estate_id)
        flats = db.session.scalars(
            select(Flat).where(Flat.stairwell_id == stairwell_id).order_by(Flat.floor, Flat.room)).all()
        verified = set(db.session.scalars(select(FlatLink.flat_id).where(
            FlatLink.flat_id.in_([f.id for f in flats]), FlatLink.relation == Relation.owner,
            FlatLink.status == LinkStatus.verified)))
        for flat in flats:
            flat.verified_owner = flat.id in verified
        return flats


@blp.route("/stairwells/<int:stairwell_id>/rooms")
class StairwellRooms(MethodView):
    @blp.response(200, StairwellRoomsSchema)
    def get(self, stairwell_id):
        """A stairwell's rooms and floors, no personal data: for a resident claiming a flat."""
        require_user()
        return services.stairwell_rooms(stairwell_id)


@blp.route("/estates/<int:estate_id>/members")
class EstateMembers(MethodView):
    @blp.arguments(MemberInSchema)
    @blp.response(201, MemberOutSchema)
    def post(self, data, estate_id):
        """Make someone a committee member or moderator of the estate."""
        actor = require_committee(estate_id)
        user = services.add_member(estate_id, data["phone"], data["role"], actor.id)
        return {"user_id": user.id, "role": data["role"], "estate_id": estate_id}


@blp.route("/flats/claims")
class FlatClaims(MethodView):
    @blp.arguments(ClaimInSchema)
    @blp.response(201, ClaimOutSchema)
    def post(self, data):
        """Claim a flat as owner, tenant or family; the committee verifies it."""
        user = require_user()
        return services.claim_flat(user, identity.get_flat(data["flat_id"]), Relation(data["relation"]))


@blp.route("/flats/claims/by-code")
class FlatClaimByCode(MethodView):
    decorators = [limit_from_config("RATELIMIT_CODE_PER_USER", per_user=True)]

    @blp.arguments(ClaimByCodeSchema)
    @blp.response(201, ClaimOutSchema)
    def post(self, data):
        """Verify as a flat's owner with the one-time code from the committee."""
        return services.redeem_flat_code(require_user(), data["code"])


@blp.route("/flats/claims/by-identity")
class FlatClaimByIdentity(MethodView):
    @blp.arguments(ClaimByIdentitySchema)
    @blp.response(201, ClaimOutSchema)
    def post(self, data):
        """Verify as a flat's owner by name, ID number and 不动产权证号, matched against the
        ledger: a match is verified at once; a mismatch goes to the committee with the reason
        (422 says it). Five tries a day per person and per flat."""
        return identity.verify_by_identity(require_user(), data["name"], data["id_number"],
                                           data["certificate_number"], data["id_number_consent"])


@blp.route("/flats/<int:flat_id>/transfer")
class FlatTransferRecord(MethodView):
    @blp.arguments(TransferFormSchema, location="form")
    @blp.arguments(EvidenceFileSchema, location="files")
    @blp.response(201, TransferOutSchema)
    def post(self, form, files, flat_id):
        """Record a change of owner (a sale) with its evidence (committee): the old owner's
        links end and they are told; the ledger names the new owner, who can then verify."""
        flat = identity.get_flat(flat_id)
        actor = require_committee(flat.estate_id)
        stored = store_photo(flat.estate_id, files["evidence"].read())
        return identity.record_transfer(flat, actor, evidence_key=stored.key, **form)


@blp.route("/estates/<int:estate_id>/claims")
class EstateClaims(MethodView):
    @blp.arguments(ClaimListQuery, location="query")
    @blp.response(200, ClaimOutSchema(many=True))
    def get(self, query, estate_id):
        """Claims waiting for (or past) the committee's decision."""
        require_committee(estate_id)
        return membership.claims_of_estate(estate_id, LinkStatus(query["status"]))


def _claim_for_committee(claim_id):
    link = services.get_or_404(FlatLink, claim_id)
    return link, require_committee(link.estate_id)


@blp.route("/claims/<int:claim_id>/approve")
class ClaimApprove(MethodView):
    @blp.arguments(ReasonSchema)
    @blp.response(200, ClaimOutSchema)
    def post(self, data, claim_id):
        """Approve a claim."""
        link, actor = _claim_for_committee(claim_id)
        return services.decide_claim(link, True, actor, data["reason"])


@blp.route("/claims/<int:claim_id>/reject")
class ClaimReject(MethodView):
    @blp.arguments(RejectSchema)
    @blp.response(200, ClaimOutSchema)
    def post(self, data, claim_id):
        """Reject a claim, with the reason the resident will read."""
        link, actor = _claim_for_committee(claim_id)
        return services.decide_claim(link, False, actor, data["reason"])


CODES_CSV_DOC = "CSV, UTF-8 with BOM: flat_id, building, stairwell, room, code (\"1234 5678 9012\")"


@blp.route("/estates/<int:estate_id>/flat-codes")
class FlatCodes(MethodView):
    @blp.arguments(FlatCodesInSchema, required=False)
    @blp.response(201, {"type": "string", "description": CODES_CSV_DOC}, content_type="text/csv")
    def post(self, data, estate_id):
        """Issue one-time flat codes; a CSV (UTF-8 with BOM) to print."""
        actor = require_committee(estate_id)
        csv_text = services.issue_flat_codes(estate_id, actor, data["flat_ids"])
        return Response(csv_text.encode("utf-8"), status=201, mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="flat-codes-{estate_id}.csv"'})
