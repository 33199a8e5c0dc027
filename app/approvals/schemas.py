"""Approvals in and out (审批)."""
from flask_smorest.fields import Upload

from app.approvals.models import ApprovalStatus
from app.schemas import BaseSchema, WrittenDate, fields, validate


class ApprovalInSchema(BaseSchema):
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in ApprovalStatus]))
    department = fields.String(load_default="", validate=validate.Length(max=100))
    submitted_on = WrittenDate(load_default=None, allow_none=True)
    decided_on = WrittenDate(load_default=None, allow_none=True)
    document_no = fields.String(load_default="", validate=validate.Length(max=100))
    note = fields.String(load_default="", validate=validate.Length(max=500))


class DocumentInSchema(BaseSchema):
    photo = Upload(required=True)


class WaitingSchema(BaseSchema):
    days = fields.Integer()
    since = fields.String(metadata={"description": "submitted: since handed in; project: never handed in"})
    text = fields.String()


class ApprovalSchema(BaseSchema):
    kind = fields.String()
    label = fields.String()
    required = fields.Boolean(metadata={"description": "the city's list names it (APPROVALS_REQUIRED)"})
    status = fields.String()
    status_label = fields.String()
    department = fields.String()
    submitted_on = fields.Date(allow_none=True)
    decided_on = fields.Date(allow_none=True)
    document_no = fields.String()
    document_url = fields.Function(
        lambda row: f"/api/v1/media/{row['document_key']}" if row.get("document_key") else None)
    note = fields.String(metadata={"description": "committee and staff only (empty for residents)"})
    updated_at = fields.DateTime(allow_none=True)
    waiting = fields.Nested(WaitingSchema, allow_none=True)


class WaitingProjectSchema(ApprovalSchema):
    estate_id = fields.Integer()
    estate_name = fields.String()
    project_id = fields.Integer()
    project_title = fields.String()
