"""Input and output shapes of cases (一事一议)."""
from flask_smorest.fields import Upload

from app.cases import messages
from app.cases.models import CaseStatus, PartyRole
from app.schemas import BaseSchema, Stripped, ValidationError, fields, validate

TEXT = validate.Length(min=1, max=5000)
REASON = validate.Length(min=1, max=200)


def _unique(values):
    if len(set(values)) != len(values):
        raise ValidationError(messages.FLATS_REPEATED)


# --- input -------------------------------------------------------------------------------

class CasePartyInSchema(BaseSchema):
    role = fields.String(required=True, validate=validate.OneOf([r.value for r in PartyRole]))
    flat_id = fields.Integer(strict=True, load_default=None)
    label = Stripped(load_default=None, validate=validate.Length(min=1, max=100))


class CaseInSchema(BaseSchema):
    title = Stripped(required=True, validate=validate.Length(min=1, max=100))
    description = Stripped(required=True, validate=TEXT)
    affected_flat_ids = fields.List(fields.Integer(strict=True), required=True,
                                    validate=[validate.Length(min=1, max=1000), _unique])
    parties = fields.List(fields.Nested(CasePartyInSchema), load_default=list,
                          validate=validate.Length(max=50))


class CaseListQuery(BaseSchema):
    status = fields.String(load_default=None, validate=validate.OneOf([s.value for s in CaseStatus]))


class CasePostInSchema(BaseSchema):
    body = Stripped(required=True, validate=TEXT)
    parent_id = fields.Integer(strict=True, load_default=None)


class CasePostEditSchema(BaseSchema):
    body = Stripped(required=True, validate=TEXT)


class CaseReasonSchema(BaseSchema):
    reason = Stripped(required=True, validate=REASON)


class CaseOptionalReasonSchema(BaseSchema):
    reason = Stripped(load_default=messages.NO_REASON_GIVEN, validate=REASON)


class CaseMeetingInSchema(BaseSchema):
    held_at = fields.AwareDateTime(required=True)
    place = Stripped(required=True, validate=validate.Length(min=1, max=100))
    minutes = Stripped(required=True, validate=validate.Length(min=1, max=20000))
    attendees = fields.List(Stripped(validate=validate.Length(min=1, max=100)), load_default=list,
                            validate=validate.Length(max=200))
    agreement = Stripped(load_default=None, validate=validate.Length(min=1, max=20000))


class CaseMeetingScheduleInSchema(BaseSchema):
    held_at = fields.AwareDateTime(required=True)
    place = Stripped(required=True, validate=validate.Length(min=1, max=100))
    agenda = Stripped(required=True, validate=validate.Length(min=1, max=2000))


class CaseMinutesInSchema(BaseSchema):
    minutes = Stripped(required=True, validate=validate.Length(min=1, max=20000))
    attendees = fields.List(Stripped(validate=validate.Length(min=1, max=100)), load_default=list,
                            validate=validate.Length(max=200))
    agreement = Stripped(load_default=None, validate=validate.Length(min=1, max=20000))
    held_at = fields.AwareDateTime(load_default=None,
                                   metadata={"description": "when it really took place, if not as planned"})


class CaseResolutionInSchema(BaseSchema):
    template = fields.String(load_default="dispute_resolution", validate=validate.Length(min=1, max=60))
    closes_at = fields.AwareDateTime(required=True)
    rule = fields.String(load_default=None, validate=validate.Length(min=1, max=60))
    title = Stripped(load_default=None, validate=validate.Length(min=1, max=100))  # a consultation's
    proposal = Stripped(load_default=None, validate=validate.Length(min=1, max=5000), metadata={
        "description": "the solution the owners vote on; defaults to the last meeting's agreement"})


class CaseCloseInSchema(BaseSchema):
    outcome = Stripped(required=True, validate=validate.Length(min=1, max=20000))


# --- output ------------------------------------------------------------------------------

class PostAuthorSchema(BaseSchema):
    id = fields.Integer()
    name_masked = fields.String()
    role = fields.String(metadata={"description": "committee, moderator or resident"})


class CasePostSchema(BaseSchema):
    """`body` is the raw text: clients escape it (it is never HTML). None when hidden for this reader."""

    id = fields.Integer()
    case_id = fields.Integer()
    parent_id = fields.Integer(allow_none=True)
    author = fields.Nested(PostAuthorSchema)
    body = fields.String(allow_none=True)
    created_at = fields.DateTime()
    edited_at = fields.DateTime(allow_none=True)
    hidden = fields.Boolean()
    hidden_reason = fields.String(allow_none=True)
    hidden_at = fields.DateTime(allow_none=True)
    hidden_by = fields.String(allow_none=True, metadata={"description": "moderator or reports"})


