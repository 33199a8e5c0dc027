from flask_smorest.fields import Upload

from app.schemas import BaseSchema, fields, MAX_CENTS, validate


class ApplicationInSchema(BaseSchema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=1000))


class SupportInSchema(BaseSchema):
    flat_id = fields.Integer(required=True, strict=True)


class SupportProgressSchema(BaseSchema):
    supported = fields.Integer()
    total = fields.Integer()
    share = fields.String()
    percent = fields.String()
    threshold = fields.String()
    threshold_percent = fields.String()
    reached = fields.Boolean()
    missing = fields.Integer()
    explanation = fields.String()
    basis = fields.String(metadata={"description": "flats (户) or owners (业主, one per person)"})
    basis_label = fields.String()


class SupportFlatSchema(BaseSchema):
    flat_id = fields.Integer()
    label = fields.String()
    supported = fields.Boolean()
    channel = fields.String(allow_none=True, metadata={"description": "online (网上) or paper (纸质)"})
    how = fields.String(allow_none=True, metadata={"description": "when and how the flat supported"})


class PaperSupportFormSchema(BaseSchema):
    """A support from a signed sheet (multipart form: the flat, and the sheet's photo)."""
    flat_id = fields.Integer(required=True)


class PaperSupportFileSchema(BaseSchema):
    photo = Upload(required=True, metadata={"description": "a photo of the signed support sheet"})


class ApplicationSchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer()
    reason = fields.String()
    status = fields.String()
    status_label = fields.String()
    created_at = fields.DateTime()
    submitted_at = fields.DateTime(allow_none=True)
    support = fields.Nested(SupportProgressSchema)
    my_flats = fields.List(fields.Nested(SupportFlatSchema))


class SupportSchema(BaseSchema):
    id = fields.Integer()
    application_id = fields.Integer()
    flat_id = fields.Integer()
    created_at = fields.DateTime()
    channel = fields.Function(lambda support: support.channel.value,
                              metadata={"description": "online (网上) or paper (纸质)"})
    entered_by_id = fields.Integer(allow_none=True)
    evidence = fields.String(allow_none=True, metadata={"description": "the sheet's photo (media key)"})


class ReserveInSchema(BaseSchema):
    estimated_cost_cents = fields.Integer(required=True, strict=True,
                                          validate=validate.Range(min=1, max=MAX_CENTS))
    note = fields.String(load_default=None, validate=validate.Length(max=500))


class ReserveEntrySchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer()
    application_id = fields.Integer()
    estimated_cost_cents = fields.Integer()
    note = fields.String(allow_none=True)
    added_at = fields.DateTime()


class AnnualPlanInSchema(BaseSchema):
    year = fields.Integer(required=True, strict=True, validate=validate.Range(min=2000, max=2100))
    district = fields.String(required=True, validate=validate.Length(min=1, max=50))
    capacity_cents = fields.Integer(required=True, strict=True,
                                    validate=validate.Range(min=0, max=MAX_CENTS))


class PlanEntryInSchema(BaseSchema):
    estate_id = fields.Integer(required=True, strict=True)


class PlanEntrySchema(BaseSchema):
    estate_id = fields.Integer()
    estate_name = fields.String()
    cost_cents = fields.Integer()
    added_at = fields.DateTime()


class AnnualPlanSchema(BaseSchema):
    id = fields.Integer()
    year = fields.Integer()
    district = fields.String()
    capacity_cents = fields.Integer()
    used_cents = fields.Integer()
    remaining_cents = fields.Integer()
    used_percent = fields.String()
    usage = fields.String()
    entries = fields.List(fields.Nested(PlanEntrySchema))
