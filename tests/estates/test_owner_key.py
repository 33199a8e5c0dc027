"""Owner hashes of ID numbers use OWNER_KEY_SECRET, so rotating SECRET_KEY keeps owners."""
import os
import subprocess
import sys

from app import create_app
from app.config import ROOT, TestConfig
from app.security import keyed_hash

ID_NUMBER = "id:110101195003030033"


def owner_hash(**config) -> str:
    app = create_app(type("KeyConfig", (TestConfig,), config))
    with app.app_context():
        return keyed_hash("owner", ID_NUMBER)


def test_owner_hash_follows_owner_key_secret_not_secret_key():
    first = owner_hash(SECRET_KEY="a" * 40, OWNER_KEY_SECRET="owners-key-0123456789")
    rotated = owner_hash(SECRET_KEY="b" * 40, OWNER_KEY_SECRET="owners-key-0123456789")
    assert first == rotated
    assert owner_hash(SECRET_KEY="a" * 40, OWNER_KEY_SECRET=None) != first
    assert owner_hash(SECRET_KEY="a" * 40, OWNER_KEY_SECRET=None) == \
        owner_hash(SECRET_KEY="a" * 40, OWNER_KEY_SECRET="")
    assert ID_NUMBER.split(":")[1] not in first


def test_owner_key_secret_is_read_from_the_environment():
    code = "from app.config import Config; print(Config.OWNER_KEY_SECRET)"
    env = {**os.environ, "OWNER_KEY_SECRET": "from-the-environment"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "from-the-environment"
