"""Telling an owner that the committee recorded the sale of their flat: who, how and when."""
from app.auth.api import User
from app.display import china_time
from app.estates.api import FlatTransfer
from app.estates.api import flat_label
from app.extensions import db
from app.notifications import messages
from app.notifications.services import tell
from app.privacy import mask_phone


def on_flat_transferred(app, *, estate_id, flat_id, transfer_id, user_ids, actor_id, **_):
    """After the transfer's commit: each person whose owner link ended gets a message."""
    transfer = db.session.get(FlatTransfer, transfer_id)
    actor = db.session.get(User, actor_id)
    label = flat_label(transfer.flat)
    who = messages.TRANSFER_ACTOR.format(name=actor.name or mask_phone(actor.phone))
    tell(user_ids, estate_id=estate_id, kind="flat_transferred",
         title=messages.TRANSFER_TITLE.format(flat=label),
         body=messages.TRANSFER_BODY.format(actor=who, when=china_time(transfer.created_at), flat=label),
         link=f"/claim?stairwell={transfer.flat.stairwell_id}", dedup_key=f"flat-transfer:{transfer_id}",
         notice="flat_transferred", params={"flat": label})
    db.session.commit()
