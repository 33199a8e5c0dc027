"""The green-community checklist in and out."""
from app.green.models import GreenStatus
from app.schemas import BaseSchema, fields, validate


class GreenCheckInSchema(BaseSchema):
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in GreenStatus]))
    evidence = fields.String(load_default="", validate=validate.Length(max=500))


class GreenItemSchema(BaseSchema):
    key = fields.String()
    text = fields.String()
    status = fields.String()
    status_label = fields.String()
    evidence = fields.String()
    updated_at = fields.DateTime(allow_none=True)


class GreenAreaSchema(BaseSchema):
    key = fields.String()
    title = fields.String()
    items = fields.List(fields.Nested(GreenItemSchema))


class ChecklistSchema(BaseSchema):
    estate_id = fields.Integer()
    met = fields.Integer()
    total = fields.Integer()
    summary = fields.String()
    areas = fields.List(fields.Nested(GreenAreaSchema))
