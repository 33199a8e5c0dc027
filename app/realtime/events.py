"""Domain signals turned into live events (API.md, Live updates).

Listeners never do the work in the request that sent the signal: they hand it
to `Live.submit` (app/realtime/live.py), which in a server process runs it on one
background greenlet (order kept, failures logged, nothing raised into the
request) and in a CLI process runs it at once. Tallies go through the coalescer instead of
being sent per ballot.
"""
import logging

from flask import current_app

from app import signals
from app.extensions import db
from app.realtime.rooms import committee_room, room_name

log = logging.getLogger("app.realtime")


def _value(status) -> str:
    return getattr(status, "value", status)


def live():
    return current_app.extensions["realtime"]


def emit(event: str, data: dict, rooms: list[str]) -> None:
    current_app.extensions["socketio"].emit(event, data, to=rooms, namespace="/")


# --- one handler per signal (plain keyword arguments, as the signal sends them) ---

def ballot_cast(consultation_id, estate_id, **_):
    live().tallies_changed(consultation_id)


def consultation_status_changed(consultation_id, estate_id, status, **_):
    # Only to the consultation's room: a scoped consultation is not every member's to see.
    emit("consultation_status", {"id": consultation_id, "status": _value(status)},
         [room_name("consultation", consultation_id)])
    # Closing reveals a hidden tally; every change of status sends the final one.
    live().tallies_changed(consultation_id)


def post_created(case_id, estate_id, post_id, **_):
    post = case_post_view(post_id)
    if post is not None:
        emit("post", {"case_id": case_id, "post": post}, [room_name("case", case_id)])


def post_hidden(case_id, estate_id, post_id, **_):
    emit("post_hidden", {"case_id": case_id, "post_id": post_id}, [room_name("case", case_id)])


def post_edited(case_id, estate_id, post_id, **_):
    post = case_post_view(post_id)
    if post is not None:
        emit("post_edited", {"case_id": case_id, "post": post}, [room_name("case", case_id)])


def case_meeting_scheduled(case_id, estate_id, meeting_id, **_):
    meeting = case_meeting_view(meeting_id)
    if meeting is not None:
        emit("case_meeting", {"case_id": case_id, "meeting": meeting}, [room_name("case", case_id)])


def case_resolution_opened(case_id, estate_id, consultation_id, **_):
    emit("case_resolution", {"case_id": case_id, "consultation_id": consultation_id},
         [room_name("case", case_id)])


def elevator_stage_changed(project_id, estate_id, stage, **_):
    emit("elevator_stage", {"id": project_id, "stage": _value(stage)},
         [room_name("elevator", project_id)])


def progress_posted(project_id, estate_id, post_id, **_):
    post = progress_post_view(post_id)
    if post is not None:
        emit("progress", {"project_id": project_id, "post": post}, [room_name("estate", estate_id)])


HANDLERS = {
    signals.ballot_cast: ballot_cast,
    signals.consultation_status_changed: consultation_status_changed,
    signals.post_created: post_created,
    signals.post_hidden: post_hidden,
    signals.post_edited: post_edited,
    signals.case_meeting_scheduled: case_meeting_scheduled,
    signals.case_resolution_opened: case_resolution_opened,
    signals.elevator_stage_changed: elevator_stage_changed,
    signals.progress_posted: progress_posted,
}


# --- payloads built by the owning domain, imported lazily ---

def case_post_view(post_id: int) -> dict | None:
    """A case post as the case's HTTP routes show it to a reader."""
    from app.cases.api import Post
    from app.cases.api import CasePostSchema
    from app.cases.api import post_view

    post = db.session.get(Post, post_id)
    return None if post is None else CasePostSchema().dump(post_view(post))


def case_meeting_view(meeting_id: int) -> dict | None:
    """A case meeting as the case's HTTP routes show it."""
    from app.cases.api import Meeting
    from app.cases.api import CaseMeetingSchema

    meeting = db.session.get(Meeting, meeting_id)
    return None if meeting is None else CaseMeetingSchema().dump(meeting)


def progress_post_view(post_id: int) -> dict | None:
    """A progress post as the project's HTTP routes show it."""
    from app.projects.api import ProgressPost
    from app.projects.api import ProgressPostSchema

    post = db.session.get(ProgressPost, post_id)
    return None if post is None else ProgressPostSchema().dump(post)


def send_tally(consultation_id: int) -> None:
    """The results (as HTTP shows them) to the consultation's room, or only to its
    committee side room while the consultation hides its results until close."""
    from app.consultations.api import Consultation
    from app.consultations.api import ResultsSchema
    from app.consultations.api import results

    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None or _value(consultation.status) == "draft":
        return
    outcome = results(consultation)
    room = room_name("consultation", consultation_id)
    if outcome.hidden:
        room = committee_room(room)
    emit("tally", {"consultation_id": consultation_id, **ResultsSchema().dump(outcome)}, [room])
