"""Signed QR tokens: which place (stairwell or building) and which version of its code.

A token is `itsdangerous.URLSafeSerializer` output under a purpose salt, so it
cannot be forged or reused for another purpose. It never expires by time: a
printed poster lasts until the committee rotates the place's code.
"""
from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadData, URLSafeSerializer

SALT = "gongzhi.qr-place"
#: longer input is not a token of ours; refused before any decoding
MAX_TOKEN_LENGTH = 200
_LETTER_OF = {"stairwell": "s", "building": "b"}
_KIND_OF = {letter: kind for kind, letter in _LETTER_OF.items()}


@dataclass(frozen=True)
class TokenData:
    kind: str  # "stairwell" or "building"
    place_id: int
    version: int


def serializer(salt: str = SALT) -> URLSafeSerializer:
    """The signer of printed codes (QR_SECRET_KEY): places here, paper ballot sheets elsewhere,
    each under its own salt so a token of one purpose is worthless for another."""
    secret = current_app.config.get("QR_SECRET_KEY") or current_app.config["SECRET_KEY"]
    return URLSafeSerializer(secret, salt=salt)


_serializer = serializer


def sign(kind: str, place_id: int, version: int) -> str:
    # a compact list keeps the link, and so the printed code, small
    return _serializer().dumps([_LETTER_OF[kind], place_id, version])


def unsign(token: str) -> TokenData | None:
    """The place and version a token names, or None for anything forged, cut or malformed."""
    if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH:
        return None
    try:
        data = _serializer().loads(token)
    except BadData:
        return None
    if not isinstance(data, list) or len(data) != 3:
        return None
    letter, place_id, version = data
    if letter not in _KIND_OF or not all(type(n) is int and n > 0 for n in (place_id, version)):
        return None
    return TokenData(_KIND_OF[letter], place_id, version)
