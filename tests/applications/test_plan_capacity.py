"""A plan takes estates up to exactly its capacity (issue 30, item 8): "within what the budget
can bear" includes the capacity itself; one cent more is refused."""
from app.applications.api import reserve
from app.errors import Conflict
from tests.applications.helpers import reserved_estate
from tests.factories import make_user


def test_a_plan_fills_exactly_to_its_capacity_and_not_one_cent_more(app):
    staff = make_user(roles=[("staff", None)])
    first, second, third = (reserved_estate(staff.id, cost, n)
                            for n, cost in enumerate((60_000_000, 40_000_000, 1)))
    plan = reserve.create_plan(2029, "东城区", 100_000_000, staff.id)
    reserve.add_to_plan(plan, first, staff.id)
    reserve.add_to_plan(reserve.get_plan(plan.id), second, staff.id)  # 100,000,000 of 100,000,000
    view = reserve.plan_view(reserve.get_plan(plan.id))
    assert (view["used_cents"], view["remaining_cents"], view["used_percent"]) == (100_000_000, 0, "100.0%")
    try:
        reserve.add_to_plan(reserve.get_plan(plan.id), third, staff.id)
        raise AssertionError("one cent past the capacity was accepted")
    except Conflict as refused:
        assert refused.code == "over_capacity"
        assert "还剩 0.00 元" in refused.message, refused.message
