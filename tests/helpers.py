"""Helpers shared by the tests of this folder, so no test module imports another."""


def seed(url: str):
    from app.auth.api import issue
    from app.projects.api import create_project
    from tests.factories import make_user
    from tests.realtime.helpers import seeding
    from app.estates.api import create_estate

    with seeding(url):
        estate = create_estate(name="重载小区", district="东城区", street="和平里街道", built_year=1990)
        committee = make_user(roles=[("committee", estate.id)])
        project = create_project(estate.id, "屋面改造", 100_000_00, committee.id)
        return estate.id, project.id, issue(committee, "access")
