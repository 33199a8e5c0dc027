"""Live connections end with the access they were opened with.

A commit that may take access away from people (their sign-in revoked, 全部退出登录, the
account deleted, a role removed, a flat claim revoked, a proxy revoked) names them; after
the commit, every server process re-checks those people's open connections: one whose
token no longer signs anybody in is dropped, and one that may no longer see a room it
watches leaves it (and the committee side room when the committee role went). The names
travel to the other processes over the Redis queue (ResilientRedisManager.publish_access).

The commit is seen through SQLAlchemy's session events, so no domain sends anything for
it. Changes made by bulk statements are seen through what the same commit also changes
(log_out_everywhere moves the user's token version on).
"""
from flask import current_app
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

#: table -> (columns whose change may take access away, the column naming the person)
CHANGED = {
    "users": (("token_version", "deleted_at"), "id"),
    "auth_sessions": (("revoked_at",), "user_id"),
    "role_grants": (("role", "estate_id"), "user_id"),
    "flat_links": (("status",), "user_id"),
    "flat_proxies": (("revoked_at",), "proxy_user_id"),
}
#: removing one of these rows may take access away
DELETED = {"role_grants": "user_id", "flat_links": "user_id", "auth_sessions": "user_id"}
INFO_KEY = "gz_access_changed"


def user_room(user_id: int) -> str:
    """Every connection of a person is in this room (not one a client may subscribe to)."""
    return f"user:{user_id}"


def _changed_people(session: Session, _flush_context) -> None:
    found = session.info.setdefault(INFO_KEY, set())
    for obj in session.dirty:
        table = getattr(obj, "__tablename__", None)
        if table in CHANGED:
            columns, person = CHANGED[table]
            state = inspect(obj)
            if any(state.attrs[column].history.has_changes() for column in columns):
                found.add(getattr(obj, person))
    for obj in session.deleted:
        person = DELETED.get(getattr(obj, "__tablename__", None))
        if person:
            found.add(getattr(obj, person))
    found.discard(None)


def _after_commit(session: Session) -> None:
    people = session.info.pop(INFO_KEY, None)
    if not people:
        return
    live = current_app.extensions.get("realtime") if current_app else None
    if live is not None:
        live.access_changed(sorted(people))


def _after_rollback(session: Session, _previous_transaction) -> None:
    session.info.pop(INFO_KEY, None)


def watch_sessions() -> None:
    """Listen to every session's flushes and commits (once per process)."""
    if not event.contains(Session, "after_flush", _changed_people):
        event.listen(Session, "after_flush", _changed_people)
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_soft_rollback", _after_rollback)


def recheck(socketio, tokens: dict, user_ids: list[int]) -> None:
    """In the process holding them: drop these people's connections whose token no longer
    signs them in; make the others leave the rooms they may no longer see."""
    from app.auth.api import user_from_token
    from app.errors import Unauthorized
    from app.realtime.rooms import committee_room, grant_for, parse_room

    server = socketio.server
    for user_id in user_ids:
        for sid, _ in list(server.manager.get_participants("/", user_room(user_id))):
            try:
                user = user_from_token(tokens.get(sid) or "")
            except Unauthorized:
                server.disconnect(sid, namespace="/")
                continue
            for room in server.manager.get_rooms(sid, "/"):
                if parse_room(room) is None:
                    continue  # its own rooms, committee side rooms
                grant = grant_for(user, room)
                if grant is None:
                    server.leave_room(sid, room, namespace="/")
                if grant is None or not grant.committee:
                    server.leave_room(sid, committee_room(room), namespace="/")
