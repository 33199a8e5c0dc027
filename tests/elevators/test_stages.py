"""The stage machine's guards, without a database."""
from datetime import datetime, timedelta, timezone

import pytest

from app.elevators.api import ORDER, GuardFacts, Stage, next_stage, refusal

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
ALL_CLEAR = GuardFacts(now=NOW, consent_decision="passed",
                       publicity_started_at=NOW - timedelta(days=10), publicity_days=10)


def test_the_pipeline_runs_in_order_and_ends_in_operating():
    assert [s.value for s in ORDER] == ["proposed", "consent", "publicity", "signing", "permit",
                                        "construction", "acceptance", "operating"]
    assert next_stage(Stage.operating) is None
    for current, to in zip(ORDER, ORDER[1:]):
        assert refusal(current, to, ALL_CLEAR) is None


@pytest.mark.parametrize("current, to", [
    (Stage.consent, Stage.signing),  # skipping
    (Stage.signing, Stage.publicity),  # going back
    (Stage.consent, Stage.consent),
])
def test_only_the_next_stage_is_allowed(current, to):
    refused = refusal(current, to, ALL_CLEAR)
    assert refused.guard == "next_stage"
    assert "只能推进到" in refused.message


def test_nothing_follows_operating():
    assert "最后一个阶段" in refusal(Stage.operating, Stage.operating, ALL_CLEAR).message


@pytest.mark.parametrize("decision, words", [("pending", "还没有结束"), ("failed", "没有通过")])
def test_publicity_needs_consent_passed(decision, words):
    facts = GuardFacts(now=NOW, consent_decision=decision)
    refused = refusal(Stage.consent, Stage.publicity, facts)
    assert refused.guard == "consent_passed" and words in refused.message


def test_signing_waits_for_the_whole_publicity_period():
    started = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)  # 10:00 in Beijing
    facts = GuardFacts(now=started + timedelta(days=10) - timedelta(seconds=1),
                       consent_decision="passed", publicity_started_at=started, publicity_days=10)
    refused = refusal(Stage.publicity, Stage.signing, facts)
    assert refused.guard == "publicity_elapsed"
    assert refused.message == "公示期为 10 天，2026年11月30日 10:00 之后才能进入协议签署"
    on_time = GuardFacts(now=started + timedelta(days=10), consent_decision="passed",
                         publicity_started_at=started, publicity_days=10)
    assert refusal(Stage.publicity, Stage.signing, on_time) is None


def test_signing_waits_for_every_objection():
    facts = GuardFacts(now=NOW, consent_decision="passed", publicity_days=10,
                       publicity_started_at=NOW - timedelta(days=11), open_objections=2)
    refused = refusal(Stage.publicity, Stage.signing, facts)
    assert refused.guard == "objections_handled" and "还有 2 条异议" in refused.message


def test_permit_waits_for_every_agreeing_flat_to_sign():
    rooms = [f"{n}01" for n in range(2, 14)]
    refused = refusal(Stage.signing, Stage.permit,
                      GuardFacts(now=NOW, unsigned_agreeing_rooms=rooms))
    assert refused.guard == "agreeing_flats_signed"
    assert "还有 12 户" in refused.message and "201、301" in refused.message
    assert "1101等" in refused.message and "1201" not in refused.message
