from app.reach.figures import COLUMNS
from app.reach.messages import KIND_LABELS
from app.schemas import BaseSchema, fields, validate


class NoticeRequest(BaseSchema):
    audience = fields.String(required=True, validate=validate.OneOf(["all", "not_voted"]))
    channels = fields.List(fields.String(validate=validate.OneOf(["sms", "app"])), required=True,
                           validate=validate.Length(max=2))
    preview = fields.Boolean(load_default=False)
    #: which notice: vote_opened (default), closing_soon, results, meeting, objection
    kind = fields.String(load_default="vote_opened", validate=validate.OneOf(list(KIND_LABELS)))
    #: a meeting's time and place, as the SMS shows them ("12月20日 19:00", "居委会会议室")
    time = fields.String(load_default=None, validate=validate.Length(max=20))
    place = fields.String(load_default=None, validate=validate.Length(max=20))
    #: the last day objections are taken ("12月30日")
    until = fields.String(load_default=None, validate=validate.Length(max=20))


class ByChannelSchema(BaseSchema):
    sms = fields.Integer()
    app = fields.Integer()


class UnreachableSchema(BaseSchema):
    flat_id = fields.Integer()
    flat = fields.String()
    reason = fields.String()


class NoticeResultSchema(BaseSchema):
    recipients = fields.Integer()
    by_channel = fields.Nested(ByChannelSchema)
    unreachable = fields.List(fields.Nested(UnreachableSchema))
    estimated_cost_cents = fields.Integer()
    notice_id = fields.Integer()


class ReachNoticeSchema(BaseSchema):
    id = fields.Integer()
    kind = fields.String()
    audience = fields.String()
    channels = fields.String()
    sms_count = fields.Integer()
    app_count = fields.Integer()
    unreachable_count = fields.Integer()
    cost_cents = fields.Integer()
    created_at = fields.DateTime()


ReachRowSchema = BaseSchema.from_dict({column: fields.Integer() for column in COLUMNS}, name="ReachRow")


class StairwellReachSchema(ReachRowSchema):
    stairwell_id = fields.Integer()
    name = fields.String()


class TotalReachSchema(ReachRowSchema):
    #: owners in scope, each counted once however many flats they own
    people = fields.Integer()


class ReachSchema(BaseSchema):
    consultation_id = fields.Integer()
    stairwells = fields.List(fields.Nested(StairwellReachSchema))
    total = fields.Nested(TotalReachSchema)


class LinkOpenedSchema(BaseSchema):
    consultation_id = fields.Integer()
    path = fields.String()
    signed_in = fields.Boolean()
    phone_masked = fields.String()


class LinkCodeSentSchema(BaseSchema):
    expires_in = fields.Integer()


class LinkLoginSchema(BaseSchema):
    code = fields.String(required=True, validate=validate.Length(min=4, max=8))


class LinkSignedInSchema(BaseSchema):
    path = fields.String()
    csrf_token = fields.String()


class OptOutSchema(BaseSchema):
    phone = fields.String(required=True, validate=validate.Length(max=20))


class MySmsSettingSchema(BaseSchema):
    #: True: no notice SMS to my phone (login codes still come)
    opted_out = fields.Boolean(required=True)


class ReplySchema(BaseSchema):
    phone = fields.String(required=True, validate=validate.Length(max=20))
    text = fields.String(required=True, validate=validate.Length(max=200))


class ReplyResultSchema(BaseSchema):
    opted_out = fields.Boolean()


class BudgetSchema(BaseSchema):
    monthly_cents = fields.Integer(required=True, strict=True, validate=validate.Range(min=0, max=10_000_000))
    left_cents = fields.Integer(dump_only=True)
