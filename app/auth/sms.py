"""SMS: one function, `send_sms(phone, kind, params)`, for every message a person gets by text.

Each kind has one template: its parameters in order, and the text, which is the one the
provider approved (Aliyun and Tencent send only approved templates, named by
SMS_TEMPLATES[kind], with the signature SMS_SIGN_NAME). Every message is a row of the
outbox (`sms_outbox`) with its status. Notices wait there during the quiet hours
(SMS_QUIET_HOURS, Beijing time, 21:00-08:00) and a refused one waits for another try;
the scheduler's `sms.send_queued` job sends them. Login codes go at once, whatever the
hour. Delivery receipts are pulled by the `sms.receipts` job where the provider keeps them.
"""
import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from flask import current_app
from sqlalchemy import func, select

from app.auth import messages
from app.auth.models import SmsOptOut, SmsOutboxMessage, SmsStatus
from app.auth.sms_providers import SmsRefused, backend_for
from app.db import utcnow
from app.display import CHINA_TZ
from app.errors import Unavailable
from app.extensions import db

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SmsKind:
    #: the template's parameters, in the order Tencent numbers them ({1}, {2}, …)
    params: tuple[str, ...]
    #: the approved text, with the parameters by name
    text: str


KINDS = {
    "login_code": SmsKind(("code",), messages.SMS_TEXT),
    "vote_opened": SmsKind(("estate", "title", "closes_at", "link"), messages.SMS_VOTE_OPENED),
    "closing_soon": SmsKind(("estate", "title", "closes_at", "link"), messages.SMS_CLOSING_SOON),
    "results": SmsKind(("estate", "title", "link"), messages.SMS_RESULTS),
    "meeting": SmsKind(("estate", "title", "time", "place", "link"), messages.SMS_MEETING),
    "claim_decided": SmsKind(("estate", "flat", "result", "link"), messages.SMS_CLAIM_DECIDED),
    "ballot_entered": SmsKind(("estate", "title", "flat", "how", "link"), messages.SMS_BALLOT_ENTERED),
    "support_entered": SmsKind(("estate", "flat", "how", "link"), messages.SMS_SUPPORT_ENTERED),
    "meeting_sign_in": SmsKind(("estate", "title", "flat", "time", "link"), messages.SMS_MEETING_SIGN_IN),
    "objection_decided": SmsKind(("estate", "title", "link"), messages.SMS_OBJECTION_DECIDED),
    "flat_transferred": SmsKind(("estate", "flat", "link"), messages.SMS_FLAT_TRANSFERRED),
    "objection": SmsKind(("estate", "title", "until", "link"), messages.SMS_OBJECTION),
    "payment_recorded": SmsKind(("estate", "flat", "amount", "link"), messages.SMS_PAYMENT_RECORDED),
    "payment_voided": SmsKind(("estate", "flat", "amount", "receipt", "link"), messages.SMS_PAYMENT_VOIDED),
}
#: sent at once at any hour, and never kept with a real provider
URGENT = {"login_code"}
#: receipts are asked for this long after sending (a phone off for longer stays `sent`)
RECEIPT_WINDOW = timedelta(days=3)


def quiet_hours(config) -> tuple[time, time]:
    start, end = (time.fromisoformat(part.strip()) for part in config["SMS_QUIET_HOURS"].split("-"))
    return start, end


def in_quiet_hours(now: datetime) -> bool:
    """Whether `now` (aware) falls in the quiet hours, read in Beijing time."""
    start, end = quiet_hours(current_app.config)
    clock = now.astimezone(CHINA_TZ).time()
    return (start <= clock or clock < end) if start > end else start <= clock < end


def _values(kind: str, params: dict) -> dict[str, str]:
    spec = KINDS[kind]
    missing = [name for name in spec.params if params.get(name) in (None, "")]
    if missing:
        raise ValueError(f"SMS {kind} needs {missing}")
    return {name: str(params[name]) for name in spec.params}


def opted_out(phones) -> set[str]:
    """Of these numbers, the ones that asked for no more notices by SMS (a reply word, the
    console, their own setting); None is never opted out. The one place this is asked:
    other packages ask it through app.reach.api, which owns opting out and in."""
    phones = set(phones) - {None, ""}
    return set(db.session.scalars(select(SmsOptOut.phone).where(SmsOptOut.phone.in_(phones)))) \
        if phones else set()


