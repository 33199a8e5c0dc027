"""Sunlight analyses: who may make and read them, computing and storing them.

Computing is pure (analysis.py); this module checks what the inputs point at (the
case, the elevator project, the flats all belong to the estate), stores inputs and
results in one commit, and answers who sees what.
"""
import dataclasses
import hashlib
import json

from flask import current_app
from sqlalchemy import select

from app.audit.api import record
from app.auth.api import Role
from app.auth.api import is_committee, is_member, is_moderator
from app.db import utcnow
from app.errors import InvalidInput, NotFound
from app.estates.api import Flat
from app.estates.api import verified_flat_ids
from app.extensions import db
from app.heavyjobs.api import finish, submit
from app.offload import TimedOut, in_a_process
from app.sunlight import analysis, messages
from app.sunlight.models import SunlightAnalysis

#: part of every design hash: raise it when analysis.run would answer differently
ANALYSIS_VERSION = 1


def settings() -> analysis.Settings:
    config = current_app.config
    return analysis.Settings(
        climate_zone=config["SUNLIGHT_CLIMATE_ZONE"], large_city=config["SUNLIGHT_LARGE_CITY"],
        min_stretch_minutes=config["SUNLIGHT_MIN_STRETCH_MINUTES"],
        min_facade_angle_deg=config["SUNLIGHT_MIN_FACADE_ANGLE_DEG"])


def get_analysis(analysis_id: int) -> SunlightAnalysis:
    found = db.session.get(SunlightAnalysis, analysis_id)
    if found is None:
        raise NotFound()
    return found


def can_edit(user, estate_id: int) -> bool:
    """The committee, staff and the estate's designers make and change analyses."""
    return user is not None and (is_committee(user, estate_id) or any(
        grant.role == Role.designer and grant.estate_id == estate_id for grant in user.roles))


def attachment_estate(case_id: int | None, elevator_project_id: int | None) -> int | None:
    """The estate of the case or elevator project an analysis may be attached to."""
    from app.cases.api import Case
    from app.elevators.api import ElevatorProject

    owner = (db.session.get(Case, case_id) if case_id is not None
             else db.session.get(ElevatorProject, elevator_project_id)
             if elevator_project_id is not None else None)
    return owner.estate_id if owner is not None else None


def window_flat_ids(found: SunlightAnalysis) -> set[int]:
    return {w["flat_id"] for w in found.results.get("windows", []) if w.get("flat_id")}


def my_flat_ids(user_id: int, flat_ids: set[int]) -> set[int]:
    """Of `flat_ids`, those the user has a verified link to (owner, tenant or family)."""
    return verified_flat_ids(user_id, flat_ids)


def can_read(user, found: SunlightAnalysis) -> bool:
    """Who reads an analysis: as its case (estate members), else as its elevator project (the
    stairwell's residents and the committee), and always the residents of its windows' flats."""
    if user is None or not is_member(user, found.estate_id):
        return False
    if is_moderator(user, found.estate_id) or can_edit(user, found.estate_id):
        return True
    if found.elevator_project_id is not None and found.case_id is None:
        from app.elevators.api import services as elevators
        from app.elevators.api import ElevatorProject

        project = db.session.get(ElevatorProject, found.elevator_project_id)
        if project is not None and elevators.can_view(user, project):
            return True
        return bool(my_flat_ids(user.id, window_flat_ids(found)))
    return True


def _check_references(estate_id: int, data: dict) -> None:
    """The case, the elevator project and every window's flat belong to this estate."""
    from app.cases.api import Case
    from app.elevators.api import ElevatorProject

    errors: dict = {}
    if data.get("case_id") is not None:
        case = db.session.get(Case, data["case_id"])
        if case is None or case.estate_id != estate_id:
            errors["case_id"] = messages.CASE_UNKNOWN
    if data.get("elevator_project_id") is not None:
        project = db.session.get(ElevatorProject, data["elevator_project_id"])
        if project is None or project.estate_id != estate_id:
            errors["elevator_project_id"] = messages.PROJECT_UNKNOWN
    wanted = {w["flat_id"] for w in data["windows"] if w.get("flat_id") is not None}
    known = set(db.session.scalars(select(Flat.id).where(
        Flat.estate_id == estate_id, Flat.id.in_(wanted)))) if wanted else set()
    for index, window in enumerate(data["windows"]):
        if window.get("flat_id") is not None and window["flat_id"] not in known:
            errors.setdefault("windows", {})[str(index)] = {"flat_id": messages.FLAT_UNKNOWN}
    if errors:
        raise InvalidInput(fields=errors)


def _inputs(data: dict) -> dict:
    return {key: value for key, value in data.items() if key not in ("case_id", "elevator_project_id")}


