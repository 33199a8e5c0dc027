"""The live-server fixture serves the real app from a migrated database."""
import requests


def test_live_server_serves_health_and_login(start_server, backend):
    server = start_server(backend)
    assert requests.get(server.url + "/api/v1/health").json() == {"status": "ok"}
    sent = requests.post(server.url + "/api/v1/auth/sms-codes", json={"phone": "13911112222"})
    assert sent.status_code == 202
    code = requests.get(server.url + "/api/v1/dev/sms-outbox?phone=13911112222").json()[0]["code"]
    login = requests.post(server.url + "/api/v1/auth/tokens", json={"phone": "13911112222", "code": code})
    assert login.status_code == 201
