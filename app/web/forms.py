"""Plain HTML form posts of the pages: the CSRF check, field validation, answers.

Most pages change things by calling the JSON API from a script (the API checks the
`X-CSRF-Token` header). A few forms post to the page itself so that they work
without JavaScript too (a ballot, an assisted ballot); those carry the same
session token in a hidden `csrf_token` field, checked here before anything else.
"""
import hmac

from flask import request, session
from marshmallow import EXCLUDE, ValidationError

from app.consultations.api import visible
from app.consultations.api import type_of
from app.errors import Forbidden, InvalidInput
from app.schemas import BaseSchema, fields, phone_length, validate
from app.web import messages

CSRF_FIELD = "csrf_token"


def check_csrf() -> None:
    """Refuse a form post without this session's token (403 csrf_failed)."""
    sent = request.form.get(CSRF_FIELD, "")
    expected = session.get("csrf", "")
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        raise Forbidden(messages.CSRF_FAILED, code="csrf_failed")


def load_form(schema: BaseSchema) -> dict:
    """The CSRF check, then the form's own fields through a marshmallow schema (422)."""
    check_csrf()
    given = {key: value for key, value in request.form.items(multi=False) if value != ""}
    try:
        return schema.load(given)
    except ValidationError as error:
        raise InvalidInput(fields=error.messages) from None


class PageForm(BaseSchema):
    class Meta:
        unknown = EXCLUDE  # the answers (q.*) are read by answers_from_form

    csrf_token = fields.String(required=True)


class BallotForm(PageForm):
    flat_id = fields.Integer(load_default=None)


class AssistedBallotForm(PageForm):
    flat_id = fields.Integer(required=True)
    channel = fields.String(required=True, validate=validate.OneOf(["paper", "proxy", "assisted"]))
    evidence = fields.String(required=True, validate=validate.Length(min=2, max=500))
    witness_phone = fields.String(load_default=None, validate=phone_length)


def field_name(question: dict, item: str | None = None) -> str:
    """The form field of a question (`q.install`), or of one item of an items question."""
    return f"q.{question['key']}" + (f".{item}" if item else "")


def answers_from_form(questions: list[dict], form) -> dict:
    """The answers as the API takes them, read from the form's `q.*` fields.

    Only the questions asked are read (a conditional question whose condition does
    not hold is left out, as the page hides it); an unanswered question is left out
    and the service says whether it was required.
    """
    answers = {}
    for question in questions:
        if not visible(question, answers):
            continue
        value = type_of(question).read_form(question, form, field_name(question))
        if value is not None:
            answers[question["key"]] = value
    return answers