def design_hash(inputs: dict, used: analysis.Settings) -> str:
    """What the results depend on, hashed: the inputs, the settings and the analysis' version."""
    design = {"inputs": inputs, "settings": dataclasses.asdict(used), "version": ANALYSIS_VERSION}
    return hashlib.sha256(json.dumps(design, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _computed(estate_id: int, data: dict) -> tuple[str, dict]:
    """(design hash, results): the stored results of the estate's same design, else computed
    in a helper process (app/offload.py) within SUNLIGHT_TIME_LIMIT_S (422 past it)."""
    inputs, used = _inputs(data), settings()
    digest = design_hash(inputs, used)
    earlier = db.session.scalar(select(SunlightAnalysis.results).where(
        SunlightAnalysis.estate_id == estate_id, SunlightAnalysis.design_hash == digest)
        .order_by(SunlightAnalysis.id.desc()).limit(1))
    if earlier is not None:
        return digest, earlier
    limit_s = current_app.config["SUNLIGHT_TIME_LIMIT_S"]
    try:
        return digest, in_a_process(analysis.run, inputs, used, timeout_s=limit_s)
    except TimedOut as error:
        message = messages.TOO_SLOW.format(seconds=f"{limit_s:g}")
        raise InvalidInput(message, code="too_slow", fields={"windows": message}) from error


def start_analysis(estate_id: int, data: dict, actor_id: int | None) -> SunlightAnalysis:
    """Check the references, then compute and store as a heavy job (app/heavyjobs): a kill
    mid-way leaves no analysis and a job the committee can run again."""
    _check_references(estate_id, data)
    return submit("sunlight.create", estate_id, actor_id, data)


def start_update(found: SunlightAnalysis, data: dict, actor_id: int | None) -> SunlightAnalysis:
    """As start_analysis, replacing an analysis' site."""
    _check_references(found.estate_id, data)
    return submit("sunlight.update", found.estate_id, actor_id, {"analysis_id": found.id, "data": data})


def run_create_job(job, payload: dict, upload) -> SunlightAnalysis:
    return create_analysis(job.estate_id, payload, job.created_by_id, job=job)


def run_update_job(job, payload: dict, upload) -> SunlightAnalysis:
    return update_analysis(get_analysis(payload["analysis_id"]), payload["data"], job.created_by_id, job=job)


def create_analysis(estate_id: int, data: dict, actor_id: int | None, job=None) -> SunlightAnalysis:
    """Check, compute and store an analysis (one commit, with its job's end)."""
    _check_references(estate_id, data)
    digest, results = _computed(estate_id, data)
    found = SunlightAnalysis(estate_id=estate_id, case_id=data.get("case_id"),
                             elevator_project_id=data.get("elevator_project_id"), design_hash=digest,
                             inputs=_inputs(data), results=results, created_by_id=actor_id)
    db.session.add(found)
    db.session.flush()
    _audit("sunlight.created", found, actor_id)
    finish(job, found.id)
    db.session.commit()
    return found


def _audit(action: str, found: SunlightAnalysis, actor_id: int | None) -> None:
    record(action, estate_id=found.estate_id, actor_id=actor_id, subject_type="sunlight_analysis",
           subject_id=found.id, data={"case_id": found.case_id, "exempt": found.results["exempt"],
                                      "elevator_project_id": found.elevator_project_id,
                                      "windows": len(found.results["windows"])})


def update_analysis(found: SunlightAnalysis, data: dict, actor_id: int | None, job=None) -> SunlightAnalysis:
    """Replace the site and recompute (one commit, with its job's end); the attachment may change too."""
    _check_references(found.estate_id, data)
    digest, results = _computed(found.estate_id, data)
    found.case_id, found.elevator_project_id = data.get("case_id"), data.get("elevator_project_id")
    found.inputs, found.results, found.updated_at = _inputs(data), results, utcnow()
    found.design_hash = digest
    _audit("sunlight.updated", found, actor_id)
    finish(job, found.id)
    db.session.commit()
    return found


def analyses_of(estate_id: int, *, case_id: int | None = None,
                elevator_project_id: int | None = None) -> list[SunlightAnalysis]:
    """An estate's analyses (or those of one case or elevator project), newest first."""
    query = select(SunlightAnalysis).where(SunlightAnalysis.estate_id == estate_id)
    if case_id is not None:
        query = query.where(SunlightAnalysis.case_id == case_id)
    if elevator_project_id is not None:
        query = query.where(SunlightAnalysis.elevator_project_id == elevator_project_id)
    return list(db.session.scalars(query.order_by(SunlightAnalysis.id.desc()).limit(50)))


def view(found: SunlightAnalysis) -> dict:
    """The API body (API.md): the stored results and where the picture is."""
    results = found.results
    return {"id": found.id, "estate_id": found.estate_id, "case_id": found.case_id,
            "elevator_project_id": found.elevator_project_id, "day": results["day"],
            "period": results["period"], "exempt": results["exempt"],
            "windows": results["windows"], "explanation": results["explanation"],
            "chart_url": f"/api/v1/sunlight-analyses/{found.id}/chart.png",
            "statement_url": f"/api/v1/sunlight-analyses/{found.id}/statement.pdf"}


def my_windows(user, *, estate_id: int, case_id: int | None = None,
               elevator_project_id: int | None = None) -> list[dict]:
    """For a resident's page: each analysis of the case or project with the windows of
    the resident's own flats ({"analysis": view, "windows": [(index, window), ...]})."""
    out = []
    for found in analyses_of(estate_id, case_id=case_id, elevator_project_id=elevator_project_id):
        if not can_read(user, found):
            continue
        mine = my_flat_ids(user.id, window_flat_ids(found))
        windows = [(index, w) for index, w in enumerate(found.results["windows"]) if w.get("flat_id") in mine]
        if windows:
            out.append({"analysis": view(found), "windows": windows})
    return out
