"""The live-update namespace: connect with a token, subscribe to rooms HTTP would show."""
from flask import request, session
from flask_socketio import ConnectionRefusedError, Namespace, join_room, leave_room
from marshmallow import ValidationError

from app.auth.api import user_from_token
from app.errors import Unauthorized
from app.personal.api import consent_refusal, has_agreed
from app.realtime import messages
from app.realtime.access import user_room
from app.realtime.rooms import committee_room, grant_for
from app.realtime.schemas import SubscribeSchema

TOKEN_KEY = "live_token"


def refusal(error: str) -> dict:
    return {"ok": False, "error": error}


class LiveNamespace(Namespace):
    """Clients connect with `auth={"token": access_token}` and emit `subscribe` {room}.

    Each connection joins its person's room and its token is kept by sid, so a change of
    that person's access re-checks it (app.realtime.access.recheck)."""

    def __init__(self, namespace=None):
        super().__init__(namespace)
        #: sid -> the access token the connection was opened with (this process's clients)
        self.tokens: dict[str, str] = {}

    def on_connect(self, auth=None):
        token = auth.get("token") if isinstance(auth, dict) else None
        if not isinstance(token, str) or not token:
            raise ConnectionRefusedError(messages.LOGIN_REQUIRED)
        try:
            user = user_from_token(token)
        except Unauthorized:
            raise ConnectionRefusedError(messages.LOGIN_EXPIRED) from None
        if not has_agreed(user):  # as the API's 403 consent_required: agree first, then connect
            refusal_body = consent_refusal()
            raise ConnectionRefusedError(refusal_body["message"], refusal_body)
        session[TOKEN_KEY] = token
        self.tokens[request.sid] = token
        join_room(user_room(user.id))

    def on_disconnect(self, reason=None):
        self.tokens.pop(request.sid, None)

    def on_subscribe(self, data=None):
        try:
            room = SubscribeSchema().load(data if isinstance(data, dict) else {})["room"]
        except ValidationError:
            return refusal(messages.BAD_ROOM)
        try:
            # Checked again at each subscribe: a revoked or expired token stops here.
            user = user_from_token(session.get(TOKEN_KEY) or "")
        except Unauthorized:
            return refusal(messages.LOGIN_EXPIRED)
        if not has_agreed(user):
            return refusal(consent_refusal()["message"])
        grant = grant_for(user, room)
        if grant is None:
            return refusal(messages.NOT_VISIBLE)
        join_room(room)
        if grant.committee:
            join_room(committee_room(room))
        return {"ok": True}

    def on_unsubscribe(self, data=None):
        try:
            room = SubscribeSchema().load(data if isinstance(data, dict) else {})["room"]
        except ValidationError:
            return refusal(messages.BAD_ROOM)
        leave_room(room)
        leave_room(committee_room(room))
        return {"ok": True}
