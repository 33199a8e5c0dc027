"""SMS backends behind one interface: `send(phone, text, code=None)`."""
import logging

import requests
from flask import current_app

from app.auth import messages
from app.errors import Unavailable
from app.extensions import db

log = logging.getLogger(__name__)


class SmsBackend:
    def send(self, phone: str, text: str, code: str | None = None) -> None:
        raise NotImplementedError


class ConsoleSms(SmsBackend):
    """For local runs and tests: prints the message and keeps it in the outbox table."""

    def send(self, phone, text, code=None):
        from app.auth.models import SmsOutboxMessage

        print(f"[短信] {phone}: {text}", flush=True)
        db.session.add(SmsOutboxMessage(phone=phone, code=code, body=text))


class HttpSms(SmsBackend):
    """A provider or gateway that takes `POST {phone, text}` with a bearer token.

    Most Chinese SMS aggregators offer such an endpoint; a provider with its own
    signature scheme gets its own class behind the same interface.
    """

    def __init__(self, url: str, token: str | None):
        self.url, self.token = url, token

    def send(self, phone, text, code=None):
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = requests.post(self.url, json={"phone": phone, "text": text},
                                     headers=headers, timeout=10)
            response.raise_for_status()
        except requests.RequestException as error:
            log.warning("SMS gateway %s failed: %s", self.url, error)
            raise Unavailable(messages.SMS_FAILED, code="sms_failed") from error


def sms_backend() -> SmsBackend:
    name = current_app.config["SMS_BACKEND"]
    if name == "console":
        return ConsoleSms()
    if name == "http":
        return HttpSms(current_app.config["SMS_HTTP_URL"], current_app.config.get("SMS_HTTP_TOKEN"))
    raise RuntimeError(f"unknown SMS_BACKEND {name!r}")
