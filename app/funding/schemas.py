"""A project's public money in and out."""
from flask_smorest.fields import Upload

from app.funding.messages import SOURCES
from app.funding.models import Stage
from app.schemas import BaseSchema, Cents, fields, validate


class EntryInSchema(BaseSchema):
    source = fields.String(required=True, validate=validate.OneOf(list(SOURCES)))
    stage = fields.String(required=True, validate=validate.OneOf([s.value for s in Stage]))
    amount_cents = Cents(required=True, metadata={"description": "integer fen; 1200000.50 yuan is 120000050"})
    dated_on = fields.Date(required=True)
    party = fields.String(load_default="", validate=validate.Length(max=100))
    document_no = fields.String(load_default="", validate=validate.Length(max=100))
    note = fields.String(load_default="", validate=validate.Length(max=300))


class EvidenceInSchema(BaseSchema):
    photo = Upload(required=True, metadata={"description": "a photo of the document"})


class EntrySchema(BaseSchema):
    id = fields.Integer(allow_none=True, metadata={"description": "null for a utility's own record"})
    source = fields.String()
    source_label = fields.String()
    stage = fields.String()
    stage_label = fields.String()
    amount_cents = fields.Integer()
    dated_on = fields.Date()
    party = fields.String()
    document_no = fields.String()
    note = fields.String()
    from_utilities = fields.Boolean(metadata={"description": "recorded with the utilities' works"})
    evidence_url = fields.String(allow_none=True)


class PublicEntrySchema(EntrySchema):
    class Meta:
        exclude = ("note", "evidence_url")

    has_evidence = fields.Boolean()


class SourceSchema(BaseSchema):
    source = fields.String()
    label = fields.String()
    committed_cents = fields.Integer()
    received_cents = fields.Integer()
    spent_cents = fields.Integer()


class TotalsSchema(BaseSchema):
    committed_cents = fields.Integer()
    received_cents = fields.Integer()
    spent_cents = fields.Integer()


class MoneySchema(BaseSchema):
    project_id = fields.Integer()
    sources = fields.List(fields.Nested(SourceSchema))
    totals = fields.Nested(TotalsSchema)
    left_cents = fields.Integer(metadata={"description": "received minus spent"})
    left_text = fields.String()
    entries = fields.List(fields.Nested(EntrySchema))


class PublicMoneySchema(MoneySchema):
    entries = fields.List(fields.Nested(PublicEntrySchema))
    has_money = fields.Boolean()
