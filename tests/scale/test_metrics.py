"""/metrics: off by default, not public, and it counts what a deployment watches."""
import pytest

from app import create_app
from tests.conftest import make_config
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner

TOKEN = "metrics-token-for-the-test"


@pytest.fixture
def config_overrides():
    return {"METRICS_ENABLED": True, "METRICS_TOKEN": TOKEN, "METRICS_ALLOW": []}


def scrape(client, token=TOKEN, **kwargs):
    return client.get("/metrics", headers={"Authorization": f"Bearer {token}"} if token else {},
                      **kwargs)


def test_metrics_are_off_by_default(app):
    default = create_app(make_config(app.config["SQLALCHEMY_DATABASE_URI"]))
    assert scrape(default.test_client()).status_code == 404


def test_metrics_need_the_token_or_an_allowed_address(app, client):
    assert scrape(client, token=None).status_code == 404
    assert scrape(client, token="wrong").status_code == 404
    assert scrape(client).status_code == 200
    app.config["METRICS_ALLOW"] = ["10.0.0.9"]
    assert scrape(client, token=None, environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 200
    assert scrape(client, token=None, environ_base={"REMOTE_ADDR": "10.0.0.8"}).status_code == 404


def test_metrics_count_requests_ballots_clients_and_tallies(app, client):
    estate = make_estate()
    owner = make_owner(flats_of(estate.id)[0])
    consultation = make_consultation(estate)
    for answers in ({"install": "agree"}, {"install": "abstain"}):
        response = client.put(f"/api/v1/consultations/{consultation.id}/ballots/mine",
                              headers=auth(owner), json={"answers": answers})
        assert response.status_code == 200, response.json
    app.extensions["realtime"].tallies.flush()  # the coalescer sends the tally (a server's greenlet)
    text = scrape(client).get_data(as_text=True)
    route = 'method="PUT",route="/api/v1/consultations/<int:consultation_id>/ballots/mine"'
    assert f"gongzhi_request_seconds_count{{{route}}} 2" in text
    assert f'gongzhi_request_seconds_bucket{{{route},le="+Inf"}} 2' in text
    assert "gongzhi_ballots_written_total 2" in text
    assert "gongzhi_live_clients 0" in text
    assert "gongzhi_tallies_sent_total 1" in text
    lag = next(line for line in text.splitlines() if line.startswith("gongzhi_tally_lag_seconds "))
    assert float(lag.split()[1]) > 0
