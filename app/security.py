"""Keyed hashes: how codes and ID numbers are kept without keeping them."""
import hashlib
import hmac
import secrets

from flask import current_app


def _key(purpose: str) -> bytes:
    secret = current_app.config.get("OWNER_KEY_SECRET") if purpose == "owner" else None
    secret = secret or current_app.config["SECRET_KEY"]
    return hashlib.sha256(f"{purpose}:{secret}".encode()).digest()


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 of value under a key derived for this purpose."""
    return hmac.new(_key(purpose), value.encode(), hashlib.sha256).hexdigest()


def same_hash(purpose: str, value: str, expected: str) -> bool:
    return hmac.compare_digest(keyed_hash(purpose, value), expected)


def numeric_code(digits: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(digits))
