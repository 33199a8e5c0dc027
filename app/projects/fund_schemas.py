"""Maintenance fund schemas: an entry with its scope, its preview, the sub-accounts."""
from marshmallow import ValidationError, validates_schema

from app.display import china_today
from app.projects import messages
from app.projects.fund import SCOPE_TYPES
from app.projects.models import FundEntryKind
from app.projects.schemas import MAX_CENTS
from app.schemas import BaseSchema, DecimalString, fields, validate


class FundScopeInSchema(BaseSchema):
    """Whose sub-accounts an entry goes to (列支范围); ids of buildings, stairwells or flats."""

    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in FundEntryKind]))
    amount_cents = fields.Integer(strict=True, required=True,
                                  validate=validate.Range(min=1, max=MAX_CENTS))
    consultation_id = fields.Integer(strict=True, load_default=None)
    scope_type = fields.String(load_default="estate", validate=validate.OneOf(SCOPE_TYPES))
    scope_ids = fields.List(fields.Integer(strict=True), load_default=list,
                            validate=validate.Length(max=5000))

    @validates_schema
    def _ids_for_scope(self, data, **kwargs):
        if data.get("scope_type", "estate") != "estate" and not data.get("scope_ids"):
            raise ValidationError(messages.FUND_SCOPE_IDS_REQUIRED, "scope_ids")


class FundEntryInSchema(FundScopeInSchema):
    occurred_on = fields.Date(load_default=china_today)
    memo = fields.String(required=True, validate=validate.Length(min=1, max=200))


class FundEntrySchema(BaseSchema):
    id = fields.Function(lambda row: row["entry"].id)
    kind = fields.Function(lambda row: row["entry"].kind.value)
    amount_cents = fields.Function(lambda row: row["entry"].amount_cents)
    occurred_on = fields.Function(lambda row: row["entry"].occurred_on.isoformat())
    memo = fields.Function(lambda row: row["entry"].memo)
    consultation_id = fields.Function(lambda row: row["entry"].consultation_id)
    scope_type = fields.Function(lambda row: row["entry"].scope_type)
    scope_ids = fields.Function(lambda row: row["entry"].scope_ids)
    scope_label = fields.String()
    balance_cents = fields.Integer()


class FundLedgerSchema(BaseSchema):
    balance_cents = fields.Integer()
    entries = fields.List(fields.Nested(FundEntrySchema))


class ShareRowSchema(BaseSchema):
    flat_id = fields.Integer()
    label = fields.String()
    area_m2 = DecimalString()
    share_cents = fields.Integer()
    balance_cents = fields.Integer()
    after_cents = fields.Integer()
    #: a use larger than this flat's balance: the entry would be refused
    short = fields.Boolean()


class DecisionCheckSchema(BaseSchema):
    needed = fields.Boolean()
    ok = fields.Boolean()
    problem = fields.String(allow_none=True)
    item = fields.Integer(allow_none=True)
    item_label = fields.String(allow_none=True)
    rule = fields.String(allow_none=True)


class FundPreviewSchema(BaseSchema):
    kind = fields.String()
    amount_cents = fields.Integer()
    scope_type = fields.String()
    flat_count = fields.Integer()
    area_m2 = DecimalString()
    short_count = fields.Integer()
    decision = fields.Nested(DecisionCheckSchema)
    #: the consequence in words, for the confirmation
    consequence = fields.String()
    flats = fields.List(fields.Nested(ShareRowSchema))


class AccountSchema(BaseSchema):
    flat_id = fields.Integer()
    label = fields.String()
    area_m2 = DecimalString()
    balance_cents = fields.Integer()


class PostingSchema(BaseSchema):
    kind = fields.String()
    occurred_on = fields.Date(allow_none=True)
    memo = fields.String()
    amount_cents = fields.Integer()
    balance_cents = fields.Integer()
    consultation_id = fields.Integer(allow_none=True)


class MyAccountSchema(AccountSchema):
    estate_id = fields.Integer()
    postings = fields.List(fields.Nested(PostingSchema))
