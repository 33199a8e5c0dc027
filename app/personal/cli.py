import click
from flask.cli import AppGroup

from app.db import utcnow
from app.personal.retention import apply_retention

privacy_cli = AppGroup("privacy", help="Personal information: retention rules.")


@privacy_cli.command("retention")
def retention_command():
    """Delete what the retention rules no longer keep (the scheduler does it daily)."""
    removed = apply_retention(utcnow())
    click.echo(", ".join(f"{key}: {count} removed" for key, count in removed.items()))
