"""Schemathesis against our own OpenAPI document: no 5xx, and answers that keep to it.

Every operation of /api/v1/openapi.json gets a few generated requests (bounded and
derandomised, so the run is short and the same every time):
  - as a committee member of estate A, with the path ids of real objects of A (so the
    code behind the permission checks runs) and with generated ids (huge, negative);
  - as an owner of two flats of A, likewise (ballots, objections, signatures, posts);
  - bodies and query strings that break the schema (negative mode), which must answer
    4xx, never 500;
  - anonymously, which must answer 401 (or the route's public answer).
Each answer must conform to the document: its status code is documented (errors by
the shared `default` error response), its content type, and its body schema.
"""
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
import schemathesis
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance)

from app import create_app
from app.config import TestConfig
from tests.factories import auth, make_user
from tests.security.world import World, world_app

SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", create_app(TestConfig))
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
EXAMPLES = {"committee": 12, "owner": 6, "anonymous": 3}


@pytest.fixture(scope="module")
def app(backend, databases):
    yield from world_app(backend, databases)


def real_ids(world: World, path: str) -> dict:
    """Path parameters naming objects of estate A (which the committee may touch)."""
    a = world.a
    elevator = path.startswith("/api/v1/elevator-projects")
    building = path.startswith("/api/v1/buildings")
    return {
        "estate_id": a.estate.id, "stairwell_id": a.stairwell_id,
        "place_id": a.building_id if building else a.stairwell_id,
        "consultation_id": a.evaluation_id if "/evaluations/" in path else a.open_consultation_id,
        "case_id": a.case_id, "post_id": a.post_id, "claim_id": a.claim_id,
        "complaint_id": a.complaint_id, "proxy_id": a.proxy_id, "flat_id": a.flats[0].id,
        "project_id": a.elevator_id if elevator else a.project_id,
        "objection_id": a.objection_id, "key": a.media_key, "token": world.qr_token(),
    }


def strategy_for(operation, world: World, identity: str):
    names = {p.name for p in operation.path_parameters}
    fixed = {k: v for k, v in real_ids(world, operation.path).items() if k in names}
    if "fmt" in names:
        fixed["fmt"] = "csv"
    strategies = [operation.as_strategy(GenerationMode.POSITIVE)]
    if identity != "anonymous":
        strategies.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=fixed))
        # (negative multipart bodies trip schemathesis's own encoder, not the app)
        multipart = any(body.media_type.startswith("multipart/") for body in operation.body)
        if (operation.body and not multipart) or operation.query:
            strategies.append(operation.as_strategy(GenerationMode.NEGATIVE, path_parameters=fixed))
    return st.one_of(strategies)


@pytest.mark.parametrize("identity", list(EXAMPLES))
@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_operation_answers_without_5xx_and_as_documented(app, operation, identity):
    world = app.world

    @settings(max_examples=EXAMPLES[identity], derandomize=True, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(case=strategy_for(operation, world, identity))
    def run(case):
        headers = {}
        if identity != "anonymous":
            user = world.people[identity]
            # these would end the person (or every sign-in of theirs): a fresh one
            if operation.label in ("DELETE /api/v1/me", "POST /api/v1/auth/logout-everywhere"):
                user = make_user(roles=[("committee", world.a.estate.id)])
            headers = auth(user)
        case.call_and_validate(app=app, headers=headers, checks=CHECKS)

    run()
