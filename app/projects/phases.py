"""Moving a project to its next phase through the guards (app.projects.guards).

Entering 共评 opens the evaluation (a question per item); entering 共享 publishes it (公示).
Each refusal is a 409 `guard_failed` naming everything that is missing, in Chinese.
"""
from datetime import datetime

from app.audit.api import record
from app.db import lock_row, utcnow
from app.errors import Conflict, GuardFailed
from app.extensions import db
from app.projects import messages
from app.projects.evaluation import start_evaluation
from app.projects.guards import RENOVATION, missing_for
from app.projects.models import Phase, PhaseChange, RenovationProject
from app.unit_of_work import unit


def next_phase(project: RenovationProject) -> Phase:
    following = RENOVATION.next(project.phase)
    if following is None:
        raise Conflict(messages.PHASE_LAST, code="phase_last")
    return following


def refusals(project: RenovationProject, now: datetime | None = None) -> list[str]:
    """What entering the next phase still lacks (empty: it may go ahead; [] in the last phase)."""
    if RENOVATION.next(project.phase) is None:
        return []
    return missing_for(project, next_phase(project), now or utcnow())


@unit
def advance(project: RenovationProject, to: Phase, actor_id: int,
            evaluation_closes_at: datetime | None = None) -> RenovationProject:
    """Forward one phase at a time, through the guards; each start is kept for the timeline."""
    lock_row(db.session, RenovationProject, project.id)
    db.session.refresh(project)
    following = next_phase(project)
    if to != following:
        raise Conflict(messages.PHASE_NOT_NEXT.format(next=messages.PHASE_LABELS[following.value]),
                       code="phase_not_next")
    label = messages.PHASE_LABELS[to.value]
    missing = missing_for(project, to, utcnow())
    if to == Phase.co_evaluate and evaluation_closes_at is None:
        missing.append(messages.EVALUATION_CLOSES_REQUIRED)
    if missing:
        raise GuardFailed(messages.PHASE_REFUSED.format(phase=label, reasons="；".join(missing)),
                          fields={"to": "；".join(missing)})
    if to == Phase.co_evaluate:
        _open_evaluation(project, evaluation_closes_at, actor_id)
    if to == Phase.co_share:
        _publish_evaluation(project, actor_id)
    project.phase = to
    db.session.add(PhaseChange(project_id=project.id, estate_id=project.estate_id, phase=to,
                               actor_id=actor_id))
    record("project.phase_changed", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="project", subject_id=project.id, data={"phase": to.value})
    return project


def _open_evaluation(project: RenovationProject, closes_at: datetime, actor_id: int) -> None:
    from app.consultations.api import open_consultation

    evaluation = start_evaluation(project, closes_at, actor_id)
    open_consultation(evaluation, actor_id)
    project.evaluation_id = evaluation.id
    return evaluation


def _publish_evaluation(project: RenovationProject, actor_id: int) -> None:
    from app.consultations.api import Consultation
    from app.consultations.api import publish_consultation

    evaluation = db.session.get(Consultation, project.evaluation_id)
    project.shared_at = utcnow()
    if evaluation.status.value != "closed":  # the committee published it already
        return None
    return publish_consultation(evaluation, actor_id)
