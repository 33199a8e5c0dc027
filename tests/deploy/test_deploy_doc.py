"""docs/deploy.md names every environment variable the code reads (app/config.py and the
modules that read their own, such as app/offload.py), with its default."""
import re

from tests.live import ROOT


def test_every_environment_variable_is_in_the_deploy_table():
    read = {name for path in (ROOT / "app").rglob("*.py")
            for name in re.findall(r'environ\.get\("([A-Z0-9_]+)"', path.read_text(encoding="utf-8"))}
    rows = [line for line in (ROOT / "docs" / "deploy.md").read_text().splitlines()
            if line.startswith("| `")]
    documented = {name for row in rows for name in re.findall(r"`([A-Z0-9_]+)`", row.split("|")[1])}
    assert read - documented == set(), "add these to docs/deploy.md, section 3"
    assert all(len(row.split("|")) == 5 and row.split("|")[2].strip() for row in rows)
