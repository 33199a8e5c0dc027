"""How long personal data is kept: one rule per kind of record that only serves a moment
(a login code, a one-time link, a sign-in that ended). Ballots, decisions and the audit
record are not here: they are the estate's decisions and stay (account deletion removes
the person's details from them, app/account). The /privacy page lists these rules."""
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete

from app.auth.api import AuthSession, LoginTicket, SmsCode, SmsOutboxMessage
from app.extensions import db
from app.personal import messages


@dataclass(frozen=True)
class Rule:
    #: stable key, also the key of its Chinese label in messages.RETENTION
    key: str
    model: type
    #: the time the period counts from
    since: str
    keep_days: int

    @property
    def label(self) -> str:
        return messages.RETENTION[self.key]


RULES = (
    Rule("sms_codes", SmsCode, "expires_at", 1),
    Rule("sms_outbox", SmsOutboxMessage, "sent_at", 30),
    Rule("login_tickets", LoginTicket, "expires_at", 7),
    Rule("ended_sessions", AuthSession, "revoked_at", 180),
)


def apply_retention(now: datetime) -> dict[str, int]:
    """Delete what each rule no longer keeps at `now`; the number of rows per rule. One
    transaction: all rules or none."""
    removed = {}
    for rule in RULES:
        since = getattr(rule.model, rule.since)
        result = db.session.execute(
            delete(rule.model).where(since.is_not(None), since < now - timedelta(days=rule.keep_days)))
        removed[rule.key] = result.rowcount
    db.session.commit()
    return removed
