"""Every route of API.md's "Auth" and "Estates and flats" sections is in the OpenAPI document."""
import re

from app import create_app
from app.config import TestConfig

# The contract (../shared/API.md), copied route by route: the shared file is not part of a clone.
CONTRACT = """
POST /api/v1/auth/sms-codes
POST /api/v1/auth/tokens
POST /api/v1/auth/tokens/refresh
GET /api/v1/auth/wechat/authorize
GET /api/v1/auth/wechat/callback
GET /api/v1/me
GET /api/v1/dev/sms-outbox
POST /api/v1/estates
GET /api/v1/estates/{id}
GET /api/v1/estates/{id}/buildings
POST /api/v1/estates/{id}/flats/import
GET /api/v1/stairwells/{id}/flats
POST /api/v1/estates/{id}/members
POST /api/v1/flats/claims
POST /api/v1/flats/claims/by-code
POST /api/v1/claims/{id}/approve
POST /api/v1/claims/{id}/reject
POST /api/v1/estates/{id}/flat-codes
"""


def shape(path: str) -> str:
    """/estates/{estate_id}/flats -> /estates/{}/flats: parameter names may differ."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def test_every_contract_route_is_documented():
    app = create_app(TestConfig)
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json
    documented = {(method.upper(), shape(path))
                  for path, operations in document["paths"].items() for method in operations
                  if method in {"get", "post", "put", "patch", "delete"}}
    contract = {(method, shape(path)) for method, path in
                (line.split() for line in CONTRACT.strip().splitlines())}
    assert contract - documented == set()
    assert document["info"]["title"] and document["openapi"].startswith("3.")


def test_multipart_upload_and_csv_answer_are_described():
    document = create_app(TestConfig).test_client().get("/api/v1/openapi.json").json
    ledger = document["paths"]["/api/v1/estates/{estate_id}/flats/import"]["post"]
    assert "multipart/form-data" in ledger["requestBody"]["content"]
    codes = document["paths"]["/api/v1/estates/{estate_id}/flat-codes"]["post"]
    assert "text/csv" in codes["responses"]["201"]["content"]


def test_every_api_route_is_in_the_document_once_however_often_it_is_read():
    """The operations are written into the document when it is first read (GongzhiApi.spec):
    every method of every route of the API's blueprints is in it, for the last app built as
    for the first, and reading it again gives the same document."""
    create_app(TestConfig)
    app = create_app(TestConfig)
    client = app.test_client()
    document = client.get("/api/v1/openapi.json").json
    blueprints = app.extensions["flask-smorest"]["blp_name_to_api"]
    routed = {(method, shape(re.sub(r"<(?:[^:>]*:)?([^>]*)>", r"{\1}", rule.rule)))
              for rule in app.url_map.iter_rules() if rule.endpoint.split(".")[0] in blueprints
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    documented = [(method.upper(), shape(path)) for path, operations in document["paths"].items()
                  for method in operations if method in {"get", "post", "put", "patch", "delete"}]
    assert len(routed) > 150 and sorted(documented) == sorted(routed)
    assert [tag["name"] for tag in document["tags"]] == list(blueprints)
    assert client.get("/api/v1/openapi.json").json == document
