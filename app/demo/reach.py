"""The demo's reach: the open 改造意愿征询 was announced to every owner in scope (SMS from the
ledger to those who never registered, the in-app message to the registered), a few opened the
link, and the console's reach table shows, stairwell by stairwell, where to knock."""
from sqlalchemy import select

from app.extensions import db
from app.reach.api import open_link, token_for
from app.reach.api import NoticeRecipient
from app.reach.api import send_notice

#: how many of the SMS links the demo's owners opened
OPENED = 7


def load(people, c) -> None:
    """`c`: the open survey the demo announces."""
    send_notice(c, kind="vote_opened", audience="all", channels=["sms", "app"], preview=False,
                sent_by_id=people.committee.id)
    for recipient_id in db.session.scalars(select(NoticeRecipient.id).where(
            NoticeRecipient.consultation_id == c.id, NoticeRecipient.channel == "sms")
            .order_by(NoticeRecipient.id).limit(OPENED)).all():
        open_link(token_for(recipient_id), None)
