"""What a client may send over the live-update channel."""
from app.realtime.rooms import ROOM_PATTERN
from app.schemas import BaseSchema, fields, validate


class SubscribeSchema(BaseSchema):
    """`subscribe` / `unsubscribe` {room}: e.g. "estate:12"."""

    room = fields.String(required=True, validate=validate.Regexp(ROOM_PATTERN))
