from datetime import date

from flask_smorest.fields import Upload

from app.privacy import mask_name, mask_phone
from marshmallow import pre_load

from app.schemas import BaseSchema, DecimalString, fields, phone_length, validate


class EstateInSchema(BaseSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    district = fields.String(required=True, validate=validate.Length(min=1, max=50))
    street = fields.String(required=True, validate=validate.Length(min=1, max=50))
    built_year = fields.Integer(required=True,
                                validate=validate.Range(min=1900, max=date.today().year))


class EstateSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    district = fields.String()
    street = fields.String()
    built_year = fields.Integer()
    building_count = fields.Integer()
    stairwell_count = fields.Integer()
    flat_count = fields.Integer()


class NamedSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class StairwellOutSchema(NamedSchema):
    flat_count = fields.Integer()


class BuildingOutSchema(NamedSchema):
    stairwells = fields.List(fields.Nested(StairwellOutSchema))


class LedgerFileSchema(BaseSchema):
    file = Upload(required=True)


class LedgerQuery(BaseSchema):
    preview = fields.Boolean(load_default=False, metadata={
        "description": "say what the import would do; nothing is written (the console's preview)"})
    dry_run = fields.Boolean(load_default=False, metadata={
        "description": "older: the counts only, or the problems as a 400; nothing is written"})
    id_number_consent = fields.Boolean(load_default=False, metadata={
        "description": "the committee's statement on the owners' ID numbers in the file (敏感个人信息); "
                       "an import with ID numbers is refused without it (422 id_number_consent_required)"})


class LedgerColumnSchema(BaseSchema):
    label = fields.String(metadata={"description": "the column as the platform calls it, in Chinese"})
    header = fields.String(metadata={"description": "the header text(s) it was read from"})


class LedgerSheetSchema(BaseSchema):
    name = fields.String()
    rows = fields.Integer(metadata={"description": "flats read from this sheet"})
    header_row = fields.Integer()
    columns = fields.List(fields.Nested(LedgerColumnSchema))
    floor_from_room = fields.Boolean()
    building_from_sheet = fields.Boolean()


class LedgerBuildingSchema(BaseSchema):
    name = fields.String()
    flats = fields.Integer()
    owners = fields.Integer(metadata={"description": "heads: co-owners once, an owner of several flats once"})
    area_m2 = DecimalString()
    public = fields.Integer(metadata={"description": "公房 flats"})
    co_owned = fields.Integer()


class LedgerRowNoteSchema(BaseSchema):
    sheet = fields.String()
    row = fields.Integer(allow_none=True)
    reason = fields.String()


class LedgerProblemSchema(BaseSchema):
    sheet = fields.String()
    row = fields.Integer()
    field = fields.String(metadata={"description": "machine name of the column"})
    column = fields.String(metadata={"description": "the column in Chinese"})
    message = fields.String()


class LedgerFlatChangeSchema(BaseSchema):
    sheet = fields.String()
    row = fields.Integer()
    flat = fields.String()
    changes = fields.List(fields.String())


class LedgerChangesSchema(BaseSchema):
    added = fields.List(fields.Nested(LedgerFlatChangeSchema))
    changed = fields.List(fields.Nested(LedgerFlatChangeSchema))
    removed = fields.List(fields.Nested(LedgerFlatChangeSchema), metadata={
        "description": "flats of the current ledger not in the file; the import keeps them"})
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())


class LedgerOwnerMatchSchema(BaseSchema):
    owner = fields.String(metadata={"description": "masked"})
    matched_by = fields.String()
    flats = fields.List(fields.String())


class LedgerTotalsSchema(BaseSchema):
    flats = fields.Integer()
    owners = fields.Integer()
    area_m2 = DecimalString()


class ImportResultSchema(BaseSchema):
    created = fields.Integer()
    updated = fields.Integer()
    dry_run = fields.Boolean(metadata={"description": "present (true) on a dry run"})
    # the preview (?preview=1)
    sheets = fields.List(fields.Nested(LedgerSheetSchema))
    columns = fields.List(fields.Nested(LedgerColumnSchema))
    buildings = fields.List(fields.Nested(LedgerBuildingSchema))
    totals = fields.Nested(LedgerTotalsSchema)
    owners_with_several_flats = fields.List(fields.Nested(LedgerOwnerMatchSchema))
    skipped = fields.List(fields.Nested(LedgerRowNoteSchema))
    problems = fields.List(fields.Nested(LedgerProblemSchema))
    problem_count = fields.Integer()
    changes = fields.Nested(LedgerChangesSchema)
    notes = fields.List(fields.String())


