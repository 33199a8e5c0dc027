"""Input and output shapes of the 共管 routes."""
from app.comanage import areas, messages
from app.comanage.choices import MATTERS
from app.rules.api import engine
from app.schemas import BaseSchema, CommentBodyInSchema, DecimalString, fields, MAX_CENTS, validate
Text = lambda n, **kw: fields.String(validate=validate.Length(min=1, max=n), **kw)  # noqa: E731


class DecisionInSchema(BaseSchema):
    matter = fields.String(required=True, validate=validate.OneOf(MATTERS))
    title = fields.String(load_default=None, validate=validate.Length(min=1, max=100))
    closes_at = fields.AwareDateTime(required=True)
    candidates = fields.List(fields.String(validate=validate.Length(max=50)), load_default=None,
                             validate=validate.Length(max=30))
    seats = fields.Integer(load_default=None, validate=validate.Range(min=1, max=30))


class DecisionSchema(BaseSchema):
    id = fields.Integer()
    matter = fields.String(attribute="template_key")
    matter_label = fields.Function(lambda c: messages.MATTER_LABELS[c.template_key])
    title = fields.String()
    status = fields.Function(lambda c: c.status.value)
    rule = fields.String(attribute="rule_key")
    closes_at = fields.DateTime()


def _tally(tally):
    return engine.tally_view(tally)


class ChoiceOptionSchema(BaseSchema):
    key = fields.String()
    label = fields.String()
    votes = fields.Function(lambda o: _tally(o.votes))
    passed = fields.Boolean()
    chosen = fields.Boolean()
    tied = fields.Boolean()


class ChoiceSchema(BaseSchema):
    consultation_id = fields.Integer()
    matter = fields.String()
    question = fields.String()
    seats = fields.Integer()
    status = fields.String()
    rule = fields.Function(lambda r: r.rule.key)
    scope = fields.Function(lambda r: _tally(r.scope))
    participation = fields.Function(
        lambda r: engine.block(r.participants, r.scope, r.participation_passed))
    thresholds = fields.Function(lambda r: {"participation": engine.threshold_view(r.rule.participation),
                                            "approval": engine.threshold_view(r.rule.approval)})
    decision = fields.String()
    options = fields.List(fields.Nested(ChoiceOptionSchema))
    chosen = fields.List(fields.String())
    explanation = fields.String()


class RatingInSchema(BaseSchema):
    period = fields.String(required=True, validate=validate.Regexp(r"^\d{4}Q[1-4]$", error="格式如 2026Q4"))
    closes_at = fields.AwareDateTime(required=True)


def _fraction(value):
    return None if value is None else f"{value.numerator}/{value.denominator}"


class RatingItemSchema(BaseSchema):
    key = fields.String()
    title = fields.String()
    answers = fields.Integer()
    index = fields.Function(lambda i: _fraction(i["index"]))
    index_percent = fields.String(allow_none=True)


class RatingPointSchema(BaseSchema):
    id = fields.Integer()
    period = fields.String()
    consultation_id = fields.Integer()
    status = fields.String()
    index = fields.Function(lambda p: _fraction(p.index))
    index_percent = fields.String(allow_none=True)
    respondents = fields.Integer()
    items = fields.List(fields.Nested(RatingItemSchema))


class IncomeInSchema(BaseSchema):
    kind = fields.String(required=True, validate=validate.OneOf(["income", "spending"]))
    category = fields.String(required=True, validate=validate.OneOf(
        sorted(set(messages.INCOME_CATEGORIES) | set(messages.SPENDING_CATEGORIES))))
    amount_cents = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=MAX_CENTS))
    occurred_on = fields.Date(required=True)
    memo = Text(200, required=True)
    consultation_id = fields.Integer(load_default=None)


class IncomeEntrySchema(BaseSchema):
    id = fields.Integer()
    kind = fields.String()
    kind_label = fields.String()
    category = fields.String()
    category_label = fields.String()
    amount_cents = fields.Integer()
    occurred_on = fields.Date()
    memo = fields.String()
    balance_cents = fields.Integer()
    consultation_id = fields.Integer(allow_none=True)
    decision_title = fields.String(allow_none=True)


