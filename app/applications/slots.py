"""A flat's place in an application's support: one per flat, taken online by its owner or
entered from paper by the committee; a second is refused saying when and how the first came."""
from sqlalchemy import select

from app.applications import messages
from app.applications.models import Application, ApplicationStatus, ApplicationSupport, SupportChannel
from app.consultations.api import names
from app.db import lock_row
from app.display import china_time
from app.errors import Conflict, InvalidInput
from app.estates.api import Flat
from app.extensions import db


def how_supported(support: ApplicationSupport, known: dict | None = None) -> str:
    """E.g. "2026年12月06日 21:30 由工作人员 王* 录入（纸质签名）" (Beijing time)."""
    known = known if known is not None else names([support.user_id, support.entered_by_id])
    at = china_time(support.created_at)
    if support.channel == SupportChannel.paper:
        return messages.SUPPORTED_ON_PAPER.format(at=at, name=known.get(support.entered_by_id, ""))
    return messages.SUPPORTED_ONLINE.format(at=at, name=known.get(support.user_id, ""))


def refuse_if_supported(application: Application, flat_id: int) -> None:
    """409 when the flat supports already, with when and how (the record stays theirs)."""
    existing = db.session.scalar(select(ApplicationSupport).where(
        ApplicationSupport.application_id == application.id, ApplicationSupport.flat_id == flat_id))
    if existing is not None:
        how = how_supported(existing)
        db.session.rollback()  # release the application's lock
        raise Conflict(messages.ALREADY_SUPPORTED_HOW.format(how=how), code="already_supported")


def open_for_support(application: Application, flat_id: int) -> None:
    """The flat is the estate's, the application collects, the flat has no support yet; under
    the application's row lock (a support waits for a submission under way, then sees it)."""
    flat = db.session.get(Flat, flat_id)
    if flat is None or flat.estate_id != application.estate_id:
        raise InvalidInput(messages.FLAT_NOT_HERE, fields={"flat_id": messages.FLAT_NOT_HERE})
    lock_row(db.session, Application, application.id)
    db.session.refresh(application)
    if application.status != ApplicationStatus.collecting:
        raise Conflict(messages.NOT_COLLECTING, code="not_collecting")
    refuse_if_supported(application, flat_id)
