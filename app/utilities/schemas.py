"""Utilities' works, money and handovers in and out."""
from flask_smorest.fields import Upload

from app.schemas import BaseSchema, Cents, fields, validate
from app.utilities.messages import PARTIES, UTILITIES
from app.utilities.models import MoneyStage, WorkStatus

STATUS = validate.OneOf([s.value for s in WorkStatus])


class WorkInSchema(BaseSchema):
    party = fields.String(required=True, validate=validate.OneOf(list(PARTIES)))
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    road = fields.String(load_default="", allow_none=True, validate=validate.Length(max=100))
    stairwell_id = fields.Integer(strict=True, load_default=None, allow_none=True)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    status = fields.String(load_default="planned", validate=STATUS)


class WorkChangeInSchema(BaseSchema):
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    status = fields.String(required=True, validate=STATUS)


class ContributionInSchema(BaseSchema):
    utility = fields.String(required=True, validate=validate.OneOf(list(UTILITIES)))
    stage = fields.String(required=True, validate=validate.OneOf([s.value for s in MoneyStage]))
    amount_cents = Cents(required=True)
    dated_on = fields.Date(required=True)
    document_no = fields.String(load_default="", validate=validate.Length(max=100))
    note = fields.String(load_default="", validate=validate.Length(max=300))


class HandoverFormSchema(BaseSchema):
    """The handover as typed on the form (multipart, with its two photos)."""
    work_id = fields.Integer(required=True)
    facilities = fields.String(required=True, validate=validate.Length(min=1, max=500))
    receiver = fields.String(required=True, validate=validate.Length(min=1, max=100))
    handed_on = fields.Date(required=True)


class HandoverFilesSchema(BaseSchema):
    record = Upload(required=True, metadata={"description": "a photo of the signed handover record"})
    photo = Upload(required=True, metadata={"description": "a photo of the facilities handed over"})


class WorkSchema(BaseSchema):
    id = fields.Integer()
    project_id = fields.Integer()
    party = fields.String()
    party_label = fields.String()
    title = fields.String()
    road = fields.String()
    stairwell_id = fields.Integer(allow_none=True)
    place = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date()
    status = fields.String()
    status_label = fields.String()
    handed_over = fields.Boolean()


class ClashSchema(BaseSchema):
    place = fields.String()
    overlap = fields.Boolean()
    gap_days = fields.Integer()
    works = fields.List(fields.Nested(WorkSchema))
    text = fields.String()


class StreetClashSchema(ClashSchema):
    estate_id = fields.Integer()
    estate_name = fields.String()


class ContributionSchema(BaseSchema):
    id = fields.Integer()
    utility = fields.String()
    utility_label = fields.String()
    stage = fields.String()
    stage_label = fields.String()
    amount_cents = fields.Integer()
    dated_on = fields.Date()
    document_no = fields.String()
    note = fields.String()


class HandoverSchema(BaseSchema):
    id = fields.Integer()
    work_id = fields.Integer()
    work = fields.Nested(WorkSchema, allow_none=True)
    facilities = fields.String()
    receiver = fields.String()
    handed_on = fields.Date()
    record_url = fields.String()
    photo_url = fields.String()
    text = fields.String()


class OverviewSchema(BaseSchema):
    project_id = fields.Integer()
    works = fields.List(fields.Nested(WorkSchema))
    clashes = fields.List(fields.Nested(ClashSchema))
    committed_cents = fields.Integer()
    received_cents = fields.Integer()
    contributions = fields.List(fields.Nested(ContributionSchema))
    handovers = fields.List(fields.Nested(HandoverSchema))
