"""One Pipeline for every kind of project (app/pipeline.py): stages in order and guards on
entering each, as data; a renovation project and an added elevator are two of them."""
from datetime import datetime, timezone

from app.elevators.api import ELEVATOR, GuardFacts, ORDER, Stage, refusal
from app.pipeline import Pipeline
from app.projects.api import Phase, RENOVATION

NOW = datetime(2026, 12, 7, tzinfo=timezone.utc)


def test_stages_move_one_forward_and_end():
    steps = Pipeline("test", ("a", "b", "c"))
    assert [steps.next(s) for s in ("a", "b", "c")] == ["b", "c", None]


def test_every_refusal_or_the_first_in_order_and_registered_guards_join():
    asked = []

    def guard(name, answer):
        def check(subject):
            asked.append(name)
            return answer
        return check

    steps = Pipeline("test", ("a", "b"), {"b": (guard("one", None), guard("two", "缺二"), guard("three", "缺三"))})
    assert steps.refusals("b", object()) == ["缺二", "缺三"]
    asked.clear()
    assert steps.first_refusal("b", object()) == "缺二" and asked == ["one", "two"]  # three not asked
    extra = steps.register("b", guard("four", "缺四"))
    assert steps.refusals("b", object())[-1] == "缺四"
    steps.unregister("b", extra)
    assert steps.refusals("b", object()) == ["缺二", "缺三"]
    assert steps.refusals("a", object()) == []


def test_both_kinds_of_project_are_pipelines_of_this_one_type():
    assert tuple(RENOVATION.stages) == tuple(Phase) and tuple(ELEVATOR.stages) == tuple(ORDER)
    assert [RENOVATION.next(p) for p in Phase][:2] == [Phase.co_build, Phase.co_manage]
    assert RENOVATION.next(Phase.co_share) is None and ELEVATOR.next(Stage.operating) is None
    # an elevator's step says why it may not be taken, the first reason, as before
    refused = refusal(Stage.consent, Stage.publicity, GuardFacts(now=NOW, consent_decision="failed"))
    assert refused.guard == "consent_passed"
    assert refusal(Stage.consent, Stage.signing, GuardFacts(now=NOW)).guard == "next_stage"
    assert refusal(Stage.operating, Stage.operating, GuardFacts(now=NOW)).guard == "next_stage"
