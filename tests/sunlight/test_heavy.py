"""A sunlight analysis cannot stall the server (issue 31.1).

- The input is bounded by what it costs: footprint points in all, and windows × points ×
  steps of the day; the refusal names the limit.
- An unchanged design (same site, same settings) reuses the stored results.
- In a server the analysis runs in a helper process (app/offload.py) with a time limit:
  past it the helper is killed, the answer is 422 naming the limit, nothing is stored.
"""
import math

import pytest
import requests
from marshmallow import ValidationError
from sqlalchemy import func, select

from app.sunlight.api import analysis, services
from app.sunlight.api import SunlightAnalysis
from app.sunlight.api import MAX_VERTICES, MAX_WORK, SunlightInSchema
from tests.sunlight.helpers import Place
from tests.sunlight.helpers import estate_site


def test_the_input_is_bounded_by_points_and_work_naming_the_limit():
    with pytest.raises(ValidationError) as points:
        SunlightInSchema().load(estate_site(buildings=50, points=64, windows=1))
    assert str(MAX_VERTICES) in points.value.messages["buildings"][0]
    with pytest.raises(ValidationError) as work:  # 500 windows × 504 points × 480 steps
        SunlightInSchema().load(estate_site(buildings=50, points=10, windows=500))
    assert "窗户" in work.value.messages["windows"][0] and "亿" in work.value.messages["windows"][0]
    # the same site with a 5-minute step is within the bound
    assert 500 * 504 * 96 <= MAX_WORK < 500 * 504 * 480
    SunlightInSchema().load(estate_site(buildings=50, points=10, windows=500, step_minutes=5))


def test_an_unchanged_design_reuses_its_results(app, monkeypatch):
    place, computed = Place(), []
    real_run = analysis.run
    monkeypatch.setattr(analysis, "run", lambda *args: computed.append(1) or real_run(*args))
    data = SunlightInSchema().load(place.body())
    first = services.create_analysis(place.estate.id, data, place.committee.id)
    second = services.create_analysis(place.estate.id, SunlightInSchema().load(place.body()), place.committee.id)
    assert len(computed) == 1 and second.results == first.results and second.id != first.id
    services.update_analysis(second, SunlightInSchema().load(place.body(step_minutes=2)), place.committee.id)
    assert len(computed) == 2
    services.update_analysis(second, SunlightInSchema().load(place.body()), place.committee.id)
    assert len(computed) == 2 and second.results == first.results


def test_an_analysis_past_its_time_limit_is_stopped_and_nothing_stored(start_server, clone_database, backend):
    from app.auth.api import issue
    from tests.realtime.helpers import seeding

    url = clone_database(backend)
    with seeding(url):
        place = Place()
        estate_id, token, body = place.estate.id, issue(place.committee, "access"), place.body()
    server = start_server(backend, database_url=url, SUNLIGHT_TIME_LIMIT_S="0.01")
    # an estate of 20 slabs and 200 windows: well past 0.01 s even on a quiet machine (the
    # two windows of `body` alone can be done within it)
    body = estate_site(buildings=20, points=8, windows=200)
    response = requests.post(f"{server.url}/api/v1/estates/{estate_id}/sunlight-analyses", json=body,
                             headers={"Authorization": f"Bearer {token}"}, timeout=120)
    assert response.status_code == 422, response.text[:300]
    assert response.json()["error"]["code"] == "too_slow"
    assert "0.01 秒" in response.json()["error"]["message"]
    assert requests.get(f"{server.url}/api/v1/health", timeout=5).ok
    with seeding(url):
        from app.extensions import db

        assert db.session.scalar(select(func.count(SunlightAnalysis.id))) == 0
