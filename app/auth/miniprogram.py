"""Mini-program login: a wx.login code, then (the first time) the phone number.

A person already bound by openid or unionid is signed in at once. Anyone else gets a
ticket (10 minutes, one use, kept server-side with the openid and unionid) to trade
with the phone code of WeChat's 获取手机号 button; the phone joins them to the account
they may already have from an SMS login. WeChat's session_key is never kept.
"""
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.auth import messages, services, tickets, wechat_client
from app.auth.models import TicketPurpose, User
from app.errors import Conflict, InvalidInput, NotFound, Unauthorized
from app.extensions import db


@dataclass(frozen=True)
class CodeLogin:
    user: User | None = None
    ticket: str | None = None


def _require_enabled() -> None:
    if not wechat_client.enabled():
        raise NotFound(messages.MINI_OFF, code="mini_program_disabled")


def _commit() -> None:
    try:
        db.session.commit()
    except IntegrityError:  # the same WeChat user racing in twice: the other one won
        db.session.rollback()
        raise Conflict(messages.WECHAT_BUSY, code="wechat_busy") from None


def login_with_code(code: str) -> CodeLogin:
    _require_enabled()
    who = wechat_client.code2session(code)
    user = (db.session.scalar(select(User).where(User.wechat_mini_openid == who.openid))
            or services.user_by_unionid(who.unionid))
    if user is not None:
        services.bind_wechat(user, unionid=who.unionid, mini_openid=who.openid)
        _commit()
        return CodeLogin(user=user)
    ticket = tickets.issue(TicketPurpose.wechat_phone, current_app.config["WECHAT_PHONE_TICKET_TTL_S"],
                           wechat_mini_openid=who.openid, wechat_unionid=who.unionid)
    db.session.commit()
    return CodeLogin(ticket=ticket)


def _mainland_phone(country: str, phone: str) -> str:
    if country not in ("86", ""):
        raise InvalidInput(messages.PHONE_NOT_MAINLAND, code="phone_not_mainland",
                           fields={"phone_code": messages.PHONE_NOT_MAINLAND})
    try:
        return services.normalize_phone(phone)
    except InvalidInput:
        raise InvalidInput(messages.PHONE_NOT_MAINLAND, code="phone_not_mainland",
                           fields={"phone_code": messages.PHONE_NOT_MAINLAND}) from None


def login_with_phone(ticket: str, phone_code: str) -> User:
    _require_enabled()
    if tickets.peek(TicketPurpose.wechat_phone, ticket) is None:
        raise Unauthorized(messages.PHONE_TICKET_INVALID, code="ticket_invalid")
    db.session.rollback()  # no transaction stays open while WeChat answers
    # asked before the ticket is used up, so a refused phone code can be tried again
    phone = _mainland_phone(*wechat_client.phone_number(phone_code))
    used = tickets.consume(TicketPurpose.wechat_phone, ticket)
    if used is None:
        raise Unauthorized(messages.PHONE_TICKET_INVALID, code="ticket_invalid")
    user = services.person_for(unionid=used.wechat_unionid, phone=phone)
    services.bind_wechat(user, unionid=used.wechat_unionid, mini_openid=used.wechat_mini_openid)
    _commit()
    return user
