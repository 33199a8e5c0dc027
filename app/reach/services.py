"""Sending a consultation's notice to every owner in scope: the preview (writes nothing),
the send (the budget taken first, then one message per person), opt-outs and the budget."""
import math

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.audit.api import record
from app.auth.api import User
from app.auth.api import KINDS, send_sms
from app.auth.api import send_subscribe
from app.consultations.api import Consultation, Status
from app.db import insert_or_ignore, utcnow
from app.display import CHINA_TZ, china_time
from app.errors import Conflict, InvalidInput
from app.estates.api import Estate
from app.extensions import db
from app.notifications.api import notify
from app.reach import messages
from app.reach.audience import Person, plan
from app.reach.links import link_path, placeholder_token, token_for
from app.auth.api import SmsOptOut
from app.reach.models import EstateSmsBudget, Notice, NoticeRecipient, SmsBudgetMonth

#: characters of one SMS part (a longer message is billed as several)
PART_CHARS = 70
#: the statuses each kind may be sent in
ALLOWED = {"vote_opened": {Status.open}, "closing_soon": {Status.open},
           "results": {Status.published}, "meeting": set(Status), "objection": {Status.published}}


def parts_of(text: str) -> int:
    return max(1, math.ceil(len(text) / PART_CHARS))


def params_for(c: Consultation, kind: str, extra: dict) -> dict:
    """The SMS kind's parameters (without the link) for this consultation."""
    if kind == "meeting" and not (extra.get("time") and extra.get("place")):
        raise InvalidInput(messages.MEETING_NEEDS, fields={"place": messages.MEETING_NEEDS})
    if kind == "objection" and not extra.get("until"):
        raise InvalidInput(messages.OBJECTION_NEEDS, fields={"until": messages.OBJECTION_NEEDS})
    if c.status not in ALLOWED[kind]:
        text = messages.NOT_PUBLISHED if Status.published in ALLOWED[kind] else messages.NOT_OPEN
        raise Conflict(text, code="wrong_status")
    estate = db.session.get(Estate, c.estate_id)
    values = {"estate": estate.name, "title": c.title,
              "closes_at": china_time(c.closes_at, "%m月%d日 %H:%M"), **extra}
    return {name: values[name] for name in KINDS[kind].params if name != "link"}


def sms_text(kind: str, params: dict, token: str) -> str:
    return KINDS[kind].text.format(**params, link=public_link(token))


def public_link(token: str) -> str:
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + link_path(token)


def month_of(now) -> str:
    return now.astimezone(CHINA_TZ).strftime("%Y-%m")


def monthly_cap(estate_id: int) -> int:
    own = db.session.scalar(select(EstateSmsBudget.monthly_cents).where(
        EstateSmsBudget.estate_id == estate_id))
    return own if own is not None else current_app.config["SMS_MONTHLY_BUDGET_CENTS"]


def budget_left(estate_id: int, now=None) -> int:
    month = db.session.scalar(select(SmsBudgetMonth).where(
        SmsBudgetMonth.estate_id == estate_id, SmsBudgetMonth.month == month_of(now or utcnow())))
    return month.cap_cents - month.used_cents if month else monthly_cap(estate_id)


def take_budget(estate_id: int, cents: int, now=None) -> None:
    """Spend `cents` of this month's budget in the caller's transaction; the database's check
    (used within cap) refuses a spend over it, even from two sends at once (409)."""
    month = month_of(now or utcnow())
    insert_or_ignore(db.session, SmsBudgetMonth, {"estate_id": estate_id, "month": month,
                                                  "cap_cents": monthly_cap(estate_id), "used_cents": 0})
    try:
        with db.session.begin_nested():
            db.session.execute(update(SmsBudgetMonth).where(
                SmsBudgetMonth.estate_id == estate_id, SmsBudgetMonth.month == month)
                .values(used_cents=SmsBudgetMonth.used_cents + cents))
    except IntegrityError:
        left = budget_left(estate_id, now)
        db.session.rollback()
        raise Conflict(messages.OVER_BUDGET.format(need=f"{cents / 100:.2f}", left=f"{left / 100:.2f}"),
                       code="over_budget") from None


def estimate(kind: str, params: dict, people: list[Person]) -> tuple[int, int]:
    """(SMS parts, cost in cents): the text with a link as long as the real one."""
    parts = sum(parts_of(sms_text(kind, params, placeholder_token())) for p in people if p.channel == "sms")
    return parts, parts * current_app.config["SMS_PRICE_CENTS"]


def summary(people: list[Person], unreachable: list[dict], cost_cents: int) -> dict:
    return {"recipients": len(people),
            "by_channel": {"sms": sum(p.channel == "sms" for p in people),
                           "app": sum(p.channel == "app" for p in people)},
            "unreachable": unreachable, "estimated_cost_cents": cost_cents}


