""""Only one" and "never past the capacity" under real concurrency: threads, each with its own
app context and connection, released together by a barrier (on PostgreSQL this is what the
unique constraint and the plan's row lock are for)."""

from app.applications.api import reserve, services
from app.applications.api import Application, ApplicationStatus, ReserveEntry
from app.errors import DomainError
from app.extensions import db
from tests.factories import flats_of, make_estate, make_owner, make_user
from tests.applications.helpers import reserved_estate
from tests.helpers import together


def test_one_support_per_flat_however_many_taps_at_once(app, estate):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    application_id = services.start_application(estate.id, "屋面漏水", owner.id).id
    outcomes = together(app, 8, lambda i: services.add_support(
        db.session.get(Application, application_id), flat.id, owner.id))
    assert sorted(outcomes) == ["already_supported"] * 7 + ["ok"]
    assert services.support_of(db.session.get(Application, application_id)).supported == 1


def test_one_live_application_per_estate_however_many_start_at_once(app, estate):
    people = [make_owner(flat).id for flat in flats_of(estate.id)[:6]]
    outcomes = together(app, len(people), lambda i: services.start_application(
        estate.id, "屋面漏水", people[i]))
    assert sorted(outcomes) == ["application_exists"] * 5 + ["ok"]
    assert len(services.applications_of(estate.id)) == 1


def test_a_plan_never_goes_past_its_capacity_when_estates_are_added_at_once(app, backend):
    staff = make_user(roles=[("staff", None)])
    estate_ids = [reserved_estate(staff.id, 30_000_000, n) for n in range(6)]
    plan_id = reserve.create_plan(2027, "东城区", 100_000_000, staff.id).id
    outcomes = together(app, len(estate_ids), lambda i: reserve.add_to_plan(
        reserve.get_plan(plan_id), estate_ids[i], staff.id))
    print(f"\n[annual plan] {backend}: 6 estates of 300,000 元 at once into 1,000,000 元: {sorted(outcomes)}")
    assert sorted(outcomes) == ["ok"] * 3 + ["over_capacity"] * 3
    view = reserve.plan_view(reserve.get_plan(plan_id))
    assert view["used_cents"] == 90_000_000 and view["remaining_cents"] == 10_000_000


def test_two_additions_that_each_fit_but_not_together_accept_one(app):
    staff = make_user(roles=[("staff", None)])
    estate_ids = [reserved_estate(staff.id, 60_000_000, n) for n in range(2)]
    plan_id = reserve.create_plan(2028, "东城区", 100_000_000, staff.id).id
    outcomes = together(app, 2, lambda i: reserve.add_to_plan(
        reserve.get_plan(plan_id), estate_ids[i], staff.id))
    assert sorted(outcomes) == ["ok", "over_capacity"]
