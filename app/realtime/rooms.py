"""Rooms a client may watch, and who may watch them.

Each room kind ("estate", "consultation", …) maps to an access check in
`ROOM_KINDS`. A check takes the user and the object's id and answers a `Grant`
when HTTP would show that user the object, or None. The checks use the same
permission functions as the routes; other domains are imported inside the checks,
so importing this package never imports them.

A granted committee member also joins the room's committee side room
(`consultation:7:committee`), which carries what only the committee may see
(tallies of a consultation that hides its results until close).
"""
import re
from dataclasses import dataclass
from typing import Callable

from app.auth.api import User
from app.auth.api import is_committee, is_member
from app.extensions import db
from app.schemas import INT_MAX


@dataclass(frozen=True)
class Grant:
    """The user may watch the room; `committee` also opens its committee side room."""

    estate_id: int
    committee: bool


RoomCheck = Callable[[User, int], Grant | None]
ROOM_KINDS: dict[str, RoomCheck] = {}
#: ids are PostgreSQL INTEGERs: at most 10 digits here, and parse_room checks INT_MAX
ROOM_PATTERN = r"^(estate|consultation|case|elevator):[1-9][0-9]{0,9}$"


def room_kind(name: str):
    """Register the access check of a room kind."""
    def register(check: RoomCheck) -> RoomCheck:
        ROOM_KINDS[name] = check
        return check
    return register


def room_name(kind: str, object_id: int) -> str:
    return f"{kind}:{object_id}"


def committee_room(room: str) -> str:
    return f"{room}:committee"


def parse_room(room: str) -> tuple[str, int] | None:
    if not isinstance(room, str) or not re.match(ROOM_PATTERN, room):
        return None
    kind, _, object_id = room.partition(":")
    return (kind, int(object_id)) if kind in ROOM_KINDS and int(object_id) <= INT_MAX else None


def grant_for(user: User, room: str) -> Grant | None:
    """Whether `user` may watch `room`, decided as HTTP would decide it."""
    parsed = parse_room(room)
    if parsed is None:
        return None
    kind, object_id = parsed
    return ROOM_KINDS[kind](user, object_id)


def estate_grant(user: User, estate_id: int) -> Grant | None:
    from app.estates.api import Estate

    if db.session.get(Estate, estate_id) is None or not is_member(user, estate_id):
        return None
    return Grant(estate_id=estate_id, committee=is_committee(user, estate_id))


@room_kind("estate")
def _estate(user: User, estate_id: int) -> Grant | None:
    return estate_grant(user, estate_id)


@room_kind("consultation")
def _consultation(user: User, consultation_id: int) -> Grant | None:
    from app.consultations.api import Consultation
    from app.consultations.api import can_view

    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None or not can_view(user, consultation):
        return None
    return Grant(estate_id=consultation.estate_id,
                 committee=is_committee(user, consultation.estate_id))


@room_kind("case")
def _case(user: User, case_id: int) -> Grant | None:
    from app.cases.api import Case
    from app.cases.api import can_view_case

    case = db.session.get(Case, case_id)
    if case is None or not can_view_case(user, case):
        return None
    return Grant(estate_id=case.estate_id, committee=is_committee(user, case.estate_id))


@room_kind("elevator")
def _elevator(user: User, project_id: int) -> Grant | None:
    from app.elevators.api import ElevatorProject
    from app.elevators.api import can_view

    project = db.session.get(ElevatorProject, project_id)
    if project is None or not can_view(user, project):
        return None
    return Grant(estate_id=project.estate_id, committee=is_committee(user, project.estate_id))
