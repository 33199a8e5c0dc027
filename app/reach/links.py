"""The one-tap link of a notice SMS: PUBLIC_BASE_URL/n/<token>, the token naming the recipient
and signed (a keyed hash), so a guessed one opens nothing. Opening it records "opened"; an owner
who never registered confirms with a code sent to the same phone, and the ledger's flats of
that phone are linked to the new account at once (the phone is the ledger's: no claim step)."""
import hmac
import string

from sqlalchemy import select

from app.audit.api import record
from app.auth.api import User
from app.auth.api import request_code, verify_code
from app.db import insert_or_ignore, utcnow
from app.errors import Forbidden, NotFound
from app.estates.api import Flat, FlatLink, LinkStatus, Owner, Relation
from app.extensions import db
from app.privacy import mask_phone
from app.reach import messages
from app.reach.models import NoticeRecipient
from app.security import keyed_hash

ALPHABET = string.digits + string.ascii_lowercase
#: the recipient's id in base 36, padded: the link's length never varies (the cost estimate)
ID_CHARS = 7
SIG_CHARS = 8


def _base36(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits.rjust(ID_CHARS, "0")


def token_for(recipient_id: int) -> str:
    head = _base36(recipient_id)
    return head + keyed_hash("notice_link", head)[:SIG_CHARS]


def placeholder_token() -> str:
    return "0" * (ID_CHARS + SIG_CHARS)


def link_path(token: str) -> str:
    return f"/n/{token}"


def recipient_of(token: str) -> NoticeRecipient:
    """The recipient a token names; 404 for a token not signed by us."""
    token = (token or "").lower()
    head, sig = token[:ID_CHARS], token[ID_CHARS:]
    valid = (len(token) == ID_CHARS + SIG_CHARS and all(ch in ALPHABET for ch in head)
             and hmac.compare_digest(sig, keyed_hash("notice_link", head)[:SIG_CHARS]))
    recipient = db.session.get(NoticeRecipient, int(head, 36)) if valid else None
    if recipient is None or recipient.phone is None:
        raise NotFound(messages.LINK_INVALID, code="link_invalid")
    return recipient


def open_link(token: str, user: User | None) -> dict:
    """Record the first opening (a POST from the landing page: a GET never writes) and say
    where to go: straight to the consultation for its owner, else the code step."""
    recipient = recipient_of(token)
    if recipient.opened_at is None:
        recipient.opened_at = utcnow()
        db.session.commit()
    path = f"/consultations/{recipient.consultation_id}"
    same = user is not None and user.phone == recipient.phone
    return {"consultation_id": recipient.consultation_id, "path": path, "signed_in": same,
            "phone_masked": mask_phone(recipient.phone)}


def send_code(token: str, ip: str | None) -> int:
    """A login code to the phone the notice went to (the number is never shown)."""
    return request_code(recipient_of(token).phone, ip)


def sign_in(token: str, code: str) -> tuple[User, str]:
    """Check the code; the account of that phone (made on first login) gets the flats the
    ledger names for this phone in the notice's estate, as their verified owner."""
    recipient = recipient_of(token)
    user = verify_code(recipient.phone, code)
    link_ledger_flats(user, recipient.estate_id)
    return user, f"/consultations/{recipient.consultation_id}"


def link_ledger_flats(user: User, estate_id: int) -> int:
    """Verified owner links to the flats whose ledger owner has this user's phone (commits)."""
    if not user.phone:
        raise Forbidden(messages.LINK_OTHER_PERSON)
    flat_ids = list(db.session.scalars(select(Flat.id).join(Owner, Owner.id == Flat.owner_id).where(
        Flat.estate_id == estate_id, Owner.phone == user.phone).order_by(Flat.id)))
    now = utcnow()
    insert_or_ignore(db.session, FlatLink, [
        {"estate_id": estate_id, "flat_id": flat_id, "user_id": user.id, "relation": Relation.owner.name,
         "status": LinkStatus.verified.name, "via": "ledger", "decided_at": now, "created_at": now}
        for flat_id in flat_ids])
    if flat_ids:
        record("reach.flats_linked_by_phone", estate_id=estate_id, actor_id=user.id, subject_type="user",
               subject_id=user.id, data={"flat_ids": flat_ids})
    db.session.commit()
    return len(flat_ids)
