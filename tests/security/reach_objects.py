"""Objects of issue 34's routes for the access table: a notice's SMS link (a fresh recipient
each time, so the code's resend limit of one phone never answers for a role)."""
from sqlalchemy import select

from app.auth.api import SmsOutboxMessage
from app.auth.api import request_code
from app.extensions import db
from app.reach.api import token_for
from app.reach.api import Notice, NoticeRecipient
from tests.factories import next_phone


def link_token(w) -> str:
    """A notice of the open consultation of estate A sent by SMS to a fresh phone."""
    c_id = w.a.open_consultation_id
    notice = Notice(estate_id=w.a.estate.id, consultation_id=c_id, kind="vote_opened", audience="all",
                    channels="sms")
    db.session.add(notice)
    db.session.flush()
    recipient = NoticeRecipient(estate_id=w.a.estate.id, consultation_id=c_id, notice_id=notice.id,
                                person="phone:x", channel="sms", phone=next_phone(), flat_ids=[])
    recipient.person = f"phone:{recipient.phone}"
    db.session.add(recipient)
    db.session.commit()
    return token_for(recipient.id)


def login_token(w) -> str:
    """A link token whose phone was just sent a code (kept on the world for the body)."""
    token = link_token(w)
    from app.reach.api import recipient_of

    phone = recipient_of(token).phone
    request_code(phone)
    w.reach_code = db.session.scalar(select(SmsOutboxMessage.code).where(SmsOutboxMessage.phone == phone)
                                     .order_by(SmsOutboxMessage.id.desc()).limit(1))
    return token
