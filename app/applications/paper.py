"""Supports collected on paper (纸质签名): the committee enters a flat's signed support with
a photo of the sheet, as paper ballots are entered. It counts exactly like an online
support (one per flat, the database's unique constraint); an owner's own support is never
replaced, and a flat that supported already is refused, saying when and how. The flat's
verified owners are told who entered it, how and when (in the app and by SMS)."""
from sqlalchemy import select

from app.applications import messages
from app.applications.models import Application, ApplicationSupport, SupportChannel
from app.applications.slots import how_supported, open_for_support
from app.audit.api import record
from app.consultations.api import names
from app.db import add_once
from app.errors import Conflict
from app.estates.api import estate_flat_labels, flat_labels
from app.extensions import db
from app.media.api import store_photo
from app.notifications.api import owners_of, tell
from app.signals import flats_entered
from app.unit_of_work import announce


def enter_paper_support(application: Application, flat_id: int, actor_id: int,
                        photo: bytes) -> ApplicationSupport:
    """A committee member enters the flat's support from a signed sheet, with its photo."""
    open_for_support(application, flat_id)
    stored = store_photo(application.estate_id, photo)
    support = ApplicationSupport(estate_id=application.estate_id, application_id=application.id,
                                 flat_id=flat_id, user_id=None, channel=SupportChannel.paper,
                                 entered_by_id=actor_id, evidence=stored.key)
    add_once(db.session, support, Conflict(messages.ALREADY_SUPPORTED, code="already_supported"))
    record("application.supported", estate_id=application.estate_id, actor_id=actor_id,
           subject_type="application", subject_id=application.id,
           data={"flat_id": flat_id, "channel": "paper", "evidence": stored.key})
    room = flat_labels([flat_id]).get(flat_id, "")
    how = how_supported(support)
    tell(owners_of(flat_id), estate_id=application.estate_id, kind="support_entered",
         title=messages.SUPPORT_ENTERED_TITLE.format(room=room),
         body=messages.SUPPORT_ENTERED_BODY.format(room=room, how=how),
         link=f"/estates/{application.estate_id}/application", dedup_key=f"support:{support.id}",
         notice="support_entered", params={"flat": room, "how": how})
    announce(flats_entered, estate_id=application.estate_id, flat_ids=[flat_id], kind="support_entered",
             params={"how": how}, path=f"/estates/{application.estate_id}/application",
             dedup_key=f"support:{support.id}")  # owners known only by the ledger: by SMS (app.reach)
    db.session.commit()
    return support


def supports_list(application: Application) -> list[dict]:
    """Every supporting flat, how it supported, and the sheet's photo for a paper one (console)."""
    supports = list(db.session.scalars(select(ApplicationSupport).where(
        ApplicationSupport.application_id == application.id).order_by(ApplicationSupport.id)))
    labels = flat_labels([s.flat_id for s in supports])
    known = names([person for s in supports for person in (s.user_id, s.entered_by_id)])
    return [{"flat_id": s.flat_id, "label": labels.get(s.flat_id, ""), "channel": s.channel.value,
             "channel_label": messages.SUPPORT_CHANNEL_LABELS[s.channel.value],
             "how": how_supported(s, known), "evidence": s.evidence} for s in supports]


def flats_without_support(application: Application) -> list[dict]:
    """The estate's flats that have not supported yet: what the committee can enter."""
    supporting = set(db.session.scalars(select(ApplicationSupport.flat_id).where(
        ApplicationSupport.application_id == application.id)))
    return [{"flat_id": flat_id, "label": label} for flat_id, label in
            estate_flat_labels(application.estate_id).items() if flat_id not in supporting]