class IncomeLedgerSchema(BaseSchema):
    estate_id = fields.Integer()
    income_cents = fields.Integer()
    spending_cents = fields.Integer()
    balance_cents = fields.Integer()
    entries = fields.List(fields.Nested(IncomeEntrySchema))


class NoticeInSchema(BaseSchema):
    title = Text(100, required=True)
    body = Text(5000, required=True)
    kind = fields.String(load_default="notice", validate=validate.OneOf(["notice", "explainer"]))
    #: a building of the estate (None: the whole estate)
    building_id = fields.Integer(load_default=None)
    consultation_id = fields.Integer(load_default=None)


class AreaNoticeInSchema(BaseSchema):
    title = Text(100, required=True)
    body = Text(5000, required=True)


class NoticeSchema(BaseSchema):
    id = fields.Integer()
    kind = fields.String()
    kind_label = fields.String()
    scope = fields.Dict()
    estate_id = fields.Integer(allow_none=True)
    consultation_id = fields.Integer(allow_none=True)
    title = fields.String()
    body = fields.String()
    created_at = fields.DateTime()
    read = fields.Boolean()
    reads = fields.Integer()
    audience = fields.Integer()


# -- 片区 ----------------------------------------------------------------------------------------

class NeighbourhoodInSchema(BaseSchema):
    name = Text(100, required=True)
    estate_ids = fields.List(fields.Integer(), required=True, validate=validate.Length(min=2, max=50))


class EstateBriefSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class NeighbourhoodSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    district = fields.String()
    street = fields.String()
    estates = fields.Function(lambda n: EstateBriefSchema(many=True).dump(areas.estates_of(n.id)))


class SurveyInSchema(BaseSchema):
    template = fields.String(load_default="neighbourhood_needs", validate=validate.Length(max=48))
    title = fields.String(load_default=None, validate=validate.Length(min=1, max=100))
    closes_at = fields.AwareDateTime(required=True)


class SurveyResultsSchema(BaseSchema):
    id = fields.Integer()
    neighbourhood_id = fields.Integer()
    title = fields.String()
    template = fields.String()
    closes_at = fields.DateTime()
    status = fields.String()
    estates = fields.List(fields.Dict())
    flats = fields.Integer()
    residents = fields.Integer()
    ballots = fields.Integer()
    #: an owner-voted survey: heads and area over the whole 片区 (an owner of flats in two
    #: estates is one head); null for a residents' survey
    owners = fields.Dict(allow_none=True)
    questions = fields.List(fields.Dict())


class ResourceInSchema(BaseSchema):
    kind = fields.String(required=True, validate=validate.OneOf(list(messages.RESOURCE_KINDS)))
    name = Text(100, required=True)
    location = Text(200, required=True)
    area_m2 = DecimalString(required=True, validate=validate.Range(min=0, max=10**7))
    description = fields.String(load_default="", validate=validate.Length(max=2000))


class ProposalInSchema(BaseSchema):
    title = Text(100, required=True)
    description = fields.String(load_default="", validate=validate.Length(max=2000))


class ResourceCommentInSchema(CommentBodyInSchema):
    """A comment on a 片区's spare resource (its proposals)."""


class VoteInSchema(BaseSchema):
    proposal_id = fields.Integer(required=True)


class ResourceSchema(BaseSchema):
    id = fields.Integer()
    neighbourhood_id = fields.Integer()
    kind = fields.String()
    kind_label = fields.String()
    name = fields.String()
    location = fields.String()
    area_m2 = DecimalString()
    description = fields.String()
    proposals = fields.List(fields.Dict())
    votes = fields.Integer()
    comments = fields.List(fields.Dict())
    can_vote = fields.Boolean()


class CreatedSchema(BaseSchema):
    id = fields.Integer()
