from flask_smorest.fields import Upload

from app.privacy import mask_name
from app.projects import messages
from app.projects.phases import refusals
from app.projects.work import acceptance_of, progress_view
from app.projects.models import ComplaintStatus, FundingSource, Phase
from app.schemas import BaseSchema, fields, validate
from app.schemas import Cents as _Cents

Cents = lambda **kw: _Cents(minimum=0, **kw)  # noqa: E731


class ProjectInSchema(BaseSchema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=100))
    budget_cents = Cents(load_default=0)


class PhaseInSchema(BaseSchema):
    to = fields.String(required=True, validate=validate.OneOf([p.value for p in Phase]))
    #: entering 共评 opens the evaluation, which closes then
    evaluation_closes_at = fields.AwareDateTime(load_default=None)


class FundingInSchema(BaseSchema):
    budget_cents = Cents(load_default=None)
    shares = fields.Dict(keys=fields.String(validate=validate.OneOf([s.value for s in FundingSource])),
                         values=Cents(), required=True)


class ItemInSchema(BaseSchema):
    code = fields.String(required=True, validate=validate.Length(min=1, max=60))
    label = fields.String(required=True, validate=validate.Length(min=1, max=100))
    category = fields.String(required=True,
                             validate=validate.OneOf(["basic", "improvement", "enhancement"]))


class ItemsInSchema(BaseSchema):
    items = fields.List(fields.Nested(ItemInSchema), required=True, validate=validate.Length(max=200))


class PhaseChangeSchema(BaseSchema):
    phase = fields.Function(lambda change: change.phase.value)
    label = fields.Function(lambda change: messages.PHASE_LABELS[change.phase.value])
    began_at = fields.DateTime()


class ItemUpdateSchema(BaseSchema):
    status = fields.Function(lambda update: update.status.value)
    status_label = fields.Function(lambda update: messages.ITEM_STATUS_LABELS[update.status.value])
    progress_percent = fields.Integer()
    note = fields.String()
    created_at = fields.DateTime()


class ItemSchema(BaseSchema):
    id = fields.Integer()
    code = fields.String()
    label = fields.String()
    category = fields.String()
    estimated_cost_cents = fields.Integer()
    flat_contribution_cents = fields.Integer()
    status = fields.Function(lambda item: item.status.value)
    status_label = fields.Function(lambda item: messages.ITEM_STATUS_LABELS[item.status.value])
    progress_percent = fields.Integer()
    #: the item's timeline, oldest first
    timeline = fields.List(fields.Nested(ItemUpdateSchema), attribute="updates")


class ProgressSchema(BaseSchema):
    #: exact: Σ cost × progress / Σ cost, as "a/b"
    fraction = fields.String()
    percent = fields.String()
    weights = fields.String()


class SignatureSchema(BaseSchema):
    flat_id = fields.Integer()
    name_masked = fields.Function(lambda sig: mask_name(sig.name))
    signed_on = fields.Date()


class AcceptanceSchema(BaseSchema):
    id = fields.Integer()
    held_on = fields.Date()
    units = fields.String()
    conclusion = fields.String()
    signatures = fields.List(fields.Nested(SignatureSchema))
    created_at = fields.DateTime()


class FundingShareSchema(BaseSchema):
    source = fields.Function(lambda share: share.source.value)
    label = fields.Function(lambda share: messages.SOURCE_LABELS[share.source.value])
    amount_cents = fields.Integer()


class ProjectSchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer()
    title = fields.String()
    phase = fields.Function(lambda project: project.phase.value)
    phase_label = fields.Function(lambda project: messages.PHASE_LABELS[project.phase.value])
    budget_cents = fields.Integer()
    #: budget minus what the sources pay; null while no source is recorded (nothing known yet)
    unfunded_cents = fields.Function(
        lambda project: project.budget_cents - sum(s.amount_cents for s in project.funding)
        if project.funding else None, allow_none=True)
    content_vote_id = fields.Integer(allow_none=True)
    timeline = fields.List(fields.Nested(PhaseChangeSchema), attribute="phases")
    items = fields.List(fields.Nested(ItemSchema))
    funding = fields.List(fields.Nested(FundingShareSchema))
    created_at = fields.DateTime()
    #: the items' progress weighted by estimated cost
    progress = fields.Function(lambda project: progress_view(project), metadata={"type": "object"})
    evaluation_id = fields.Integer(allow_none=True)
    shared_at = fields.DateTime(allow_none=True)
    #: what entering the next phase still lacks, in words (empty: it may go ahead)
    next_phase_missing = fields.Function(lambda project: refusals(project),
                                         metadata={"type": "array", "items": {"type": "string"}})
    acceptance = fields.Function(
        lambda project: (lambda a: AcceptanceSchema().dump(a) if a else None)(acceptance_of(project)),
        allow_none=True, metadata={"type": "object"})


