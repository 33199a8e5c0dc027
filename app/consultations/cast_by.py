"""Who cast a flat's ballot, how and when, in one plain sentence: what the owner reads on
the receipt and in the message, and what a refused committee entry is told."""
from sqlalchemy import select

from app.auth.api import User
from app.consultations import messages
from app.consultations.models import Ballot
from app.display import china_time
from app.extensions import db
from app.privacy import mask_name, mask_phone


def names(user_ids) -> dict[int, str]:
    """Each person as shown to an owner: the masked name, or the masked phone."""
    ids = {user_id for user_id in user_ids if user_id is not None}
    if not ids:
        return {}
    return {user_id: mask_name(name) or mask_phone(phone) for user_id, name, phone in
            db.session.execute(select(User.id, User.name, User.phone).where(User.id.in_(ids)))}


def cast_by(ballot: Ballot, viewer_id: int | None = None, known: dict | None = None) -> str:
    """E.g. "2026年12月06日 21:30 由工作人员 王* 代为录入（协助录入）" (Beijing time)."""
    known = known if known is not None else names([ballot.voter_id, ballot.entered_by_id])
    at = china_time(ballot.updated_at)
    if ballot.entered_by_id is not None:
        return messages.CAST_BY_ENTERED.format(at=at, name=known.get(ballot.entered_by_id, ""),
                                               channel=messages.CHANNEL_LABELS[ballot.channel.value])
    if ballot.cast_as == "proxy":
        return messages.CAST_BY_PROXY.format(at=at, name=known.get(ballot.voter_id, ""))
    if ballot.voter_id == viewer_id:
        return messages.CAST_BY_SELF.format(at=at)
    return messages.CAST_BY_OWNER.format(at=at, name=known.get(ballot.voter_id, ""))


def voted_online(ballot: Ballot) -> str:
    """Why a committee entry is refused: when and by whom the flat voted online."""
    return messages.VOTED_ONLINE.format(
        at=china_time(ballot.updated_at),
        who=messages.WHO_PROXY if ballot.cast_as == "proxy" else messages.WHO_OWNER)

