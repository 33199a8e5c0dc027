"""What a client may send over the live-update channel."""
from marshmallow import ValidationError

from app.realtime import messages
from app.realtime.rooms import parse_room
from app.schemas import BaseSchema, fields


def _known_room(room: str) -> None:
    if parse_room(room) is None:
        raise ValidationError(messages.BAD_ROOM)


class SubscribeSchema(BaseSchema):
    """`subscribe` / `unsubscribe` {room}: e.g. "estate:12" (a known kind, an id within INTEGER)."""

    room = fields.String(required=True, validate=_known_room)
