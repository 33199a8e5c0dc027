"""Reach: notices to every owner in a consultation's scope, who opened the link, opt-outs and
the monthly SMS budget of each estate."""
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class Notice(db.Model):
    """One notice of a consultation sent to the owners in its scope (by SMS and in the app)."""

    __tablename__ = "reach_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    #: vote_opened | closing_soon | results | meeting | objection
    kind: Mapped[str] = mapped_column(String(20))
    #: all | not_voted
    audience: Mapped[str] = mapped_column(String(10))
    #: the channels asked for, e.g. "sms,app"
    channels: Mapped[str] = mapped_column(String(20))
    #: the committee member who sent it; None for the scheduler's reminder
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: people sent an SMS
    sms_count: Mapped[int] = mapped_column(default=0)
    #: people sent an in-app message
    app_count: Mapped[int] = mapped_column(default=0)
    #: flats nobody could be told of (no phone, opted out)
    unreachable_count: Mapped[int] = mapped_column(default=0)
    #: SMS parts billed (70 Chinese characters a part)
    sms_parts: Mapped[int] = mapped_column(default=0)
    cost_cents: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<Notice {self.id} consultation={self.consultation_id} {self.kind}>"


class NoticeRecipient(db.Model):
    """One person told of one notice; one row per person however many flats they own."""

    __tablename__ = "reach_recipients"
    __table_args__ = (UniqueConstraint("notice_id", "person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("reach_notices.id"), index=True)
    #: "user:<id>" or "phone:<number>": who, once per notice
    person: Mapped[str] = mapped_column(String(40))
    #: sms | app
    channel: Mapped[str] = mapped_column(String(5))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: the number the SMS went to (None for an in-app message)
    phone: Mapped[str | None] = mapped_column(String(20))
    #: the flats of the scope this person was told for
    flat_ids: Mapped[list] = mapped_column(JSON)
    #: when the SMS link was first opened
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<NoticeRecipient {self.id} notice={self.notice_id} {self.channel}>"


class EstateSmsBudget(db.Model):
    """An estate's own monthly SMS budget, in place of SMS_MONTHLY_BUDGET_CENTS."""

    __tablename__ = "estate_sms_budgets"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), unique=True)
    monthly_cents: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<EstateSmsBudget estate={self.estate_id} {self.monthly_cents}>"


class SmsBudgetMonth(db.Model):
    """What an estate spent on SMS in one month (Beijing time); the database keeps it within
    the month's cap, so two sends at once never exceed it."""

    __tablename__ = "sms_budget_months"
    __table_args__ = (UniqueConstraint("estate_id", "month"),
                      CheckConstraint("used_cents >= 0", name="used_not_negative"),
                      CheckConstraint("used_cents <= cap_cents", name="within_budget"))

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: e.g. 2026-12
    month: Mapped[str] = mapped_column(String(7))
    cap_cents: Mapped[int]
    used_cents: Mapped[int] = mapped_column(default=0)

    def __repr__(self):
        return f"<SmsBudgetMonth estate={self.estate_id} {self.month} {self.used_cents}/{self.cap_cents}>"
