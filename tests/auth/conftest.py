"""Fixtures of the auth tests: the fake WeChat, one per test module, served on a local port."""
import pytest

from tests.auth.fake_wechat import FakeWechat
from tests.auth.wechat_steps import APP_ID, APP_SECRET, MINI_ID, MINI_SECRET
from tests.live import serve_wsgi


@pytest.fixture(scope="module")
def wechat():
    """WeChat's endpoints (web authorization and the mini program's), faked; `config_overrides`
    of each module resets it and points the app at `wechat.url`."""
    fake = FakeWechat(APP_ID, APP_SECRET, MINI_ID, MINI_SECRET)
    with serve_wsgi(fake.app) as url:
        fake.url = url
        yield fake
