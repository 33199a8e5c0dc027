"""Guarded phases: 共谋 → 共建 → 共管 → 共评 → 共享, each step refused (409) with what is missing.

- co_build: a passed content vote (with approved items within means), its result published
  (公示, after any objections), the plan's publicity ended (app.plans) and no facade-altering
  item of the project waiting for (or refused by) its heritage review;
- co_manage: the joint acceptance (联合验收) recorded, signed by resident representatives;
- co_evaluate: opens the evaluation (app.projects.phases does it on entering);
- co_share: the evaluation has ended; entering publishes it (公示).

The hook (Decidim's registry, a dict and a function): another domain registers an extra
guard for entering a phase without projects importing it. A guard takes
`(project, now)` and returns None when satisfied or a Chinese reason naming what is
missing. The plans domain's `plan_publicity_ended(estate_id, now) -> (ok, reason)` plugs
in as:

    register_guard(Phase.co_build, lambda p, now: (lambda ok, why: None if ok else why)(
        *plan_publicity_ended(p.estate_id, now)))
"""
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select

from app.errors import Conflict
from app.extensions import db
from app.projects import messages
from app.pipeline import Pipeline
from app.projects.models import ItemStatus, JointAcceptance, Phase, RenovationProject

Guard = Callable[[RenovationProject, datetime], "str | None"]


def register_guard(phase: Phase, guard: Guard) -> Guard:
    """Add a guard for entering `phase`; returns it so a test can remove it again."""
    return RENOVATION.register(phase, guard)


def unregister_guard(phase: Phase, guard: Guard) -> None:
    RENOVATION.unregister(phase, guard)


def _content_vote(project: RenovationProject, now) -> str | None:
    from app.projects.decisions import content_vote_outcome

    if project.content_vote_id is None:
        return messages.GUARD_NO_CONTENT_VOTE
    outcome = content_vote_outcome(project.estate_id, project.content_vote_id)
    if outcome is None or not outcome.final:
        return messages.GUARD_CONTENT_VOTE_OPEN
    if outcome.decision != "passed" or outcome.means is None or not outcome.means.included:
        return messages.GUARD_CONTENT_VOTE_FAILED
    if outcome.status != "published":
        return messages.GUARD_CONTENT_VOTE_NOT_PUBLISHED
    return None


def _plan_shown(project: RenovationProject, now) -> str | None:
    from app.plans.api import plan_publicity_ended

    ended, words = plan_publicity_ended(project.estate_id, now)
    return None if ended else messages.GUARD_PLAN_PUBLICITY.format(state=words)


def _heritage_reviewed(project: RenovationProject, now) -> str | None:
    from app.plans.api import heritage_review_pending

    pending = heritage_review_pending(project.estate_id, [item.code for item in project.items])
    return "；".join(pending) or None


def _items_done(project: RenovationProject, now) -> str | None:
    unfinished = [item.label for item in project.items
                  if item.status not in (ItemStatus.completed, ItemStatus.cancelled)]
    if unfinished:
        return messages.GUARD_ITEMS_UNFINISHED.format(items="、".join(unfinished))
    return None


def _acceptance(project: RenovationProject, now) -> str | None:
    acceptance = db.session.scalar(select(JointAcceptance).where(
        JointAcceptance.project_id == project.id))
    if acceptance is None:
        return messages.GUARD_NO_ACCEPTANCE
    return None


def _evaluation_ended(project: RenovationProject, now) -> str | None:
    from app.projects.decisions import consultation_status

    status = consultation_status(project.evaluation_id)
    if status is None:
        return messages.GUARD_NO_EVALUATION
    if status not in ("closed", "published"):
        return messages.GUARD_EVALUATION_OPEN
    return None


#: a renovation project's phases and the guards on entering each (every reason is named)
RENOVATION = Pipeline("renovation", tuple(Phase), {
    Phase.co_build: (_content_vote, _plan_shown, _heritage_reviewed),
    Phase.co_manage: (_items_done, _acceptance),
    Phase.co_share: (_evaluation_ended,),
})


def require_phase(project: RenovationProject, action: str, *allowed: Phase) -> None:
    """Refuse (409 wrong_phase) an action bound to other phases than the project's now."""
    if project.phase not in allowed:
        raise Conflict(messages.WRONG_PHASE.format(
            phase=messages.PHASE_LABELS[project.phase.value], action=action,
            allowed="或".join(messages.PHASE_LABELS[p.value] for p in allowed)), code="wrong_phase")


def missing_for(project: RenovationProject, phase: Phase, now: datetime) -> list[str]:
    """Every reason entering `phase` is refused now (empty: it may go ahead)."""
    return RENOVATION.refusals(phase, project, now)
