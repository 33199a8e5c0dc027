"""Signed QR tokens, without a database."""
import pytest
from flask import Flask
from hypothesis import given, settings
from hypothesis import strategies as st
from itsdangerous import URLSafeSerializer

from app.qr.api import tokens
from app.qr.api import TokenData


@pytest.fixture(scope="module")
def ctx():
    app = Flask(__name__)
    app.config.update(SECRET_KEY="token-test-secret-0123456789abcdef", QR_SECRET_KEY=None)
    with app.app_context():
        yield app


def test_a_token_names_the_place_and_version(ctx):
    token = tokens.sign("stairwell", 12, 3)
    assert tokens.unsign(token) == TokenData("stairwell", 12, 3)
    assert tokens.unsign(tokens.sign("building", 7, 1)) == TokenData("building", 7, 1)


def test_a_token_is_short_enough_for_a_small_code(ctx):
    assert len(tokens.sign("stairwell", 123456, 99)) < 60


def test_every_truncation_is_refused(ctx):
    token = tokens.sign("stairwell", 12, 1)
    for end in range(len(token)):
        assert tokens.unsign(token[:end]) is None


def test_changed_characters_are_refused(ctx):
    token = tokens.sign("stairwell", 12, 1)
    for index in range(len(token)):
        changed = token[:index] + ("A" if token[index] != "A" else "B") + token[index + 1:]
        assert tokens.unsign(changed) is None


def test_forged_payloads_are_refused(ctx):
    secret = ctx.config["SECRET_KEY"]
    other_purpose = URLSafeSerializer(secret, salt="another-purpose").dumps(["s", 12, 1])
    other_secret = URLSafeSerializer("not-our-secret", salt=tokens.SALT).dumps(["s", 12, 1])
    assert tokens.unsign(other_purpose) is None
    assert tokens.unsign(other_secret) is None


@pytest.mark.parametrize("payload", [
    ["x", 12, 1], ["s", "12", 1], ["s", 12, 0], ["s", -1, 1], ["s", 12], ["s", 12, 1, 2],
    {"s": 12}, "s12", ["s", True, 1], ["s", 1.5, 1], None,
])
def test_well_signed_but_malformed_payloads_are_refused(ctx, payload):
    token = URLSafeSerializer(ctx.config["SECRET_KEY"], salt=tokens.SALT).dumps(payload)
    assert tokens.unsign(token) is None


def test_qr_secret_key_signs_apart_from_the_session_secret(ctx):
    token = tokens.sign("stairwell", 12, 1)
    ctx.config["QR_SECRET_KEY"] = "a-separate-qr-secret-0123456789"
    try:
        assert tokens.unsign(token) is None
        assert tokens.unsign(tokens.sign("stairwell", 12, 1)) == TokenData("stairwell", 12, 1)
    finally:
        ctx.config["QR_SECRET_KEY"] = None


def test_overlong_input_is_refused_before_decoding(ctx):
    assert tokens.unsign("a" * (tokens.MAX_TOKEN_LENGTH + 1)) is None
    assert tokens.unsign("") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_text_is_refused_without_raising(ctx, text):
    assert tokens.unsign(text) is None