def send_sms(phone: str, kind: str, params: dict, now: datetime | None = None,
             hold: bool = False) -> SmsOutboxMessage | None:
    """Send (or queue) one SMS of a kind; the outbox row is added to the session, and the
    caller commits; `hold` leaves it queued for the scheduler (a notice to many people). A login code the provider refuses raises 503 sms_failed (the caller's
    transaction is then rolled back); a notice stays queued for another try. A notice to a
    number that opted out is not sent (None), whoever asked: the opt-out is the person's."""
    values = _values(kind, params)
    if kind not in URGENT and opted_out([phone]):
        log.info("SMS %s to %s not sent: the number opted out", kind, phone[:3] + "****")
        return None
    backend = backend_for(current_app.config)
    keep = backend.name == "console" or kind not in URGENT
    hidden = {**values, "code": "******"} if "code" in values else values
    message = SmsOutboxMessage(
        phone=phone, kind=kind, params=values if keep else None, status=SmsStatus.queued,
        code=values.get("code") if keep else None, provider=backend.name, sent_at=None,
        body=KINDS[kind].text.format(**(values if keep else hidden)))
    db.session.add(message)
    db.session.flush()
    if kind in URGENT or not (hold or in_quiet_hours(now or utcnow())):
        _deliver(backend, message, values)
    return message


def _deliver(backend, message: SmsOutboxMessage, values: dict[str, str]) -> bool:
    message.attempts += 1
    try:
        message.provider_id = backend.send(message.phone, message.kind, values,
                                           KINDS[message.kind].text.format(**values))
    except SmsRefused as error:
        log.warning("SMS %s to %s refused by %s: %s", message.kind, message.phone[:3] + "****",
                    backend.name, error)
        if message.kind in URGENT:
            raise Unavailable(messages.SMS_FAILED, code="sms_failed") from error
        message.error = str(error)[:200]
        if message.attempts >= current_app.config["SMS_MAX_ATTEMPTS"]:
            message.status = SmsStatus.failed
        return False
    message.status, message.sent_at, message.error = SmsStatus.sent, utcnow(), None
    return True


def send_queued(now: datetime) -> str:
    """The scheduler's job: send the notices that waited (quiet hours, a refused try)."""
    if in_quiet_hours(now):
        return "quiet hours"
    backend = backend_for(current_app.config)
    waiting = db.session.scalars(select(SmsOutboxMessage).where(
        SmsOutboxMessage.status == SmsStatus.queued).order_by(SmsOutboxMessage.id)
        .limit(500).with_for_update(skip_locked=True)).all()
    sent = 0
    for message in waiting:
        sent += _deliver(backend, message, message.params)
    db.session.commit()
    return f"sent {sent} of {len(waiting)}"


def record_receipts(now: datetime) -> str:
    """The scheduler's job: ask the provider what became of the messages it took."""
    backend = backend_for(current_app.config)
    pending = db.session.scalars(select(SmsOutboxMessage).where(
        SmsOutboxMessage.status == SmsStatus.sent, SmsOutboxMessage.provider == backend.name,
        SmsOutboxMessage.provider_id.is_not(None), SmsOutboxMessage.sent_at > now - RECEIPT_WINDOW)
        .order_by(SmsOutboxMessage.id).limit(500)).all()
    if not pending:
        return "no receipts due"
    counted = 0
    for receipt in backend.receipts(pending):
        message = next((m for m in pending if m.provider_id == receipt.provider_id), None)
        if message is None:
            continue
        message.status = SmsStatus.delivered if receipt.delivered else SmsStatus.failed
        message.receipt_at, message.error = receipt.at or now, receipt.error
        counted += 1
    db.session.commit()
    return f"{counted} receipts"


def outbox_counts(since: datetime) -> dict[str, int]:
    """SMS made since `since`, by status (queued, sent, delivered, failed)."""
    rows = db.session.execute(select(SmsOutboxMessage.status, func.count(SmsOutboxMessage.id))
                              .where(SmsOutboxMessage.created_at >= since).group_by(SmsOutboxMessage.status))
    counts = {status.value: 0 for status in SmsStatus}
    counts.update({status.value: n for status, n in rows})
    return counts


def init_app(app) -> None:
    """Check the provider's settings at start-up and register the SMS jobs."""
    from app.jobs.api import register_job

    backend_for(app.config).check(app.config, KINDS)
    register_job(app, "sms.send_queued", send_queued, every_s=60, label=messages.JOB_SMS_QUEUED)
    register_job(app, "sms.receipts", record_receipts, every_s=300, label=messages.JOB_SMS_RECEIPTS)
