"""Consultation schemas: what the routes take and give."""
from marshmallow import pre_dump

from app.consultations.access import ledger_date
from app.estates.api import ScopeInSchema
from app.rules.api import item_label
from app.schemas import BaseSchema, fields, phone_length, validate


class TemplateOutSchema(BaseSchema):
    key = fields.String()
    kind = fields.String()
    title = fields.String()
    version = fields.Integer()
    voters = fields.String()
    default_rule = fields.String()
    civil_code_item = fields.Integer(allow_none=True)
    civil_code_item_label = fields.Function(lambda t: item_label(t.civil_code_item))
    default_scope = fields.String()
    description = fields.String()


class RuleOutSchema(BaseSchema):
    key = fields.String()
    title = fields.String()
    participation = fields.Dict(allow_none=True)
    approval = fields.Dict(allow_none=True)


class ConsultationInSchema(BaseSchema):
    template = fields.String(required=True, validate=validate.Length(min=1, max=48))
    title = fields.String(load_default=None, validate=validate.Length(min=1, max=100))
    scope = fields.Nested(ScopeInSchema, load_default=lambda: {"type": "estate", "id": None,
                                                               "flat_ids": None})
    rule = fields.String(load_default=None, validate=validate.Length(min=1, max=64))
    opens_at = fields.AwareDateTime(load_default=None)
    closes_at = fields.AwareDateTime(required=True)
    hide_results_until_closed = fields.Boolean(load_default=False)


class OptionOutSchema(BaseSchema):
    key = fields.String()
    label = fields.String()


class ItemOutSchema(BaseSchema):
    code = fields.String()
    label = fields.String()
    category = fields.String(allow_none=True)
    category_label = fields.String(allow_none=True)
    #: 量力而行: the catalogue's estimate, and what each flat contributes (None: no estimate)
    estimated_cost_cents = fields.Integer(allow_none=True)
    flat_contribution_cents = fields.Integer(allow_none=True)


class QuestionOutSchema(BaseSchema):
    key = fields.String()
    type = fields.String()
    title = fields.String()
    help = fields.String(allow_none=True)
    required = fields.Boolean()
    decides = fields.Boolean()
    options = fields.List(fields.Nested(OptionOutSchema))
    items = fields.List(fields.Nested(ItemOutSchema))
    min_choices = fields.Integer()
    max_choices = fields.Integer()
    max_length = fields.Integer()
    low_label = fields.String(allow_none=True)
    high_label = fields.String(allow_none=True)
    when = fields.Dict(allow_none=True)


class MyBallotSchema(BaseSchema):
    flat_id = fields.Integer(allow_none=True)
    room = fields.String(allow_none=True)
    receipt = fields.String()
    version = fields.Integer()
    channel = fields.String()
    cast_as = fields.String()
    mine = fields.Boolean()
    #: entered by the committee (paper, written proxy, assisted)
    entered = fields.Boolean()
    #: who cast it, how and when, as the owner reads it
    cast_by = fields.String()
    answers = fields.Dict()
    updated_at = fields.DateTime()


class ConsultationOutSchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer()
    kind = fields.String()
    template = fields.String(attribute="template_key")
    template_version = fields.Integer()
    title = fields.String()
    description = fields.String()
    status = fields.Function(lambda c: c.status.value)
    rule = fields.String(attribute="rule_key")
    civil_code_item = fields.Integer(allow_none=True)
    civil_code_item_label = fields.Function(lambda c: item_label(c.civil_code_item))
    voters = fields.String()
    scope = fields.Function(lambda c: {"type": c.scope_type, "id": c.scope_id})
    opens_at = fields.DateTime(allow_none=True)
    closes_at = fields.DateTime()
    hide_results_until_closed = fields.Boolean()
    created_at = fields.DateTime()
    #: a content vote's budget cap (量力而行); None: no cap
    budget_cap_cents = fields.Integer(allow_none=True)
    #: when the electorate was taken from the ledger (None while a draft)
    electorate_at = fields.DateTime(allow_none=True)
    #: "按 2026年12月06日 的台账计票" (None while a draft)
    counts_on_ledger = fields.Function(lambda c: ledger_date(c), allow_none=True)


class ConsultationDetailSchema(ConsultationOutSchema):
    questions = fields.List(fields.Nested(QuestionOutSchema))
    my_ballots = fields.List(fields.Nested(MyBallotSchema))
    voting_flats = fields.List(fields.Integer())


class ListQuery(BaseSchema):
    status = fields.String(load_default=None,
                           validate=validate.OneOf(["draft", "open", "closed", "published"]))


class BallotInSchema(BaseSchema):
    flat_id = fields.Integer(load_default=None, strict=True)
    answers = fields.Dict(keys=fields.String(), required=True)


class AssistedBallotInSchema(BaseSchema):
    flat_id = fields.Integer(required=True, strict=True)
    answers = fields.Dict(keys=fields.String(), required=True)
    channel = fields.String(required=True, validate=validate.OneOf(["paper", "proxy", "assisted"]))
    evidence = fields.String(required=True, validate=validate.Length(min=2, max=500))
    witness_phone = fields.String(load_default=None, validate=phone_length)


class ReceiptOutSchema(BaseSchema):
    receipt = fields.String()
    updated_at = fields.DateTime()
    version = fields.Integer()
    flat_id = fields.Integer(allow_none=True)
    channel = fields.Function(lambda b: b.channel.value)


class ResultsSchema(BaseSchema):
    """The results shape of API.md (documented loosely: its blocks are plain dicts), dumped
    from the typed `Outcome` (`Outcome.as_dict` is that shape)."""

    @pre_dump
    def _from_outcome(self, outcome, **kwargs):
        return outcome.as_dict()

    consultation_id = fields.Integer()
    rule = fields.String()
    rule_title = fields.String()
    status = fields.String()
    voters = fields.String()
    hidden = fields.Boolean()
    scope = fields.Dict()
    participation = fields.Dict()
    channels = fields.Dict()
    questions = fields.List(fields.Dict())
    decision = fields.String(allow_none=True)
    missing = fields.Dict()
    thresholds = fields.Dict()
    explanation = fields.String()
    #: content votes, once final: the approved items in order of approval within the cap
    within_means = fields.Dict(allow_none=True)


class PublicReceiptSchema(BaseSchema):
    receipt = fields.String()
    room_masked = fields.String(allow_none=True)
    channel = fields.String()
    #: false for a receipt whose ballot was replaced by a later one of the same flat
    current = fields.Boolean()
    #: why a receipt is not current, in words ("这张回执已被后来的投票替换")
    note = fields.String(allow_none=True)


class ProxyInSchema(BaseSchema):
    phone = fields.String(required=True, validate=phone_length)


def _masked_phone(user_id: int) -> str | None:
    from app.auth.api import User
    from app.extensions import db
    from app.privacy import mask_phone

    user = db.session.get(User, user_id)
    return mask_phone(user.phone) if user else None


class ProxyOutSchema(BaseSchema):
    id = fields.Integer()
    flat_id = fields.Integer()
    owner_user_id = fields.Integer()
    proxy_user_id = fields.Integer()
    created_at = fields.DateTime()
    revoked_at = fields.DateTime(allow_none=True)
    active = fields.Function(lambda p: p.revoked_at is None)
    #: the relative's phone, masked, so the owner knows whom they authorised
    proxy_phone_masked = fields.Function(lambda p: _masked_phone(p.proxy_user_id))


class BudgetCapInSchema(BaseSchema):
    budget_cap_cents = fields.Integer(strict=True, required=True, allow_none=True,
                                      validate=validate.Range(min=1, max=10**13))

