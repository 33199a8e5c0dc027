"""Export and deletion of one person's data."""
import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import delete, or_, select

from app.account import messages
from app.audit.api import record
from app.auth.api import LoginTicket, RoleGrant, SmsCode, SmsOutboxMessage, User, WechatSubscription
from app.db import utcnow
from app.estates.api import FlatLink, LinkStatus
from app.extensions import db
from app.notifications.api import Notification

#: tables never exported: login codes are secrets even as hashes
NOT_EXPORTED = {"sms_codes", "sms_outbox"}


def _plain(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return None
    return value


def _user_columns(table):
    """Columns of a table that point at users.id."""
    return [column for column in table.columns
            if any(fk.column.table.name == "users" and fk.column.name == "id"
                   for fk in column.foreign_keys)]


def export_data(user: User) -> dict:
    """Everything stored that names this person: their account, and every row of every
    table that points at them (found from the schema, so new domains are included),
    keyed by table. Keyed hashes are left out."""
    records = {}
    for table in db.metadata.sorted_tables:
        columns = _user_columns(table)
        if not columns or table.name in NOT_EXPORTED:
            continue
        rows = db.session.execute(
            select(table).where(or_(*(column == user.id for column in columns)))
            .order_by(*table.primary_key.columns)).mappings().all()
        if rows:
            records[table.name] = [
                {key: _plain(value) for key, value in row.items() if not key.endswith("_hash")}
                for row in rows]
    return {
        "exported_at": utcnow().isoformat(),
        "account": {"id": user.id, "phone": user.phone, "name": user.name,
                    "wechat_openid": user.wechat_openid, "wechat_mini_openid": user.wechat_mini_openid,
                    "wechat_unionid": user.wechat_unionid, "created_at": user.created_at.isoformat()},
        "records": records,
    }


def delete_account(user: User) -> None:
    """Identity goes; ballots, posts and the audit record stay so published results add up."""
    now = utcnow()
    links = db.session.scalars(select(FlatLink).where(
        FlatLink.user_id == user.id,
        FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified]))).all()
    for link in links:
        link.status, link.reason, link.decided_at = LinkStatus.revoked, messages.LINK_REVOKED_REASON, now
        record("flat_link.revoked", estate_id=link.estate_id, actor_id=user.id,
               subject_type="flat_link", subject_id=link.id,
               data={"flat_id": link.flat_id, "why": "account_deleted"})
    if user.phone:
        db.session.execute(delete(SmsCode).where(SmsCode.phone == user.phone))
        db.session.execute(delete(SmsOutboxMessage).where(SmsOutboxMessage.phone == user.phone))
    db.session.execute(delete(RoleGrant).where(RoleGrant.user_id == user.id))
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
    db.session.execute(delete(LoginTicket).where(LoginTicket.user_id == user.id))
    db.session.execute(delete(WechatSubscription).where(WechatSubscription.user_id == user.id))
    user.phone = user.name = user.wechat_openid = user.wechat_mini_openid = user.wechat_unionid = None
    user.deleted_at = now
    user.token_version += 1
    record("account.deleted", estate_id=None, actor_id=user.id, subject_type="user",
           subject_id=user.id, data={"flat_links_revoked": len(links)})
    db.session.commit()
    db.session.expire(user, ["roles"])