class PostRevisionSchema(BaseSchema):
    id = fields.Integer()
    body = fields.String()
    written_at = fields.DateTime()
    replaced_at = fields.DateTime()


class PostReportSchema(BaseSchema):
    id = fields.Integer()
    post_id = fields.Integer()
    case_id = fields.Integer()
    reason = fields.String()
    created_at = fields.DateTime()


class PostReportModeratorSchema(PostReportSchema):
    reporter_id = fields.Integer()


class CaseModerationSchema(BaseSchema):
    id = fields.Integer()
    case_id = fields.Integer()
    post_id = fields.Integer(allow_none=True)
    kind = fields.Function(lambda action: action.kind.value)
    actor_id = fields.Integer(allow_none=True, metadata={"description": "None for the system"})
    reason = fields.String()
    created_at = fields.DateTime()


class CaseMeetingSchema(BaseSchema):
    id = fields.Integer()
    case_id = fields.Integer()
    held_at = fields.DateTime()
    place = fields.String()
    agenda = fields.String(allow_none=True)
    held = fields.Boolean(metadata={"description": "false while only scheduled (no minutes yet)"})
    attendees = fields.List(fields.String())
    minutes = fields.String(allow_none=True)
    agreement = fields.String(allow_none=True)
    recorded_by_id = fields.Integer(allow_none=True)
    scheduled_by_id = fields.Integer(allow_none=True)
    created_at = fields.DateTime()


class CaseOriginSchema(BaseSchema):
    type = fields.String()
    id = fields.Integer(allow_none=True)


class CaseSummarySchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer()
    title = fields.String()
    status = fields.String(metadata={"description": "open, mediation, resolution_vote or closed"})
    locked = fields.Boolean()
    affected_flat_count = fields.Integer()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    origin = fields.Nested(CaseOriginSchema, allow_none=True)


class CaseFlatSchema(BaseSchema):
    flat_id = fields.Integer()
    building = fields.String()
    stairwell = fields.String()
    room = fields.String(metadata={"description": "masked for residents, in full for the committee"})


class CasePartySchema(BaseSchema):
    id = fields.Integer()
    role = fields.String()
    label = fields.String(allow_none=True)
    flat_id = fields.Integer(allow_none=True)
    name_masked = fields.String(allow_none=True)


class CasePersonSchema(BaseSchema):
    id = fields.Integer()
    name_masked = fields.String()


class CaseResolutionSchema(BaseSchema):
    consultation_id = fields.Integer()
    status = fields.String(metadata={"description": "the consultation's: open, closed or published"})
    rule = fields.String()
    title = fields.String()
    closes_at = fields.DateTime()
    proposal = fields.String(metadata={"description": "what the owners vote on"})


class CaseOutcomeSchema(BaseSchema):
    text = fields.String(metadata={"description": "the committee's words"})
    published = fields.String(metadata={"description": "the outcome with the vote's result"})
    published_at = fields.DateTime()
    resolution = fields.Dict(allow_none=True, metadata={"description": "the vote's results at closing"})


class CaseSchema(CaseSummarySchema):
    description = fields.String()
    affected_flats = fields.List(fields.Nested(CaseFlatSchema))
    parties = fields.List(fields.Nested(CasePartySchema))
    created_by = fields.Nested(CasePersonSchema, allow_none=True)
    meetings = fields.List(fields.Nested(CaseMeetingSchema))
    resolution = fields.Nested(CaseResolutionSchema, allow_none=True)
    outcome = fields.Nested(CaseOutcomeSchema, allow_none=True)
    post_count = fields.Integer()


class SignInFormSchema(BaseSchema):
    """The flats that signed the printed sign-in sheet (multipart form, one flat_ids per flat)."""
    flat_ids = fields.List(fields.Integer(), required=True)


class SignInFileSchema(BaseSchema):
    photo = Upload(required=True, metadata={"description": "a photo of the signed sign-in sheet"})


class AttendanceSchema(BaseSchema):
    meeting_id = fields.Integer()
    total = fields.Integer()
    paper = fields.Integer(metadata={"description": "flats signed in on the paper sheet"})
    online = fields.Integer(metadata={"description": "flats signed in online (none: no online sign-in)"})
    summary = fields.String()
    flats = fields.List(fields.String(), metadata={"description": "the flats present, rooms masked"})
