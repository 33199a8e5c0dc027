from app.plans import messages
from app.plans.models import ReviewDecision
from app.schemas import BaseSchema, CommentBodyInSchema, fields, validate


class SectionInSchema(BaseSchema):
    key = fields.String(load_default=None, validate=validate.Regexp(r"^[A-Za-z0-9_-]{1,40}$"))
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    body = fields.String(required=True, validate=validate.Length(min=1, max=20000))


class VersionInSchema(BaseSchema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    sections = fields.List(fields.Nested(SectionInSchema), required=True,
                           validate=validate.Length(min=1, max=50))
    item_codes = fields.List(fields.String(validate=validate.Length(min=1, max=64)),
                             load_default=list, validate=validate.Length(max=100))


class CommentInSchema(CommentBodyInSchema):
    """A comment on a quoted passage of a section, or on the whole section (no quote)."""

    quote = fields.String(load_default="", validate=validate.Length(max=500), metadata={
        "description": "a passage of the section's text; empty or absent: the whole section"})


class AnswerInSchema(BaseSchema):
    answer = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class CommentSchema(BaseSchema):
    id = fields.Integer()
    section_id = fields.Integer()
    quote = fields.String()
    body = fields.String()
    created_at = fields.DateTime()
    answer = fields.String(allow_none=True)
    answered_at = fields.DateTime(allow_none=True)


class SectionSchema(BaseSchema):
    id = fields.Integer()
    key = fields.String()
    title = fields.String()
    body = fields.String()
    comments = fields.List(fields.Nested(CommentSchema))


class PublicitySchema(BaseSchema):
    state = fields.String()
    text = fields.String()
    started_at = fields.DateTime(allow_none=True)
    ends_at = fields.DateTime(allow_none=True)
    days = fields.Integer(allow_none=True)


class PlanItemSchema(BaseSchema):
    code = fields.String()
    label = fields.String()
    category = fields.String()
    alters_facade = fields.Boolean()
    warning = fields.String(allow_none=True)


class ChangeSchema(BaseSchema):
    key = fields.String()
    title = fields.String()
    change = fields.String()
    change_label = fields.String()
    before = fields.String(allow_none=True)
    after = fields.String(allow_none=True)


class VersionSchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer()
    number = fields.Integer()
    title = fields.String()
    created_at = fields.DateTime()
    publicity = fields.Nested(PublicitySchema)
    items = fields.List(fields.Nested(PlanItemSchema))
    sections = fields.List(fields.Nested(SectionSchema))
    changes = fields.List(fields.Nested(ChangeSchema))


class HeritageInSchema(BaseSchema):
    heritage = fields.String(required=True, allow_none=True,
                             validate=validate.OneOf([*messages.HERITAGE_LABELS, ""]))


class BuildingHeritageSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    heritage = fields.String(allow_none=True)
    heritage_label = fields.String()


class ReviewInSchema(BaseSchema):
    item_code = fields.String(required=True, validate=validate.Length(min=1, max=64))
    decision = fields.String(required=True, validate=validate.OneOf([d.value for d in ReviewDecision]))
    note = fields.String(required=True, validate=validate.Length(min=1, max=1000))


class ReviewSchema(BaseSchema):
    decision = fields.String()
    label = fields.String()
    note = fields.String()


class HeritageItemSchema(BaseSchema):
    code = fields.String()
    label = fields.String()
    review = fields.Nested(ReviewSchema, allow_none=True)


class HeritageSchema(BaseSchema):
    buildings = fields.List(fields.Nested(BuildingHeritageSchema))
    items = fields.List(fields.Nested(HeritageItemSchema))
    pending = fields.List(fields.String())
