"""Retention rules: what only serves a moment is deleted once its period is over; what is
still within it, and every ballot and audit entry, stays."""
from datetime import timedelta

from sqlalchemy import func, select

from app.auth.api import AuthSession, LoginTicket, SmsCode, SmsOutboxMessage, TicketPurpose
from app.db import utcnow
from app.extensions import db
from app.personal.api import RULES, apply_retention
from tests.factories import make_user


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_each_rule_deletes_only_what_is_past_its_period(app):
    now = utcnow()
    user = make_user()
    day = timedelta(days=1)
    db.session.add_all([
        SmsCode(phone=user.phone, code_hash="a" * 64, created_at=now - 3 * day, expires_at=now - 2 * day),
        SmsCode(phone=user.phone, code_hash="b" * 64, created_at=now - day, expires_at=now - day / 2),
        SmsOutboxMessage(phone=user.phone, body="验证码 1", sent_at=now - 31 * day),
        SmsOutboxMessage(phone=user.phone, body="验证码 2", sent_at=now - 29 * day),
        LoginTicket(purpose=TicketPurpose.web, ticket_hash="c" * 64, user_id=user.id,
                    created_at=now - 9 * day, expires_at=now - 8 * day),
        LoginTicket(purpose=TicketPurpose.web, ticket_hash="d" * 64, user_id=user.id,
                    created_at=now - 6 * day, expires_at=now - 6 * day),
        AuthSession(user_id=user.id, kind="web", revoked_at=now - 181 * day, revoked_reason="logout"),
        AuthSession(user_id=user.id, kind="web", revoked_at=now - 179 * day, revoked_reason="logout"),
        AuthSession(user_id=user.id, kind="web", created_at=now - 400 * day),  # still signed in
    ])
    db.session.commit()

    assert apply_retention(now) == {"sms_codes": 1, "sms_outbox": 1, "login_tickets": 1,
                                    "ended_sessions": 1}
    assert (_count(SmsCode), _count(SmsOutboxMessage), _count(LoginTicket), _count(AuthSession)) == (1, 1, 1, 2)
    assert apply_retention(now) == {rule.key: 0 for rule in RULES}  # nothing twice


def test_the_command_applies_the_rules(app, runner):
    db.session.add(SmsOutboxMessage(phone="13800000000", body="旧短信", sent_at=utcnow() - timedelta(days=40)))
    db.session.commit()
    out = runner.invoke(args=["privacy", "retention"])
    assert out.exit_code == 0 and "sms_outbox: 1 removed" in out.output
    assert _count(SmsOutboxMessage) == 0


def test_the_scheduler_applies_retention_once_a_day(app):
    from app.jobs.api import jobs_of
    job = jobs_of(app)["personal.retention"]
    assert job.every_s == 24 * 3600 and job.func is apply_retention