def send_notice(c: Consultation, *, kind: str, audience: str, channels: list[str], preview: bool,
                extra: dict | None = None, sent_by_id: int | None = None, now=None,
                app_dedup_key: str | None = None) -> dict:
    """Preview (nothing written) or send a notice: the budget is taken first (409 when over),
    then one message per person in one transaction: SMS queued in the outbox (the scheduler
    sends them, holding them over the quiet hours), in-app messages stored and announced."""
    if not channels:
        raise InvalidInput(messages.NO_CHANNEL, fields={"channels": messages.NO_CHANNEL})
    params = params_for(c, kind, extra or {})
    people, unreachable = plan(c.id, audience, set(channels))
    parts, cost = estimate(kind, params, people)
    if preview:
        return summary(people, unreachable, cost)
    if cost:
        take_budget(c.estate_id, cost, now)
    notice = Notice(estate_id=c.estate_id, consultation_id=c.id, kind=kind, audience=audience,
                    channels=",".join(sorted(channels)), sent_by_id=sent_by_id,
                    sms_count=sum(p.channel == "sms" for p in people),
                    app_count=sum(p.channel == "app" for p in people),
                    unreachable_count=len(unreachable), sms_parts=parts, cost_cents=cost)
    db.session.add(notice)
    db.session.flush()
    _deliver(c, notice, params, people, app_dedup_key or f"notice:{notice.id}")
    record("reach.notice_sent", estate_id=c.estate_id, actor_id=sent_by_id, subject_type="consultation",
           subject_id=c.id, data={"notice_id": notice.id, "kind": kind, "audience": audience,
                                  "sms": notice.sms_count, "app": notice.app_count, "cost_cents": cost})
    db.session.commit()  # the in-app messages reach the live channel after it
    return {**summary(people, unreachable, cost), "notice_id": notice.id}


def _deliver(c, notice, params, people, dedup_key) -> list:
    path = f"/consultations/{c.id}"
    title = messages.NOTICE_TITLE.format(kind=messages.KIND_LABELS[notice.kind], title=c.title)
    body = messages.NOTICE_BODY[notice.kind].format(**params)
    created = []
    for person in people:
        recipient = NoticeRecipient(estate_id=c.estate_id, consultation_id=c.id, notice_id=notice.id,
                                    person=person.key, channel=person.channel, user_id=person.user_id,
                                    phone=person.phone if person.channel == "sms" else None,
                                    flat_ids=person.flat_ids)
        db.session.add(recipient)
        db.session.flush()
        if person.channel == "sms":
            send_sms(person.phone, notice.kind, {**params, "link": public_link(token_for(recipient.id))},
                     hold=True)
            continue
        made = notify(person.user_id, estate_id=c.estate_id, kind=f"notice_{notice.kind}", title=title,
                      body=body, link=path, dedup_key=dedup_key)
        if made is not None:
            created.append(made)
            link = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path
            send_subscribe(db.session.get(User, person.user_id), notice.kind, {**params, "link": link}, path)
    return created


def opt_out(phone: str, source: str, estate_id: int | None = None) -> None:
    """Record that a number wants no more notice SMS (commits; twice is once)."""
    insert_or_ignore(db.session, SmsOptOut, {"phone": phone, "source": source, "estate_id": estate_id,
                                             "created_at": utcnow()})
    db.session.commit()


def opt_in(phone: str) -> None:
    db.session.query(SmsOptOut).filter(SmsOptOut.phone == phone).delete()
    db.session.commit()


def reply_received(phone: str, text: str) -> bool:
    """A reply the provider passed on: an opt-out word stops notice SMS to that number."""
    word = (text or "").strip().upper()
    if word in {w.upper() for w in messages.OPT_OUT_WORDS}:
        opt_out(phone, "reply")
        return True
    return False


def set_estate_budget(estate_id: int, monthly_cents: int, actor_id: int) -> None:
    """An estate's own monthly budget; this month's cap follows it (never below what was spent)."""
    insert_or_ignore(db.session, EstateSmsBudget, {"estate_id": estate_id, "monthly_cents": monthly_cents,
                                                   "updated_at": utcnow()})
    db.session.execute(update(EstateSmsBudget).where(EstateSmsBudget.estate_id == estate_id)
                       .values(monthly_cents=monthly_cents, updated_at=utcnow()))
    month = db.session.scalar(select(SmsBudgetMonth).where(
        SmsBudgetMonth.estate_id == estate_id, SmsBudgetMonth.month == month_of(utcnow())))
    if month is not None:
        month.cap_cents = max(monthly_cents, month.used_cents)
    record("reach.budget_set", estate_id=estate_id, actor_id=actor_id, subject_type="estate",
           subject_id=estate_id, data={"monthly_cents": monthly_cents})
    db.session.commit()


def notices_of(consultation_id: int) -> list[Notice]:
    """The notices sent for a consultation, newest first."""
    return list(db.session.scalars(select(Notice).where(Notice.consultation_id == consultation_id)
                                   .order_by(Notice.id.desc())))