class ProgressInSchema(BaseSchema):
    body = fields.String(required=True, validate=validate.Length(min=1, max=5000))
    author_role = fields.String(load_default="committee",
                                validate=validate.OneOf(["committee", "designer", "contractor"]))


class PhotosInSchema(BaseSchema):
    photos = fields.List(Upload(), load_default=list)


class PhotoSchema(BaseSchema):
    url = fields.Function(lambda photo: f"/api/v1/media/{photo.storage_key}")
    width = fields.Integer()
    height = fields.Integer()


class ProgressPostSchema(BaseSchema):
    id = fields.Integer()
    project_id = fields.Integer()
    author_role = fields.String()
    body = fields.String()
    photos = fields.List(fields.Nested(PhotoSchema))
    created_at = fields.DateTime()


class SupervisionInSchema(BaseSchema):
    body = fields.String(required=True, validate=validate.Length(min=1, max=5000))


class SupervisionSchema(BaseSchema):
    id = fields.Integer()
    project_id = fields.Integer()
    body = fields.String()
    created_at = fields.DateTime()
    answer = fields.String(allow_none=True, metadata={"description": "the committee's answer"})
    answered_at = fields.DateTime(allow_none=True)


class SupervisionAnswerInSchema(BaseSchema):
    answer = fields.String(required=True, validate=validate.Length(min=1, max=5000))


class ComplaintInSchema(BaseSchema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=100))
    body = fields.String(required=True, validate=validate.Length(min=1, max=5000))
    anonymous = fields.Boolean(load_default=False)
    project_id = fields.Integer(strict=True, load_default=None)


class ComplaintStatusInSchema(BaseSchema):
    to = fields.String(required=True, validate=validate.OneOf(
        [ComplaintStatus.handling.value, ComplaintStatus.answered.value, ComplaintStatus.closed.value]))
    answer = fields.String(load_default=None, validate=validate.Length(min=1, max=5000))


class ComplaintSchema(BaseSchema):
    """The public view: an anonymous complainant shows as 匿名居民, others masked."""

    id = fields.Integer()
    estate_id = fields.Integer()
    project_id = fields.Integer(allow_none=True)
    title = fields.String()
    body = fields.String()
    complainant = fields.Function(
        lambda c: messages.ANONYMOUS if c.anonymous or not c.complainant_name else mask_name(c.complainant_name))
    anonymous = fields.Boolean()
    status = fields.Function(lambda c: c.status.value)
    status_label = fields.Function(lambda c: messages.COMPLAINT_STATUS_LABELS[c.status.value])
    answer = fields.String(allow_none=True)
    created_at = fields.DateTime()
    due_at = fields.DateTime()
    overdue = fields.Boolean()
    #: only the committee (and the complainant) see who complained; None for everyone else
    complainant_id = fields.Integer(attribute="visible_complainant_id", allow_none=True)
    complainant_phone = fields.String(attribute="visible_complainant_phone", allow_none=True)


class EvaluationInSchema(BaseSchema):
    closes_at = fields.AwareDateTime(required=True)


class EvaluationCreatedSchema(BaseSchema):
    consultation_id = fields.Integer(attribute="id")
    title = fields.String()
    status = fields.Function(lambda c: c.status.value)


class ScoreSchema(BaseSchema):
    key = fields.String()
    title = fields.String()
    average = fields.Decimal(as_string=True)


class EvaluationSummarySchema(BaseSchema):
    evaluation_id = fields.Integer()
    overall_average = fields.Decimal(as_string=True, allow_none=True)
    satisfaction_index = fields.Decimal(as_string=True, allow_none=True)
    questions = fields.List(fields.Nested(ScoreSchema))


class FollowUpSchema(BaseSchema):
    id = fields.Integer()
    evaluation_id = fields.Integer()
    question_key = fields.String()
    title = fields.String()
    average_score = fields.String()
    status = fields.String()
