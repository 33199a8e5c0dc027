"""One Pipeline for every kind of project: its stages in order and the guards on entering
each, as data. A renovation project (共谋 → 共建 → 共管 → 共评 → 共享, app/projects) and an
added elevator (提出申请 → 意愿征询 → … → 运维, app/elevators) are two Pipelines of this one
type; neither domain writes its own "what comes next" or "which guards apply".

A guard takes what its kind passes (a project and the time, or an elevator's gathered facts)
and answers None when satisfied, else its refusal (a Chinese reason, or the kind's own refusal
object). Another domain may register an extra guard on a stage without the kind's domain
importing it (the plans domain guards a renovation's 共建). Pure: no Flask, no database.
"""
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Guard = Callable[..., Any]


@dataclass(frozen=True)
class Pipeline:
    #: what moves along it ("renovation", "elevator"), for messages and logs
    kind: str
    #: the stages in order; a project only moves one stage forward
    stages: Sequence
    #: the guards on entering a stage, checked in this order
    guards: Mapping = field(default_factory=dict)
    #: guards other domains registered, per stage entered
    extra: dict = field(default_factory=dict)

    def next(self, stage):
        """The stage after `stage`, or None after the last."""
        index = list(self.stages).index(stage)
        return self.stages[index + 1] if index + 1 < len(self.stages) else None

    def guards_of(self, stage) -> list[Guard]:
        return list(self.guards.get(stage, ())) + list(self.extra.get(stage, ()))

    def refusals(self, stage, *args) -> list:
        """Every guard's refusal on entering `stage`, in order (empty: it may go ahead)."""
        answers = (guard(*args) for guard in self.guards_of(stage))
        return [answer for answer in answers if answer]

    def first_refusal(self, stage, *args):
        """The first refusal on entering `stage` (later guards are not asked), or None."""
        for guard in self.guards_of(stage):
            answer = guard(*args)
            if answer:
                return answer
        return None

    def register(self, stage, guard: Guard) -> Guard:
        """Add a guard on entering `stage`; returns it so that it can be removed again."""
        self.extra.setdefault(stage, []).append(guard)
        return guard

    def unregister(self, stage, guard: Guard) -> None:
        self.extra[stage].remove(guard)
