"""Paper ballot input and output shapes (API.md, Paper ballots)."""
from flask_smorest.fields import Upload
from marshmallow import fields, validate

from app.schemas import BaseSchema


class SheetsQuery(BaseSchema):
    stairwell_id = fields.Integer(load_default=None, strict=False)


class ScanFileSchema(BaseSchema):
    file = Upload(required=True)


class RowSchema(BaseSchema):
    question = fields.String()
    item = fields.String(allow_none=True)


class ScanOutSchema(BaseSchema):
    """A scan's draft: what was read, what the reader is unsure of, what it repeats."""

    id = fields.Integer()
    consultation_id = fields.Integer()
    flat_id = fields.Integer()
    page = fields.Integer()
    pages = fields.Integer()
    status = fields.Function(lambda s: s.status.value)
    answers = fields.Dict()
    uncertain = fields.List(fields.Nested(RowSchema))
    duplicate_of = fields.Integer(attribute="duplicate_of_id", allow_none=True)
    #: the flat's paper ballot that existed when the scan came in (entered by hand or from a scan)
    duplicate_ballot_id = fields.Integer(allow_none=True)
    receipt = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    created_at = fields.DateTime()


class ScanDetailSchema(ScanOutSchema):
    marks = fields.List(fields.Dict())
    #: the whole sheet's draft answers (this page and the other pages' latest drafts)
    sheet_answers = fields.Dict()


class ScanListQuery(BaseSchema):
    status = fields.String(load_default=None, validate=validate.OneOf(["draft", "confirmed", "rejected"]))


class ConfirmInSchema(BaseSchema):
    answers = fields.Dict(keys=fields.String(), required=True)
    witness_phone = fields.String(required=True, validate=validate.Length(min=11, max=20))


class RejectInSchema(BaseSchema):
    reason = fields.String(required=True, validate=validate.Length(min=2, max=200))


class StairwellCountsSchema(BaseSchema):
    stairwell_id = fields.Integer()
    name = fields.String()
    printed = fields.Integer()
    returned = fields.Integer()
    confirmed = fields.Integer()