class FlatOutSchema(BaseSchema):
    """A flat as the committee sees it: owner identity masked even here."""

    id = fields.Integer()
    room = fields.String()
    floor = fields.Integer()
    area_m2 = DecimalString()
    owner_name_masked = fields.Function(lambda flat: mask_name(flat.owner.name) if flat.owner else None)
    owner_phone_masked = fields.Function(lambda flat: mask_phone(flat.owner.phone) if flat.owner else None)
    verified_owner = fields.Boolean()


class RoomSchema(BaseSchema):
    flat_id = fields.Integer()
    room = fields.String()
    floor = fields.Integer()


class StairwellRoomsSchema(BaseSchema):
    """A stairwell's rooms for a resident claiming a flat: no owner data at all."""

    estate = fields.Nested(NamedSchema)
    building = fields.Nested(NamedSchema)
    stairwell = fields.Nested(NamedSchema)
    rooms = fields.List(fields.Nested(RoomSchema))


class MemberInSchema(BaseSchema):
    phone = fields.String(required=True, validate=phone_length)
    role = fields.String(required=True,
                         validate=validate.OneOf(["committee", "moderator", "designer", "contractor"]))


class MemberOutSchema(BaseSchema):
    user_id = fields.Integer()
    role = fields.String()
    estate_id = fields.Integer()


class ClaimInSchema(BaseSchema):
    flat_id = fields.Integer(required=True, strict=True)
    relation = fields.String(required=True, validate=validate.OneOf(["owner", "tenant", "family"]))


class ClaimByCodeSchema(BaseSchema):
    code = fields.String(required=True, validate=validate.Length(min=4, max=20))


class ClaimByIdentitySchema(BaseSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    id_number = fields.String(required=True, validate=validate.Length(min=15, max=20), metadata={
        "description": "resident ID number; checked with its GB 11643 check digit, compared as a keyed hash, never stored"})
    certificate_number = fields.String(required=True, validate=validate.Length(min=1, max=60),
                                       metadata={"description": "不动产权证号 or 房产证号"})
    id_number_consent = fields.Boolean(load_default=False, metadata={
        "description": "the person's separate consent (敏感个人信息) to processing their ID number, "
                       "given now; without it, or one given before to the current version, 422 "
                       "id_number_consent_required"})


class TransferFormSchema(BaseSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=100),
                         metadata={"description": "the new owner as the certificate names them"})
    id_number = fields.String(load_default=None, validate=validate.Length(min=15, max=20))
    certificate_number = fields.String(load_default=None, validate=validate.Length(max=60))
    note = fields.String(load_default=None, validate=validate.Length(max=200))

    @pre_load
    def _blank_is_absent(self, data, **kwargs):
        """A form's empty optional box is sent as "": taken as not filled in."""
        return {key: value for key, value in data.items() if value != ""}


class EvidenceFileSchema(BaseSchema):
    evidence = Upload(required=True, metadata={
        "description": "a photo of the new certificate or the transfer record"})


class TransferOutSchema(BaseSchema):
    id = fields.Integer()
    flat_id = fields.Integer()
    created_at = fields.DateTime()


class ReasonSchema(BaseSchema):
    reason = fields.String(load_default=None, validate=validate.Length(max=200))


class RejectSchema(BaseSchema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=200))


class ClaimOutSchema(BaseSchema):
    id = fields.Integer()
    flat_id = fields.Integer()
    estate_id = fields.Integer()
    user_id = fields.Integer()
    relation = fields.Function(lambda link: link.relation.value)
    status = fields.Function(lambda link: link.status.value)
    via = fields.String()
    reason = fields.String(allow_none=True)
    room = fields.Function(lambda link: link.flat.room)
    building = fields.Function(lambda link: link.flat.building.name)
    stairwell = fields.Function(lambda link: link.flat.stairwell.name)
    created_at = fields.DateTime()


class ClaimListQuery(BaseSchema):
    status = fields.String(load_default="pending",
                           validate=validate.OneOf(["pending", "verified", "rejected", "revoked"]))


class FlatCodesInSchema(BaseSchema):
    #: the flats to issue codes for; leave out for every flat of the estate
    flat_ids = fields.List(fields.Integer(strict=True), load_default=None,
                           validate=validate.Length(min=1, max=5000))
