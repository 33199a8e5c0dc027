import pytest

from app.signals import ballot_cast, consultation_status_changed


@pytest.fixture
def signals_seen():
    """Every ballot_cast and consultation_status_changed sent during the test, in order."""
    seen = []

    def on_ballot(sender, **kwargs):
        seen.append(("ballot_cast", kwargs))

    def on_status(sender, **kwargs):
        seen.append(("consultation_status_changed", kwargs))

    ballot_cast.connect(on_ballot)
    consultation_status_changed.connect(on_status)
    yield seen
    ballot_cast.disconnect(on_ballot)
    consultation_status_changed.disconnect(on_status)
