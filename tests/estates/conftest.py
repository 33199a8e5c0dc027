"""The estate and committee member the ledger tests import into."""
import pytest

from app.estates.api import create_estate
from tests.factories import make_user


@pytest.fixture
def estate(app):
    return create_estate(name="和平里小区", district="东城区", street="和平里街道", built_year=1988)


@pytest.fixture
def committee(estate):
    return make_user(roles=[("committee", estate.id)])
