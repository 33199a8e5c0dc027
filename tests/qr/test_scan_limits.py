"""Scanning is limited per address, page and JSON together, so scan counts cannot be pumped."""
import uuid

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.qr.api import services
from app.qr.api import QrScan
from tests.qr.helpers import BASE_URL


@pytest.fixture
def config_overrides():
    return {"PUBLIC_BASE_URL": BASE_URL, "RATELIMIT_ENABLED": True, "RATELIMIT_QR_PER_IP": "3 per hour",
            "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}"}


def test_page_and_json_share_one_allowance(client, stairwell):
    token = services.link_for(services.get_place_or_404("stairwell", stairwell.id)).rsplit("/", 1)[1]
    assert client.get(f"/q/{token}").status_code == 200
    assert client.get(f"/api/v1/qr/{token}").status_code == 200
    assert client.get(f"/q/{token}").status_code == 200
    page = client.get(f"/q/{token}")
    assert page.status_code == 429
    assert "操作太频繁" in page.text
    response = client.get(f"/api/v1/qr/{token}")
    assert response.status_code == 429
    assert response.json["error"]["code"] == "too_many_requests"
    assert db.session.scalar(select(func.count(QrScan.id))) == 3
    other = client.get(f"/q/{token}", environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert other.status_code == 200
