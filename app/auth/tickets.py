"""One-use, short-lived login tickets, kept only as keyed hashes.

Consuming is one conditional UPDATE (used_at IS NULL and not expired), so two requests
racing with the same ticket cannot both succeed.
"""
import secrets
from datetime import timedelta

from sqlalchemy import delete, select, update

from app.auth.models import LoginTicket, TicketPurpose
from app.db import utcnow
from app.extensions import db
from app.security import keyed_hash

#: expired tickets are deleted this long after they lapse (when new ones are issued)
KEEP_EXPIRED = timedelta(days=1)


def _hash(ticket: str) -> str:
    return keyed_hash("login-ticket", ticket)


def issue(purpose: TicketPurpose, ttl_s: int, **fields) -> str:
    """A new ticket (added to the session; the caller commits)."""
    now = utcnow()
    db.session.execute(delete(LoginTicket).where(LoginTicket.expires_at < now - KEEP_EXPIRED))
    ticket = secrets.token_urlsafe(32)
    db.session.add(LoginTicket(purpose=purpose, ticket_hash=_hash(ticket),
                               expires_at=now + timedelta(seconds=ttl_s), **fields))
    return ticket


def peek(purpose: TicketPurpose, ticket: str) -> LoginTicket | None:
    """The ticket if it is still good, without using it up."""
    now = utcnow()
    return db.session.scalar(select(LoginTicket).where(
        LoginTicket.ticket_hash == _hash(ticket or ""), LoginTicket.purpose == purpose,
        LoginTicket.used_at.is_(None), LoginTicket.expires_at > now))


def consume(purpose: TicketPurpose, ticket: str) -> LoginTicket | None:
    """Use the ticket up (in the caller's transaction); None when it was used or lapsed."""
    found = peek(purpose, ticket)
    if found is None:
        return None
    done = db.session.execute(update(LoginTicket).where(
        LoginTicket.id == found.id, LoginTicket.used_at.is_(None)).values(used_at=utcnow()))
    if done.rowcount != 1:
        return None
    db.session.refresh(found)
    return found


def web_holder(ticket: str):
    """Whose web ticket this is and the page it opens, without using it up (a GET that asks
    before switching accounts reads only): (the person, the page), or None."""
    from app.auth.models import User

    found = peek(TicketPurpose.web, ticket[:200])
    user = db.session.get(User, found.user_id) if found else None
    if user is None or user.deleted_at is not None:
        return None
    return user, found.next_path


def enter_web(ticket: str):
    """Use up a web ticket (POST /auth/web-tickets): (the person, the page to open), or None
    when it was used, lapsed or its person is gone. One commit either way."""
    from app.auth.models import User

    used = consume(TicketPurpose.web, ticket[:200])
    user = db.session.get(User, used.user_id) if used else None
    if user is None or user.deleted_at is not None:
        db.session.rollback()
        return None
    db.session.commit()
    return user, used.next_path
