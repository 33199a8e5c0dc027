"""The stage pipeline of an added elevator and the guard on each step. Pure: no database.

proposed → consent → publicity → signing → permit → construction → acceptance → operating.
A project only moves one stage forward. The service gathers the facts a guard
needs (`GuardFacts`); `refusal()` says, in Chinese, why a step may not be taken.
"""
import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.display import china_time
from app.elevators import messages
from app.pipeline import Pipeline

MAX_ROOMS_LISTED = 10


class Stage(str, enum.Enum):
    proposed = "proposed"  # 提出申请
    consent = "consent"  # 意愿征询
    publicity = "publicity"  # 方案公示
    signing = "signing"  # 协议签署
    permit = "permit"  # 审批
    construction = "construction"  # 施工
    acceptance = "acceptance"  # 验收
    operating = "operating"  # 运维

    @property
    def label(self) -> str:
        return messages.STAGE_LABELS[self.value]


ORDER = list(Stage)


def next_stage(stage: Stage) -> Stage | None:
    return ELEVATOR.next(stage)


@dataclass(frozen=True)
class GuardFacts:
    """What the guards look at, gathered by the service."""

    now: datetime
    #: passed / failed / pending, from the consent consultation's results
    consent_decision: str = "pending"
    publicity_started_at: datetime | None = None
    #: the project's 公示 days (the city's `elevator_plan` days unless the committee chose more)
    publicity_days: int = 0
    #: objections neither withdrawn nor settled by a closed case with an outcome
    open_objections: int = 0
    #: rooms of flats that agreed in the consent round and have not signed
    unsigned_agreeing_rooms: list[str] = field(default_factory=list)

    @property
    def publicity_ends_at(self) -> datetime | None:
        if self.publicity_started_at is None:
            return None
        return self.publicity_started_at + timedelta(days=self.publicity_days)


@dataclass(frozen=True)
class Refusal:
    #: stable name of the guard, for clients and tests
    guard: str
    message: str


def _consent_passed(facts: GuardFacts) -> Refusal | None:
    if facts.consent_decision == "passed":
        return None
    if facts.consent_decision == "failed":
        return Refusal("consent_passed", messages.GUARD_CONSENT_FAILED)
    return Refusal("consent_passed", messages.GUARD_CONSENT_PENDING)


def _publicity_elapsed(facts: GuardFacts) -> Refusal | None:
    ends = facts.publicity_ends_at
    if ends is not None and facts.now >= ends:
        return None
    until = ends or facts.now + timedelta(days=facts.publicity_days)
    return Refusal("publicity_elapsed", messages.GUARD_PUBLICITY_NOT_ELAPSED.format(
        days=facts.publicity_days, until=china_time(until)))


def _objections_handled(facts: GuardFacts) -> Refusal | None:
    if facts.open_objections == 0:
        return None
    return Refusal("objections_handled",
                   messages.GUARD_OBJECTIONS_OPEN.format(count=facts.open_objections))


def _agreeing_flats_signed(facts: GuardFacts) -> Refusal | None:
    rooms = facts.unsigned_agreeing_rooms
    if not rooms:
        return None
    listed = "、".join(rooms[:MAX_ROOMS_LISTED]) + ("等" if len(rooms) > MAX_ROOMS_LISTED else "")
    return Refusal("agreeing_flats_signed",
                   messages.GUARD_UNSIGNED.format(count=len(rooms), rooms=listed))


#: an added elevator's stages and the guards on entering each, checked in this order
ELEVATOR = Pipeline("elevator", tuple(Stage), {
    Stage.publicity: (_consent_passed,),
    Stage.signing: (_publicity_elapsed, _objections_handled),
    Stage.permit: (_agreeing_flats_signed,),
})


def refusal(current: Stage, to: Stage, facts: GuardFacts) -> Refusal | None:
    """Why `current → to` may not happen now, or None when it may."""
    expected = next_stage(current)
    if expected is None:
        return Refusal("next_stage", messages.LAST_STAGE)
    if to != expected:
        return Refusal("next_stage", messages.WRONG_STAGE.format(
            current=current.label, next=expected.label))
    return ELEVATOR.first_refusal(to, facts)
