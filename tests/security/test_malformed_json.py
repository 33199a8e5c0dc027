"""JSON the json module cannot read answers 400 in the error shape, never 500 (issue 16.9).

50,000 nested brackets raise RecursionError and an integer of 5,000 digits passes
Python's int-str digit limit (ValueError); neither is a JSONDecodeError, so the
parser let both through as a 500, before any login was checked.
"""
import pytest

from tests.factories import auth

DEEP = "[" * 50_000 + "]" * 50_000
HUGE_INTEGER = '{"phone": ' + "7" * 5_000 + ', "code": "123456"}'


@pytest.mark.parametrize("body", [DEEP, HUGE_INTEGER], ids=["nested", "digits"])
def test_unreadable_json_answers_400_unauthenticated(client, body):
    response = client.post("/api/v1/auth/tokens", data=body, content_type="application/json")
    assert response.status_code == 400, response.get_data(as_text=True)[:200]
    assert response.json == {"error": {"code": "bad_request", "message": "提交的内容无法读取",
                                       "fields": {}}}


@pytest.mark.parametrize("body", [DEEP, HUGE_INTEGER], ids=["nested", "digits"])
def test_unreadable_json_answers_400_signed_in(client, estate, committee, body):
    response = client.post(f"/api/v1/estates/{estate.id}/fund-ledger", data=body,
                           content_type="application/json", headers=auth(committee))
    assert response.status_code == 400, response.get_data(as_text=True)[:200]
    assert response.json["error"]["code"] == "bad_request"
